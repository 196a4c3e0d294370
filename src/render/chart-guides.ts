/**
 * The legend, the title and the size of the whole picture, laid out the way Vega lays out the
 * chart's Vega-Lite spec (vega-view-transforms ViewLayout.js and layout/*.js): the legend below
 * the x axis, the title above everything at the left edge of everything, and the picture padded
 * round all of it.
 */
import { baselineOffset, Bounds, fitText, textBox, type TextStyle } from './chart-bounds.js';
import type { LegendEntry } from './chart-data.js';
import type { LegendItemModel, LegendModel, MarkerShape, TitleModel, XY } from './chart-model-types.js';
import { LEGEND_TITLE_TEXT, PLOT_HEIGHT, PLOT_WIDTH } from './chart-style.js';
import { symbolBounds } from './chart-symbols.js';

/** Legend text (Vega's legend config and the chart's: 11 px labels cut at 160 px, a bold title). */
const LEGEND_LABEL: TextStyle = { fontSize: 11, limit: 160 };
export const LEGEND_TITLE: TextStyle = { fontSize: 11, bold: true, limit: 180 };
/** Legend symbols: 100 px² (Vega's `symbolSize`), with a 0.5 px white stroke. */
export const LEGEND_SYMBOL_SIZE = 100;
export const LEGEND_STROKE = 0.5;
/** Vega's legend layout: 18 px below the axis, 5 px under the title, 4 px from symbol to label. */
const LEGEND_OFFSET = 18;
const LEGEND_TITLE_PADDING = 5;
const LEGEND_LABEL_OFFSET = 4;
/** The chart's `columnPadding` between entries. */
const COLUMN_PADDING = 16;
/** Title text: 15 px bold and an 11 px subtitle, 3 px apart, 12 px above everything else. */
export const TITLE: TextStyle = { fontSize: 15, bold: true, limit: PLOT_WIDTH };
export const SUBTITLE: TextStyle = { fontSize: 11, limit: PLOT_WIDTH };
const SUBTITLE_PADDING = 3;
const TITLE_OFFSET = 12;
/** The spec's padding round the whole picture. */
export const PADDING = 8;

/**
 * One legend entry laid out in its own group: the symbol in a square as wide as the larger of
 * its size and the label's font size (vega-parser parsers/legend.js `sizeExpression`), the label
 * 4 px right of that square, vertically centred on the symbol.
 */
function legendEntry(e: LegendEntry): { item: LegendItemModel; box: Bounds } {
  const side = Math.max(Math.ceil(Math.sqrt(LEGEND_SYMBOL_SIZE) + LEGEND_STROKE), LEGEND_LABEL.fontSize);
  const mid = side / 2;
  const labelX = side + LEGEND_LABEL_OFFSET;
  const shape = e.shape as MarkerShape;
  const box = symbolBounds(shape, LEGEND_SYMBOL_SIZE, mid, mid, LEGEND_STROKE).union(textBox(LEGEND_LABEL, e.key, labelX, mid, 'left', 'middle'));
  const item: LegendItemModel = {
    ...e,
    shape,
    label: fitText(LEGEND_LABEL, e.key),
    symbol: { x: mid, y: mid },
    labelAt: { x: labelX, y: mid + baselineOffset('middle', LEGEND_LABEL.fontSize) },
  };
  return { item, box };
}

const moved = (p: XY, dx: number, dy: number): XY => ({ x: p.x + dx, y: p.y + dy });

/**
 * The legend at (0, top): its title, then its entries in one row (vega-view-transforms
 * layout/grid.js `gridLayout`, one row of columns aligned "each"): each entry starts past the
 * previous one's whole-pixel extent, the column padding and whatever its own box reaches left of
 * its origin; with more than one entry, each is centred on the row's whole-pixel height.
 */
function legendLayout(entries: readonly LegendEntry[], top: number): { legend: LegendModel; bounds: Bounds } {
  const laid = entries.map(legendEntry);
  const rowHeight = laid.reduce((h, l) => Math.max(h, Math.ceil(l.box.y2)), 0);
  const bounds = textBox(LEGEND_TITLE, LEGEND_TITLE_TEXT, 0, 0, 'left', 'top');
  const entryTop = bounds.height() + LEGEND_TITLE_PADDING;
  const items: LegendItemModel[] = [];
  let x = 0;
  laid.forEach((l, i) => {
    if (i > 0) x += Math.ceil(laid[i - 1].box.x2) + COLUMN_PADDING + (l.box.x1 < 0 ? Math.ceil(-l.box.x1) : 0);
    const dy = entryTop + (laid.length > 1 ? Math.max(0, rowHeight - l.box.y2) / 2 : 0);
    bounds.union(l.box.clone().translate(x, dy));
    items.push({ ...l.item, symbol: moved(l.item.symbol, x, top + dy), labelAt: moved(l.item.labelAt, x, top + dy) });
  });
  // The legend's box starts at its origin (vega-view-transforms layout/legend.js `legendBounds`).
  const legend: LegendModel = { title: fitText(LEGEND_TITLE, LEGEND_TITLE_TEXT), titleAt: { x: 0, y: top + baselineOffset('top', LEGEND_TITLE.fontSize) }, items };
  return { legend, bounds: Bounds.of(0, top, Math.ceil(bounds.x2), top + Math.ceil(bounds.y2)) };
}

/** The title and subtitle placed above `view` at its left edge (vega-view-transforms layout/title.js). */
function titleLayout(text: string, subtitle: string, view: Bounds): { title: TitleModel; bounds: Bounds } {
  const head = textBox(TITLE, text, 0, 0, 'left', 'top');
  const subY = head.height() + SUBTITLE_PADDING;
  const both = textBox(SUBTITLE, subtitle, 0, subY, 'left', 'top').union(head);
  const x = view.x1;
  const y = view.y1 - both.height() - TITLE_OFFSET;
  const title: TitleModel = {
    text: fitText(TITLE, text),
    subtitle: fitText(SUBTITLE, subtitle),
    fullText: text,
    fullSubtitle: subtitle,
    textAt: { x, y: y + baselineOffset('top', TITLE.fontSize) },
    subtitleAt: { x, y: y + subY + baselineOffset('top', SUBTITLE.fontSize) },
  };
  return { title, bounds: both.translate(x, y) };
}

/** The room taken by each part of the chart, for the layout of the whole picture. */
export interface PartBounds {
  readonly xAxis: Bounds;
  readonly yAxis: Bounds;
  /** Lines drawn per phase (Vega-Lite draws them in groups, which count with the axes). */
  readonly grouped: Bounds;
  /** Every other mark. */
  readonly marks: Bounds;
}

export interface Guides {
  readonly legend: LegendModel;
  readonly title: TitleModel;
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/**
 * The legend, the title and the picture's size (vega-view-transforms ViewLayout.js `layoutGroup`
 * and `viewSizeLayout` with autosize "pad"): the legend 18 px below the lowest of the plot, the x
 * axis and the grouped marks; the title 12 px above everything; the plot moved right and down by
 * whatever sticks out left and above, in whole pixels, and the picture padded by 8 px.
 */
export function guides(parts: PartBounds, entries: readonly LegendEntry[], text: string, subtitle: string): Guides {
  const view = Bounds.of(0, 0, PLOT_WIDTH, PLOT_HEIGHT).union(parts.marks);
  const xb = Bounds.of(0, 0, PLOT_WIDTH, PLOT_HEIGHT).union(parts.yAxis).union(parts.grouped);
  const yb = Bounds.of(0, 0, PLOT_WIDTH, PLOT_HEIGHT).union(parts.xAxis).union(parts.grouped);
  const { legend, bounds: legendBox } = legendLayout(entries, Math.round(Math.ceil(yb.y2) + LEGEND_OFFSET));
  view.union(legendBox).union(xb).union(yb);
  const { title, bounds: titleBox } = titleLayout(text, subtitle, view);
  view.union(titleBox);
  const left = Math.max(0, Math.ceil(-view.x1));
  const top = Math.max(0, Math.ceil(-view.y1));
  const right = Math.max(0, Math.ceil(view.x2 - PLOT_WIDTH));
  const bottom = Math.max(0, Math.ceil(view.y2 - PLOT_HEIGHT));
  return {
    legend,
    title,
    width: PLOT_WIDTH + left + right + 2 * PADDING,
    height: PLOT_HEIGHT + top + bottom + 2 * PADDING,
    plot: { x: PADDING + left, y: PADDING + top, width: PLOT_WIDTH, height: PLOT_HEIGHT },
  };
}
