/** The load stage's public surface: YAML files in, schema-valid agreements with source positions out. */
export { API_VERSION, loadAgreements, loadAgreementSources, loadAgreementText, type AgreementSource, type LoadResult, type TextLoad } from './loader.js';
export { displayPath } from './files.js';
export { ownValue } from './mapping.js';
export * from './model.js';
export { compare, parseDuration, parseQuantity, parseTarget, usesDayUnits, type Operator, type Quantity, type QuantityUnit, type Target } from './quantity.js';
export { acceptedEntries, isAccepted, referableItemIds, referableNames, type MapSection, type Names } from './rejected.js';
export { agreementSchema, schemaErrors, schemaText } from './schema.js';
export { closestName } from './suggest.js';
