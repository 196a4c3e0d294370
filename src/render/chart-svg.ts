/**
 * The direct SVG writer: a chart's model (chart-model.ts) written straight to SVG text, the same
 * picture Vega draws from the chart's Vega-Lite spec, in about a fiftieth of the time and a quarter
 * of the size. Axes, legend and title sit where Vega puts them (the model lays them out by Vega's
 * rules); marks are drawn in Vega's order with the spec's styles. Deterministic: coordinates are
 * rounded once to 0.01 px and the same model gives the same text.
 */
import { baselineOffset } from './chart-bounds.js';
import { AXIS_LABEL, AXIS_SHIFT, AXIS_TITLE, TICK_SIZE } from './chart-axes.js';
import { LEGEND_STROKE, LEGEND_SYMBOL_SIZE, LEGEND_TITLE, SUBTITLE, TITLE } from './chart-guides.js';
import type { ChartModel, LegendItemModel, TickModel } from './chart-model-types.js';
import { FONT_FAMILY, PLOT_HEIGHT, PLOT_WIDTH } from './chart-style.js';
import { marksSvg } from './chart-svg-marks.js';
import { esc, group, num, pathEl, textEl } from './chart-svg-write.js';
import { symbolRadius, symbolVertices } from './chart-symbols.js';

/** Axis colours (Vega's grey ticks and domain lines; the chart's label and gridline colours). */
const AXIS_GREY = '#888';
const AXIS_TEXT = '#333333';
const GRID = '#eeeeee';

/** Tick labels, grouped by how they are anchored. */
function tickLabels(ticks: readonly TickModel[]): string {
  let out = '';
  for (const anchor of ['start', 'middle', 'end'] as const) {
    const body = ticks
      .filter((t) => t.label !== null && t.anchor === anchor)
      .map((t) => textEl(t.labelAt.x, t.labelAt.y, t.label!))
      .join('');
    out += group(anchor === 'start' ? '' : ` text-anchor="${anchor}"`, body);
  }
  return group(` font-size="${AXIS_LABEL.fontSize}" fill="${AXIS_TEXT}"`, out);
}

/**
 * Gridlines, then the x axis (ticks, labels, its line), then the y axis (ticks, labels, its line,
 * its title turned a quarter left), half a pixel off the plot's grid as Vega draws axes.
 */
function axesSvg(model: ChartModel): string {
  const s = AXIS_SHIFT;
  const y = model.yAxis;
  const grid = pathEl(y.ticks.map((t) => `M${s},${num(t.at + s)}h${PLOT_WIDTH}`).join(''), ` stroke="${GRID}"`);
  const xTicks = pathEl(model.xAxis.ticks.map((t) => `M${num(t.at + s)},${PLOT_HEIGHT + s}v${TICK_SIZE}`).join(''), ` stroke="${AXIS_GREY}"`);
  const xAxis = xTicks + tickLabels(model.xAxis.ticks) + `<path d="M${s},${PLOT_HEIGHT + s}h${PLOT_WIDTH}" stroke="${AXIS_GREY}"/>`;
  const yTicks = pathEl(y.ticks.map((t) => `M${s},${num(t.at + s)}h-${TICK_SIZE}`).join(''), ` stroke="${AXIS_GREY}"`);
  const titleAttrs = ` transform="translate(${num(y.titleAt.x)},${num(y.titleAt.y)}) rotate(-90)" text-anchor="middle" font-size="${AXIS_TITLE.fontSize}" font-weight="bold" fill="${AXIS_TEXT}"`;
  const title = textEl(0, baselineOffset('bottom', AXIS_TITLE.fontSize), y.title, titleAttrs);
  const yAxis = yTicks + tickLabels(y.ticks) + `<path d="M${s},${PLOT_HEIGHT + s}v-${PLOT_HEIGHT}" stroke="${AXIS_GREY}"/>` + title;
  return grid + xAxis + yAxis;
}

/** A legend symbol: the marker's shape at the legend's size. */
function legendSymbol(item: LegendItemModel): string {
  const { x, y } = item.symbol;
  if (item.shape === 'circle') return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(symbolRadius(LEGEND_SYMBOL_SIZE))}" fill="${item.colour}"/>`;
  const v = symbolVertices(item.shape, LEGEND_SYMBOL_SIZE);
  return `<path transform="translate(${num(x)},${num(y)})" d="M${v.map((q) => `${num(q.x)},${num(q.y)}`).join('L')}Z" fill="${item.colour}"/>`;
}

/** The legend: its title, then each entry's symbol and label. */
function legendSvg(model: ChartModel): string {
  const l = model.legend;
  const title = textEl(l.titleAt.x, l.titleAt.y, l.title, ` font-weight="bold"`);
  const symbols = group(` stroke="white" stroke-width="${LEGEND_STROKE}"`, l.items.map(legendSymbol).join(''));
  const labels = l.items.map((it) => textEl(it.labelAt.x, it.labelAt.y, it.label)).join('');
  return group(` font-size="${LEGEND_TITLE.fontSize}" fill="#000"`, symbols + labels + title);
}

/** The chart's title and subtitle. */
function titleSvg(model: ChartModel): string {
  const t = model.title;
  return (
    textEl(t.textAt.x, t.textAt.y, t.text, ` font-size="${TITLE.fontSize}" font-weight="bold" fill="#000"`) +
    textEl(t.subtitleAt.x, t.subtitleAt.y, t.subtitle, ` font-size="${SUBTITLE.fontSize}" fill="#555555"`)
  );
}

/**
 * The chart as a standalone SVG document. The root carries `role="img"`, an `aria-label` with the
 * measure's name, and `<title>`/`<desc>` children with the name and the description; each point
 * has a `<title>` (its tooltip and accessible name).
 */
export function chartSvg(model: ChartModel): string {
  const { width: w, height: h, plot } = model;
  const name = esc(model.name);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${name}" font-family="${FONT_FAMILY}">` +
    `<title>${name}</title><desc>${esc(model.description)}</desc>` +
    `<rect width="${w}" height="${h}" fill="white"/>` +
    `<g transform="translate(${plot.x},${plot.y})" fill="none">` +
    axesSvg(model) +
    marksSvg(model) +
    legendSvg(model) +
    titleSvg(model) +
    '</g></svg>'
  );
}
