/**
 * The plot's coordinates: where dates and values land, in pixels from the plot's top-left
 * corner, and the y domain (computed here rather than by Vega, so that the label layout knows
 * where every point is). Also the date format of the time axis.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import type { ChartRow } from './chart-data.js';
import { MAX_TOP, NOTE_ROOM, PHASE_BAND, PLOT_HEIGHT, PLOT_WIDTH, X_PAD, Y_PAD, type LineField } from './chart-style.js';
import type { MeasureRecord } from '../model/document.js';

/**
 * The domain widened to round tick steps: d3-scale's linear `nice(count)` (the same call Vega's
 * `nice: true` makes), trimmed of float noise such as 0.30000000000000004.
 */
export function niceDomain(start: number, stop: number, count = 10): [number, number] {
  const [d0, d1] = scaleLinear().domain([start, stop]).nice(count).domain();
  return [Number(d0.toPrecision(12)), Number(d1.toPrecision(12))];
}

/** Where dates and values land in the plot, in pixels from its top-left corner. */
export interface Frame {
  x(date: string): number;
  y(v: number): number;
  /** The y domain set on the scale, or null (no numbers at all: Vega's default). */
  domain: [number, number] | null;
}

/**
 * The plot's coordinates. The x scale is Vega's (a UTC scale padded by X_PAD pixels); the y domain
 * is computed here: every drawn number (values, lines, target), Y_PAD pixels clear of the
 * bottom and `top` pixels clear of the top, then made nice. It starts at 0 rather than below it
 * when nothing drawn is negative. The top is raised further, 4 px at a time, until every value in
 * `roomAbove` is at least `room` pixels below the top (room for an annotation above its point).
 */
function frame(times: readonly number[], numbers: readonly number[], top: number, roomAbove: readonly number[] = [], room = 0): Frame {
  const t0 = times.length ? times.reduce((a, b) => Math.min(a, b)) : 0;
  const t1 = times.length ? times.reduce((a, b) => Math.max(a, b)) : 0;
  // A UTC time scale across the plot less its padding (a single date lands in the middle).
  const time = scaleUtc().domain([t0, t1]).range([0, PLOT_WIDTH - 2 * X_PAD]);
  const x = (date: string) => X_PAD + time(Date.parse(date));
  if (!numbers.length) return { x, y: () => PLOT_HEIGHT / 2, domain: null };
  let lo = numbers.reduce((a, b) => Math.min(a, b));
  let hi = numbers.reduce((a, b) => Math.max(a, b));
  if (lo === hi) {
    const d = Math.abs(lo) * 0.1 || 1;
    lo -= d;
    hi += d;
  }
  for (let t = top; ; t += 4) {
    const span = (hi - lo) / (1 - (Y_PAD + t) / PLOT_HEIGHT);
    let d0 = lo - (Y_PAD / PLOT_HEIGHT) * span;
    const d1 = hi + (t / PLOT_HEIGHT) * span;
    if (lo >= 0 && d0 < 0) d0 = 0;
    const domain = niceDomain(d0, d1);
    // Plain arithmetic rather than a d3 linear scale: d3 interpolates in a different order, which
    // moves label positions in the last bit of the spec's numbers.
    const y = (v: number) => (PLOT_HEIGHT * (domain[1] - v)) / (domain[1] - domain[0]);
    if (t >= MAX_TOP || roomAbove.every((v) => y(v) >= room)) return { x, y, domain };
  }
}

/**
 * The frame of a measure's chart: it holds every value, every drawn line and the target. Room
 * is kept above annotated points, so that a label need not go below a point at the top (where
 * the series usually runs), and above the phase labels too when there are any.
 */
export function chartFrame(m: MeasureRecord, values: readonly ChartRow[], drawn: readonly LineField[], target: number | null): Frame {
  const numbers: number[] = [];
  for (const r of values) {
    if (r.value !== null) numbers.push(r.value);
    for (const f of drawn) if (r[f] !== null) numbers.push(r[f]!);
  }
  if (target !== null) numbers.push(target);
  const hasPhaseLabels = m.phases.some((ph) => ph.label);
  const noted = values.filter((r) => r.note && r.value !== null).map((r) => r.value!);
  return frame(
    values.map((r) => Date.parse(r.date)),
    numbers,
    hasPhaseLabels ? PHASE_BAND : Y_PAD,
    noted,
    NOTE_ROOM + (hasPhaseLabels ? PHASE_BAND - Y_PAD : 0),
  );
}

/** d3 time format for the x axis, from the span of the dates. */
export function dateFormat(m: MeasureRecord): string {
  if (m.points.length < 2) return '%-d %b %Y';
  const first = Date.parse(m.points[0].date);
  const last = Date.parse(m.points[m.points.length - 1].date);
  const days = Math.abs(last - first) / 86_400_000;
  return days < 200 ? '%-d %b %Y' : '%b %Y';
}
