/**
 * The look of a chart: its size, fonts, the colours and dashes of its lines, the marker shapes
 * of its points, and the room its text labels are given. Constants only; the colours of the
 * kinds of variation are in vocabulary.ts.
 */
import type { Side, Variation } from '../core/types.js';

export const FONT_FAMILY = 'Arial, Helvetica, sans-serif';
export const PLOT_WIDTH = 720;
export const PLOT_HEIGHT = 320;
/** Pixels between the first/last date and the left/right edge of the plot (x scale padding). */
export const X_PAD = 12;
/** Pixels kept free between the data and the bottom/top of the plot. */
export const Y_PAD = 6;

export const SERIES_COLOUR = '#7f7f7f';
export const LINE_COLOUR = '#3f3f3f';
/** Target line and its label: dark green, dot-dash (no variation colour is green). */
export const TARGET_COLOUR = '#1B7837';
export const TARGET_DASH = [8, 3, 2, 3];
/** Phase labels, leaders of annotations. */
export const LABEL_GREY = '#666666';
export const NOTE_COLOUR = '#262626';

/** The lines drawn for each phase: centre, control limits and two-sigma lines. */
export type LineField = 'centre' | 'ucl' | 'lcl' | 'upper2' | 'lower2';

/** Faint dotted two-sigma lines, dashed control limits, a solid centre line. */
export const LINE_STYLES: Readonly<Record<LineField, Readonly<Record<string, unknown>>>> = {
  upper2: { stroke: '#9a9a9a', strokeWidth: 0.75, strokeDash: [2, 3], opacity: 0.7 },
  lower2: { stroke: '#9a9a9a', strokeWidth: 0.75, strokeDash: [2, 3], opacity: 0.7 },
  ucl: { stroke: LINE_COLOUR, strokeWidth: 1.25, strokeDash: [6, 4] },
  lcl: { stroke: LINE_COLOUR, strokeWidth: 1.25, strokeDash: [6, 4] },
  centre: { stroke: LINE_COLOUR, strokeWidth: 1.5 },
};

/** Marker shapes: colour is never the only cue for a signal. */
const SHAPES = { common: 'circle', high: 'triangle-up', low: 'triangle-down', other: 'diamond' } as const;

/** The marker of a point: a circle for common cause, a triangle pointing to a signal's side. */
export function shapeOf(variation: Variation, side: Side | null): string {
  if (variation === 'common-cause') return SHAPES.common;
  return side === 'high' ? SHAPES.high : side === 'low' ? SHAPES.low : SHAPES.other;
}

/** The title of the legend of the kinds of variation. */
export const LEGEND_TITLE_TEXT = 'Variation';

/** Font size of phase labels, annotations and line labels. */
export const SMALL_FONT = 10;
/** Height of one line of small text, for the label layout. */
export const SMALL_LINE = 12;
/** Room kept at the top of the plot for the phase labels, when there are any. */
export const PHASE_BAND = 18;
/** Widest annotation drawn on the chart; longer ones end in an ellipsis (the description has them whole). */
export const NOTE_MAX_WIDTH = 200;
/** Pixels annotations keep from the left and right edges of the plot (the y axis is on the left). */
export const EDGE_GAP = 3;
/** Room above an annotated point for its label (ring, gap, one line of text, margin). */
export const NOTE_ROOM = 23;
/** The most room kept at the top of the plot for labels, in pixels. */
export const MAX_TOP = 80;

/** Vega-Lite's `config` of every chart: fonts, title, axes and the legend below the plot. */
export const CHART_CONFIG = {
  font: FONT_FAMILY,
  view: { stroke: null },
  title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555555', offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#333333', titleColor: '#333333', gridColor: '#eeeeee' },
  legend: { orient: 'bottom', direction: 'horizontal', columnPadding: 16, labelFontSize: 11, titleFontSize: 11, symbolStrokeWidth: 0.5 },
  point: { size: 36 },
} as const;
