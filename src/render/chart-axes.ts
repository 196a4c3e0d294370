/**
 * The chart's scales and axes as Vega draws them for the chart's Vega-Lite spec: the same d3-scale
 * calls for the ticks and their labels, the same pixel positions, the same labels hidden where
 * they would overlap, and the room each axis takes (for the layout of the whole picture).
 */
import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3-scale';
import { baselineOffset, Bounds, fitText, textBox, rotatedBox, type Align, type Baseline, type TextStyle } from './chart-bounds.js';
import type { TickModel, XAxisModel, YAxisModel } from './chart-model-types.js';
import { PLOT_HEIGHT, PLOT_WIDTH, X_PAD } from './chart-style.js';

/** Axis text: 11 px labels cut at 180 px (Vega's default `labelLimit`), 12 px bold titles. */
export const AXIS_LABEL: TextStyle = { fontSize: 11, limit: 180 };
export const AXIS_TITLE: TextStyle = { fontSize: 12, bold: true };
/** Vega's axis defaults (vega-parser config.js `axis`): tick length, label and title padding. */
export const TICK_SIZE = 5;
const LABEL_PADDING = 2;
const TITLE_PADDING = 4;
/** Vega-Lite's default y tick count: one tick per 40 px of height (`ceil(height/40)`). */
const Y_TICKS = Math.ceil(PLOT_HEIGHT / 40);
/** The x axis's tick count, set in the spec (chart-layers.ts `encodings`). */
const X_TICKS = 8;

/**
 * The time scale of the x axis: a UTC scale over the dates, its domain widened so that X_PAD
 * pixels are left at each end, as Vega pads a continuous scale (vega-encode Scale.js `padDomain`,
 * vega-util transform.ts `zoomLinear`: the domain scaled about its middle). A single date is not
 * padded and lands in the middle.
 */
export function timeScale(times: readonly number[]): ScaleTime<number, number> {
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const t of times) {
    if (t < t0) t0 = t;
    if (t > t1) t1 = t;
  }
  const scale = scaleUtc().range([0, PLOT_WIDTH]);
  if (!times.length) return scale;
  if (t0 === t1) return scale.domain([t0, t1]);
  const frac = PLOT_WIDTH / (PLOT_WIDTH - 2 * X_PAD);
  const mid = (t0 + t1) / 2;
  return scale.domain([mid + (t0 - mid) * frac, mid + (t1 - mid) * frac]);
}

/** The value scale of the y axis: the frame's domain onto the plot's height, bottom up. */
export function valueScale(domain: readonly [number, number] | null): ScaleLinear<number, number> | null {
  return domain ? scaleLinear().domain([domain[0], domain[1]]).range([PLOT_HEIGHT, 0]) : null;
}

/**
 * Where a label sits against the ends of the axis: Vega-Lite sets `labelFlush` on a continuous x
 * axis, so a label within 1 px of an end is aligned to it (vega-util flush.ts).
 */
function flushAlign(pos: number): Align {
  const l = Math.abs(pos);
  const r = Math.abs(PLOT_WIDTH - pos);
  return l < r && l <= 1 ? 'left' : r <= 1 ? 'right' : 'center';
}

interface Label {
  readonly index: number;
  readonly box: Bounds;
  visible: boolean;
}

/** Whether two label boxes overlap (touching does not count: vega-view-transforms Overlap.js). */
const overlaps = (a: Bounds, b: Bounds) => 0 > Math.max(b.x1 - a.x2, a.x1 - b.x2, b.y1 - a.y2, a.y1 - b.y2);

function anyOverlap(items: readonly Label[]): boolean {
  for (let i = 1; i < items.length; i++) if (overlaps(items[i - 1].box, items[i].box)) return true;
  return false;
}

/**
 * Vega's `labelOverlap: true` (the "parity" method of vega-view-transforms Overlap.js): while
 * three or more labels are left and two neighbours overlap, hide every other one; when fewer
 * than three are left and the last label is hidden, show it instead of the last one left.
 */
export function hideOverlaps(labels: readonly Label[]): void {
  const source = labels.filter((l) => l.box.width() > 1 && l.box.height() > 1);
  let items = source;
  for (const l of items) l.visible = true;
  if (items.length < 3 || !anyOverlap(items)) return;
  do {
    items = items.filter((l, i) => (i % 2 ? ((l.visible = false), false) : true));
  } while (items.length >= 3 && anyOverlap(items));
  const last = source[source.length - 1];
  if (items.length < 3 && !last.visible) {
    if (items.length > 1) items[items.length - 1].visible = false;
    last.visible = true;
  }
}

/**
 * Axes are drawn half a pixel right and down (vega-view-transforms layout/axis.js: `translate`
 * 0.5), so that 1 px tick marks and gridlines on whole pixels are crisp.
 */
export const AXIS_SHIFT = 0.5;

/**
 * The ticks of one axis with their labels placed, overlaps hidden, and the room they take, in
 * the axis's own coordinates (the x axis's origin is the plot's bottom-left corner).
 */
function axisTicks(values: readonly number[], pos: (v: number) => number, format: (v: number) => string, x: boolean): { ticks: TickModel[]; bounds: Bounds } {
  const bounds = new Bounds();
  const labels: (Label & { text: string; at: number; anchor: Align })[] = values.map((v, index) => {
    const at = pos(v);
    const text = format(v);
    const anchor: Align = x ? flushAlign(at) : 'right';
    const baseline: Baseline = x ? 'top' : 'middle';
    const offset = TICK_SIZE + LABEL_PADDING;
    const box = x ? textBox(AXIS_LABEL, text, at, offset, anchor, baseline) : textBox(AXIS_LABEL, text, -offset, at, anchor, baseline);
    return { index, box, visible: true, text, at, anchor };
  });
  hideOverlaps(labels);
  const ticks = labels.map((l, i): TickModel => {
    const at = Math.round(l.at);
    // The tick mark (with half its 1 px stroke) and the label, if shown.
    bounds.union(x ? Bounds.of(at, 0, at, TICK_SIZE).expand(0.5) : Bounds.of(-TICK_SIZE, at, 0, at).expand(0.5));
    if (l.visible && l.text) bounds.union(l.box);
    const label = l.visible && l.text ? fitText(AXIS_LABEL, l.text) : null;
    const offset = TICK_SIZE + LABEL_PADDING;
    const labelAt = x
      ? { x: l.at + AXIS_SHIFT, y: PLOT_HEIGHT + AXIS_SHIFT + offset + baselineOffset('top', AXIS_LABEL.fontSize) }
      : { x: AXIS_SHIFT - offset, y: l.at + AXIS_SHIFT + baselineOffset('middle', AXIS_LABEL.fontSize) };
    return { value: values[i], at, label, labelAt, anchor: l.anchor === 'left' ? 'start' : l.anchor === 'right' ? 'end' : 'middle' };
  });
  return { ticks, bounds };
}

/** The x axis: ticks, labels and the room they take below the plot (vega-view-transforms layout/axis.js). */
export function xAxis(scale: ScaleTime<number, number>, format: string, hasDates: boolean): { axis: XAxisModel; bounds: Bounds } {
  const values = hasDates ? scale.ticks(X_TICKS).map((d) => d.getTime()) : [];
  const fmt = scale.tickFormat(X_TICKS, format);
  const { ticks, bounds } = axisTicks(values, (t) => scale(t), (t) => fmt(new Date(t)), true);
  const extent = Math.max(0, Math.min(200, bounds.y2));
  bounds.add(0, 0).add(PLOT_WIDTH, extent);
  return { axis: { format, ticks }, bounds: bounds.translate(0, PLOT_HEIGHT) };
}

/**
 * The y axis: ticks, labels in Vega's default number format for the domain (d3's `tickFormat`
 * with ',f', the call vega-format's `formatSpan` makes), and its title rotated left of the labels.
 */
export function yAxis(scale: ScaleLinear<number, number> | null, domain: readonly [number, number] | null, title: string): { axis: YAxisModel; bounds: Bounds } {
  const values = scale ? scale.ticks(Y_TICKS) : [];
  const fmt = scale ? scale.tickFormat(Y_TICKS, ',f') : String;
  const { ticks, bounds } = axisTicks(values, (v) => scale!(v), fmt, false);
  const extent = Math.max(0, Math.min(200, -bounds.x1));
  bounds.add(-extent, 0).add(0, PLOT_HEIGHT);
  const titleX = -(extent + TITLE_PADDING);
  const mid = PLOT_HEIGHT / 2;
  bounds.union(rotatedBox(textBox(AXIS_TITLE, title, titleX, mid, 'center', 'bottom'), -90, titleX, mid));
  return { axis: { domain, title, titleAt: { x: titleX + AXIS_SHIFT, y: mid + AXIS_SHIFT }, ticks }, bounds };
}
