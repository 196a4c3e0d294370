/**
 * The marks of the direct SVG writer, in Vega's drawing order: phase-start rules, each line of
 * each phase, the target, the series, its points (each with its tooltip), the annotations, the
 * phase labels and the labels right of the plot. Every style here is the one the Vega-Lite spec
 * gives the same mark (chart-layers.ts, chart-style.ts).
 */
import { baselineOffset } from './chart-bounds.js';
import {
  GAP_SIZE,
  GAP_STROKE,
  LEADER_STROKE,
  RING_SIZE,
  RING_STROKE,
  POINT_STROKE,
  RULE_STROKE,
  SERIES_STROKE,
  TARGET_STROKE,
} from './chart-geometry.js';
import type { ChartModel, PointModel } from './chart-model-types.js';
import { LABEL_GREY, LINE_STYLES, NOTE_COLOUR, PLOT_HEIGHT, PLOT_WIDTH, SERIES_COLOUR, SMALL_FONT, TARGET_COLOUR, TARGET_DASH, type LineField } from './chart-style.js';
import { esc, group, num, pathEl, polylines, textEl } from './chart-svg-write.js';
import { symbolRadius, symbolVertices } from './chart-symbols.js';

/** The stroke attributes of a line style (colour, width, dashes, opacity). */
function strokeAttrs(style: Readonly<Record<string, unknown>>): string {
  let a = ` stroke="${style.stroke}" stroke-width="${style.strokeWidth}"`;
  if (style.strokeDash) a += ` stroke-dasharray="${(style.strokeDash as number[]).join(',')}"`;
  if (style.opacity !== undefined) a += ` opacity="${style.opacity}"`;
  return a;
}

/** Faint dotted rules down the plot at each phase start. */
function phaseRules(model: ChartModel): string {
  const d = model.phaseStarts.map((s) => `M${num(s.x)},0V${PLOT_HEIGHT}`).join('');
  return pathEl(d, ` stroke="#bdbdbd" stroke-width="${RULE_STROKE}" stroke-dasharray="1,2"`);
}

/** Each drawn line, one path per phase (as Vega-Lite draws a line per `detail` group). */
function phaseLines(model: ChartModel): string {
  let out = '';
  for (const field of model.drawn) {
    const attrs = strokeAttrs(LINE_STYLES[field as LineField]);
    for (const ph of model.phases) out += pathEl(polylines(ph.lines[field] ?? []), attrs);
  }
  return out;
}

/**
 * The target: a dot-dash rule across the plot, drawn from the right edge to the left as Vega-Lite
 * draws a rule with no x (x at the width, x2 at 0: vega-lite compile/mark/encode/position-point.ts
 * `zeroOrMinOrMaxPosition`), so that its dashes start where Vega's do.
 */
function targetLine(model: ChartModel): string {
  if (!model.target) return '';
  return pathEl(`M${PLOT_WIDTH},${num(model.target.y)}H0`, ` stroke="${TARGET_COLOUR}" stroke-width="${TARGET_STROKE}" stroke-dasharray="${TARGET_DASH.join(',')}"`);
}

/** A polygon's path about its centre, for a marker drawn at a translation (as Vega draws symbols). */
function polygon(p: PointModel): string {
  const v = symbolVertices(p.shape as Exclude<PointModel['shape'], 'circle'>, p.size);
  return `M${v.map((q) => `${num(q.x)},${num(q.y)}`).join('L')}Z`;
}

/** One point: its marker, shaped by variation, with its tooltip as `<title>` (its fill is its group's). */
function pointEl(p: PointModel): string {
  const tip = `<title>${esc(p.tooltip)}</title>`;
  if (p.shape === 'circle') return `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${num(symbolRadius(p.size))}">${tip}</circle>`;
  return `<path transform="translate(${num(p.x)},${num(p.y)})" d="${polygon(p)}">${tip}</path>`;
}

/**
 * The series line and its points, in period order (a later point is drawn over an earlier one);
 * each run of points of one colour shares a group that fills them.
 */
function series(model: ChartModel): string {
  const line = pathEl(polylines(model.series), ` stroke="${SERIES_COLOUR}" stroke-width="${SERIES_STROKE}"`);
  let points = '';
  const pts = model.points;
  for (let i = 0; i < pts.length; ) {
    let j = i;
    let run = '';
    while (j < pts.length && pts[j].colour === pts[i].colour) run += pointEl(pts[j++]);
    points += `<g fill="${pts[i].colour}">${run}</g>`;
    i = j;
  }
  return line + group(` stroke="white" stroke-width="${POINT_STROKE}"`, points);
}

/** Rings round annotated points, crosses in gaps, and leaders from points to their labels. */
function noteMarks(model: ChartModel): string {
  const r = num(symbolRadius(RING_SIZE));
  // Opacity on each mark, not on their group: where two overlap, each is blended on its own.
  const rings = model.rings.map((c) => `<path transform="translate(${num(c.x)},${num(c.y)})" d="M${r},0A${r},${r},0,1,1,-${r},0A${r},${r},0,1,1,${r},0" opacity="0.7"/>`).join('');
  const g = num(symbolRadius(GAP_SIZE));
  const cross = `M-${g},-${g}L${g},${g}M-${g},${g}L${g},-${g}`;
  const gaps = model.notes.filter((n) => n.value === null).map((n) => `<path transform="translate(${num(n.anchor.x)},${num(n.anchor.y)})" d="${cross}" opacity="0.7"/>`).join('');
  // A leader from its start, as Vega draws a rule: the offset to its end rounded on its own.
  const leaders = model.notes.map(({ leader: l }) => (l ? `M${num(l.x)},${num(l.y)}l${num(l.x2 - l.x)},${num(l.y2 - l.y)}` : '')).join('');
  return (
    group(` stroke="${NOTE_COLOUR}" stroke-width="${RING_STROKE}"`, rings) +
    group(` stroke="${LABEL_GREY}" stroke-width="${GAP_STROKE}"`, gaps) +
    pathEl(leaders, ` stroke="${LABEL_GREY}" stroke-width="${LEADER_STROKE}"`)
  );
}

/** Small text with a white halo: a white-stroked copy under it, as the spec layers them. */
function haloTexts(items: readonly { x: number; y: number; text: string }[], colour: string): string {
  const body = items.map((t) => textEl(t.x, t.y, t.text)).join('');
  const halo = ` stroke="white" stroke-opacity="0.9" stroke-width="3" stroke-linejoin="round"`;
  return group(` font-size="${SMALL_FONT}" fill="${colour}"${halo}`, body) + group(` font-size="${SMALL_FONT}" fill="${colour}"`, body);
}

/** The annotations, the phase labels and the labels right of the plot. */
function labels(model: ChartModel): string {
  const middle = baselineOffset('middle', SMALL_FONT);
  const top = baselineOffset('top', SMALL_FONT);
  const notes = haloTexts(model.notes.map((n) => ({ x: n.x, y: n.y + middle, text: n.text })), NOTE_COLOUR);
  const phases = haloTexts(model.phaseLabels.map((l) => ({ x: l.x, y: l.y + top, text: l.text })), LABEL_GREY);
  const edges = model.edgeLabels.map((l) => textEl(l.x, l.y + middle, l.text, ` font-size="${SMALL_FONT}" fill="${l.colour}"`)).join('');
  return notes + phases + edges;
}

/** Every mark of the plot, in drawing order. */
export function marksSvg(model: ChartModel): string {
  return phaseRules(model) + phaseLines(model) + targetLine(model) + series(model) + noteMarks(model) + labels(model);
}
