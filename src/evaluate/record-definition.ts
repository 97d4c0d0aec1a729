/** What a record objective's definition says: its measure kind and its SPEC 3.2 `good` rule, with positioned errors. */
import type { Objective, Where } from '../agreement/model.js';
import { parseDuration } from '../agreement/quantity.js';
import { InputError, problem } from '../problem.js';
import type { EvaluatorContext } from './evaluator.js';
import { describeWhere } from './where.js';

export type RecordKind = 'count' | 'value' | 'duration' | 'deadline';

export function recordKind(o: Objective): RecordKind {
  const m = o.measure;
  if (m === 'count') return 'count';
  if ('value' in m) return 'value';
  if ('duration' in m) return 'duration';
  if ('deadline' in m) return 'deadline';
  throw new Error(`record evaluator cannot measure ${JSON.stringify(m)}`);
}

export function definitionError(ctx: EvaluatorContext, code: string, message: string): InputError {
  const obj = ctx.item as Objective;
  const i = (ctx.agreement.doc.objectives ?? []).indexOf(obj);
  const pos = ctx.agreement.locate(['objectives', i]);
  return new InputError([problem(ctx.agreement.file, pos.line, pos.column, code, message)]);
}

/** SPEC 3.2 `good`: `le` (within / max), `ge` (min), `where`, or none (not a ratio). */
export interface GoodRule {
  op: 'le' | 'ge' | 'where' | 'none';
  limit: number;
  /** `within 30m`, `on time`, `≤ 10`, `matching status = ok`. */
  text: string;
  where: Where | undefined;
}

export function describeGood(where: Where): string {
  return `matching ${describeWhere(where)}`;
}

/** SPEC 3.2: per-record success; deadlines default to "on time" (lateness ≤ 0). */
export function goodRule(ctx: EvaluatorContext, obj: Objective, kind: RecordKind): GoodRule {
  const g = obj.good;
  if (!g) return kind === 'deadline' ? { op: 'le', limit: 0, text: 'on time', where: undefined } : { op: 'none', limit: 0, text: '', where: undefined };
  if ('within' in g) {
    const s = parseDuration(String(g.within));
    if (s === null) throw definitionError(ctx, 'invalid-duration', `good.within "${g.within}" is not a duration such as 30m or 1h30m`);
    return { op: 'le', limit: s, text: `within ${g.within}`, where: undefined };
  }
  if ('max' in g) return { op: 'le', limit: g.max, text: `≤ ${g.max}`, where: undefined };
  if ('min' in g) return { op: 'ge', limit: g.min, text: `≥ ${g.min}`, where: undefined };
  return { op: 'where', limit: 0, text: describeGood(g.where), where: g.where };
}
