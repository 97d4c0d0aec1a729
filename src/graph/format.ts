/** The graph formats of `slacheck graph`. */
export { formatMermaid } from './mermaid.js';
export { formatDot } from './dot.js';
