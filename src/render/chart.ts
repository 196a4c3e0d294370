/**
 * The SPC chart of one measure, in the NHS "Making Data Count" style, as a Vega-Lite spec
 * (`chartSpec`, pure, data inline) and as a static SVG string (`renderChartSvg`, headless Vega).
 * Every chart type of the registry is drawn the same way: the series, the centre line, the
 * control limits and two-sigma lines of each phase (steps where they vary from point to point),
 * and, where the record has them, a target line, annotations and phase labels.
 *
 * Vega and Vega-Lite are imported lazily, on the first render, so commands that draw no chart do
 * not pay for loading them. Rendering is deterministic: text is measured with a fixed width
 * table (never a `canvas` package), every scale and date format is UTC, and nothing depends on
 * the current time, locale or time zone. The y domain and the places of the text labels are
 * computed here (not by Vega), so labels can be kept clear of each other, of the points and of
 * the edges of the plot.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import type { TopLevelSpec } from 'vega-lite';
import type { Side, Variation } from '../core/types.js';
import type { MeasureRecord, PhaseRecord, PointRecord } from './document.js';
import { chartSentenceName, directionWords, hasMedianCentre, VARIATIONS, variationColour, variationLabel } from './vocabulary.js';

export { chartName as chartTypeName, VARIATION_COLOURS } from './vocabulary.js';

export interface ChartOptions {
  /** Display multiplier for values and lines (e.g. 100 to show a proportion as a percentage). */
  readonly multiply?: number;
}

/** Marker shapes: colour is never the only cue for a signal. */
const SHAPES = { common: 'circle', high: 'triangle-up', low: 'triangle-down', other: 'diamond' } as const;

function shapeOf(variation: Variation, side: Side | null): string {
  if (variation === 'common-cause') return SHAPES.common;
  return side === 'high' ? SHAPES.high : side === 'low' ? SHAPES.low : SHAPES.other;
}

export const FONT_FAMILY = 'Arial, Helvetica, sans-serif';
const SERIES_COLOUR = '#7f7f7f';
const LINE_COLOUR = '#3f3f3f';
/** Target line and its label: dark green, dot-dash (no variation colour is green). */
export const TARGET_COLOUR = '#1B7837';
const TARGET_DASH = [8, 3, 2, 3];
/** Phase labels, leaders of annotations. */
const LABEL_GREY = '#666666';
const NOTE_COLOUR = '#262626';
const PLOT_WIDTH = 720;
const PLOT_HEIGHT = 320;
/** Pixels between the first/last date and the left/right edge of the plot (x scale padding). */
const X_PAD = 12;
/** Pixels kept free between the data and the bottom/top of the plot. */
const Y_PAD = 6;
/** Font size of phase labels, annotations and line labels. */
const SMALL_FONT = 10;
/** Height of one line of small text, for the label layout. */
const SMALL_LINE = 12;
/** Room kept at the top of the plot for the phase labels, when there are any. */
const PHASE_BAND = 18;
/** Widest annotation drawn on the chart; longer ones end in an ellipsis (the description has them whole). */
const NOTE_MAX_WIDTH = 200;
/** Pixels annotations keep from the left and right edges of the plot (the y axis is on the left). */
const EDGE_GAP = 3;
/** Room above an annotated point for its label (ring, gap, one line of text, margin). */
const NOTE_ROOM = 23;
/** The most room kept at the top of the plot for labels, in pixels. */
const MAX_TOP = 80;
/** ISO dates are read as UTC midnight, whatever the machine's time zone. */
const DATE_PARSE = "utc:'%Y-%m-%d'";

/** ", companion to the X̄ chart of NAME" for the S or R chart beside an x-bar chart. */
function companionText(m: MeasureRecord): string {
  return m.companionOf ? `companion to the X\u0304 chart of ${m.companionOf}` : '';
}

function isRunChart(m: MeasureRecord): boolean {
  return m.chart.toLowerCase() === 'run';
}

type LineField = 'centre' | 'ucl' | 'lcl' | 'upper2' | 'lower2';

/** One row of the chart's inline data. */
interface ChartRow {
  period: string;
  date: string;
  value: number | null;
  centre: number | null;
  ucl: number | null;
  lcl: number | null;
  upper2: number | null;
  lower2: number | null;
  phase: number;
  variation: Variation;
  key: string;
  signals: string;
  label: string;
  note: string | null;
}

/** Scale for display, trimming float noise such as 0.07 * 100 = 7.000000000000001. */
function scaler(k: number): (v: number | null | undefined) => number | null {
  if (k === 1) return (v) => v ?? null;
  return (v) => (v === null || v === undefined ? null : Number((v * k).toPrecision(12)));
}

/** A short, stable number format for descriptions and labels (not for the axes, which Vega formats). */
function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** "(12/240)" for a proportion or rate, "(n=5)" for a subgroup statistic, else "". */
function countsText(p: PointRecord): string {
  if (p.numerator != null && p.denominator != null) return ` (${fmt(p.numerator)}/${fmt(p.denominator)})`;
  if (p.subgroupSize != null) return ` (n=${p.subgroupSize})`;
  return '';
}

function rows(m: MeasureRecord, k: number): ChartRow[] {
  const s = scaler(k);
  return m.points.map((p: PointRecord) => {
    const centre = s(p.centre);
    const two = (v: number | null) => (v === null ? null : Number(s(v)!.toPrecision(15)));
    const value = s(p.value);
    const signals = p.signals.join(', ');
    const note = p.note ? p.note : null;
    const label =
      (value === null
        ? `${p.period}: missing`
        : `${p.period}: ${fmt(value)}${countsText(p)}, ${variationLabel(p.variation).toLowerCase()}` + (signals ? ` (${signals})` : '')) +
      (note ? `; note: ${note}` : '');
    return {
      period: p.period,
      date: p.date,
      value,
      centre,
      ucl: s(p.ucl),
      lcl: s(p.lcl),
      upper2: two(p.upper2sigma),
      lower2: two(p.lower2sigma),
      phase: p.phase,
      variation: p.variation,
      key: variationLabel(p.variation, p.side),
      signals,
      label,
      note,
    };
  });
}

/** The limit a clamped phase was clamped at: its own, or the most extreme of its points'. */
function clampedAt(m: MeasureRecord, ph: PhaseRecord, side: 'lcl' | 'ucl', s: (v: number | null) => number | null): number | null {
  const own = s(ph[side]);
  if (own !== null) return own;
  const vals = m.points.filter((p) => p.phase === ph.index && p[side] !== null).map((p) => s(p[side])!);
  if (!vals.length) return null;
  return vals.reduce((a, b) => (side === 'lcl' ? Math.min(a, b) : Math.max(a, b)));
}

/** One phase for the description: its periods, centre line, limits, clamps and run analysis. */
function describePhase(m: MeasureRecord, ph: PhaseRecord, k: number, first: boolean): string {
  const s = scaler(k);
  const centreWord = hasMedianCentre(m.chart) ? 'median' : 'centre';
  const head = `${first ? 'Phase' : 'phase'} ${ph.index + 1}${ph.label ? ` "${ph.label}"` : ''} (${ph.start} to ${ph.end})`;
  const parts: string[] = [];
  const centre = s(ph.centre);
  if (centre !== null) parts.push(`${centreWord} ${fmt(centre)}`);
  if (!isRunChart(m)) {
    const lcl = s(ph.lcl);
    const ucl = s(ph.ucl);
    const pointLimits = m.points.some((p) => p.phase === ph.index && (p.ucl !== null || p.lcl !== null));
    if (ph.limitsVary && pointLimits) parts.push('limits vary from point to point');
    else if (lcl !== null && ucl !== null) parts.push(`limits ${fmt(lcl)} to ${fmt(ucl)}`);
    else if (ucl !== null) parts.push(`upper limit ${fmt(ucl)}`);
    else if (lcl !== null) parts.push(`lower limit ${fmt(lcl)}`);
    else parts.push('no limits');
    for (const side of ['lcl', 'ucl'] as const) {
      if (!(side === 'lcl' ? ph.lclClamped : ph.uclClamped)) continue;
      const at = clampedAt(m, ph, side, s);
      parts.push(`${side === 'lcl' ? 'lower' : 'upper'} limit clamped${at === null ? '' : ` at ${fmt(at)}`}`);
    }
  }
  if (ph.runs) {
    const r = ph.runs;
    parts.push(
      `longest run ${r.longestRun} (a signal above ${r.longestRunMax}), ` +
        `${r.crossings} crossing${r.crossings === 1 ? '' : 's'} (a signal below ${r.crossingsMin})`,
    );
  }
  return parts.length ? `${head}: ${parts.join(', ')}` : head;
}

/**
 * A description for screen readers: the chart type, the measure, the signalled points, the
 * target, each phase's lines and the annotations.
 */
export function chartDescription(m: MeasureRecord, opts: ChartOptions = {}): string {
  const k = opts.multiply ?? 1;
  const s = scaler(k);
  const n = m.summary.n;
  const companion = companionText(m);
  const head = `${chartSentenceName(m.chart)} of ${m.measure}${companion ? ` (${companion})` : ''}: ${n} observed point${n === 1 ? '' : 's'}` +
    (m.points.length ? ` from ${m.points[0].period} to ${m.points[m.points.length - 1].period}` : '') +
    `, ${m.phases.length} phase${m.phases.length === 1 ? '' : 's'}, ${directionWords(m.direction)}.`;
  const out = [head];
  const signalled = m.points.filter((p) => p.signals.length > 0);
  if (signalled.length === 0) {
    out.push('No signals: common-cause variation only.');
  } else {
    const parts = signalled.map((p) => {
      const v = s(p.value);
      return `${p.period}${v === null ? '' : ` (${fmt(v)})`} ${p.variation === 'common-cause' ? 'signal' : p.variation}: ${p.signals.join(', ')}`;
    });
    out.push(`Signals: ${parts.join('; ')}.`);
  }
  const target = s(m.summary.target);
  if (target !== null) out.push(`Target: ${fmt(target)}.`);
  if (m.phases.length) out.push(`${m.phases.map((ph, i) => describePhase(m, ph, k, i === 0)).join('; ')}.`);
  const notes = m.points.filter((p) => p.note);
  if (notes.length) out.push(`Notes: ${notes.map((p) => `${p.period}: ${p.note}`).join('; ')}.`);
  return out.join(' ');
}

/** d3 time format for the x axis, from the span of the dates. */
function dateFormat(m: MeasureRecord): string {
  if (m.points.length < 2) return '%-d %b %Y';
  const first = Date.parse(m.points[0].date);
  const last = Date.parse(m.points[m.points.length - 1].date);
  const days = Math.abs(last - first) / 86_400_000;
  return days < 200 ? '%-d %b %Y' : '%b %Y';
}

// ---------------------------------------------------------------------------------------------
// Layout: the pixel position of dates and values, and of the text labels

/**
 * The domain widened to round tick steps: d3-scale's linear `nice(count)` (the same call Vega's
 * `nice: true` makes), trimmed of float noise such as 0.30000000000000004.
 */
export function niceDomain(start: number, stop: number, count = 10): [number, number] {
  const [d0, d1] = scaleLinear().domain([start, stop]).nice(count).domain();
  return [Number(d0.toPrecision(12)), Number(d1.toPrecision(12))];
}

/** Where dates and values land in the plot, in pixels from its top-left corner. */
interface Frame {
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
    const y = (v: number) => (PLOT_HEIGHT * (domain[1] - v)) / (domain[1] - domain[0]);
    if (t >= MAX_TOP || roomAbove.every((v) => y(v) >= room)) return { x, y, domain };
  }
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/** `text` cut (ending in an ellipsis) to fit `max` pixels at `fontSize`; '' if nothing fits. */
function truncate(text: string, fontSize: number, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (textWidth({ fontSize }, t) <= max) return t;
  const chars = [...t];
  const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}\u2026`;
  // The longest prefix that fits, by bisection (widths grow with the prefix).
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth({ fontSize }, cut(mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? cut(lo) : '';
}

const smallWidth = (text: string) => textWidth({ fontSize: SMALL_FONT }, text);

/** A phase label drawn at the top-left of its phase. */
interface PhaseLabel {
  phase: number;
  label: string;
  text: string;
  x: number;
  y: number;
}

/** An annotation: the text's box (left edge, middle) and a leader from the point when it is not next to it. */
interface NoteLabel {
  period: string;
  date: string;
  value: number | null;
  note: string;
  text: string;
  x: number;
  y: number;
  /** Where the note points: the point, or the middle of the gap left by a missing value. */
  anchor: { x: number; y: number };
  leader: { x: number; y: number; x2: number; y2: number } | null;
}

/** A label just outside the right edge of the plot, level with its line. */
interface EdgeLabel {
  name: string;
  text: string;
  colour: string;
  x: number;
  y: number;
}

/** Phase labels at the top-left of their phase, each cut to the width of its phase. */
function layoutPhaseLabels(m: MeasureRecord, f: Frame): PhaseLabel[] {
  const starts = m.phases.map((ph) => m.points.find((p) => p.phase === ph.index)?.date ?? null);
  const out: PhaseLabel[] = [];
  m.phases.forEach((ph, i) => {
    const start = starts[i];
    if (!ph.label || start === null) return;
    // The first phase starts at the left edge; later ones just right of their phase-start rule.
    const x = i === 0 ? 3 : f.x(start) + 4;
    const next = starts.slice(i + 1).find((d): d is string => d !== null);
    const right = next === undefined ? PLOT_WIDTH - 2 : f.x(next) - 10;
    const text = truncate(ph.label, SMALL_FONT, right - x);
    if (text && text !== '\u2026') out.push({ phase: ph.index, label: ph.label, text, x, y: 3 });
  });
  return out;
}

/**
 * Where an annotation of a missing value points: the middle of the gap in the series (between
 * the nearest observed values, in time), else the centre line, else null.
 */
function gapValue(values: readonly ChartRow[], i: number): number | null {
  let a = i - 1;
  while (a >= 0 && values[a].value === null) a--;
  let b = i + 1;
  while (b < values.length && values[b].value === null) b++;
  const before = a >= 0 ? values[a] : null;
  const after = b < values.length ? values[b] : null;
  if (before && after) {
    const t = (Date.parse(values[i].date) - Date.parse(before.date)) / (Date.parse(after.date) - Date.parse(before.date));
    return before.value! + t * (after.value! - before.value!);
  }
  return before?.value ?? after?.value ?? values[i].centre;
}

/** Something a label should not cover, and how much covering it costs per square pixel. */
interface Obstacle extends Box {
  weight: number;
}

/** Costs of covering things with an annotation, per square pixel, and of moving it away. */
const COVER_TEXT = 10;
const COVER_MARKER = 4;
const COVER_SERIES = 5;
const COVER_LINE = 1;
const STEP_AWAY = 25;
const BELOW = 6;
const SIDEWAYS = 3;
const BESIDE = 8;

/**
 * The weighted area of fixed obstacles in each pixel of the plot, summed (a summed-area table),
 * so the cost of any box is four look-ups however many obstacles there are (a long series has
 * many thousands). Boxes are measured on whole pixels, widened to cover fractions.
 */
class CostMap {
  private readonly sums: Float64Array;
  private readonly w = PLOT_WIDTH + 1;

  constructor(obstacles: readonly Obstacle[]) {
    const W = PLOT_WIDTH;
    const H = PLOT_HEIGHT;
    const cells = new Float64Array(W * H);
    for (const o of obstacles) {
      const xa = Math.max(0, Math.floor(o.x0));
      const xb = Math.min(W, Math.ceil(o.x1));
      const ya = Math.max(0, Math.floor(o.y0));
      const yb = Math.min(H, Math.ceil(o.y1));
      for (let y = ya; y < yb; y++) {
        const dy = Math.min(y + 1, o.y1) - Math.max(y, o.y0);
        for (let x = xa; x < xb; x++) {
          const dx = Math.min(x + 1, o.x1) - Math.max(x, o.x0);
          if (dx > 0 && dy > 0) cells[y * W + x] += o.weight * dx * dy;
        }
      }
    }
    // sums[(y) * (W + 1) + x]: total of the cells above and left of (x, y).
    const sums = new Float64Array((W + 1) * (H + 1));
    for (let y = 0; y < H; y++) {
      let row = 0;
      for (let x = 0; x < W; x++) {
        row += cells[y * W + x];
        sums[(y + 1) * this.w + x + 1] = sums[y * this.w + x + 1] + row;
      }
    }
    this.sums = sums;
  }

  cost(b: Box): number {
    const xa = Math.max(0, Math.floor(b.x0));
    const xb = Math.min(PLOT_WIDTH, Math.ceil(b.x1));
    const ya = Math.max(0, Math.floor(b.y0));
    const yb = Math.min(PLOT_HEIGHT, Math.ceil(b.y1));
    if (xa >= xb || ya >= yb) return 0;
    const s = this.sums;
    // Rounded: the differences of large sums leave float noise where the true cost is 0.
    return Math.round((s[yb * this.w + xb] - s[ya * this.w + xb] - s[yb * this.w + xa] + s[ya * this.w + xa]) * 1000) / 1000;
  }
}

/** Placed labels in a grid of 16 px cells, so that the cost of a box looks only at what is near it. */
class ObstacleIndex {
  private static readonly CELL = 16;
  private readonly items: Obstacle[] = [];
  private readonly cells = new Map<number, number[]>();
  private readonly seen: number[] = [];
  private query = 0;

  private keys(b: Box): number[] {
    const c = ObstacleIndex.CELL;
    const clampX = (v: number) => Math.min(Math.max(Math.floor(v / c), -4), Math.ceil(PLOT_WIDTH / c) + 4);
    const clampY = (v: number) => Math.min(Math.max(Math.floor(v / c), -4), Math.ceil(PLOT_HEIGHT / c) + 4);
    const out: number[] = [];
    for (let cy = clampY(b.y0); cy <= clampY(b.y1); cy++) for (let cx = clampX(b.x0); cx <= clampX(b.x1); cx++) out.push((cy + 8) * 1000 + cx + 8);
    return out;
  }

  add(o: Obstacle): void {
    const id = this.items.push(o) - 1;
    this.seen.push(0);
    for (const k of this.keys(o)) {
      const list = this.cells.get(k);
      if (list) list.push(id);
      else this.cells.set(k, [id]);
    }
  }

  /** The weighted area of everything the box covers. */
  cost(box: Box): number {
    const q = ++this.query;
    let cost = 0;
    for (const k of this.keys(box)) {
      for (const id of this.cells.get(k) ?? []) {
        if (this.seen[id] === q) continue;
        this.seen[id] = q;
        const o = this.items[id];
        cost += o.weight * overlapArea(box, o);
      }
    }
    return cost;
  }
}

/**
 * What annotations should keep clear of: phase labels, markers, the series line (sampled every
 * 3 px) and the drawn lines (each point's stretch of its centre, limit and two-sigma lines, the
 * risers between them when they are steps, and the target line).
 */
function obstacles(
  values: readonly ChartRow[],
  f: Frame,
  phaseLabels: readonly PhaseLabel[],
  lines: readonly LineField[],
  step: boolean,
  target: number | null,
): Obstacle[] {
  const out: Obstacle[] = phaseLabels.map((l) => ({ x0: l.x, y0: l.y, x1: l.x + smallWidth(l.text), y1: l.y + SMALL_LINE, weight: COVER_TEXT }));
  const xs = values.map((r) => f.x(r.date));
  values.forEach((r, i) => {
    if (r.value === null) return;
    const half = r.note ? 7 : r.variation === 'common-cause' ? 4 : 6;
    const y = f.y(r.value);
    out.push({ x0: xs[i] - half, y0: y - half, x1: xs[i] + half, y1: y + half, weight: COVER_MARKER });
    const next = values[i + 1];
    if (next && next.value !== null) {
      const y2 = f.y(next.value);
      const steps = Math.max(1, Math.ceil(Math.hypot(xs[i + 1] - xs[i], y2 - y) / 3));
      for (let j = 1; j < steps; j++) {
        const sx = xs[i] + ((xs[i + 1] - xs[i]) * j) / steps;
        const sy = y + ((y2 - y) * j) / steps;
        out.push({ x0: sx - 1, y0: sy - 1, x1: sx + 1, y1: sy + 1, weight: COVER_SERIES });
      }
    }
  });
  for (const field of lines) {
    values.forEach((r, i) => {
      const v = r[field];
      if (v === null) return;
      const prev = values[i - 1]?.phase === r.phase ? xs[i - 1] : xs[i];
      const next = values[i + 1]?.phase === r.phase ? xs[i + 1] : xs[i];
      const y = f.y(v);
      out.push({ x0: (prev + xs[i]) / 2, y0: y - 1, x1: (xs[i] + next) / 2, y1: y + 1, weight: COVER_LINE });
      // The riser of a step line, halfway to the next point (drawn only when the lines vary).
      const after = values[i + 1]?.phase === r.phase ? values[i + 1][field] : null;
      if (step && after !== null && after !== v) {
        const mid = (xs[i] + next) / 2;
        const y2 = f.y(after);
        out.push({ x0: mid - 1, y0: Math.min(y, y2), x1: mid + 1, y1: Math.max(y, y2), weight: COVER_LINE });
      }
    });
  }
  if (target !== null) out.push({ x0: 0, y0: f.y(target) - 1, x1: PLOT_WIDTH, y1: f.y(target) + 1, weight: COVER_LINE });
  return out;
}

/**
 * Annotations next to their points. Each is tried above and below its point, a step further
 * away each time, centred on the point and to either side, always inside the plot; the place
 * with the least cost wins (covering other labels, markers, the series and lines costs by area,
 * moving away, below or sideways costs a little), the first such place on a tie. Points are
 * placed in period order, each label then an obstacle for the next: deterministic.
 */
function layoutNotes(values: readonly ChartRow[], f: Frame, obstacles: readonly Obstacle[]): NoteLabel[] {
  const fixed = new CostMap(obstacles);
  const placed = new ObstacleIndex();
  const out: NoteLabel[] = [];
  values.forEach((r, i) => {
    if (!r.note) return;
    const text = truncate(r.note, SMALL_FONT, NOTE_MAX_WIDTH);
    if (!text) return;
    const px = f.x(r.date);
    const py = f.y(r.value ?? gapValue(values, i) ?? NaN);
    const anchorY = Number.isFinite(py) ? py : PLOT_HEIGHT / 2;
    // The ring round an observed point; a missing value has none.
    const radius = r.value === null ? 3 : 7;
    const w = smallWidth(text) + 2;
    let best: { box: Box; side: number; cost: number } | null = null;
    const consider = (box: Box, side: number, cost: number) => {
      cost += fixed.cost(box) + placed.cost(box);
      if (best === null || cost < best.cost) best = { box, side, cost };
    };
    for (let level = 0; level < 4; level++) {
      for (const side of [-1, 1]) {
        const gap = radius + 2 + level * (SMALL_LINE + 2);
        const y0 = side < 0 ? anchorY - gap - SMALL_LINE : anchorY + gap;
        if (y0 < 0 || y0 + SMALL_LINE > PLOT_HEIGHT) continue;
        for (const shift of [0, 1, -1]) {
          const left = shift === 0 ? px - w / 2 : shift > 0 ? px - 6 : px + 6 - w;
          const x0 = Math.min(Math.max(left, EDGE_GAP), PLOT_WIDTH - EDGE_GAP - w);
          consider({ x0, y0, x1: x0 + w, y1: y0 + SMALL_LINE }, side, level * STEP_AWAY + (side > 0 ? BELOW : 0) + (shift !== 0 ? SIDEWAYS : 0));
        }
      }
      if (level === 0) {
        // Level with the point, to its right or left (a peak whose neighbours run close under it).
        const y0 = Math.min(Math.max(anchorY - SMALL_LINE / 2, 0), PLOT_HEIGHT - SMALL_LINE);
        if (px + radius + 3 + w <= PLOT_WIDTH - EDGE_GAP) consider({ x0: px + radius + 3, y0, x1: px + radius + 3 + w, y1: y0 + SMALL_LINE }, 0, BESIDE);
        if (px - radius - 3 - w >= EDGE_GAP) consider({ x0: px - radius - 3 - w, y0, x1: px - radius - 3, y1: y0 + SMALL_LINE }, 0, BESIDE);
      }
    }
    if (best === null) {
      // A plot too short for any place: above the point, kept inside the plot.
      const x0 = Math.min(Math.max(px - w / 2, EDGE_GAP), PLOT_WIDTH - EDGE_GAP - w);
      best = { box: { x0, y0: 0, x1: x0 + w, y1: SMALL_LINE }, side: -1, cost: 0 };
    }
    const { box, side } = best as { box: Box; side: number };
    placed.add({ ...box, weight: COVER_TEXT });
    let leader: NoteLabel['leader'] = null;
    const from = side === 0 ? { x: px + (box.x0 > px ? radius : -radius), y: anchorY } : { x: px, y: anchorY + side * radius };
    const to =
      side === 0
        ? { x: box.x0 > px ? box.x0 : box.x1, y: (box.y0 + box.y1) / 2 }
        : { x: Math.min(Math.max(px, box.x0 + 2), box.x1 - 2), y: side < 0 ? box.y1 : box.y0 };
    if (Math.hypot(to.x - from.x, to.y - from.y) > 4) leader = { x: from.x, y: from.y, x2: to.x, y2: to.y };
    out.push({ period: r.period, date: r.date, value: r.value, note: r.note!, text, x: box.x0 + 1, y: (box.y0 + box.y1) / 2, anchor: { x: px, y: anchorY }, leader });
  });
  return out;
}

/** Labels right of the plot, in order down the page and at least a line apart. */
function layoutEdgeLabels(labels: EdgeLabel[]): EdgeLabel[] {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].y < sorted[i - 1].y + SMALL_LINE) sorted[i] = { ...sorted[i], y: sorted[i - 1].y + SMALL_LINE };
  }
  return sorted;
}

// ---------------------------------------------------------------------------------------------
// The spec

/** Whether any phase's lines change from point to point (the phase says so, or its values differ). */
function limitsVary(m: MeasureRecord, values: readonly ChartRow[]): boolean {
  if (m.phases.some((ph) => ph.limitsVary)) return true;
  const seen = new Map<number, ChartRow>();
  for (const r of values) {
    const prev = seen.get(r.phase);
    if (prev && (['centre', 'ucl', 'lcl', 'upper2', 'lower2'] as const satisfies readonly LineField[]).some((f) => r[f] !== null && prev[f] !== null && r[f] !== prev[f])) return true;
    if (r.ucl !== null || r.lcl !== null) seen.set(r.phase, r);
  }
  return false;
}

/**
 * The Vega-Lite (v6) spec of the chart: series line and points coloured and shaped by variation,
 * centre line, dashed control limits and faint two-sigma lines drawn per phase (as steps when they
 * vary from point to point), the target, annotations and phase labels.
 */
export function chartSpec(m: MeasureRecord, opts: ChartOptions = {}): TopLevelSpec {
  const k = opts.multiply ?? 1;
  const s = scaler(k);
  const values = rows(m, k);
  const run = isRunChart(m);
  const target = s(m.summary.target);
  const yTitle = m.unit ? m.unit : 'Value';
  // One legend for colour and shape: the variation/side combinations present, in a fixed order.
  const legend: { key: string; colour: string; shape: string }[] = [];
  for (const v of VARIATIONS) {
    for (const side of [null, 'high', 'low'] as const) {
      const key = variationLabel(v, side);
      if (legend.some((l) => l.key === key)) continue;
      if (values.some((r) => r.value !== null && r.key === key) || (v === 'common-cause' && side === null)) {
        legend.push({ key, colour: variationColour(v), shape: shapeOf(v, side) });
      }
    }
  }
  const keys = legend.map((l) => l.key);

  // Run charts have no limits: the median centre line only.
  const lineFields: LineField[] = run ? ['centre'] : ['upper2', 'lower2', 'ucl', 'lcl', 'centre'];
  const drawn = lineFields.filter((f) => values.some((r) => r[f] !== null));
  const numbers: number[] = [];
  for (const r of values) {
    if (r.value !== null) numbers.push(r.value);
    for (const f of drawn) if (r[f] !== null) numbers.push(r[f]!);
  }
  if (target !== null) numbers.push(target);
  const hasPhaseLabels = m.phases.some((ph) => ph.label);
  // Room above annotated points, so that a label need not go below a point at the top (where
  // the series usually runs); above the phase labels too when there are any.
  const noted = values.filter((r) => r.note && r.value !== null).map((r) => r.value!);
  const f = frame(
    values.map((r) => Date.parse(r.date)),
    numbers,
    hasPhaseLabels ? PHASE_BAND : Y_PAD,
    noted,
    NOTE_ROOM + (hasPhaseLabels ? PHASE_BAND - Y_PAD : 0),
  );
  const phaseLabels = layoutPhaseLabels(m, f);
  // 'step' (d3's curveStep) changes level halfway between two points, so each point sits in the
  // middle of the flat stretch at its own limit, the first and last points included. Constant
  // lines look the same either way.
  const step = limitsVary(m, values);
  const notes = layoutNotes(values, f, obstacles(values, f, phaseLabels, drawn, step, target));
  const edge: EdgeLabel[] = [];
  if (target !== null) edge.push({ name: 'target-label', text: `Target ${fmt(target)}`, colour: TARGET_COLOUR, x: PLOT_WIDTH + 6, y: f.y(target) });
  const lastCentre = [...values].reverse().find((r) => r.centre !== null)?.centre ?? null;
  if (run && lastCentre !== null) edge.push({ name: 'median-label', text: 'Median', colour: LINE_COLOUR, x: PLOT_WIDTH + 6, y: f.y(lastCentre) });
  const edgeLabels = layoutEdgeLabels(edge);

  const x = {
    field: 'date',
    type: 'temporal',
    scale: { type: 'utc', padding: X_PAD },
    title: null,
    axis: { format: dateFormat(m), labelAngle: 0, tickCount: 8, labelOverlap: true, grid: false },
  } as const;
  const yScale = f.domain ? { domain: f.domain, zero: false, nice: false } : { zero: false, nice: true, padding: Y_PAD };
  const y = (field: string) => ({ field, type: 'quantitative', title: yTitle, scale: yScale }) as const;
  const detail = { field: 'phase', type: 'ordinal' } as const;
  /** Pixel positions computed here: no scale. */
  const px = (field: string) => ({ field, type: 'quantitative', scale: null }) as const;

  const interpolate = step ? 'step' : 'linear';
  /** A limit line drawn separately for each phase, broken where its value is null. */
  const limitLine = (field: string, style: Record<string, unknown>) => ({
    mark: { type: 'line', invalid: 'break-paths-show-domains', interpolate, aria: false, ...style },
    encoding: { x, y: y(field), detail },
  });
  const lineStyles: Record<string, Record<string, unknown>> = {
    upper2: { stroke: '#9a9a9a', strokeWidth: 0.75, strokeDash: [2, 3], opacity: 0.7 },
    lower2: { stroke: '#9a9a9a', strokeWidth: 0.75, strokeDash: [2, 3], opacity: 0.7 },
    ucl: { stroke: LINE_COLOUR, strokeWidth: 1.25, strokeDash: [6, 4] },
    lcl: { stroke: LINE_COLOUR, strokeWidth: 1.25, strokeDash: [6, 4] },
    centre: { stroke: LINE_COLOUR, strokeWidth: 1.5 },
  };

  const phaseStarts: { date: string; phase: number }[] = [];
  for (let i = 1; i < m.points.length; i++) {
    if (m.points[i].phase !== m.points[i - 1].phase) phaseStarts.push({ date: m.points[i].date, phase: m.points[i].phase });
  }

  const subtitleParts = [chartSentenceName(m.chart)];
  const companion = companionText(m);
  if (companion) subtitleParts.push(companion);
  subtitleParts.push(directionWords(m.direction), `preset ${m.rules.preset}`);
  if (k !== 1) subtitleParts.push(`values \u00d7 ${k}`);
  if (m.section) subtitleParts.unshift(m.section);

  /** Small text with a white halo under it, so it stays readable over lines. */
  const haloText = (name: string, data: object[], style: Record<string, unknown>, encoding: Record<string, unknown>) => [
    {
      name: `${name}-halo`,
      data: { values: data },
      mark: { type: 'text', fontSize: SMALL_FONT, align: 'left', aria: false, fill: 'white', stroke: 'white', strokeWidth: 3, strokeJoin: 'round', strokeOpacity: 0.9, ...style },
      encoding,
    },
    {
      name,
      data: { values: data },
      mark: { type: 'text', fontSize: SMALL_FONT, align: 'left', aria: false, ...style },
      encoding,
    },
  ];

  const layers: Record<string, unknown>[] = [];
  if (phaseStarts.length) {
    layers.push({
      name: 'phase-rules',
      data: { values: phaseStarts, format: { parse: { date: DATE_PARSE } } },
      mark: { type: 'rule', stroke: '#bdbdbd', strokeWidth: 1, strokeDash: [1, 2], aria: false },
      encoding: { x },
    });
  }
  for (const field of drawn) layers.push({ name: field, ...limitLine(field, lineStyles[field]) });
  if (target !== null) {
    layers.push({
      name: 'target',
      data: { values: [{ target, label: `Target ${fmt(target)}` }] },
      mark: { type: 'rule', stroke: TARGET_COLOUR, strokeWidth: 1.5, strokeDash: TARGET_DASH, aria: false },
      encoding: { y: y('target') },
    });
  }
  layers.push(
    {
      // The series: joined across phase starts, broken at missing values.
      name: 'series',
      mark: { type: 'line', invalid: 'break-paths-show-domains', stroke: SERIES_COLOUR, strokeWidth: 1.5, aria: false },
      encoding: { x, y: y('value') },
    },
    {
      name: 'points',
      mark: { type: 'point', filled: true, opacity: 1, stroke: 'white', strokeWidth: 0.5, invalid: 'filter' },
      encoding: {
        x,
        y: y('value'),
        color: {
          field: 'key',
          type: 'nominal',
          title: 'Variation',
          scale: { domain: keys, range: legend.map((l) => l.colour) },
          legend: { title: 'Variation' },
        },
        shape: {
          field: 'key',
          type: 'nominal',
          title: 'Variation',
          scale: { domain: keys, range: legend.map((l) => l.shape) },
          legend: { title: 'Variation' },
        },
        size: { condition: { test: "datum.variation !== 'common-cause'", value: 90 }, value: 36 },
        description: { field: 'label', type: 'nominal' },
      },
    },
  );
  if (notes.length) {
    const marked = notes.filter((n) => n.value !== null);
    if (marked.length) {
      layers.push({
        // A ring round each annotated point.
        name: 'note-markers',
        data: { values: marked.map((n) => ({ date: n.date, value: n.value })), format: { parse: { date: DATE_PARSE } } },
        mark: { type: 'point', shape: 'circle', filled: false, stroke: NOTE_COLOUR, strokeWidth: 1, size: 170, aria: false },
        encoding: { x, y: y('value') },
      });
    }
    const gaps = notes.filter((n) => n.value === null);
    if (gaps.length) {
      layers.push({
        // A small grey cross in the gap left by an annotated missing value.
        name: 'note-gaps',
        data: { values: gaps.map((n) => ({ period: n.period, x: n.anchor.x, y: n.anchor.y })) },
        mark: { type: 'point', shape: 'M-1,-1L1,1M-1,1L1,-1', filled: false, stroke: LABEL_GREY, strokeWidth: 1.25, size: 30, aria: false },
        encoding: { x: px('x'), y: px('y') },
      });
    }
    const leaders = notes.filter((n) => n.leader).map((n) => n.leader!);
    if (leaders.length) {
      layers.push({
        name: 'note-leaders',
        data: { values: leaders },
        mark: { type: 'rule', stroke: LABEL_GREY, strokeWidth: 0.75, aria: false },
        encoding: { x: px('x'), y: px('y'), x2: { field: 'x2' }, y2: { field: 'y2' } },
      });
    }
    layers.push(
      ...haloText(
        'notes',
        notes.map((n) => ({ period: n.period, note: n.note, text: n.text, x: n.x, y: n.y })),
        { baseline: 'middle', fill: NOTE_COLOUR },
        { x: px('x'), y: px('y'), text: { field: 'text' } },
      ),
    );
  }
  if (phaseLabels.length) {
    layers.push(
      ...haloText(
        'phase-labels',
        phaseLabels.map((l) => ({ phase: l.phase, label: l.label, text: l.text, x: l.x, y: l.y })),
        { baseline: 'top', fill: LABEL_GREY },
        { x: px('x'), y: px('y'), text: { field: 'text' } },
      ),
    );
  }
  // One layer per line label, each with a fixed colour: a colour encoding here would split the
  // variation legend in two.
  for (const l of edgeLabels) {
    layers.push({
      name: l.name,
      data: { values: [{ text: l.text, x: l.x, y: l.y }] },
      mark: { type: 'text', fontSize: SMALL_FONT, align: 'left', baseline: 'middle', fill: l.colour, aria: false },
      encoding: { x: px('x'), y: px('y'), text: { field: 'text' } },
    });
  }

  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: chartDescription(m, opts),
    title: {
      text: m.measure,
      subtitle: subtitleParts.join(' \u00b7 '),
      anchor: 'start',
      limit: PLOT_WIDTH,
    },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    background: 'white',
    padding: 8,
    data: { values, format: { parse: { date: DATE_PARSE } } },
    layer: layers,
    resolve: { scale: { y: 'shared' } },
    config: {
      font: FONT_FAMILY,
      view: { stroke: null },
      title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555555', offset: 12 },
      axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#333333', titleColor: '#333333', gridColor: '#eeeeee' },
      legend: { orient: 'bottom', direction: 'horizontal', columnPadding: 16, labelFontSize: 11, titleFontSize: 11, symbolStrokeWidth: 0.5 },
      point: { size: 36 },
    },
  };
  return spec as unknown as TopLevelSpec;
}

// ---------------------------------------------------------------------------------------------
// Rendering

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');

type Interpreter = typeof import('vega-interpreter')['expressionInterpreter'];
let modules: Promise<{ vega: VegaModule; vl: VegaLiteModule; interpreter: Interpreter }> | null = null;

/**
 * Load Vega and Vega-Lite once, on first use, and install the fixed text metrics. Vega's
 * expressions run through vega-interpreter (Vega's own CSP-safe evaluator) instead of generated
 * JavaScript, so no code is ever generated from strings: the CLI runs under
 * `node --disallow-code-generation-from-strings`.
 */
function load(): Promise<{ vega: VegaModule; vl: VegaLiteModule; interpreter: Interpreter }> {
  modules ??= Promise.all([import('vega'), import('vega-lite'), import('vega-interpreter')]).then(([vega, vl, vi]) => {
    const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
    metrics.width = textWidth;
    return { vega, vl, interpreter: vi.expressionInterpreter };
  });
  return modules;
}

/**
 * Advance widths of ASCII 32..126 in Helvetica / Arial (1/1000 em, the standard AFM metrics).
 * Bold text is estimated from these with a fixed factor.
 */
// prettier-ignore
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];
const OTHER_WIDTH = 600;
const WIDE_WIDTH = 1000;
const BOLD_FACTOR = 1.08;
/** Headroom for fonts a little wider than Arial (e.g. DejaVu Sans where Arial is missing). */
const SAFETY = 1.05;

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/** Width in 1/1000 em of one code point. */
function charWidth(cp: number): number {
  if (cp >= 32 && cp <= 126) return ASCII_WIDTHS[cp - 32];
  if (cp >= 0x300 && cp <= 0x36f) return 0; // combining marks (the macron of X\u0304) take no room
  if (cp === 0xb7 || cp === 0x2022) return 278; // middle dot, bullet (approximately)
  if (cp === 0x2032) return 278; // prime (approximately; p\u2032, u\u2032)
  if (cp === 0x2026) return 1000; // ellipsis
  if (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd))) {
    return WIDE_WIDTH;
  }
  return OTHER_WIDTH;
}

/**
 * Deterministic replacement for Vega's text measurement (installed as `vega.textMetrics.width`):
 * same numbers on every machine, whether or not a `canvas` package is installed.
 */
export function textWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const s = text == null ? '' : String(text).trim();
  if (size <= 0 || !s) return 0;
  let units = 0;
  for (const ch of s) units += charWidth(ch.codePointAt(0) ?? 0);
  const w = item.fontWeight;
  const bold = w === 'bold' || w === 'bolder' || (w != null && +w >= 600);
  const width = Math.round(((units * size) / 1000) * (bold ? BOLD_FACTOR : 1) * SAFETY * 100) / 100;
  // Vega truncates text longer than `limit` itself (asking this function for the pieces); the
  // width of text that will be truncated is at most the limit.
  const limit = item.limit ?? 0;
  return limit > 0 && width > limit ? limit : width;
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The chart as a standalone SVG document. The root `<svg>` carries `role="img"`, an
 * `aria-label` with the title, and `<title>`/`<desc>` children with the description sentence.
 */
export async function renderChartSvg(m: MeasureRecord, opts: ChartOptions = {}): Promise<string> {
  const { vega, vl, interpreter } = await load();
  const compiled = vl.compile(chartSpec(m, opts)).spec;
  const view = new vega.View(vega.parse(compiled, undefined, { ast: true }), { renderer: 'none', expr: interpreter } as ConstructorParameters<VegaModule['View']>[1]);
  let svg: string;
  try {
    vega.resetSVGDefIds();
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const description = chartDescription(m, opts);
  const a11y =
    `<title>${escapeXml(m.measure)}</title><desc>${escapeXml(description)}</desc>`;
  return roundCoordinates(svg).replace(/^<svg\b([^>]*)>/, (_all, attrs: string) =>
    `<svg${attrs} role="img" aria-label="${escapeXml(m.measure)}">${a11y}`,
  );
}

/**
 * Rounds the numbers inside the SVG's tags (coordinates, path data, transforms) to 2 decimals:
 * 0.01 px is far below what a printed or zoomed chart can show, and it roughly halves the file.
 * Text between tags (labels, the description) is left exactly as written.
 */
export function roundCoordinates(svg: string): string {
  return svg.replace(/<[^>]+>/g, (tag) => tag.replace(/-?\d+\.\d{3,}(?:e-?\d+)?/g, (num) => {
    const r = Number(Number(num).toFixed(2));
    return String(Object.is(r, -0) ? 0 : r);
  }));
}
