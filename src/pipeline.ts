/**
 * From read series and settings to the result document: resolves each measure's settings (built-in
 * defaults < config `defaults` < config measure entry < command-line flags), turns periods named
 * by options into point indices, builds the chart's data, runs the core and assembles the
 * records. No I/O.
 */
import { analyse } from './core/analyse.js';
import { CHARTS, companionOf, type ChartType, type SeriesData } from './core/charts/index.js';
import { applyOverride, preset, RuleOptionError } from './core/presets.js';
import type { Direction, RuleSet } from './core/types.js';
import { buildMeasureRecord, SCHEMA_VERSION, type MeasureRecord, type ResultDocument } from './render/document.js';
import { inputError, SpcError, usageError } from './io/errors.js';
import { inferFrequency, isoDate, labelFor, missingPeriods, parsePeriod, type DateOrder } from './io/periods.js';
import { duplicatePeriodError, type RawSeries } from './io/read.js';

export const DIRECTIONS: readonly Direction[] = ['higher-is-better', 'lower-is-better', 'neutral'];
export type UserChart = Exclude<ChartType, 's' | 'r'>;

/** Everything that may be set per measure. Absent keys fall back to the next level. */
export interface MeasureSettings {
  readonly chart?: UserChart;
  readonly preset?: string;
  readonly ruleOverrides?: readonly string[];
  readonly direction?: Direction;
  /** Period labels at which a new phase starts, with optional labels for the phase they start. */
  readonly phases?: readonly { readonly period: string; readonly label?: string }[];
  readonly baseline?: number | null;
  readonly exclude?: readonly string[];
  readonly screenMr?: boolean;
  readonly sigma?: 'mean-mr' | 'median-mr';
  readonly lclFloor?: number | null;
  readonly target?: number | null;
  readonly unit?: string;
  readonly section?: string;
  /** Annotations by period label. */
  readonly notes?: Readonly<Record<string, string>>;
  /** `zero`: periods missing inside a count series become 0 (otherwise they are reported as a gap). */
  readonly fillMissing?: 'zero';
}

export interface AnalyseSettings {
  /** Flags given on the command line (they win over the config file). */
  readonly flags: MeasureSettings;
  /** From `--config`: `defaults` and per-measure entries. */
  readonly config?: { readonly file: string; readonly defaults?: MeasureSettings; readonly measures?: Readonly<Record<string, MeasureSettings>> };
  readonly dateOrder: DateOrder;
  /** Turn data warnings (gaps, missing-value markers, encoding) into errors. */
  readonly strict?: boolean;
  /** Expected false signals for a chart of n points under a rule set (from the ARL simulation). */
  readonly falseSignals?: (rules: RuleSet, chart: ChartType, n: number) => number | null;
}

/** The settings of one measure: built-in defaults < config defaults < config entry < flags. */
export function settingsFor(measure: string, s: AnalyseSettings): MeasureSettings {
  const layers = [s.config?.defaults ?? {}, s.config?.measures?.[measure] ?? {}, s.flags];
  const merged: Record<string, unknown> = {};
  for (const layer of layers) for (const [k, v] of Object.entries(layer)) if (v !== undefined) merged[k] = v;
  return merged as MeasureSettings;
}

/** The rule set: preset (anhoej on run charts), then moving-range options, then each --rule in order. */
export function resolveRules(m: MeasureSettings): RuleSet {
  try {
    let rules = preset(m.preset ?? (m.chart === 'run' ? 'anhoej' : 'default'));
    if (m.screenMr) rules = { ...rules, screenMovingRanges: true };
    // Wheeler: limits at 3.145 x the median moving range.
    if (m.sigma === 'median-mr') rules = { ...rules, xmrSigma: { method: 'median', factor: 3.145 } };
    for (const o of m.ruleOverrides ?? []) rules = applyOverride(rules, o);
    return rules;
  } catch (e) {
    if (e instanceof RuleOptionError) throw usageError(e.message);
    throw e;
  }
}

/** Where a setting came from: null for a command-line flag (or nowhere), else its config path. */
type Origin = { readonly file: string; readonly path: string } | null;

const CONFIG_KEY: Partial<Record<keyof MeasureSettings, string>> = { preset: 'rules', ruleOverrides: 'rule', screenMr: 'screen-mr', lclFloor: 'lcl-floor' };

function originOf(measure: string, s: AnalyseSettings, key: keyof MeasureSettings): Origin {
  if (s.flags[key] !== undefined || !s.config) return null;
  const name = CONFIG_KEY[key] ?? key;
  if (s.config.measures?.[measure]?.[key] !== undefined) return { file: s.config.file, path: `measures.${JSON.stringify(measure)}.${name}` };
  if (s.config.defaults?.[key] !== undefined) return { file: s.config.file, path: `defaults.${name}` };
  return null;
}

/** An error in a setting: a usage error for a flag (exit 2), a config error naming file and key (exit 1). */
function settingError(origin: Origin, flagMessage: string, configMessage: string): SpcError {
  return origin ? inputError(origin.file, undefined, undefined, `${origin.path}: ${configMessage}`) : usageError(flagMessage);
}

/** Index of the row whose period starts on the same date as `label`; a label not in the series is an error. */
function indexOf(label: string, s: RawSeries, option: string, dateOrder: DateOrder, origin: Origin = null, item = ''): number {
  const p = parsePeriod(label, dateOrder);
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

/** Builds the chart's data from the rows, checking what the chart type needs of them. */
function chartData(s: RawSeries, chart: UserChart): { data: SeriesData; numerators: (number | null)[] | null } {
  const def = CHARTS[chart];
  const rows = s.rows;
  if (def.needs !== 'subgroups') for (const r of rows) if (r.lines.length > 1) throw duplicatePeriodError(s, r);
  const bad = (r: (typeof rows)[number], what: string, column = s.valueColumn) =>
    inputError(s.source, r.line, column || undefined, `measure "${s.measure}" at ${r.period.text}: ${what}`);
  if (def.needs === 'subgroups') {
    return { data: { values: rows.map(() => null), subgroups: rows.map((r) => (r.observations?.length ? r.observations : null)) }, numerators: null };
  }
  if (def.needs === 'sizes') {
    if (!s.hasDenominator) {
      throw inputError(
        s.source,
        undefined,
        undefined,
        s.denominatorColumn
          ? `--chart ${chart} needs denominators: the denominator column is empty for measure "${s.measure}"`
          : `--chart ${chart} needs a denominator column (denominator, n, population, total, size or --denominator-col)`,
      );
    }
    for (const r of rows) {
      if (r.value !== null && r.value < 0) throw bad(r, `negative count ${r.value}`);
      if (r.denominator !== null && r.denominator <= 0) throw bad(r, `denominator ${r.denominator} must be greater than 0`, s.denominatorColumn);
      if ((chart === 'p' || chart === 'pp' || chart === 'np') && r.value !== null && r.denominator !== null && r.value > r.denominator) {
        throw bad(r, `value ${r.value} is above its denominator ${r.denominator}`);
      }
    }
    return { data: { values: rows.map((r) => r.value), sizes: rows.map((r) => r.denominator) }, numerators: rows.map((r) => r.value) };
  }
  for (const r of rows) {
    if ((chart === 'c' || chart === 'g') && r.value !== null && r.value < 0) throw bad(r, `negative ${chart === 'c' ? 'count' : 'gap'} ${r.value}`);
    if (chart === 't' && r.value !== null && !(r.value > 0)) throw bad(r, `time between events ${r.value} must be greater than 0 on a t chart`);
  }
  // On xmr, mr and run charts a denominator makes each value the ratio value / denominator (contract section 3).
  if (s.hasDenominator && (chart === 'xmr' || chart === 'mr' || chart === 'run')) {
    const values = rows.map((r) => {
      if (r.value === null || r.denominator === null) return null;
      if (r.denominator === 0) throw bad(r, 'zero denominator', s.denominatorColumn);
      return r.value / r.denominator;
    });
    return { data: { values }, numerators: rows.map((r) => r.value) };
  }
  return { data: { values: rows.map((r) => r.value) }, numerators: null };
}

/** The measure's records: one, or two for an x-bar chart (the x-bar chart and its S or R chart). */
/**
 * Periods missing inside the series: reported as a gap, or with `fillMissing: zero` on a count
 * series filled with 0 (the previous row's phase label is carried, so no phase starts there).
 */
function fillGaps(s: RawSeries, m: MeasureSettings, chart: UserChart, strict: boolean): { series: RawSeries; warnings: string[] } {
  const frequency = inferFrequency(s.rows.map((r) => r.period));
  if (frequency === null) return { series: s, warnings: [] };
  const gaps = missingPeriods(s.rows.map((r) => r.period), frequency);
  if (gaps.length === 0) return { series: s, warnings: [] };
  const style = s.rows[0].period.granularity;
  const label = (t: number) => (style === 'day' ? isoDate(t) : labelFor(t, frequency));
  const shown = gaps.slice(0, 12).map(label).join(', ') + (gaps.length > 12 ? `, ... (${gaps.length} in all)` : '');
  const canFill = m.fillMissing === 'zero' && !s.hasDenominator && CHARTS[chart].needs === 'values';
  if (!canFill) {
    const message = `gap: no row for ${shown} (a ${frequency} series)` + (m.fillMissing === 'zero' ? '; not filled: --fill-missing zero fills count series only' : '');
    if (strict) throw inputError(s.source, undefined, undefined, `measure "${s.measure}": ${message} (--strict)`);
    return { series: s, warnings: [message] };
  }
  const rows = [...s.rows];
  for (const t of gaps) {
    const k = rows.findIndex((r) => r.period.time > t);
    const prev = rows[k - 1];
    const text = label(t);
    rows.splice(k, 0, {
      ...prev,
      period: { text, date: isoDate(t), time: t, granularity: style },
      value: 0,
      denominator: null,
      note: null,
      observations: [0],
      lines: [],
    });
  }
  return { series: { ...s, rows }, warnings: [`filled ${gaps.length} missing period${gaps.length === 1 ? '' : 's'} with 0: ${shown}`] };
}

export function analyseMeasure(raw: RawSeries, all: AnalyseSettings): MeasureRecord[] {
  const m = settingsFor(raw.measure, all);
  const chart: UserChart = m.chart ?? 'xmr';
  let rules: RuleSet;
  try {
    rules = resolveRules(m);
  } catch (e) {
    // A preset or rule from the config file is the file's error (exit 1), naming the key.
    const origin = e instanceof SpcError ? (/^unknown rule preset/.test(e.message) ? originOf(raw.measure, all, 'preset') : originOf(raw.measure, all, 'ruleOverrides')) : null;
    if (origin && e instanceof SpcError) throw inputError(origin.file, undefined, undefined, `${origin.path}: ${e.message}`);
    throw e;
  }
  const { series: s, warnings: gapWarnings } = fillGaps(raw, m, chart, all.strict ?? false);
  const rows = s.rows;
  const { data, numerators } = chartData(s, chart);

  const phaseStarts: number[] = [];
  const labelAt = new Map<number, string>();
  for (const ph of m.phases ?? []) {
    const i = indexOf(ph.period, s, '--phase', all.dateOrder, originOf(s.measure, all, 'phases'), `[${(m.phases ?? []).indexOf(ph)}]`);
    phaseStarts.push(i);
    if (ph.label) labelAt.set(i, ph.label);
  }
  // A change of the optional phase column's label starts a new phase there (our extension).
  let current: string | null = rows[0]?.phase ?? null;
  if (current) labelAt.set(0, labelAt.get(0) ?? current);
  rows.forEach((r, i) => {
    if (i > 0 && r.phase !== null && r.phase !== current) {
      phaseStarts.push(i);
      if (!labelAt.has(i)) labelAt.set(i, r.phase);
      current = r.phase;
    }
  });
  const excluded = (m.exclude ?? []).map((p, k) => indexOf(p, s, '--exclude', all.dateOrder, originOf(s.measure, all, 'exclude'), `[${k}]`));
  const notes = rows.map((r) => r.note);
  for (const [period, note] of Object.entries(m.notes ?? {})) {
    notes[indexOf(period, s, 'notes', all.dateOrder, originOf(s.measure, all, 'notes'), `.${JSON.stringify(period)}`)] = note;
  }
  const sections = rows.map((r) => r.section).filter((x): x is string => x !== null);

  const charts: ChartType[] = [chart];
  const companion = companionOf(chart);
  if (companion) charts.push(companion);
  return charts.map((type) => {
    const analysis = analyse(data, {
      chart: type,
      rules,
      direction: type === chart ? (m.direction ?? s.direction ?? 'neutral') : 'neutral',
      phaseStarts,
      baseline: m.baseline ?? null,
      excluded,
      target: type === chart ? (m.target ?? null) : null,
      lclFloor: m.lclFloor ?? null,
    });
    const phaseLabels = analysis.phases.map((ph) => labelAt.get(ph.start));
    const name = type === chart ? s.measure : `${s.measure} (${type.toUpperCase()})`;
    return buildMeasureRecord(
      {
        measure: name,
        source: s.source,
        chart: type,
        periods: rows.map((r) => r.period),
        denominators: s.hasDenominator ? rows.map((r) => r.denominator) : null,
        numerators,
        subgroupSizes: data.subgroups ? data.subgroups.map((g) => g?.length ?? null) : null,
        notes,
        phaseLabels,
        section: m.section ?? sections[0],
        unit: m.unit ?? s.unit,
        readWarnings: [...s.warnings, ...gapWarnings],
        ...(type === chart ? {} : { companionOf: s.measure }),
        ...(all.falseSignals ? { expectedFalseSignals: all.falseSignals(rules, type, analysis.summary.n) } : {}),
      },
      analysis,
    );
  });
}

/**
 * Analyses every series. With `onError`, a measure whose data are in error is reported through it
 * and left out (`--keep-going`); without, the first error ends the run.
 */
export function analyseAll(
  series: readonly RawSeries[],
  settings: AnalyseSettings,
  version: string,
  onError?: (e: SpcError, s: RawSeries) => void,
): ResultDocument {
  const b = settings.flags.baseline;
  if (b !== undefined && b !== null && !(Number.isInteger(b) && b >= 1)) {
    throw usageError(`--baseline ${b}: expected a whole number of points >= 1`);
  }
  const names = new Set(series.map((s) => s.measure));
  for (const name of Object.keys(settings.config?.measures ?? {})) {
    // (with --keep-going a failed file's measures are unknown, so the check is skipped)
    if (!names.has(name) && !onError) {
      throw inputError(settings.config!.file, undefined, undefined, `measures."${name}" is not in the data; the measures are: ${[...names].join(', ')}`);
    }
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'spc', version },
    measures: series.flatMap((s) => {
      if (!onError) return analyseMeasure(s, settings);
      try {
        return analyseMeasure(s, settings);
      } catch (e) {
        if (!(e instanceof SpcError) || e.exitCode !== 1) throw e;
        onError(e, s);
        return [];
      }
    }),
  };
}
