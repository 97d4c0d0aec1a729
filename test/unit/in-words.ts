/** An evaluator's explanation rendered as the formats show it, for assertions in words. */
import type { Attribution, ComputationStep, Example, Verdict } from '../../src/evaluate/explanation.js';
import { computationText, describeAttribution, exampleText } from '../../src/format/explanation.js';
import { verdictThresholds } from '../../src/format/values.js';

/**
 * Values are shown against the verdict's thresholds when the explanation has one, as `explain` does;
 * instants without a zone of their own (downtime spans, as-of) in `zone`.
 */
export function inWords(o: { computation: ComputationStep[]; examples: Example[]; attributions: Attribution[]; verdict?: Verdict }, zone = 'UTC') {
  const wording = { thresholds: o.verdict ? verdictThresholds(o.verdict) : [], zone };
  return {
    computation: o.computation.map((step) => computationText(step, wording)),
    examples: o.examples.map((ex) => exampleText(ex, wording)),
    attributions: o.attributions.map(({ mechanism, party, records, seconds, rule }) => ({ mechanism, party, records, seconds, detail: describeAttribution(rule) })),
  };
}
