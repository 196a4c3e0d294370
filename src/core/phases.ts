/**
 * Phases and their limits: splits a chart into phases, marks each phase's baseline and
 * limit-setting points, asks the chart definition for the lines of each phase, and applies the
 * minimum-points rule and the lower-limit floor. Which points the rules test follows from here:
 * observed points of phases that have limits (or a centre line, on a run chart).
 */
import type { ChartDefinition, LineArrays, SeriesData } from './charts/index.js';
import { LIMIT_LINE_KEYS, LOWER_LINE_KEYS } from './lines.js';
import type { AnalysisOptions, CoreWarning, PhaseResult } from './types.js';

export interface PhasePlan {
  readonly start: number;
  readonly end: number;
}

/** Splits 0..n-1 into phases at the given starts (sorted, deduplicated; 0 and out-of-range ignored). */
export function planPhases(n: number, starts: readonly number[]): PhasePlan[] {
  const cuts = [...new Set(starts)].filter((s) => s > 0 && s < n).sort((a, b) => a - b);
  const bounds = [0, ...cuts, n];
  const out: PhasePlan[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) out.push({ start: bounds[k], end: bounds[k + 1] - 1 });
  return out;
}

/** What the phases share: the chart's data, and the per-point masks and lines they fill in. */
export interface PhaseContext {
  readonly chart: ChartDefinition;
  readonly data: SeriesData;
  readonly plotted: ArrayLike<number | null>;
  readonly options: AnalysisOptions;
  readonly observed: Uint8Array;
  readonly excluded: Uint8Array;
  readonly lines: LineArrays;
  /** Filled in: baseline points, limit-setting points, tested points. */
  readonly inBaseline: Uint8Array;
  readonly limit: Uint8Array;
  readonly tested: Uint8Array;
  readonly warnings: CoreWarning[];
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

function firstFinite(arr: Float64Array, plan: PhasePlan, observed: Uint8Array): number {
  for (let i = plan.start; i <= plan.end; i++) if (observed[i] && !Number.isNaN(arr[i])) return arr[i];
  return NaN;
}

/** Marks the phase's baseline (its first `baseline` observed points) and its limit-setting points. */
function markBaseline(ctx: PhaseContext, plan: PhasePlan, count: number, index: number): { baselineN: number; limitN: number } {
  const baseline = ctx.options.baseline ?? null;
  // A baseline of N observations; on an MR chart, the N - 1 moving ranges between them (baselinePoints).
  const baselineN = baseline === null ? count : Math.min(ctx.chart.baselinePoints?.(ctx.data, plan, baseline) ?? baseline, count);
  if (baseline !== null && baseline > count) ctx.warnings.push({ kind: 'baseline-exceeds-phase', phase: index, baseline, n: count });
  const { observed, inBaseline, excluded, limit } = ctx;
  let seen = 0;
  let limitN = 0;
  for (let i = plan.start; i <= plan.end && seen < baselineN; i++) {
    if (!observed[i]) continue;
    seen++;
    inBaseline[i] = 1;
    if (!excluded[i]) {
      limit[i] = 1;
      limitN++;
    }
  }
  return { baselineN, limitN };
}

/** Whether the phase gets limits: enough points (the preset's minimum) and a sigma. Warns why not. */
function phaseHasLimits(ctx: PhaseContext, plan: PhasePlan, count: number, limitN: number, index: number): boolean {
  const rules = ctx.options.rules;
  let hasLimits = !ctx.chart.hasLimits || !Number.isNaN(firstFinite(ctx.lines.ucl, plan, ctx.observed));
  if (count < rules.minPoints) {
    ctx.warnings.push({ kind: 'too-few-points', phase: index, n: count, min: rules.minPoints });
    hasLimits = false;
  } else if (!hasLimits && limitN > 0) {
    ctx.warnings.push({ kind: 'no-moving-range', phase: index });
  }
  if (rules.warnBelow !== null && count >= rules.minPoints && count < rules.warnBelow) {
    ctx.warnings.push({ kind: 'short-phase', phase: index, n: count, below: rules.warnBelow });
  }
  return hasLimits;
}


/**
 * Settles the phase's lines: none without limits; lower lines raised to the floor (`--lcl-floor`);
 * the tested points marked. Returns whether a limit was clamped (the 3-sigma line is no longer
 * centre -/+ 3 sigma: p at 0 and 1, counts at 0, the floor).
 */
function settleLines(ctx: PhaseContext, plan: PhasePlan, hasLimits: boolean): { lclClamped: boolean; uclClamped: boolean } {
  const { lines, observed } = ctx;
  const floor = ctx.options.lclFloor ?? null;
  let lclClamped = false;
  let uclClamped = false;
  if (hasLimits && !ctx.chart.clampsLines && floor === null) {
    // Lines that are centre +/- k sigma exactly are never clamped: only mark the tested points.
    ctx.tested.set(observed.subarray(plan.start, plan.end + 1), plan.start);
    return { lclClamped, uclClamped };
  }
  for (let i = plan.start; i <= plan.end; i++) {
    if (!hasLimits) {
      for (const key of LIMIT_LINE_KEYS) lines[key][i] = NaN;
      continue;
    }
    if (floor !== null) for (const key of LOWER_LINE_KEYS) if (lines[key][i] < floor) lines[key][i] = floor;
    const c = lines.centre[i];
    const s = lines.sigma[i];
    const tolerance = 1e-12 * Math.max(1, Math.abs(c));
    if (!Number.isNaN(s) && !Number.isNaN(lines.lcl[i]) && lines.lcl[i] > c - 3 * s + tolerance) lclClamped = true;
    if (!Number.isNaN(s) && !Number.isNaN(lines.ucl[i]) && lines.ucl[i] < c + 3 * s - tolerance) uclClamped = true;
    if (observed[i]) ctx.tested[i] = 1;
  }
  return { lclClamped, uclClamped };
}

/** One phase: baseline, the chart's lines, limits or not, and its statistics. */
export function analysePhase(ctx: PhaseContext, plan: PhasePlan, index: number): PhaseResult {
  const observed = ctx.observed;
  let count = 0;
  for (let i = plan.start; i <= plan.end; i++) count += observed[i];
  const { baselineN, limitN } = markBaseline(ctx, plan, count, index);
  const { data, plotted, lines, limit } = ctx;
  const stats = ctx.chart.phase({ data, plotted, phase: { ...plan, observed, limit }, settings: ctx.options.rules, lines });
  const hasLimits = phaseHasLimits(ctx, plan, count, limitN, index);
  const { lclClamped, uclClamped } = settleLines(ctx, plan, hasLimits);
  const phaseLine = (arr: Float64Array) => (stats.limitsVary || !hasLimits ? null : orNull(firstFinite(arr, plan, observed)));
  return {
    index,
    start: plan.start,
    end: plan.end,
    n: count,
    baselineN,
    limitN,
    movingRanges: stats.movingRanges ?? 0,
    screenedMovingRanges: stats.screenedMovingRanges ?? 0,
    centre: stats.centre,
    mrBar: stats.mrBar ?? null,
    sigma: hasLimits ? stats.sigma : null,
    ucl: phaseLine(lines.ucl),
    lcl: phaseLine(lines.lcl),
    lclClamped,
    uclClamped,
    stats,
    runs: null,
  };
}
