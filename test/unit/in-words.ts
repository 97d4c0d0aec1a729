/** An evaluator's explanation rendered as the formats show it, for assertions in words. */
import type { Attribution, ComputationStep, Example } from '../../src/evaluate/explanation.js';
import { computationText, describeAttribution, exampleText } from '../../src/format/explanation.js';

export function inWords(o: { computation: ComputationStep[]; examples: Example[]; attributions: Attribution[] }) {
  return {
    computation: o.computation.map(computationText),
    examples: o.examples.map(exampleText),
    attributions: o.attributions.map(({ mechanism, party, records, seconds, rule }) => ({ mechanism, party, records, seconds, detail: describeAttribution(rule) })),
  };
}
