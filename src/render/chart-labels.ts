/**
 * Where the chart's text labels go, in pixels: phase labels along the top of their phases,
 * annotations next to their points (clear of other labels, points and lines where there is room),
 * and the target and median labels just right of the plot.
 */
import { fmt, type ChartRow } from './chart-data.js';
import type { Frame } from './chart-frame.js';
import { CostMap, COVER_TEXT, ObstacleIndex, type Box, type Obstacle } from './chart-obstacles.js';
import { EDGE_GAP, LINE_COLOUR, NOTE_MAX_WIDTH, PLOT_HEIGHT, PLOT_WIDTH, SMALL_FONT, SMALL_LINE, TARGET_COLOUR } from './chart-style.js';
import { textWidth, truncate } from './chart-text-width.js';
import type { MeasureRecord } from '../model/document.js';

/** A phase label drawn at the top-left of its phase. */
export interface PhaseLabel {
  phase: number;
  label: string;
  text: string;
  x: number;
  y: number;
}

/** An annotation: the text's box (left edge, middle) and a leader from the point when it is not next to it. */
export interface NoteLabel {
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
export interface EdgeLabel {
  name: string;
  text: string;
  colour: string;
  x: number;
  y: number;
}

/** Costs of moving an annotation away from its point: a step further, below it, sideways, beside it. */
const STEP_AWAY = 25;
const BELOW = 6;
const SIDEWAYS = 3;
const BESIDE = 8;

const smallWidth = (text: string) => textWidth({ fontSize: SMALL_FONT }, text);

/** Phase labels at the top-left of their phase, each cut to the width of its phase. */
export function layoutPhaseLabels(m: MeasureRecord, f: Frame): PhaseLabel[] {
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

/** A place for a label: its box, and whether it is above (-1), below (1) or beside (0) its point. */
interface Place {
  box: Box;
  side: number;
}

/**
 * The places tried for a label `w` pixels wide next to the point at (px, py), whose marker has
 * the given radius, each with the cost of moving there: above and below, a step further away
 * each time, centred and to either side, and level with the point on its right or left.
 * Places that would leave the plot are not tried.
 */
function candidates(px: number, py: number, radius: number, w: number): (Place & { cost: number })[] {
  const out: (Place & { cost: number })[] = [];
  for (let level = 0; level < 4; level++) {
    for (const side of [-1, 1]) {
      const gap = radius + 2 + level * (SMALL_LINE + 2);
      const y0 = side < 0 ? py - gap - SMALL_LINE : py + gap;
      if (y0 < 0 || y0 + SMALL_LINE > PLOT_HEIGHT) continue;
      for (const shift of [0, 1, -1]) {
        const left = shift === 0 ? px - w / 2 : shift > 0 ? px - 6 : px + 6 - w;
        const x0 = Math.min(Math.max(left, EDGE_GAP), PLOT_WIDTH - EDGE_GAP - w);
        out.push({ box: { x0, y0, x1: x0 + w, y1: y0 + SMALL_LINE }, side, cost: level * STEP_AWAY + (side > 0 ? BELOW : 0) + (shift !== 0 ? SIDEWAYS : 0) });
      }
    }
    if (level === 0) {
      // Level with the point, to its right or left (a peak whose neighbours run close under it).
      const y0 = Math.min(Math.max(py - SMALL_LINE / 2, 0), PLOT_HEIGHT - SMALL_LINE);
      if (px + radius + 3 + w <= PLOT_WIDTH - EDGE_GAP) out.push({ box: { x0: px + radius + 3, y0, x1: px + radius + 3 + w, y1: y0 + SMALL_LINE }, side: 0, cost: BESIDE });
      if (px - radius - 3 - w >= EDGE_GAP) out.push({ box: { x0: px - radius - 3 - w, y0, x1: px - radius - 3, y1: y0 + SMALL_LINE }, side: 0, cost: BESIDE });
    }
  }
  return out;
}

/**
 * The cheapest of the candidate places, adding `cover`, the cost of covering what is already
 * there; the first on a tie.
 */
function bestPlace(px: number, py: number, radius: number, w: number, cover: (box: Box) => number): Place {
  let best: Place | null = null;
  let least = Infinity;
  for (const c of candidates(px, py, radius, w)) {
    const cost = c.cost + cover(c.box);
    if (best === null || cost < least) {
      best = { box: c.box, side: c.side };
      least = cost;
    }
  }
  if (best !== null) return best;
  // A plot too short for any place: above the point, kept inside the plot.
  const x0 = Math.min(Math.max(px - w / 2, EDGE_GAP), PLOT_WIDTH - EDGE_GAP - w);
  return { box: { x0, y0: 0, x1: x0 + w, y1: SMALL_LINE }, side: -1 };
}

/** A line from the point's marker to its label, when the label is more than 4 px away. */
function leaderOf(px: number, py: number, radius: number, { box, side }: Place): NoteLabel['leader'] {
  const from = side === 0 ? { x: px + (box.x0 > px ? radius : -radius), y: py } : { x: px, y: py + side * radius };
  const to =
    side === 0
      ? { x: box.x0 > px ? box.x0 : box.x1, y: (box.y0 + box.y1) / 2 }
      : { x: Math.min(Math.max(px, box.x0 + 2), box.x1 - 2), y: side < 0 ? box.y1 : box.y0 };
  return Math.hypot(to.x - from.x, to.y - from.y) > 4 ? { x: from.x, y: from.y, x2: to.x, y2: to.y } : null;
}

/**
 * Annotations next to their points, each in its cheapest place (see `bestPlace`): covering
 * other labels, markers, the series and lines costs by area, moving away, below or sideways
 * costs a little. Points are placed in period order, each label then an obstacle for the next:
 * deterministic. The obstacles and their cost map are built only when there is a note to place.
 */
export function layoutNotes(values: readonly ChartRow[], f: Frame, obstacles: () => readonly Obstacle[]): NoteLabel[] {
  let fixed: CostMap | null = null;
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
    const map = (fixed ??= new CostMap(obstacles()));
    const place = bestPlace(px, anchorY, radius, smallWidth(text) + 2, (box) => map.cost(box) + placed.cost(box));
    const { box } = place;
    placed.add({ ...box, weight: COVER_TEXT });
    const leader = leaderOf(px, anchorY, radius, place);
    out.push({ period: r.period, date: r.date, value: r.value, note: r.note, text, x: box.x0 + 1, y: (box.y0 + box.y1) / 2, anchor: { x: px, y: anchorY }, leader });
  });
  return out;
}

/**
 * The target's label and, on a run chart, the median's, right of the plot level with their
 * lines, in order down the page and at least a line apart.
 */
export function layoutEdgeLabels(values: readonly ChartRow[], f: Frame, target: number | null, run: boolean): EdgeLabel[] {
  const labels: EdgeLabel[] = [];
  if (target !== null) labels.push({ name: 'target-label', text: `Target ${fmt(target)}`, colour: TARGET_COLOUR, x: PLOT_WIDTH + 6, y: f.y(target) });
  const lastCentre = [...values].reverse().find((r) => r.centre !== null)?.centre ?? null;
  if (run && lastCentre !== null) labels.push({ name: 'median-label', text: 'Median', colour: LINE_COLOUR, x: PLOT_WIDTH + 6, y: f.y(lastCentre) });
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].y < sorted[i - 1].y + SMALL_LINE) sorted[i] = { ...sorted[i], y: sorted[i - 1].y + SMALL_LINE };
  }
  return sorted;
}
