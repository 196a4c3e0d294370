/**
 * One measure from its read series to its records: resolves its settings, turns the periods that
 * settings name (phases, exclusions, notes) into point indices, builds the chart's data, runs the
 * core and assembles the records. No I/O.
 */
import { analyseClassified, type ClassifiedAnalysis } from '../core/analyse.js';
import { companionOf, type ChartType, type SeriesData } from '../core/charts/index.js';
import type { RuleSet } from '../core/types.js';
import { parsePeriod, type Granularity } from '../io/periods.js';
import type { RawSeries } from '../io/read.js';
import type { MeasureSettings, UserChart } from '../io/user-settings.js';
import { chartData, fillGaps } from './chart-data.js';
import { buildMeasureRecord, type MeasureContext, type MeasureRecord } from './document.js';
import { originOf, resolveRules, settingError, settingsFor, type AnalyseSettings, type Origin } from './settings.js';

/** What every chart of a measure is built from (an x-bar chart and its companion share it). */
interface Prepared {
  readonly series: RawSeries;
  readonly settings: MeasureSettings;
  readonly chart: UserChart;
  readonly rules: RuleSet;
  readonly data: SeriesData;
  readonly numerators: (number | null)[] | null;
  readonly phaseStarts: readonly number[];
  readonly labelAt: ReadonlyMap<number, string>;
  readonly excluded: readonly number[];
  readonly notes: readonly (string | null)[];
  readonly readWarnings: readonly string[];
  readonly granularity: Granularity | null;
}

/** The measure's records: one, or two for an x-bar chart (the x-bar chart and its S or R chart). */
export function analyseMeasure(raw: RawSeries, all: AnalyseSettings): MeasureRecord[] {
  return analyseCharts(raw, all).map((c) => buildMeasureRecord(c.context, c.analysis));
}

/** One chart of a measure analysed: what its record is built from. */
export interface AnalysedChart {
  readonly context: MeasureContext;
  readonly analysis: ClassifiedAnalysis;
}

/**
 * The measure's charts analysed, before their records are built (`analyseMeasure` is this and
 * `buildMeasureRecord`; the bench times the two stages apart).
 */
export function analyseCharts(raw: RawSeries, all: AnalyseSettings): AnalysedChart[] {
  const m = settingsFor(raw.measure, all);
  const chart: UserChart = m.chart ?? 'xmr';
  const rules = resolveRules(m, (key) => originOf(raw.measure, all, key));
  const { series: s, warnings: gapWarnings, granularity } = fillGaps(raw, m, chart, all.strict ?? false);
  const { data, numerators } = chartData(s, chart);
  const { phaseStarts, labelAt } = phasesOf(s, m, all);
  const { excluded, notes } = exclusionsAndNotes(s, m, all);
  const prepared: Prepared = {
    series: s,
    settings: m,
    chart,
    rules,
    data,
    numerators,
    phaseStarts,
    labelAt,
    excluded,
    notes,
    readWarnings: [...s.warnings, ...gapWarnings],
    granularity,
  };
  const charts: ChartType[] = [chart];
  const companion = companionOf(chart);
  if (companion) charts.push(companion);
  return charts.map((type) => analyseChart(type, prepared, all));
}

/** Index of the row whose period starts on the same date as `label`; a label not in the series is an error. */
function periodIndex(label: string, s: RawSeries, option: string, all: AnalyseSettings, origin: Origin, item: string): number {
  const p = parsePeriod(label, all.dateOrder);
  const where = origin ? { ...origin, path: `${origin.path}${item}` } : null;
  if (!p) throw settingError(where, `${option} ${label}: not a period (use the same form as the data, e.g. 2019-04)`, `${JSON.stringify(label)} is not a period`);
  const i = s.rows.findIndex((r) => r.period.time === p.time);
  if (i < 0) {
    const first = s.rows[0]?.period.text;
    const last = s.rows[s.rows.length - 1]?.period.text;
    const missing = `measure "${s.measure}" has no such period (it runs from ${first} to ${last})`;
    throw settingError(where, `${option} ${label}: ${missing}`, `${label}: ${missing}`);
  }
  return i;
}

/**
 * Where phases start, and their labels: the `phases` setting, then each change of the optional
 * phase column's label (our extension).
 */
function phasesOf(s: RawSeries, m: MeasureSettings, all: AnalyseSettings): { phaseStarts: number[]; labelAt: Map<number, string> } {
  const phaseStarts: number[] = [];
  const labelAt = new Map<number, string>();
  const origin = originOf(s.measure, all, 'phases');
  (m.phases ?? []).forEach((ph, k) => {
    const i = periodIndex(ph.period, s, '--phase', all, origin, `[${k}]`);
    phaseStarts.push(i);
    if (ph.label) labelAt.set(i, ph.label);
  });
  let current: string | null = s.rows[0]?.phase ?? null;
  if (current) labelAt.set(0, labelAt.get(0) ?? current);
  s.rows.forEach((r, i) => {
    if (i > 0 && r.phase !== null && r.phase !== current) {
      phaseStarts.push(i);
      if (!labelAt.has(i)) labelAt.set(i, r.phase);
      current = r.phase;
    }
  });
  return { phaseStarts, labelAt };
}

/** The excluded points, and each point's note: the data's note column, replaced by the `notes` setting. */
function exclusionsAndNotes(s: RawSeries, m: MeasureSettings, all: AnalyseSettings): { excluded: number[]; notes: (string | null)[] } {
  const excludeOrigin = originOf(s.measure, all, 'exclude');
  const excluded = (m.exclude ?? []).map((p, k) => periodIndex(p, s, '--exclude', all, excludeOrigin, `[${k}]`));
  const notes = s.rows.map((r) => r.note);
  const notesOrigin = originOf(s.measure, all, 'notes');
  for (const [period, note] of Object.entries(m.notes ?? {})) {
    notes[periodIndex(period, s, 'notes', all, notesOrigin, `.${JSON.stringify(period)}`)] = note;
  }
  return { excluded, notes };
}

/** One chart analysed: the measure's own, or its S or R companion (neutral, without a target). */
function analyseChart(type: ChartType, p: Prepared, all: AnalyseSettings): AnalysedChart {
  const { series: s, settings: m, data } = p;
  const own = type === p.chart;
  const analysis = analyseClassified(data, {
    chart: type,
    rules: p.rules,
    direction: own ? (m.direction ?? s.direction ?? 'neutral') : 'neutral',
    phaseStarts: p.phaseStarts,
    baseline: m.baseline ?? null,
    excluded: p.excluded,
    target: own ? (m.target ?? null) : null,
    lclFloor: m.lclFloor ?? null,
  });
  const sections = s.rows.map((r) => r.section).filter((x): x is string => x !== null);
  const context: MeasureContext = {
    measure: own ? s.measure : `${s.measure} (${type.toUpperCase()})`,
    source: s.source,
    chart: type,
    periods: s.rows.map((r) => r.period),
    granularity: p.granularity,
    denominators: s.hasDenominator ? s.rows.map((r) => r.denominator) : null,
    numerators: p.numerators,
    subgroupSizes: data.subgroups ? data.subgroups.map((g) => g?.length ?? null) : null,
    notes: p.notes,
    phaseLabels: analysis.phases.map((ph) => p.labelAt.get(ph.start)),
    section: m.section ?? sections[0],
    unit: m.unit ?? s.unit,
    readWarnings: p.readWarnings,
    ...(own ? {} : { companionOf: s.measure }),
    ...(all.falseSignals ? { expectedFalseSignals: all.falseSignals(p.rules, type, analysis.summary.n) } : {}),
  };
  return { context, analysis };
}
