/** Every output format of `evaluate` and `explain`, in one import for the CLI. */
export type { AgreementInfo, EvaluationView } from './view.js';
export { latestWindows } from './view.js';
export { toEvaluationResult, formatJson } from './json.js';
export { formatTable } from './table.js';
export { formatScorecard } from './scorecard.js';
export { formatMarkdown } from './markdown.js';
export { formatJunit } from './junit.js';
export { formatGithub } from './github.js';
export { formatExplainText, formatExplainJson } from './explain.js';
export { formatValue } from './values.js';
export { sparkline } from './sparkline.js';
