/** An evaluator's explanation rendered as the formats show it, for assertions in words. */
import type { Attribution, ComputationStep, Example, Verdict } from '../../src/evaluate/explanation.js';
import { computationText, describeAttribution, exampleText } from '../../src/format/explanation.js';
import { verdictThresholds } from '../../src/format/values.js';

/** Values are shown against the verdict's thresholds when the explanation has one, as `explain` does. */
export function inWords(o: { computation: ComputationStep[]; examples: Example[]; attributions: Attribution[]; verdict?: Verdict }) {
  const wording = { thresholds: o.verdict ? verdictThresholds(o.verdict) : [] };
  return {
    computation: o.computation.map((step) => computationText(step, wording)),
    examples: o.examples.map((ex) => exampleText(ex, wording)),
    attributions: o.attributions.map(({ mechanism, party, records, seconds, rule }) => ({ mechanism, party, records, seconds, detail: describeAttribution(rule) })),
  };
}
