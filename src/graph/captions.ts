/** Node and cluster captions shared by the Mermaid and DOT formats. */
import type { GraphAgreement, GraphItem } from './build.js';

/** `SLA service-desk: IT Operations → Company X`. */
export function agreementCaption(a: GraphAgreement): string {
  const parties = a.provider ? `: ${a.provider} → ${a.customers.join(', ')}` : '';
  return `${a.kind} ${a.id}${parties}`;
}

/** `it-ops · >= 95% / month`. */
export function itemCaption(i: GraphItem): string {
  return `${i.owner} · ${i.target} / ${i.window}`;
}
