/** SPEC 7: documentation gaps the seed guidance calls out; warnings (errors with --strict). */
import { acceptedEntries, isAccepted, reportsOf, type AgreementCheck } from './context.js';

function missing<T extends object>(obj: T | undefined, keys: ReadonlyArray<keyof T & string>): string[] {
  return keys.filter((k) => {
    const v = obj?.[k];
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
  });
}

function list(keys: readonly string[]): string {
  return keys.map((k) => `\`${k}\``).join(', ');
}

export const checkDocumentation: AgreementCheck = (a, _index, report) => {
  const doc = a.doc;
  for (const [id, service] of acceptedEntries(a, 'services')) {
    const gaps = missing(service, ['description', 'location', 'hours']);
    if (gaps.length) {
      report(['services', id], 'doc-service-incomplete', `service \`${id}\` does not say ${list(gaps)}; document what, where and when it is delivered`, 'warning');
    }
  }
  for (const { report: r, path } of reportsOf(a)) {
    const gaps = missing(r, ['format', 'channel', 'to']);
    if (gaps.length) {
      report(path, 'doc-report-incomplete', `report \`${r.id}\` does not say ${list(gaps)}; document its format, channel and recipients`, 'warning');
    }
  }
  const gaps = missing(doc.monitoring, ['collection', 'verification', 'auditor']);
  if (gaps.length && isAccepted(a, ['monitoring'])) {
    report(
      doc.monitoring ? ['monitoring'] : [],
      'doc-monitoring-missing',
      doc.monitoring
        ? `monitoring does not say ${list(gaps)}; document how the numbers are collected, checked and by whom`
        : 'no `monitoring` section; document how the numbers are collected (`collection`), how often checked (`verification`) and who audits (`auditor`)',
      'warning',
    );
  }
  for (const [id, party] of acceptedEntries(a, 'parties')) {
    if (missing(party, ['contact']).length) {
      report(['parties', id], 'doc-party-contact', `party \`${id}\` has no \`contact\`; add who to call or write to`, 'warning');
    }
  }
};
