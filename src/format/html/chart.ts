/**
 * The inline SVG chart of one objective's series: its value per window against the target and
 * warning lines, each window's status a shape (never colour alone), breached windows labelled.
 */
import { parseTarget, type Target } from '../../agreement/quantity.js';
import type { Evaluated, Status, Unit } from '../../evaluate/result.js';
import { formatResultValue, formatValue } from '../values.js';
import { windowLabel } from '../view.js';
import { esc } from './escape.js';

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 78;
const RIGHT = 150;
const TOP = 18;
const BOTTOM = 40;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
/** Window labels under the x axis, at most. */
const MAX_X_LABELS = 6;
/** Breached windows labelled by name on the chart, at most (the caption and the table list all). */
const MAX_BREACH_LABELS = 8;

const n = (x: number): string => String(Math.round(x * 10) / 10);

/** The target and warning of a series, from the first window judged against them. */
export function seriesThresholds(series: readonly Evaluated[]): { target: Target | null; warning: Target | null } {
  for (const e of series) {
    const v = e.explanation.verdict;
    if (v.status !== 'no-data') return { target: v.target, warning: v.warning };
  }
  return { target: series[0] ? parseTarget(series[0].target) : null, warning: null };
}

/** The y range: every value and threshold, padded; percentages kept inside 0–100 where the data allow. */
function yRange(values: readonly number[], unit: Unit): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = hi === lo ? Math.max(Math.abs(hi) * 0.05, 1) : (hi - lo) * 0.1;
  lo -= pad;
  hi += pad;
  if (unit === '%') {
    lo = Math.max(lo, Math.min(0, ...values));
    hi = Math.min(hi, Math.max(100, ...values));
  }
  if (unit !== 'number' && Math.min(...values) >= 0) lo = Math.max(lo, 0);
  return [lo, hi];
}

function marker(status: Status, x: number, y: number, r: number): string {
  switch (status) {
    case 'met':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}"/>`;
    case 'at-risk':
      return `<path d="M${n(x)} ${n(y - r * 1.3)}L${n(x + r * 1.3)} ${n(y)}L${n(x)} ${n(y + r * 1.3)}L${n(x - r * 1.3)} ${n(y)}Z"/>`;
    case 'breached': {
      const d = r * 1.1;
      return `<path d="M${n(x - d)} ${n(y - d)}L${n(x + d)} ${n(y + d)}M${n(x - d)} ${n(y + d)}L${n(x + d)} ${n(y - d)}"/>`;
    }
    case 'excused':
      return `<rect x="${n(x - r)}" y="${n(y - r)}" width="${n(2 * r)}" height="${n(2 * r)}"/>`;
    case 'no-data':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}"/>`;
  }
}

/** Indices of the windows named under the x axis: the first, the last and evenly spaced ones between. */
function labelledIndices(count: number): number[] {
  if (count <= MAX_X_LABELS) return [...Array(count).keys()];
  const out = new Set<number>();
  for (let i = 0; i < MAX_X_LABELS; i++) out.add(Math.round((i * (count - 1)) / (MAX_X_LABELS - 1)));
  return [...out];
}

/**
 * The chart of `series` (one objective's windows of one kind, in start order); `id` makes the ids
 * of its title and description unique in the page.
 */
export function objectiveChart(series: readonly Evaluated[], id: string): string {
  const first = series[0]!;
  const unit = first.unit;
  const { target, warning } = seriesThresholds(series);
  const values = series.map((e) => e.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const lines = [target, warning].filter((t): t is Target => t !== null);
  const [lo, hi] = yRange([...values, ...lines.map((t) => t.value), ...(values.length + lines.length === 0 ? [0] : [])], unit);
  const step = PLOT_W / series.length;
  const xOf = (i: number) => LEFT + (i + 0.5) * step;
  const yOf = (v: number) => TOP + PLOT_H - ((v - lo) / (hi - lo)) * PLOT_H;
  const r = Math.max(2, Math.min(5, step / 3));
  const breached = series.filter((e) => e.status === 'breached');
  const title = `${first.agreement}/${first.objective}: value per ${first.windowKind} window, target ${first.target}`;
  const desc =
    `${series.length} window${series.length === 1 ? '' : 's'} from ${first.window.label} to ${series[series.length - 1]!.window.label}; ` +
    (breached.length === 0 ? 'none breached' : `${breached.length} breached: ${breached.map((e) => windowLabel(e)).join(', ')}`);
  const out = [
    `<svg class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${esc(title)}</title>`,
    `<desc id="${id}-desc">${esc(desc)}</desc>`,
    `<rect class="plot" x="${LEFT}" y="${TOP}" width="${PLOT_W}" height="${PLOT_H}"/>`,
  ];
  // the y axis: its bounds, in the objective's unit
  for (const v of [hi, lo]) {
    out.push(`<text class="tick" x="${LEFT - 6}" y="${n(yOf(v) + 4)}" text-anchor="end">${esc(formatValue(v, unit))}</text>`);
  }
  // target solid, warning dashed, each named at the line's right end (not colour alone)
  for (const [kind, t] of [['target', target], ['warning', warning]] as const) {
    if (!t) continue;
    const y = yOf(t.value);
    out.push(
      `<line class="${kind}-line" x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${n(y)}" y2="${n(y)}"><title>${kind} ${esc(t.text)}</title></line>`,
      `<text class="line-label" x="${LEFT + PLOT_W + 6}" y="${n(y + (kind === 'warning' && target && Math.abs(yOf(target.value) - y) < 12 ? 12 : 4))}">${kind} ${esc(t.text)}</text>`,
    );
  }
  // the value line, broken where a window has no value
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) out.push(`<polyline class="value-line" points="${run.join(' ')}"/>`);
    run = [];
  };
  series.forEach((e, i) => {
    if (e.value === null || !Number.isFinite(e.value)) flush();
    else run.push(`${n(xOf(i))},${n(yOf(e.value))}`);
  });
  flush();
  series.forEach((e, i) => {
    const hasValue = e.value !== null && Number.isFinite(e.value);
    const y = hasValue ? yOf(e.value!) : TOP + PLOT_H - r - 1;
    const cls = `point ${e.status}${e.status === 'breached' ? ' breach-marker' : ''}${e.window.partial ? ' partial' : ''}`;
    const tip = `${windowLabel(e)}: ${hasValue ? formatResultValue(e) : 'no data'}, ${e.status} (target ${e.target})`;
    out.push(`<g class="${cls}"><title>${esc(tip)}</title>${marker(e.status, xOf(i), y, r)}</g>`);
  });
  if (breached.length <= MAX_BREACH_LABELS) {
    series.forEach((e, i) => {
      if (e.status !== 'breached') return;
      const y = e.value !== null && Number.isFinite(e.value) ? yOf(e.value) : TOP + PLOT_H;
      const below = y < TOP + 20;
      out.push(`<text class="breach-label" x="${n(xOf(i))}" y="${n(below ? y + r + 12 : y - r - 5)}" text-anchor="middle">breached</text>`);
    });
  }
  for (const i of labelledIndices(series.length)) {
    out.push(`<text class="tick" x="${n(xOf(i))}" y="${TOP + PLOT_H + 16}" text-anchor="middle">${esc(series[i]!.window.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
