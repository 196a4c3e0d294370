/**
 * The shape of a chart's model (chart-model.ts): everything about one chart that is not drawing,
 * computed once as plain data. Pixel positions are in the plot's coordinates (0,0 at its top-left
 * corner, 720 x 320) unless a field says otherwise; the SVG writers add `plot.x`/`plot.y`.
 */
import type { Side, Variation } from '../core/types.js';
import type { ChartRow, LegendEntry } from './chart-data.js';
import type { EdgeLabel, NoteLabel, PhaseLabel } from './chart-labels.js';
import type { LineField } from './chart-style.js';

/** A point in pixels. */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/** A box in pixels. */
export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The marker shapes of the points and the legend. */
export type MarkerShape = 'circle' | 'triangle-up' | 'triangle-down' | 'diamond';

/** One observed point: where it is drawn and what it says. */
export interface PointModel {
  readonly period: string;
  readonly date: string;
  /** The plotted value in data units (scaled by the display multiplier). */
  readonly value: number;
  readonly x: number;
  readonly y: number;
  readonly variation: Variation;
  readonly side: Side | null;
  readonly shape: MarkerShape;
  readonly colour: string;
  /** Marker area in square pixels (Vega's symbol `size`). */
  readonly size: number;
  /** The legend entry the point belongs to, e.g. "Improvement (high)". */
  readonly key: string;
  /** Its tooltip and accessible name: period, value, counts, variation, signals and note. */
  readonly tooltip: string;
}

/** One phase: where it starts and ends, and its lines as runs of vertices (breaks at missing values). */
export interface PhaseModel {
  readonly index: number;
  readonly label: string | null;
  /** The first date of the phase, or null when it has no points. */
  readonly start: string | null;
  /** Each drawn line: a list of polylines. A constant line is one two-point run per stretch. */
  readonly lines: Readonly<Partial<Record<LineField, readonly (readonly XY[])[]>>>;
}

/** A tick of an axis: where its tick mark sits and, if shown, its label. */
export interface TickModel {
  readonly value: number;
  /** The tick mark and gridline position, rounded to a whole pixel (Vega's `tickRound`). */
  readonly at: number;
  /** The label's text, or null when overlap hides it, and where its baseline is drawn. */
  readonly label: string | null;
  readonly labelAt: XY;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface AxisModel {
  readonly ticks: readonly TickModel[];
}

export interface YAxisModel extends AxisModel {
  /** The y domain (data units), or null when nothing numeric is drawn. */
  readonly domain: readonly [number, number] | null;
  readonly title: string;
  /** Where the axis title is drawn, before it is turned a quarter left about that point. */
  readonly titleAt: XY;
}

export interface XAxisModel extends AxisModel {
  /** d3 time format of the labels. */
  readonly format: string;
}

/** A legend entry placed: its symbol's centre and the start of its label's baseline. */
export interface LegendItemModel extends LegendEntry {
  readonly shape: MarkerShape;
  readonly label: string;
  readonly symbol: XY;
  readonly labelAt: XY;
}

export interface LegendModel {
  readonly title: string;
  /** Where the title's baseline starts. */
  readonly titleAt: XY;
  readonly items: readonly LegendItemModel[];
}

export interface TitleModel {
  /** As drawn (cut with an ellipsis at the plot width, the way Vega cuts it). */
  readonly text: string;
  readonly subtitle: string;
  /** Full texts (the spec's). */
  readonly fullText: string;
  readonly fullSubtitle: string;
  /** Where the baselines of the two lines start. */
  readonly textAt: XY;
  readonly subtitleAt: XY;
}

export interface TargetModel {
  readonly value: number;
  readonly y: number;
}

/** Everything about one chart that is not drawing. */
export interface ChartModel {
  /** The measure's name (the SVG's `aria-label` and `<title>`). */
  readonly name: string;
  readonly description: string;
  /** The size of the whole picture, padding included. */
  readonly width: number;
  readonly height: number;
  /** The plot's top-left corner in the picture, and its size. */
  readonly plot: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly title: TitleModel;
  /** One row per point of the measure, data units (the Vega-Lite spec's inline data). */
  readonly rows: readonly ChartRow[];
  readonly points: readonly PointModel[];
  /** The series line: polylines broken at missing values. */
  readonly series: readonly (readonly XY[])[];
  readonly phases: readonly PhaseModel[];
  /** Phase starts after the first: their date and phase, and the x of the rule drawn there. */
  readonly phaseStarts: readonly { readonly date: string; readonly phase: number; readonly x: number }[];
  /** The lines drawn (a run chart draws its centre line only), in drawing order. */
  readonly drawn: readonly LineField[];
  /** Whether the lines are drawn as steps (they vary from point to point). */
  readonly step: boolean;
  readonly target: TargetModel | null;
  readonly xAxis: XAxisModel;
  readonly yAxis: YAxisModel;
  readonly legend: LegendModel;
  readonly legendEntries: readonly LegendEntry[];
  readonly phaseLabels: readonly PhaseLabel[];
  readonly notes: readonly NoteLabel[];
  /** The rings round annotated observed points (centres). */
  readonly rings: readonly XY[];
  readonly edgeLabels: readonly EdgeLabel[];
}
