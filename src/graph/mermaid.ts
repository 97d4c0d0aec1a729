/** `slacheck graph --format mermaid`: a flowchart GitHub renders inline. */
import type { Status } from '../evaluate/result.js';
import { agreementCaption, itemCaption } from './captions.js';
import type { AgreementGraph } from './build.js';

const STATUS_CLASSES: readonly [Status, string, string][] = [
  ['met', 'met', 'fill:#d4edda,stroke:#2e7d32,color:#000'],
  ['at-risk', 'at_risk', 'fill:#fff3cd,stroke:#b8860b,color:#000'],
  ['breached', 'breached', 'fill:#f8d7da,stroke:#c62828,color:#000'],
  ['excused', 'excused', 'fill:#d1ecf1,stroke:#0277bd,color:#000'],
  ['no-data', 'no_data', 'fill:#eeeeee,stroke:#757575,color:#000'],
];

/** Label text inside `"…"`: Mermaid entity codes for characters that would end or restyle the label. */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\r?\n|\r/g, ' ');
}

/** Node ids from `agreement/objective`: letters, digits and `_` only, prefixed (so `end` is never an id), unique. */
function idAllocator(): (key: string, prefix: string) => string {
  const byKey = new Map<string, string>();
  const taken = new Set<string>();
  return (key, prefix) => {
    const known = byKey.get(prefix + key);
    if (known) return known;
    const base = `${prefix}_${key.replace(/[^A-Za-z0-9]/g, '_')}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    byKey.set(prefix + key, id);
    return id;
  };
}

export function formatMermaid(graph: AgreementGraph): string {
  const id = idAllocator();
  const lines = ['flowchart LR'];
  for (const a of graph.agreements) {
    lines.push(`  subgraph ${id(a.id, 'a')}["${mermaidText(agreementCaption(a))}"]`);
    for (const i of a.items) {
      const label = mermaidText(`${i.id}`) + '<br/>' + mermaidText(itemCaption(i));
      // reports are deliverables: a rounded shape tells them apart from objectives
      lines.push(i.itemKind === 'report' ? `    ${id(i.key, 'n')}("${label}")` : `    ${id(i.key, 'n')}["${label}"]`);
    }
    lines.push('  end');
  }
  for (const e of graph.edges) {
    lines.push(e.excuses ? `  ${id(e.from, 'n')} -. excuses .-> ${id(e.to, 'n')}` : `  ${id(e.from, 'n')} --> ${id(e.to, 'n')}`);
  }
  if (graph.hasStatus) {
    for (const [, cls, style] of STATUS_CLASSES) lines.push(`  classDef ${cls} ${style}`);
    for (const [status, cls] of STATUS_CLASSES) {
      const ids = graph.agreements.flatMap((a) => a.items.filter((i) => i.status === status).map((i) => id(i.key, 'n')));
      if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${cls}`);
    }
  }
  return lines.join('\n') + '\n';
}
