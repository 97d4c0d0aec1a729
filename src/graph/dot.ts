/** `slacheck graph --format dot`: Graphviz, one cluster per agreement. */
import type { Status } from '../evaluate/result.js';
import { agreementCaption, itemCaption } from './captions.js';
import type { AgreementGraph } from './build.js';

const FILL: Readonly<Record<Status, string>> = {
  met: '#d4edda',
  'at-risk': '#fff3cd',
  breached: '#f8d7da',
  excused: '#d1ecf1',
  'no-data': '#eeeeee',
};

/** A double-quoted DOT string; a newline becomes the `\n` centred line break. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n')}"`;
}

export function formatDot(graph: AgreementGraph): string {
  const lines = [
    'digraph slacheck {',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
    '  edge [fontname="Helvetica"];',
  ];
  for (const a of graph.agreements) {
    lines.push(`  subgraph ${dotString(`cluster_${a.id}`)} {`, `    label=${dotString(agreementCaption(a))};`);
    for (const i of a.items) {
      const attrs = [`label=${dotString(`${i.id}\n${itemCaption(i)}`)}`];
      if (i.itemKind === 'report') attrs.push('shape=note');
      if (i.status) attrs.push(`fillcolor=${dotString(FILL[i.status])}`, `tooltip=${dotString(i.status)}`);
      lines.push(`    ${dotString(i.key)} [${attrs.join(', ')}];`);
    }
    lines.push('  }');
  }
  for (const e of graph.edges) {
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)}${e.excuses ? ' [style=dashed, label="excuses"]' : ''};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
