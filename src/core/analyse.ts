/**
 * Analysis of one measure on any chart type, in named stages: plot the statistic (the chart
 * registry), phases and their limits (phases.ts), the rules of the preset over the tested points
 * (rule-frame.ts and the rule registry), each point's variation and the summary icons
 * (point-findings.ts, variation.ts). Pure: data in, plain data out.
 */
import type { Analysis, AnalysisOptions, ColumnarAnalysis, CoreWarning } from './types.js';
import { CHARTS, emptyLines, type ChartDefinition, type ChartType, type SeriesData } from './charts/index.js';
import { analysePhase, planPhases, type PhaseContext } from './phases.js';
import { findPoints, pointResults, summarise, type PointFindings } from './point-findings.js';
import { buildFrame, runRules } from './rule-frame.js';

export { planPhases };
export type { ColumnarAnalysis, PointFindings };

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

/**
 * The analysis with each point's findings in columns rather than records: what the result document
 * is built from (model/document.ts), without a record per point in between.
 */
export interface ClassifiedAnalysis extends Omit<Analysis, 'points'> {
  readonly columns: ColumnarAnalysis;
  readonly found: PointFindings;
}

/** Analyses one measure, each point's findings kept in columns. */
export function analyseClassified(data: SeriesData, options: AnalysisOptions): ClassifiedAnalysis {
  const col = analyseColumns(data, options);
  const found = findPoints(col);
  return {
    chart: col.chart,
    rules: col.rules,
    direction: col.direction,
    target: col.target,
    phases: col.phases,
    spans: col.spans,
    summary: summarise(col, found),
    warnings: col.warnings,
    columns: col,
    found,
  };
}

/** Analyses one measure. `values` alone is an XmR series; other charts take sizes or subgroups. */
export function analyse(data: SeriesData, options: AnalysisOptions): Analysis {
  const c = analyseClassified(data, options);
  return {
    chart: c.chart,
    rules: c.rules,
    direction: c.direction,
    target: c.target,
    phases: c.phases,
    points: pointResults(c.columns, c.found),
    spans: c.spans,
    summary: c.summary,
    warnings: c.warnings,
  };
}

/** Analyses an XmR series (the common case; `analyse` with chart xmr). */
export function analyseXmr(values: readonly (number | null)[], options: AnalysisOptions): Analysis {
  return analyse({ values }, { ...options, chart: 'xmr' });
}
