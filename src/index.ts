/**
 * slacheck as a library: load agreement files, compile them (validation problems and the resolved
 * model), and evaluate them with the one core call; format the results with any output format.
 *
 *   const load = await loadAgreements(['agreements'], { cwd });
 *   const { agreements, problems } = compileAgreements(load.agreements, { cwd });
 *   const { results } = await evaluate(agreements, { asOf: '2026-07-01', readRows: (s, sinks) => readCsv(s, sinks) });
 *   const json = formatJson({ asOf: '2026-07-01', evaluated: results, agreements: [] });
 */
export { loadAgreements, loadAgreementSources, loadAgreementText, type AgreementSource, type LoadResult } from './agreement/index.js';
export { compileAgreements, strictProblems, type Compilation, type CompiledAgreement } from './compile/index.js';
export { diffAgreements, type AgreementChange, type AgreementDiff, type Classification } from './diff/index.js';
export { evaluate, type EvaluateOptions, type Evaluation } from './core/index.js';
export { readCsv, type DataSource, type ReadRows, type RowSink } from './data/index.js';
export type { Evaluated, ObjectiveResult, Selection, Status } from './evaluate/index.js';
export * from './format/index.js';
export { buildGraph, formatDot, formatMermaid } from './graph/index.js';
export type { Problem } from './problem.js';
