/**
 * The shapes shared by every chart type: the data of one measure, the per-point lines a chart
 * writes, the phase statistics it reports and the definition each chart type provides.
 */
import type { Lines } from '../lines.js';

/** How sigma of individual values comes from their moving ranges. */
export type XmrSigma =
  | { readonly method: 'd2'; readonly d2: number }
  | { readonly method: 'e2'; readonly e2: number }
  | { readonly method: 'median'; readonly factor: number };

export const CHART_TYPES = ['xmr', 'mr', 'run', 'p', 'pp', 'u', 'up', 'c', 'np', 'g', 't', 'xbar-s', 'xbar-r'] as const;
/** A chart type a user asks for, plus the companion charts drawn beside x-bar charts. */
export type ChartType = (typeof CHART_TYPES)[number] | 's' | 'r';

/** The data of one measure, in period order. */
export interface SeriesData {
  /** The value column: a measurement, a count or a numerator (a Float64Array may use NaN for missing). For subgroup charts, ignored. */
  readonly values: ArrayLike<number | null>;
  /** Denominators / subgroup sizes (p, np, u, pp, up). */
  readonly sizes?: readonly (number | null)[] | null;
  /** Observations of each subgroup (x-bar, s and r charts). */
  readonly subgroups?: readonly (readonly number[] | null)[] | null;
}

export interface ChartSettings {
  readonly xmrSigma: XmrSigma;
  readonly screenMovingRanges: boolean;
  readonly screenFactor: number;
}

/** Per-point lines, NaN where a line does not exist. */
export type LineArrays = Lines<Float64Array>;

export interface PhaseInput {
  readonly start: number;
  readonly end: number;
  /** Full-length masks: 1 where the point is observed / sets the limits (baseline, not excluded). */
  readonly observed: Uint8Array;
  readonly limit: Uint8Array;
}

/** Phase-level statistics a chart reports (null where they do not apply). */
export interface PhaseStats {
  readonly centre: number | null;
  /** Sigma of the plotted statistic when it is the same for every point, else null. */
  readonly sigma: number | null;
  readonly mrBar?: number | null;
  readonly mrMedian?: number | null;
  readonly movingRanges?: number;
  readonly screenedMovingRanges?: number;
  /** Mean of the plotted values (g charts: the limits' centre, while the line is the median). */
  readonly mean?: number | null;
  readonly sBar?: number | null;
  readonly rBar?: number | null;
  readonly sigmaZ?: number | null;
  /** Laney or transformed scales: the sigma used before scaling or back-transforming. */
  readonly sigmaWithin?: number | null;
  readonly limitsVary: boolean;
}

export interface ChartContext {
  readonly data: SeriesData;
  readonly plotted: ArrayLike<number | null>;
  readonly phase: PhaseInput;
  readonly settings: ChartSettings;
  readonly lines: LineArrays;
}

export interface ChartDefinition {
  readonly id: ChartType;
  /** The display name ('XmR chart', 'p\u2032 chart (Laney)', ...). */
  readonly name: string;
  /** What the input must carry besides values. */
  readonly needs: 'values' | 'sizes' | 'subgroups';
  readonly hasLimits: boolean;
  /** What the centre line is: the mean, the median, or the back-transformed mean of a transformed scale (t). */
  readonly centre: 'mean' | 'median' | 'transformed-mean';
  /**
   * Whether its plotted value is a level per period ("123 a month"): individual values and counts
   * (xmr, c, np, run), not rates, proportions, ranges or times between events.
   */
  readonly levelPerPeriod: boolean;
  /**
   * Whether the chart may clamp its own lines to the possible range (rates at 0 and 1, counts at 0,
   * a back-transform at 0). When false every line is centre +/- k sigma exactly, so there is no
   * clamp to look for.
   */
  readonly clampsLines: boolean;
  /**
   * Whether each plotted value is built from the point's observation and the previous one (a moving
   * range). Then a point without a plotted value (a phase's first point, the point after a gap) is
   * missing only when its own observation is.
   */
  readonly spansPrevious: boolean;
  /**
   * How many plotted points the phase's baseline holds when the baseline is `baseline` observations
   * and that is not simply `baseline` plotted points. A moving range needs two observations, so the
   * first N observations hold the N - 1 ranges between them (the ranges that set the X chart's
   * limits); without this method the baseline is the first `baseline` plotted points.
   */
  baselinePoints?(data: SeriesData, phase: { readonly start: number; readonly end: number }, baseline: number): number;
  /** The plotted statistic per point (null: not observed). `phaseOf` for charts whose plot depends on phases. */
  plot(data: SeriesData, phaseOf: Int32Array): ArrayLike<number | null>;
  phase(ctx: ChartContext): PhaseStats;
}
