/** The diff stage (SPEC 9.6): two loaded versions of agreements in, classified semantic changes out. */
export { diffAgreements, type AgreementDiff } from './compare.js';
export { CLASSIFICATIONS, type AgreementChange, type ChangeKind, type Classification } from './model.js';
