/**
 * What an annotation should not cover, and what covering it costs: the boxes of the phase labels,
 * the markers, the series line and the drawn lines of a chart, each with a weight per square
 * pixel, and two indexes that sum the cost of a candidate box quickly (one for the fixed
 * obstacles, one for the labels placed so far).
 */
import type { ChartRow } from './chart-data.js';
import type { Frame } from './chart-frame.js';
import { PLOT_HEIGHT, PLOT_WIDTH, SMALL_FONT, SMALL_LINE, type LineField } from './chart-style.js';
import { textWidth } from './chart-text-width.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Something a label should not cover, and how much covering it costs per square pixel. */
export interface Obstacle extends Box {
  weight: number;
}

/** Costs of covering things with an annotation, per square pixel. */
export const COVER_TEXT = 10;
const COVER_MARKER = 4;
const COVER_SERIES = 5;
const COVER_LINE = 1;

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The weighted area of fixed obstacles in each pixel of the plot, summed (a summed-area table,
 * Crow 1984), so the cost of any box is four look-ups however many obstacles there are (a long
 * series has many thousands). Boxes are measured on whole pixels, widened to cover fractions.
 */
export class CostMap {
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
export class ObstacleIndex {
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

/** Each observed point's marker, and the series line to the next point sampled every 3 px. */
function pointObstacles(values: readonly ChartRow[], xs: readonly number[], f: Frame, out: Obstacle[]): void {
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
}

/** Each point's stretch of one line, and the riser to the next point when the lines are steps. */
function lineObstacles(values: readonly ChartRow[], xs: readonly number[], f: Frame, field: LineField, step: boolean, out: Obstacle[]): void {
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

/**
 * What annotations should keep clear of: phase labels, markers, the series line and the drawn
 * lines (each point's stretch of its centre, limit and two-sigma lines, the risers between them
 * when they are steps, and the target line).
 */
export function obstacles(
  values: readonly ChartRow[],
  f: Frame,
  phaseLabels: readonly { x: number; y: number; text: string }[],
  lines: readonly LineField[],
  step: boolean,
  target: number | null,
): Obstacle[] {
  const out: Obstacle[] = phaseLabels.map((l) => ({ x0: l.x, y0: l.y, x1: l.x + textWidth({ fontSize: SMALL_FONT }, l.text), y1: l.y + SMALL_LINE, weight: COVER_TEXT }));
  const xs = values.map((r) => f.x(r.date));
  pointObstacles(values, xs, f, out);
  for (const field of lines) lineObstacles(values, xs, f, field, step, out);
  if (target !== null) out.push({ x0: 0, y0: f.y(target) - 1, x1: PLOT_WIDTH, y1: f.y(target) + 1, weight: COVER_LINE });
  return out;
}
