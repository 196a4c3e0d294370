/**
 * Plain data shared by the statistical core. Nothing here knows about files, dates or text
 * formatting: a series is an ordered array of values, and every result refers to points by their
 * index in that array.
 */

import type { Lines } from './lines.js';
import type { ChartType, LineArrays, PhaseStats, XmrSigma } from './charts/types.js';

export type { XmrSigma };

/** Which way is good for the measure. */
export const DIRECTIONS = ['higher-is-better', 'lower-is-better', 'neutral'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The rule presets of contract section 3a (presets.ts). */
export const PRESET_NAMES = ['default', 'mdc', 'ptd', 'western-electric', 'nelson', 'anhoej'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Rule ids, in the order of contract section 6 (the order `signals` are listed in). */
export const RULE_IDS = [
  'outside-limits',
  'trend',
  'shift',
  'alternating',
  'near-limit',
  'near-limit-1sigma',
  'hugging',
  'mixture',
  'longest-run',
  'crossings',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Side = 'high' | 'low';
export type Variation = 'common-cause' | 'improvement' | 'concern' | 'neutral';
export type VariationIcon =
  | 'none'
  | 'common-cause'
  | 'improvement-high'
  | 'improvement-low'
  | 'concern-high'
  | 'concern-low'
  | 'neutral-high'
  | 'neutral-low';
export type AssuranceIcon = 'none' | 'pass' | 'fail' | 'hit-or-miss';

/** "k of m consecutive points beyond the two-sigma line on one side". */
export interface NearLimitRule {
  /** How many of the window's points must lie beyond the two-sigma line. */
  readonly count: number;
  /** Window length in consecutive observed points. */
  readonly window: number;
  /** Whether a point beyond the control limit counts towards `count` (and is flagged by it). */
  readonly beyondLimitCounts: boolean;
  /**
   * Whether every point of the window must lie on the same side of the centre line
   * (Making Data Count's reading); otherwise only the counted points must share a side
   * (Western Electric's).
   */
  readonly windowSameSide: boolean;
}

/**
 * The rules' parameters, one field (or two) per rule of the registry (src/core/rules/): each rule
 * file says its value in every preset.
 */
export interface RuleParameters {
  readonly outsideLimits: boolean;
  /** Points in a strictly rising or falling run that make a trend; null = rule off. */
  readonly trend: number | null;
  /** Points in a run strictly on one side of the centre line that make a shift; null = off. */
  readonly shift: number | null;
  /** Points alternating strictly either side of the centre line; null = off. */
  readonly alternating: number | null;
  /** `sides`: alternating about the centre line (the plan); `updown`: the direction of change alternates (Nelson test 4). */
  readonly alternatingMode: 'sides' | 'updown';
  /** k of m beyond the two-sigma line. */
  readonly nearLimit: NearLimitRule | null;
  /** k of m beyond the one-sigma line (Western Electric rule 3, Nelson test 6). */
  readonly nearLimit1Sigma: NearLimitRule | null;
  /** Points in a row within one sigma of the centre line, either side (Nelson test 7). */
  readonly hugging: number | null;
  /** Points in a row beyond one sigma, on both sides of the centre line (Nelson test 8). */
  readonly mixture: number | null;
  /** Anhoej's run analysis: longest run and number of crossings, per phase. */
  readonly runsAnalysis: boolean;
}

/** How limits are computed (before the rules' parameters in a rule set). */
export interface LimitSettings {
  /** XmR: how sigma comes from the mean moving range (divide by d2, or limits at E2 x MR-bar). */
  readonly xmrSigma: XmrSigma;
  /** Drop moving ranges at or above `screenFactor` x their mean once, then recompute it. */
  readonly screenMovingRanges: boolean;
  readonly screenFactor: number;
}

/** How phases, conflicts and short phases are handled (after the rules' parameters). */
export interface PhaseSettings {
  /** Whether runs (trend, shift, alternating, near-limit) may continue across a phase start. */
  readonly runsCrossPhases: boolean;
  /** How a point flagged high by one rule and low by another is classified. */
  readonly conflict: 'improvement-wins' | 'precedence';
  /** Rule order used by the `precedence` conflict policy (first wins). */
  readonly precedence: readonly RuleId[];
  /** A phase needs at least this many observed points to get limits (and be tested). */
  readonly minPoints: number;
  /** Warn when a phase has fewer observed points than this (NHSRplotthedots: 12 or fewer); null: never. */
  readonly warnBelow: number | null;
  /** When a baseline is given, it sets limits for the whole chart and phases are ignored. */
  readonly baselineOverridesPhases: boolean;
}

/**
 * Every parameter a rule preset fixes; `--rule NAME=VALUE` overrides any of them. In the result
 * document its keys come in this order: preset, limit settings, rule parameters, phase settings.
 */
export interface RuleSet extends LimitSettings, RuleParameters, PhaseSettings {
  readonly preset: PresetName;
}

/** What the core needs to analyse one measure. Point references are indices into the series. */
export interface AnalysisOptions {
  readonly rules: RuleSet;
  /** Chart type (default xmr). */
  readonly chart?: ChartType;
  /** Clamp lower limits (and lower sigma lines) at this value, e.g. 0 for counts on an XmR chart. */
  readonly lclFloor?: number | null;
  readonly direction: Direction;
  /** Indices at which a new phase starts (index 0 is implied). */
  readonly phaseStarts?: readonly number[];
  /** The first `baseline` observed points of each phase set that phase's limits. */
  readonly baseline?: number | null;
  /** Indices left out of the limit calculation (still plotted and tested). */
  readonly excluded?: readonly number[];
  readonly target?: number | null;
}

export interface PhaseResult {
  readonly index: number;
  /** Index of the phase's first and last point (inclusive). */
  readonly start: number;
  readonly end: number;
  /** Observed (non-missing) points in the phase. */
  readonly n: number;
  /** Observed points in the baseline window of the phase. */
  readonly baselineN: number;
  /** Points that set the limits: baseline points that are not excluded. */
  readonly limitN: number;
  /** Moving ranges used for sigma, and how many screening removed. */
  readonly movingRanges: number;
  readonly screenedMovingRanges: number;
  readonly centre: number | null;
  readonly mrBar: number | null;
  readonly sigma: number | null;
  /** Phase-level limits; null when they vary from point to point (see the points). */
  readonly ucl: number | null;
  readonly lcl: number | null;
  /** Whether any point's limit was clamped (p at 0 and 1, counts at 0, `lclFloor`). */
  readonly lclClamped: boolean;
  readonly uclClamped: boolean;
  /** Chart-specific statistics. */
  readonly stats: PhaseStats;
  /** Anhoej's run analysis of the phase, when the preset asks for it. */
  readonly runs: RunsAnalysis | null;
}

export interface RunsAnalysis {
  /** Points not on the centre line. */
  readonly useful: number;
  readonly longestRun: number;
  /** A longest run above this is a signal: round(log2(useful) + 3). */
  readonly longestRunMax: number;
  readonly crossings: number;
  /** Fewer crossings than this is a signal: the 5th percentile of Binomial(useful - 1, 0.5). */
  readonly crossingsMin: number;
}

/** A point: its value, phase, lines (null where none) and what the rules found on it. */
export interface PointResult extends Lines<number | null> {
  readonly index: number;
  readonly value: number | null;
  readonly phase: number;
  readonly baseline: boolean;
  readonly excluded: boolean;
  readonly signals: readonly RuleId[];
  readonly side: Side | null;
  readonly variation: Variation;
}

/**
 * One signal as the rule found it: a point outside the limits, a trend, a shift, a near-limit
 * window, a whole phase for Anhoej's rules. Indices refer to the series.
 */
export interface SignalSpan {
  readonly rule: RuleId;
  /**
   * high / low: above or below the centre line or a limit; for a trend, rising or falling; for a
   * long run, the side of the run. Null for patterns (alternating, hugging, mixture, crossings).
   */
  readonly side: Side | null;
  /** Index of the first and last point the rule flagged in it. */
  readonly from: number;
  readonly to: number;
  /** Points the rule flagged in it (fewer than the span for a k-of-m window). */
  readonly points: number;
  /** Long runs: where the phase's longest run lies (indices) and its length in useful points. */
  readonly run?: { readonly from: number; readonly to: number; readonly length: number };
}

/** Something the user should know; the shell words it (it knows the period labels). */
export type CoreWarning =
  | { readonly kind: 'missing-value'; readonly index: number }
  | { readonly kind: 'too-few-points'; readonly phase: number; readonly n: number; readonly min: number }
  | { readonly kind: 'no-moving-range'; readonly phase: number }
  | { readonly kind: 'baseline-overrides-phases'; readonly phases: number }
  | { readonly kind: 'baseline-exceeds-phase'; readonly phase: number; readonly baseline: number; readonly n: number }
  | { readonly kind: 'short-phase'; readonly phase: number; readonly n: number; readonly below: number };

export interface Summary {
  /** Observed points. */
  readonly n: number;
  readonly missing: number;
  /** Index of the latest observed point, or null when there is none. */
  readonly latestIndex: number | null;
  readonly latestValue: number | null;
  /** Points flagged by each rule (only rules that fired). */
  readonly signalCounts: Readonly<Partial<Record<RuleId, number>>>;
  readonly variationIcon: VariationIcon;
  readonly assuranceIcon: AssuranceIcon;
}

export interface Analysis {
  readonly chart: ChartType;
  readonly rules: RuleSet;
  readonly direction: Direction;
  readonly target: number | null;
  readonly phases: readonly PhaseResult[];
  readonly points: readonly PointResult[];
  /** Every signal, ordered by first point, then rule (contract order), then last point. */
  readonly spans: readonly SignalSpan[];
  readonly summary: Summary;
  readonly warnings: readonly CoreWarning[];
}

/**
 * The analysis in columns: every line and every rule's flags as typed arrays indexed by point.
 * This is the engine; `analyse` turns it into plain per-point records. Batch code and the
 * simulation, which do not need records, stop here.
 */
export interface ColumnarAnalysis {
  readonly chart: ChartType;
  readonly rules: RuleSet;
  readonly direction: Direction;
  readonly target: number | null;
  readonly n: number;
  readonly plotted: ArrayLike<number | null>;
  readonly observed: Uint8Array;
  readonly phaseOf: Int32Array;
  readonly inBaseline: Uint8Array;
  readonly excluded: Uint8Array;
  readonly lines: LineArrays;
  /** Each rule that ran, in contract order, with its flags per point (HIGH/LOW bits). */
  readonly flags: readonly (readonly [RuleId, Uint8Array])[];
  readonly spans: readonly SignalSpan[];
  readonly phases: readonly PhaseResult[];
  readonly warnings: readonly CoreWarning[];
}
