/**
 * Analysis of one measure on any chart type, in named stages: plot the statistic (the chart
 * registry), phases and their limits (phases.ts), the rules of the preset over the tested points
 * (rule-frame.ts and the rule registry), each point's variation and the summary icons
 * (variation.ts). Pure: data in, plain data out.
 */
import type { Analysis, AnalysisOptions, CoreWarning, PhaseResult, PointResult, RuleId, Side, SignalSpan } from './types.js';
import { CHARTS, emptyLines, type ChartDefinition, type ChartType, type LineArrays, type SeriesData } from './charts/index.js';
import { linesOf } from './lines.js';
import { HIGH, LOW } from './rules/index.js';
import { analysePhase, planPhases, type PhaseContext } from './phases.js';
import { buildFrame, runRules } from './rule-frame.js';
import { assuranceIcon, classifyPoint, variationIcon, type SignalHit } from './variation.js';

export { planPhases };

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/**
 * The analysis in columns: every line and every rule's flags as typed arrays indexed by point.
 * This is the engine; `analyse` turns it into plain per-point records. Batch code and the
 * simulation, which do not need records, stop here.
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
  readonly spans: readonly SignalSpan[];
  readonly phases: readonly PhaseResult[];
  readonly warnings: readonly CoreWarning[];
}

/** Phase starts in effect: MDC's baseline overrides recalculations ("a recalculation is ignored"). */
function effectiveStarts(options: AnalysisOptions, warnings: CoreWarning[]): readonly number[] {
  const starts = options.phaseStarts ?? [];
  if ((options.baseline ?? null) !== null && options.rules.baselineOverridesPhases && starts.length > 0) {
    warnings.push({ kind: 'baseline-overrides-phases', phases: starts.length });
    return [];
  }
  return starts;
}

/** Observed points of the plotted statistic; a missing one is a warning. */
function observedPoints(chart: ChartDefinition, data: SeriesData, plotted: ArrayLike<number | null>, warnings: CoreWarning[]): Uint8Array {
  const observed = new Uint8Array(plotted.length);
  for (let i = 0; i < plotted.length; i++) {
    if (plotted[i] !== null && Number.isFinite(plotted[i])) observed[i] = 1;
    // A point without a moving range (an MR chart's first of a phase) is missing only if its value is.
    else if (!chart.spansPrevious || data.values[i] === null) warnings.push({ kind: 'missing-value', index: i });
  }
  return observed;
}

/** `spans: false` skips collecting the signals as spans (the simulation counts flags only). */
export function analyseColumns(data: SeriesData, options: AnalysisOptions, collect: { readonly spans: boolean } = { spans: true }): ColumnarAnalysis {
  const chartType: ChartType = options.chart ?? 'xmr';
  const chart = CHARTS[chartType];
  const { rules, direction } = options;
  const n = chart.needs === 'subgroups' ? (data.subgroups?.length ?? 0) : data.values.length;
  const excluded = new Uint8Array(n);
  for (const i of options.excluded ?? []) if (i >= 0 && i < n) excluded[i] = 1;
  const warnings: CoreWarning[] = [];

  const plans = planPhases(n, effectiveStarts(options, warnings));
  const phaseOf = new Int32Array(n);
  plans.forEach((p, k) => phaseOf.fill(k, p.start, p.end + 1));
  const plotted = chart.plot(data, phaseOf);
  const observed = observedPoints(chart, data, plotted, warnings);

  const ctx: PhaseContext = {
    chart, data, plotted, options, observed, excluded, lines: emptyLines(n), warnings,
    inBaseline: new Uint8Array(n), limit: new Uint8Array(n), tested: new Uint8Array(n),
  };
  const phases = plans.map((plan, index) => analysePhase(ctx, plan, index));

  // Tested points: observed points of phases that have limits (or centre lines, on a run chart).
  const { lines, tested } = ctx;
  const frameIdx: number[] = [];
  for (let i = 0; i < n; i++) if (tested[i] && !Number.isNaN(lines.centre[i])) frameIdx.push(i);
  const frame = buildFrame(plotted, frameIdx, observed, phaseOf, lines, rules.runsCrossPhases);
  const found = runRules(frame, frameIdx, n, rules, collect.spans);
  return {
    chart: chartType,
    rules,
    direction,
    target: options.target ?? null,
    n,
    plotted,
    observed,
    phaseOf,
    inBaseline: ctx.inBaseline,
    excluded,
    lines,
    flags: found.flags,
    spans: found.spans,
    phases: phases.map((p) => ({ ...p, runs: found.runs.get(p.index) ?? null })),
    warnings,
  };
}

const NO_HITS: readonly SignalHit[] = [];

/** The rules that fired on point i, one hit per side. */
function hitsAt(col: ColumnarAnalysis, i: number): readonly SignalHit[] {
  let hits: SignalHit[] | null = null;
  for (const [rule, f] of col.flags) {
    const b = f[i];
    if (b === 0) continue;
    hits ??= [];
    if (b & HIGH) hits.push({ rule, side: 'high' });
    if (b & LOW) hits.push({ rule, side: 'low' });
  }
  return hits ?? NO_HITS;
}

/** Plain per-point records from the columns. */
function pointResults(col: ColumnarAnalysis): PointResult[] {
  const { n, plotted, observed, lines } = col;
  const points: PointResult[] = new Array(n);
  const line = (arr: Float64Array, i: number) => (observed[i] ? orNull(arr[i]) : null);
  for (let i = 0; i < n; i++) {
    const hits = hitsAt(col, i);
    const signals: RuleId[] = [];
    for (const h of hits) if (signals[signals.length - 1] !== h.rule) signals.push(h.rule);
    const { variation, side } = classifyPoint(hits, col.direction, col.rules);
    points[i] = {
      index: i,
      value: observed[i] ? (plotted[i] as number) : null,
      phase: col.phaseOf[i],
      baseline: col.inBaseline[i] === 1,
      excluded: col.excluded[i] === 1,
      ...linesOf((k) => line(lines[k], i)),
      signals,
      side: side as Side | null,
      variation,
    };
  }
  return points;
}

/** Counts, the latest point and the icons (Making Data Count). */
function summarise(col: ColumnarAnalysis, points: readonly PointResult[]): Analysis['summary'] {
  const signalCounts: Partial<Record<RuleId, number>> = {};
  for (const p of points) for (const r of p.signals) signalCounts[r] = (signalCounts[r] ?? 0) + 1;
  let latestIndex: number | null = null;
  for (let i = col.n - 1; i >= 0; i--) if (col.observed[i]) { latestIndex = i; break; }
  const latest = latestIndex === null ? null : points[latestIndex];
  let count = 0;
  for (let i = 0; i < col.n; i++) count += col.observed[i];
  const hasLimits = CHARTS[col.chart].hasLimits;
  return {
    n: count,
    missing: col.n - count,
    latestIndex,
    latestValue: latest?.value ?? null,
    signalCounts,
    variationIcon: variationIcon(latest, latest !== null && (hasLimits ? latest.ucl !== null : latest.centre !== null)),
    assuranceIcon: assuranceIcon(col.target, col.direction, { ucl: latest?.ucl ?? null, lcl: latest?.lcl ?? null }),
  };
}

/** Analyses one measure. `values` alone is an XmR series; other charts take sizes or subgroups. */
export function analyse(data: SeriesData, options: AnalysisOptions): Analysis {
  const col = analyseColumns(data, options);
  const points = pointResults(col);
  return {
    chart: col.chart,
    rules: col.rules,
    direction: col.direction,
    target: col.target,
    phases: col.phases,
    points,
    spans: col.spans,
    summary: summarise(col, points),
    warnings: col.warnings,
  };
}

/** Analyses an XmR series (the common case; `analyse` with chart xmr). */
export function analyseXmr(values: readonly (number | null)[], options: AnalysisOptions): Analysis {
  return analyse({ values }, { ...options, chart: 'xmr' });
}
