/** Every output format: pure functions from results (or problems) to text. */
export type { AgreementInfo, EvaluationView } from './view.js';
export { toEvaluationResult, formatJson } from './json.js';
export { formatTable, TABLE_COLUMNS, tableColumn, type TableColumn, type TableOptions } from './table.js';
export { formatScorecard } from './scorecard.js';
export { formatMarkdown } from './markdown.js';
export { formatJunit } from './junit.js';
export { formatGithub } from './github.js';
export { formatExplainText, formatExplainJson } from './explain.js';
export { chainNoteText, computationText, describeAttribution, exampleText, statusReason, verdictText, wordingOf, type Wording } from './explanation.js';
export { formatProblemsGithub, formatProblemsJson, formatProblemsMarkdown, formatProblemsText } from './problems.js';
export { formatValue, formatValueAgainst } from './values.js';
export { formatWarningsText, warningJson, warningMessage } from './warnings.js';
export { sparkline } from './sparkline.js';
export { evidenceKey, formatCreditsCsv, formatCreditsJson, formatCreditsMarkdown, formatCreditsText, type CreditsView, type ItemEvidence } from './credits.js';
export { diffSummary, flowValue, formatDiffJson, formatDiffMarkdown, formatDiffText, type DiffSummary, type DiffView } from './diff.js';
export { formatHtml } from './html/page.js';
