/**
 * The flagged points table (contract section 5) and the per-measure summary table, as CSV.
 */
import { stringify } from 'csv-stringify/sync';
import { RULE_IDS } from '../core/types.js';
import type { MeasureRecord } from '../model/document.js';

export const POINT_COLUMNS = [
  'measure', 'period', 'date', 'value', 'denominator', 'phase', 'baseline', 'excluded', 'centre', 'lcl', 'ucl',
  'lower_2sigma', 'upper_2sigma', 'lower_1sigma', 'upper_1sigma', 'signals', 'side', 'variation',
] as const;

export const SUMMARY_COLUMNS = [
  'measure', 'chart', 'direction', 'preset', 'n', 'missing', 'latest_period', 'latest_value', 'centre', 'lcl', 'ucl',
  'latest_signals', 'signal_counts', 'variation_icon', 'assurance_icon', 'target',
] as const;

/**
 * Text from data is neutralised against spreadsheet formula injection: a cell that starts with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe (OWASP CSV injection).
 * Numbers are written as numbers and never altered.
 */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Full precision, no rounding; null as an empty cell. */
const num = (v: number | null): string => (v === null ? '' : String(v));

/** One CSV field (RFC 4180): quoted when it holds a delimiter, a quote, a line break or edge spaces. */
function field(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The points table. Written by hand rather than with csv-stringify: 18 columns for every point of
 * every measure is the hot path of a batch run (~5x faster measured on 120,000 points); quoting
 * follows RFC 4180 like csv-stringify's, and src/render/csv.test.ts reads the table back with csv-parse.
 */
export function pointsCsv(measures: readonly MeasureRecord[]): string {
  return [...pointsCsvPieces(measures)].join('');
}

/** The points table in pieces: the header line, then each measure's lines (for writing as they are made). */
export function* pointsCsvPieces(measures: readonly MeasureRecord[]): Generator<string> {
  yield POINT_COLUMNS.join(',') + '\n';
  for (const m of measures) yield measureLines(m);
}

/** One measure's lines of the points table, each ending in a line break. */
function measureLines(m: MeasureRecord): string {
  const name = field(safeText(m.measure));
  let out = '';
  for (const p of m.points) {
    out += `${name},${field(safeText(p.period))},${p.date},${num(p.value)},${num(p.denominator)},${p.phase},` +
      `${p.baseline},${p.excluded},${num(p.centre)},${num(p.lcl)},${num(p.ucl)},` +
      `${num(p.lower2sigma)},${num(p.upper2sigma)},${num(p.lower1sigma)},${num(p.upper1sigma)},` +
      `${p.signals.join(';')},${p.side ?? ''},${p.variation}\n`;
  }
  return out;
}

export function summaryCsv(measures: readonly MeasureRecord[]): string {
  const rows = measures.map((m) => {
    const s = m.summary;
    const counts = RULE_IDS.filter((id) => s.signalCounts[id]).map((id) => `${id}=${s.signalCounts[id]}`).join(';');
    return [
      safeText(m.measure), m.chart, m.direction, m.rules.preset, String(s.n), String(s.missing),
      s.latestPeriod === null ? '' : safeText(s.latestPeriod), num(s.latestValue), num(s.centre), num(s.lcl), num(s.ucl),
      s.latestSignals.join(';'), counts, s.variationIcon, s.assuranceIcon, num(s.target),
    ];
  });
  return stringify(rows, { header: true, columns: [...SUMMARY_COLUMNS], record_delimiter: '\n' });
}
