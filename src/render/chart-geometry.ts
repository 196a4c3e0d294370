/**
 * The marks of a chart in pixels: its points, the series line, each phase's lines (a constant
 * line is one segment per stretch, a varying one a step line), the phase-start rules, the rings
 * round annotated points, and the room all of them take.
 */
import type { ChartRow } from './chart-data.js';
import { Bounds, strokeRoom, textBox } from './chart-bounds.js';
import type { EdgeLabel, NoteLabel, PhaseLabel } from './chart-labels.js';
import type { MarkerShape, PhaseModel, PointModel, XY } from './chart-model-types.js';
import { LINE_STYLES, PLOT_HEIGHT, PLOT_WIDTH, SMALL_FONT, shapeOf, type LineField } from './chart-style.js';
import { symbolBounds, symbolRadius } from './chart-symbols.js';
import type { MeasureRecord } from '../model/document.js';
import { variationColour } from './vocabulary.js';

/** Where dates (ms since the epoch, UTC) and values land, as Vega's scales put them. */
export interface Scales {
  x(t: number): number;
  /** The x of each row's date, worked out once. */
  readonly xs: readonly number[];
  /** Null when nothing numeric is drawn (no y domain). */
  y: ((v: number) => number) | null;
}

/** Marker areas: common-cause points small, signals larger; the ring round a noted point. */
export const POINT_SIZE = 36;
export const SIGNAL_SIZE = 90;
export const POINT_STROKE = 0.5;
export const RING_SIZE = 170;
export const RING_STROKE = 1;
/** The cross marking a note on a missing value: a 2 x 2 path scaled to 30 px² (Vega's custom symbol). */
export const GAP_SIZE = 30;
export const GAP_STROKE = 1.25;
export const SERIES_STROKE = 1.5;
export const TARGET_STROKE = 1.5;
export const LEADER_STROKE = 0.75;
export const RULE_STROKE = 1;

/** The observed points, in period order. */
export function pointModels(m: MeasureRecord, rows: readonly ChartRow[], s: Scales): PointModel[] {
  const out: PointModel[] = [];
  rows.forEach((r, i) => {
    if (r.value === null || !s.y) return;
    const side = m.points[i].side;
    out.push({
      period: r.period,
      date: r.date,
      value: r.value,
      x: s.xs[i],
      y: s.y(r.value),
      variation: r.variation,
      side,
      shape: shapeOf(r.variation, side) as MarkerShape,
      colour: variationColour(r.variation),
      size: r.variation === 'common-cause' ? POINT_SIZE : SIGNAL_SIZE,
      key: r.key,
      tooltip: r.label,
    });
  });
  return out;
}

/** Appends p to a polyline, merging it into the last segment when the two run along one line. */
function extend(line: XY[], p: XY): void {
  const n = line.length;
  const last = line[n - 1];
  if (last && last.x === p.x && last.y === p.y) return;
  const prev = line[n - 2];
  if (prev && ((prev.y === last.y && last.y === p.y) || (prev.x === last.x && last.x === p.x))) line[n - 1] = p;
  else line.push(p);
}

/**
 * The polylines through the given rows' values, broken where a value is missing. As steps, each
 * level changes halfway between two points (d3-shape's curveStep, which Vega's `interpolate:
 * 'step'` is); a run along one level is one segment either way.
 */
function runs(rows: readonly ChartRow[], value: (r: ChartRow) => number | null, s: Scales, step: boolean, phase: number | null): XY[][] {
  const out: XY[][] = [];
  let line: XY[] | null = null;
  let prev: XY | null = null;
  // A step line reaches its last point when the run ends (d3-shape curveStep's `lineEnd`).
  const end = () => {
    if (line && prev && step) extend(line, prev);
    line = prev = null;
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (phase !== null && r.phase !== phase) continue;
    const v = value(r);
    if (v === null || !s.y) {
      end();
      continue;
    }
    const p = { x: s.xs[i], y: s.y(v) };
    if (!line || !prev) out.push((line = [p]));
    else if (step) {
      const mid = prev.x * 0.5 + p.x * 0.5;
      extend(line, { x: mid, y: prev.y });
      extend(line, { x: mid, y: p.y });
    } else extend(line, p);
    prev = p;
  }
  end();
  return out;
}

/** The series line: joined across phase starts, broken at missing values. */
export function seriesRuns(rows: readonly ChartRow[], s: Scales): XY[][] {
  return runs(rows, (r) => r.value, s, false, null);
}

/** Each phase with its drawn lines. */
export function phaseModels(m: MeasureRecord, rows: readonly ChartRow[], drawn: readonly LineField[], step: boolean, s: Scales): PhaseModel[] {
  return m.phases.map((ph) => {
    const lines: Partial<Record<LineField, XY[][]>> = {};
    for (const f of drawn) {
      const r = runs(rows, (row) => row[f], s, step, ph.index);
      if (r.length) lines[f] = r;
    }
    return { index: ph.index, label: ph.label ?? null, start: rows.find((r) => r.phase === ph.index)?.date ?? null, lines };
  });
}

/** The first point of each phase after the first, where a faint rule is drawn. */
export function phaseStarts(m: MeasureRecord, s: Scales): { date: string; phase: number; x: number }[] {
  const out: { date: string; phase: number; x: number }[] = [];
  for (let i = 1; i < m.points.length; i++) {
    const p = m.points[i];
    if (p.phase !== m.points[i - 1].phase) out.push({ date: p.date, phase: p.phase, x: s.xs[i] });
  }
  return out;
}

/** The rings round annotated observed points. */
export function ringCentres(notes: readonly NoteLabel[], s: Scales): XY[] {
  return notes.filter((n) => n.value !== null && s.y).map((n) => ({ x: s.x(Date.parse(n.date)), y: s.y!(n.value!) }));
}

const polylineBounds = (lines: readonly (readonly XY[])[], stroke: number, b: Bounds) => {
  for (const line of lines) {
    const one = new Bounds();
    for (const p of line) one.add(p.x, p.y);
    b.union(one.expand(strokeRoom(stroke, true)));
  }
};

/** The room the lines drawn per phase take (line paths: strokes counted with miter joins). */
export function groupedBounds(phases: readonly PhaseModel[]): Bounds {
  const b = new Bounds();
  for (const ph of phases) {
    for (const [f, lines] of Object.entries(ph.lines)) polylineBounds(lines, LINE_STYLES[f as LineField].strokeWidth as number, b);
  }
  return b;
}

/** What the other marks add up to: their room, for the layout of the whole picture. */
export interface MarkParts {
  readonly points: readonly PointModel[];
  readonly series: readonly (readonly XY[])[];
  readonly phaseStarts: readonly { x: number }[];
  readonly targetY: number | null;
  readonly rings: readonly XY[];
  readonly notes: readonly NoteLabel[];
  readonly phaseLabels: readonly PhaseLabel[];
  readonly edgeLabels: readonly EdgeLabel[];
}

/** The room taken by every mark but the lines drawn per phase. */
export function marksBounds(p: MarkParts): Bounds {
  const b = new Bounds();
  polylineBounds(p.series, SERIES_STROKE, b);
  for (const pt of p.points) b.union(symbolBounds(pt.shape, pt.size, pt.x, pt.y, POINT_STROKE));
  for (const r of p.phaseStarts) b.union(Bounds.of(r.x, 0, r.x, PLOT_HEIGHT).expand(strokeRoom(RULE_STROKE, false)));
  if (p.targetY !== null) b.union(Bounds.of(0, p.targetY, PLOT_WIDTH, p.targetY).expand(strokeRoom(TARGET_STROKE, false)));
  for (const c of p.rings) b.union(symbolBounds('circle', RING_SIZE, c.x, c.y, RING_STROKE));
  const small = { fontSize: SMALL_FONT };
  for (const n of p.notes) {
    if (n.value === null) {
      const r = symbolRadius(GAP_SIZE);
      b.union(Bounds.of(n.anchor.x - r, n.anchor.y - r, n.anchor.x + r, n.anchor.y + r).expand(strokeRoom(GAP_STROKE, true)));
    }
    if (n.leader) b.union(Bounds.of(n.leader.x, n.leader.y, n.leader.x2, n.leader.y2).expand(strokeRoom(LEADER_STROKE, false)));
    b.union(textBox(small, n.text, n.x, n.y, 'left', 'middle'));
  }
  for (const l of p.phaseLabels) b.union(textBox(small, l.text, l.x, l.y, 'left', 'top'));
  for (const l of p.edgeLabels) b.union(textBox(small, l.text, l.x, l.y, 'left', 'middle'));
  return b;
}
