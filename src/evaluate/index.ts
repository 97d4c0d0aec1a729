/**
 * The evaluate stage's public surface: compiled agreements and a row reader in, one result per
 * objective and window out (record-level attribution included, dependency chains not yet).
 */
export { measureAgreements, type Measured, type MeasureOptions } from './engine.js';
export type { RunWarning, WarningCode } from './warnings.js';
export type * from './explanation.js';
export * from './result.js';
export { FAIL_LEVELS, failingResults, latestWindows, selectResults, unmatchedFilter, windowFilter, type FailLevel, type Selection, type SelectionMiss } from './select.js';
export { scalarText } from './where.js';
export { budgetOf, hasBudget, type Budget, type BudgetBasis } from './budget.js';
