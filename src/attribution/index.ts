/** Window-level attribution (SPEC 5, 6): post-passes over evaluated results that return new results. */
export { attributeDependencies } from './chain.js';
export { applyCredits, creditFor, creditPercent } from './credits.js';
export { evaluateRemedies, type RemedyEntry, type RemedyWindowFilter } from './remedies.js';
export { creditStatements, type CreditItem, type CreditStatement } from './statements.js';
