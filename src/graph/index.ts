/** The dependency graph of agreements and its formats (`slacheck graph`). */
export { buildGraph, type AgreementGraph, type GraphAgreement, type GraphEdge, type GraphItem } from './build.js';
export { formatMermaid } from './mermaid.js';
export { formatDot } from './dot.js';
