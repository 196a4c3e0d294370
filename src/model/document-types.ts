/**
 * The result document of contract section 4, as TypeScript types: one record per measure with its
 * phases, points, signals and summary. document.ts builds it; every renderer reads it.
 */
import type { AssuranceIcon, RunsAnalysis, Direction, RuleId, RuleSet, Side, Variation, VariationIcon } from '../core/types.js';
import type { ChartType } from '../core/charts/index.js';
import type { Granularity } from '../io/periods.js';

export const SCHEMA_VERSION = 1;

export interface PointRecord {
  readonly period: string;
  /** ISO date (YYYY-MM-DD) the period starts. */
  readonly date: string;
  readonly value: number | null;
  readonly denominator: number | null;
  readonly phase: number;
  readonly baseline: boolean;
  readonly excluded: boolean;
  readonly centre: number | null;
  readonly lcl: number | null;
  readonly ucl: number | null;
  readonly sigma: number | null;
  readonly signals: readonly RuleId[];
  readonly side: Side | null;
  readonly variation: Variation;
  /** One- and two-sigma lines (asymmetric on t charts, clamped on attribute charts). */
  readonly lower1sigma: number | null;
  readonly upper1sigma: number | null;
  readonly lower2sigma: number | null;
  readonly upper2sigma: number | null;
  /** Attribute charts: the count and size behind a proportion or rate; subgroup charts: the size. */
  readonly numerator?: number | null;
  readonly subgroupSize?: number | null;
  readonly note?: string;
}

export interface PhaseRecord {
  readonly index: number;
  readonly label?: string;
  readonly start: string;
  readonly end: string;
  readonly n: number;
  readonly baselineN: number;
  readonly limitN: number;
  readonly movingRanges: number;
  readonly screenedMovingRanges: number;
  readonly centre: number | null;
  readonly ucl: number | null;
  readonly lcl: number | null;
  readonly sigma: number | null;
  readonly mrBar: number | null;
  readonly lclClamped: boolean;
  readonly uclClamped: boolean;
  /** Limits vary from point to point (unequal sizes): phase-level ucl/lcl are null. */
  readonly limitsVary: boolean;
  readonly mrMedian?: number | null;
  readonly mean?: number | null;
  readonly sBar?: number | null;
  readonly rBar?: number | null;
  readonly sigmaZ?: number | null;
  readonly sigmaWithin?: number | null;
  /** Anhoej's run analysis (presets with it, and run charts). */
  readonly runs?: RunsAnalysis;
}

export interface SummaryRecord {
  readonly n: number;
  readonly missing: number;
  readonly latestPeriod: string | null;
  readonly latestValue: number | null;
  readonly centre: number | null;
  readonly lcl: number | null;
  readonly ucl: number | null;
  readonly signalCounts: Readonly<Partial<Record<RuleId, number>>>;
  /** Rule ids that fired on the latest observed point. */
  readonly latestSignals: readonly RuleId[];
  readonly variationIcon: VariationIcon;
  readonly assuranceIcon: AssuranceIcon;
  readonly target: number | null;
  /** Expected number of false signals for a stable process of this length under the preset. */
  readonly expectedFalseSignals?: number | null;
}

/**
 * One signal as the core found it (additive to contract section 4; docs/cli.md): its rule, its
 * side (null for a pattern), the periods of its first and last flagged points and how many points
 * the rule flagged in it; for a long run (Anhoej), where the phase's longest run lies.
 */
export interface SpanRecord {
  readonly rule: RuleId;
  readonly side: Side | null;
  readonly start: string;
  readonly end: string;
  readonly points: number;
  readonly run?: { readonly start: string; readonly end: string; readonly length: number };
}

export interface MeasureRecord {
  readonly measure: string;
  readonly chart: ChartType;
  /** For the S or R chart written beside an x-bar chart: the x-bar measure's name. */
  readonly companionOf?: string;
  readonly direction: Direction;
  readonly unit?: string;
  readonly section?: string;
  readonly source: string;
  /**
   * The measure's period granularity (month, quarter, financial-quarter, year, financial-year,
   * week, day), or null when its periods mix them. Additive; absent in documents of spc 0.1.
   */
  readonly granularity?: Granularity | null;
  readonly rules: RuleSet;
  readonly phases: readonly PhaseRecord[];
  readonly points: readonly PointRecord[];
  /** Every signal, ordered by first point, then rule, then last point. Additive; absent in documents of spc 0.1. */
  readonly spans?: readonly SpanRecord[];
  readonly summary: SummaryRecord;
  readonly warnings: readonly string[];
}

export interface ResultDocument {
  readonly schemaVersion: number;
  readonly tool: { readonly name: 'spc'; readonly version: string };
  readonly measures: readonly MeasureRecord[];
}
