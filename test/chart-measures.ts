/**
 * Measures for the chart tests: small hand-built records (an XmR chart in two phases with signals
 * and a gap, the same with notes, phase labels and a target, a p chart with varying limits, a run
 * chart) and records built through the real pipeline from CSV text (readSeries, analyseAll).
 */
import { preset } from '../src/core/presets.js';
import type { RuleId, RuleSet, Side, Variation } from '../src/core/types.js';
import { readSeries } from '../src/io/read.js';
import { analyseAll } from '../src/model/analyse-all.js';
import { scaleRecord, type MeasureRecord, type PhaseRecord, type PointRecord } from '../src/model/document.js';
import type { AnalyseSettings } from '../src/model/settings.js';

const RULES: RuleSet = preset('default');

interface PointSpec {
  value: number | null;
  phase: number;
  signals?: RuleId[];
  side?: Side;
  variation?: Variation;
}

/**
 * 18 monthly points (Jan 2023 to Jun 2024) in two phases, one missing value, an improvement
 * above the upper limit and a concern below the lower limit, both signalled.
 */
export function measure(name = 'Anti-social behaviour incidents', unit?: string): MeasureRecord {
  const raw: PointSpec[] = [
    ...[0.12, 0.14, 0.13, 0.15, 0.11, 0.12, 0.14, 0.13, 0.12].map((value) => ({ value, phase: 0 })),
    { value: 0.22, phase: 0, signals: ['outside-limits'], side: 'high', variation: 'improvement' },
    ...[0.19, null, 0.2, 0.21, 0.18, 0.2, 0.19].map((value) => ({ value, phase: 1 })),
    { value: 0.14, phase: 1, signals: ['outside-limits'], side: 'low', variation: 'concern' },
  ];
  const lines = [
    { centre: 0.13, sigma: 0.01 },
    { centre: 0.2, sigma: 0.012 },
  ];
  const points: PointRecord[] = raw.map((r, i) => {
    const year = 2023 + Math.floor(i / 12);
    const month = (i % 12) + 1;
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    const { centre, sigma } = lines[r.phase];
    return {
      period: date.slice(0, 7),
      date,
      value: r.value,
      denominator: null,
      phase: r.phase,
      baseline: true,
      excluded: false,
      centre,
      lcl: centre - 3 * sigma,
      ucl: centre + 3 * sigma,
      sigma,
      signals: r.signals ?? [],
      side: r.side ?? null,
      variation: r.variation ?? 'common-cause',
      lower1sigma: centre - sigma,
      upper1sigma: centre + sigma,
      lower2sigma: centre - 2 * sigma,
      upper2sigma: centre + 2 * sigma,
    };
  });
  return {
    measure: name,
    chart: 'xmr',
    direction: 'higher-is-better',
    ...(unit ? { unit } : {}),
    source: 'test',
    rules: RULES,
    phases: [
      { index: 0, start: '2023-01', end: '2023-10', n: 10, baselineN: 10, limitN: 10, movingRanges: 9, screenedMovingRanges: 0, centre: 0.13, ucl: 0.16, lcl: 0.1, sigma: 0.01, mrBar: 0.0113, lclClamped: false, uclClamped: false, limitsVary: false },
      { index: 1, start: '2023-11', end: '2024-06', n: 7, baselineN: 7, limitN: 7, movingRanges: 5, screenedMovingRanges: 0, centre: 0.2, ucl: 0.236, lcl: 0.164, sigma: 0.012, mrBar: 0.0135, lclClamped: false, uclClamped: false, limitsVary: false },
    ],
    points,
    summary: {
      n: 17,
      missing: 1,
      latestPeriod: '2024-06',
      latestValue: 0.14,
      centre: 0.2,
      lcl: 0.164,
      ucl: 0.236,
      signalCounts: { 'outside-limits': 2 },
      latestSignals: ['outside-limits'],
      variationIcon: 'concern-low',
      assuranceIcon: 'none',
      target: null,
    },
    warnings: ['2023-12: missing value (plotted as a gap; no limit, moving range or run uses it)'],
  };
}

/** The test measure with notes on some points, labels on its phases and a target. */
export function annotated(notes: Record<string, string>, labels: (string | undefined)[], target: number | null): MeasureRecord {
  const base = measure();
  return {
    ...base,
    points: base.points.map((p) => (notes[p.period] ? { ...p, note: notes[p.period] } : p)),
    phases: base.phases.map((ph, i) => (labels[i] ? { ...ph, label: labels[i] } : ph)),
    summary: { ...base.summary, target },
  };
}

/**
 * A p chart of 12 months with unequal denominators: limits vary from point to point and the
 * lower limit is clamped at 0 for the small months.
 */
export function pChart(): MeasureRecord {
  const sizes = [40, 220, 90, 400, 25, 160, 300, 60, 500, 120, 35, 250];
  const counts = [9, 40, 20, 75, 9, 30, 62, 10, 96, 27, 6, 52];
  const pbar = counts.reduce((a, b) => a + b, 0) / sizes.reduce((a, b) => a + b, 0);
  const points: PointRecord[] = sizes.map((n, i) => {
    const sigma = Math.sqrt((pbar * (1 - pbar)) / n);
    const date = `2023-${String(i + 1).padStart(2, '0')}-01`;
    return {
      period: date.slice(0, 7),
      date,
      value: counts[i] / n,
      denominator: n,
      numerator: counts[i],
      phase: 0,
      baseline: true,
      excluded: false,
      centre: pbar,
      lcl: Math.max(0, pbar - 3 * sigma),
      ucl: pbar + 3 * sigma,
      sigma,
      signals: [],
      side: null,
      variation: 'common-cause',
      lower1sigma: Math.max(0, pbar - sigma),
      upper1sigma: pbar + sigma,
      lower2sigma: Math.max(0, pbar - 2 * sigma),
      upper2sigma: pbar + 2 * sigma,
    };
  });
  const phase: PhaseRecord = {
    index: 0, start: '2023-01', end: '2023-12', n: 12, baselineN: 12, limitN: 12, movingRanges: 0, screenedMovingRanges: 0,
    centre: pbar, ucl: null, lcl: null, sigma: null, mrBar: null, lclClamped: true, uclClamped: false, limitsVary: true,
  };
  const base = measure('Repeat attendances');
  return {
    ...base,
    chart: 'p',
    direction: 'lower-is-better',
    phases: [phase],
    points,
    summary: { ...base.summary, n: 12, missing: 0, latestPeriod: '2023-12', signalCounts: {}, latestSignals: [], target: 0.15 },
    warnings: [],
  };
}

/** A run chart: the median as centre line, no limits, Anhoej's run analysis on the phase. */
export function runChart(): MeasureRecord {
  const base = measure('Waiting time');
  const values = base.points.map((p) => p.value);
  const median = 0.15;
  return {
    ...base,
    chart: 'run',
    rules: preset('anhoej'),
    phases: [
      {
        ...base.phases[0], end: '2024-06', n: 17, limitN: 17, centre: median, ucl: null, lcl: null, sigma: null, mrBar: null,
        runs: { useful: 17, longestRun: 8, longestRunMax: 7, crossings: 3, crossingsMin: 5 },
      },
    ],
    points: base.points.map((p, i) => ({
      ...p,
      value: values[i],
      phase: 0,
      centre: values[i] === null ? null : median,
      lcl: null, ucl: null, sigma: null, lower1sigma: null, upper1sigma: null, lower2sigma: null, upper2sigma: null,
      signals: [], side: null, variation: 'common-cause' as const,
    })),
    summary: { ...base.summary, signalCounts: {}, latestSignals: [] },
  };
}

/** The measures of a CSV text analysed with the given settings, scaled by `multiply` for display. */
export function analysed(csv: string, settings: Omit<AnalyseSettings, 'dateOrder'> & { dateOrder?: AnalyseSettings['dateOrder'] }, multiply = 1): MeasureRecord[] {
  const doc = analyseAll(readSeries(csv, 'chart.csv'), { dateOrder: 'dmy', ...settings }, 'test');
  return doc.measures.map((m) => scaleRecord(m, multiply));
}
