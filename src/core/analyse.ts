/**
 * Analysis of one measure on any chart type: phases, limits (from the chart registry), every rule
 * of the preset, each point's variation and the summary icons. Pure: data in, plain data out.
 */
import { RULE_IDS } from './types.js';
import type { Analysis, AnalysisOptions, CoreWarning, PhaseResult, PointResult, RuleId, RunsAnalysis, Side } from './types.js';
import { CHARTS, emptyLines, type ChartType, type LineArrays, type SeriesData } from './charts/index.js';
import {
  HIGH,
  LOW,
  alternating,
  alternatingUpDown,
  hugging,
  mixture,
  nearLimit,
  outsideLimits,
  runsOf,
  shift,
  trend,
  type Flags,
  type RuleFrame,
} from './rules.js';
import { assuranceIcon, classifyPoint, variationIcon, type SignalHit } from './variation.js';

interface PhasePlan {
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

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/**
 * The analysis in columns: every line and every rule's flags as typed arrays indexed by point.
 * This is the engine; `analyse` turns it into plain per-point records. Batch code and benchmarks
 * that do not need records can stop here.
 */
export interface ColumnarAnalysis {
  readonly chart: ChartType;
  readonly rules: AnalysisOptions['rules'];
  readonly direction: AnalysisOptions['direction'];
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
  readonly phases: readonly PhaseResult[];
  readonly warnings: readonly CoreWarning[];
}

export function analyseColumns(data: SeriesData, options: AnalysisOptions): ColumnarAnalysis {
  const chartType: ChartType = options.chart ?? 'xmr';
  const chart = CHARTS[chartType];
  const { rules, direction } = options;
  const n = chart.needs === 'subgroups' ? (data.subgroups?.length ?? 0) : data.values.length;
  const target = options.target ?? null;
  const baseline = options.baseline ?? null;
  const excluded = new Uint8Array(n);
  for (const i of options.excluded ?? []) if (i >= 0 && i < n) excluded[i] = 1;
  const warnings: CoreWarning[] = [];

  let starts = options.phaseStarts ?? [];
  if (baseline !== null && rules.baselineOverridesPhases && starts.length > 0) {
    // MDC: "limits from the first N points are applied to the whole chart; a recalculation is ignored".
    warnings.push({ kind: 'baseline-overrides-phases', phases: starts.length });
    starts = [];
  }
  const plans = planPhases(n, starts);
  const phaseOf = new Int32Array(n);
  plans.forEach((p, k) => phaseOf.fill(k, p.start, p.end + 1));

  const plotted = chart.plot(data, phaseOf);
  const observed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (plotted[i] !== null && Number.isFinite(plotted[i])) observed[i] = 1;
    // On an MR chart a point without a moving range (a phase's first) is not a missing value.
    else if (!chart.spansPrevious || data.values[i] === null) warnings.push({ kind: 'missing-value', index: i });
  }

  const lines: LineArrays = emptyLines(n);
  const inBaseline = new Uint8Array(n);
  const limit = new Uint8Array(n);
  const tested = new Uint8Array(n);

  const phases: PhaseResult[] = plans.map((plan, index) => {
    let count = 0;
    for (let i = plan.start; i <= plan.end; i++) count += observed[i];
    const baselineN = baseline === null ? count : Math.min(chart.baselinePoints?.(data, plan, baseline) ?? baseline, count);
    if (baseline !== null && baseline > count) warnings.push({ kind: 'baseline-exceeds-phase', phase: index, baseline, n: count });
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
    const stats = chart.phase({ data, plotted, phase: { ...plan, observed, limit }, settings: rules, lines });

    let hasLimits = !chart.hasLimits || !Number.isNaN(firstFinite(lines.ucl, plan, observed));
    if (count < rules.minPoints) {
      warnings.push({ kind: 'too-few-points', phase: index, n: count, min: rules.minPoints });
      hasLimits = false;
    } else if (!hasLimits && limitN > 0) {
      warnings.push({ kind: 'no-moving-range', phase: index });
    }
    if (rules.warnBelow !== null && count >= rules.minPoints && count < rules.warnBelow) {
      warnings.push({ kind: 'short-phase', phase: index, n: count, below: rules.warnBelow });
    }

    let lclClamped = false;
    let uclClamped = false;
    const floor = options.lclFloor;
    if (hasLimits && !chart.clampsLines && (floor === null || floor === undefined)) {
      // XmR lines are centre +/- k sigma exactly, never clamped: only mark the tested points.
      tested.set(observed.subarray(plan.start, plan.end + 1), plan.start);
    } else for (let i = plan.start; i <= plan.end; i++) {
      if (!hasLimits) {
        for (const key of ['sigma', 'ucl', 'lcl', 'upper1', 'lower1', 'upper2', 'lower2'] as const) lines[key][i] = NaN;
        continue;
      }
      if (floor !== null && floor !== undefined) {
        for (const key of ['lcl', 'lower1', 'lower2'] as const) if (lines[key][i] < floor) lines[key][i] = floor;
      }
      // A clamp shows where the 3-sigma line is no longer centre - 3 sigma.
      const c = lines.centre[i];
      const s = lines.sigma[i];
      if (!Number.isNaN(s) && !Number.isNaN(lines.lcl[i]) && lines.lcl[i] > c - 3 * s + 1e-12 * Math.max(1, Math.abs(c))) lclClamped = true;
      if (!Number.isNaN(s) && !Number.isNaN(lines.ucl[i]) && lines.ucl[i] < c + 3 * s - 1e-12 * Math.max(1, Math.abs(c))) uclClamped = true;
      if (observed[i]) tested[i] = 1;
    }
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
  });

  // Tested points: observed points of phases that have limits (or centre lines, on a run chart).
  const frameIdx: number[] = [];
  for (let i = 0; i < n; i++) if (tested[i] && !Number.isNaN(lines.centre[i])) frameIdx.push(i);
  const frame = buildFrame(plotted, frameIdx, observed, phaseOf, lines, rules.runsCrossPhases);
  const fired: [RuleId, Flags][] = [];
  if (rules.outsideLimits) fired.push(['outside-limits', outsideLimits(frame)]);
  if (rules.trend !== null) fired.push(['trend', trend(frame, rules.trend)]);
  if (rules.shift !== null) fired.push(['shift', shift(frame, rules.shift)]);
  if (rules.alternating !== null) {
    fired.push(['alternating', rules.alternatingMode === 'updown' ? alternatingUpDown(frame, rules.alternating) : alternating(frame, rules.alternating)]);
  }
  if (rules.nearLimit !== null) fired.push(['near-limit', nearLimit(frame, rules.nearLimit, 2)]);
  if (rules.nearLimit1Sigma !== null) fired.push(['near-limit-1sigma', nearLimit(frame, rules.nearLimit1Sigma, 1)]);
  if (rules.hugging !== null) fired.push(['hugging', hugging(frame, rules.hugging)]);
  if (rules.mixture !== null) fired.push(['mixture', mixture(frame, rules.mixture)]);
  const runsByPhase = new Map<number, RunsAnalysis>();
  if (rules.runsAnalysis) {
    // Anhoej's rules judge each phase as a whole: a signal applies to every tested point of it.
    const longest = new Uint8Array(frame.length);
    const crossings = new Uint8Array(frame.length);
    let from = 0;
    for (let k = 0; k <= frame.length; k++) {
      if (k < frame.length && (k === 0 || phaseOf[frameIdx[k]] === phaseOf[frameIdx[k - 1]])) continue;
      const r = runsOf(frame, from, k - 1);
      runsByPhase.set(phaseOf[frameIdx[from]], {
        useful: r.useful,
        longestRun: r.longestRun,
        longestRunMax: r.longestRunMax,
        crossings: r.crossings,
        crossingsMin: r.crossingsMin,
      });
      if (r.useful > 0) {
        for (let j = from; j < k; j++) {
          if (r.longestRun > r.longestRunMax) longest[j] = r.longestSide > 0 ? HIGH : LOW;
          if (r.crossings < r.crossingsMin) crossings[j] = frame.value[j] >= frame.centre[j] ? HIGH : LOW;
        }
      }
      from = k;
    }
    fired.push(['longest-run', longest], ['crossings', crossings]);
  }
  fired.sort((a, b) => RULE_IDS.indexOf(a[0]) - RULE_IDS.indexOf(b[0]));

  // Flags per point (the frame holds only tested points).
  const identity = frameIdx.length === n;
  const flags = fired.map(([rule, f]) => {
    if (identity) return [rule, f] as const;
    const perPoint = new Uint8Array(n);
    for (let k = 0; k < frameIdx.length; k++) perPoint[frameIdx[k]] = f[k];
    return [rule, perPoint] as const;
  });
  return {
    chart: chartType,
    rules,
    direction,
    target,
    n,
    plotted,
    observed,
    phaseOf,
    inBaseline,
    excluded,
    lines,
    flags,
    phases: phases.map((p) => ({ ...p, runs: runsByPhase.get(p.index) ?? null })),
    warnings,
  };
}

const NO_HITS: readonly SignalHit[] = [];

/** Analyses one measure. `values` alone is an XmR series; other charts take sizes or subgroups. */
export function analyse(data: SeriesData, options: AnalysisOptions): Analysis {
  const col = analyseColumns(data, options);
  const { n, plotted, observed, lines, flags, rules, direction } = col;
  const signalCounts: Partial<Record<RuleId, number>> = {};
  const points: PointResult[] = new Array(n);
  const line = (arr: Float64Array, i: number) => (observed[i] ? orNull(arr[i]) : null);
  for (let i = 0; i < n; i++) {
    let hits: SignalHit[] | readonly SignalHit[] = NO_HITS;
    for (const [rule, f] of flags) {
      const b = f[i];
      if (b === 0) continue;
      if (hits === NO_HITS) hits = [];
      if (b & HIGH) (hits as SignalHit[]).push({ rule, side: 'high' });
      if (b & LOW) (hits as SignalHit[]).push({ rule, side: 'low' });
    }
    const signals: RuleId[] = [];
    for (const h of hits) if (signals[signals.length - 1] !== h.rule) signals.push(h.rule);
    for (const r of signals) signalCounts[r] = (signalCounts[r] ?? 0) + 1;
    const { variation, side } = classifyPoint(hits, direction, rules);
    const value = plotted[i];
    points[i] = {
      index: i,
      value: observed[i] ? (value as number) : null,
      phase: col.phaseOf[i],
      baseline: col.inBaseline[i] === 1,
      excluded: col.excluded[i] === 1,
      centre: line(lines.centre, i),
      sigma: line(lines.sigma, i),
      ucl: line(lines.ucl, i),
      lcl: line(lines.lcl, i),
      upper1: line(lines.upper1, i),
      lower1: line(lines.lower1, i),
      upper2: line(lines.upper2, i),
      lower2: line(lines.lower2, i),
      signals,
      side: side as Side | null,
      variation,
    };
  }

  let latestIndex: number | null = null;
  for (let i = n - 1; i >= 0; i--) if (observed[i]) { latestIndex = i; break; }
  const latest = latestIndex === null ? null : points[latestIndex];
  let count = 0;
  for (let i = 0; i < n; i++) count += observed[i];
  const chart = CHARTS[col.chart];

  return {
    chart: col.chart,
    rules,
    direction,
    target: col.target,
    phases: col.phases,
    points,
    summary: {
      n: count,
      missing: n - count,
      latestIndex,
      latestValue: latest?.value ?? null,
      signalCounts,
      variationIcon: variationIcon(latest, latest !== null && (chart.hasLimits ? latest.ucl !== null : latest.centre !== null)),
      assuranceIcon: assuranceIcon(col.target, direction, { ucl: latest?.ucl ?? null, lcl: latest?.lcl ?? null }),
    },
    warnings: col.warnings,
  };
}

/** Analyses an XmR series (the common case; `analyse` with chart xmr). */
export function analyseXmr(values: readonly (number | null)[], options: AnalysisOptions): Analysis {
  return analyse({ values }, { ...options, chart: 'xmr' });
}

function firstFinite(arr: Float64Array, plan: PhasePlan, observed: Uint8Array): number {
  for (let i = plan.start; i <= plan.end; i++) if (observed[i] && !Number.isNaN(arr[i])) return arr[i];
  return NaN;
}

/**
 * Packs the tested points into typed columns for the rules. A run may not continue across a
 * phase start (unless the preset lets runs cross phases) nor across observed points that were not
 * tested (a phase without limits).
 */
function buildFrame(
  plotted: ArrayLike<number | null>,
  idx: readonly number[],
  observed: Uint8Array,
  phaseOf: Int32Array,
  lines: LineArrays,
  runsCrossPhases: boolean,
): RuleFrame {
  const m = idx.length;
  const n = plotted.length;
  // Every point tested, in order (the common case): the frame is the lines themselves, no copies.
  const identity = m === n;
  const col = (src: Float64Array) => {
    if (identity) return src;
    const out = new Float64Array(m);
    for (let k = 0; k < m; k++) out[k] = src[idx[k]];
    return out;
  };
  let value: Float64Array;
  if (identity && plotted instanceof Float64Array) value = plotted;
  else {
    value = new Float64Array(m);
    for (let k = 0; k < m; k++) value[k] = plotted[idx[k]]!;
  }
  const breakBefore = new Uint8Array(m);
  for (let k = 1; k < m; k++) {
    const i = idx[k];
    const prev = idx[k - 1];
    if (i !== prev + 1) {
      // Was any observed point between prev and i left untested (a phase without limits)?
      for (let j = prev + 1; j < i; j++) if (observed[j]) { breakBefore[k] = 1; break; }
    }
    if (!runsCrossPhases && phaseOf[i] !== phaseOf[prev]) breakBefore[k] = 1;
  }
  return {
    length: m,
    value,
    centre: col(lines.centre),
    ucl: col(lines.ucl),
    lcl: col(lines.lcl),
    upper1: col(lines.upper1),
    lower1: col(lines.lower1),
    upper2: col(lines.upper2),
    lower2: col(lines.lower2),
    breakBefore,
  };
}
