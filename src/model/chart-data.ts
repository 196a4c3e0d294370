/**
 * From a read series to the numbers a chart type plots: the values, sizes or subgroups the core
 * takes (checked against what the chart type needs of them), and the series with its missing
 * periods reported as a gap or filled.
 */
import { CHARTS, type SeriesData } from '../core/charts/index.js';
import { inputError } from '../io/errors.js';
import { inferFrequency, isoDate, labelFor, missingPeriods, type Granularity } from '../io/periods.js';
import { duplicatePeriodError, seriesError, type RawSeries } from '../io/read.js';
import type { MeasureSettings, UserChart } from '../io/user-settings.js';

/** Builds the chart's data from the rows, checking what the chart type needs of them. */
export function chartData(s: RawSeries, chart: UserChart): { data: SeriesData; numerators: (number | null)[] | null } {
  const def = CHARTS[chart];
  const rows = s.rows;
  if (def.needs !== 'subgroups') for (const r of rows) if (r.lines.length > 1) throw duplicatePeriodError(s, r);
  const bad = (r: (typeof rows)[number], what: string, column = r.column ?? s.valueColumn) =>
    seriesError(s, r.line, column, `measure "${s.measure}" at ${r.period.text}: ${what}`);
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

/**
 * Periods missing inside the series: reported as a gap, or with `fillMissing: zero` on a count
 * series filled with 0 (the previous row's phase label is carried, so no phase starts there).
 * Also returns the series' granularity (null when its periods mix them), found once here.
 */
export function fillGaps(s: RawSeries, m: MeasureSettings, chart: UserChart, strict: boolean): { series: RawSeries; warnings: string[]; granularity: Granularity | null } {
  const frequency = inferFrequency(s.rows.map((r) => r.period));
  if (frequency === null) return { series: s, warnings: [], granularity: frequency };
  const gaps = missingPeriods(s.rows.map((r) => r.period), frequency);
  if (gaps.length === 0) return { series: s, warnings: [], granularity: frequency };
  const style = s.rows[0].period.granularity;
  const label = (t: number) => (style === 'day' ? isoDate(t) : labelFor(t, frequency));
  const shown = gaps.slice(0, 12).map(label).join(', ') + (gaps.length > 12 ? `, ... (${gaps.length} in all)` : '');
  const canFill = m.fillMissing === 'zero' && !s.hasDenominator && CHARTS[chart].needs === 'values';
  if (!canFill) {
    const message = `gap: no row for ${shown} (a ${frequency} series)` + (m.fillMissing === 'zero' ? '; not filled: --fill-missing zero fills count series only' : '');
    if (strict) throw inputError(s.source, undefined, undefined, `measure "${s.measure}": ${message} (--strict)`);
    return { series: s, warnings: [message], granularity: frequency };
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
  return { series: { ...s, rows }, warnings: [`filled ${gaps.length} missing period${gaps.length === 1 ? '' : 's'} with 0: ${shown}`], granularity: frequency };
}
