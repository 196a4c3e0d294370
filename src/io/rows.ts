/**
 * One data row of a long-format CSV file read into its measure, period, numbers, texts and
 * direction (io/read.ts groups the rows into series). Every problem is an `SpcError` naming file,
 * line and column; a warning names them too, or with --strict is an error.
 */
import { parseCell, show } from './cells.js';
import type { Columns } from './columns.js';
import { inputError } from './errors.js';
import { parsePeriod, periodProblem, PERIOD_FORMATS, type DateOrder, type PeriodInfo } from './periods.js';
import type { Direction } from '../core/types.js';

/** Accepted spellings in a direction column (ours, NHSRplotthedots' and MDC's words). */
const DIRECTION_WORDS: Readonly<Record<string, Direction>> = {
  'higher-is-better': 'higher-is-better',
  higher: 'higher-is-better',
  increase: 'higher-is-better',
  'high-is-good': 'higher-is-better',
  'lower-is-better': 'lower-is-better',
  lower: 'lower-is-better',
  decrease: 'lower-is-better',
  'low-is-good': 'lower-is-better',
  neutral: 'neutral',
  neither: 'neutral',
};

/** One record of a CSV file and the line it starts on. */
export interface CsvRecord {
  readonly record: string[];
  readonly line: number;
}

/** A data row as read, before the rows of one period are grouped into a subgroup. */
export interface ParsedRow {
  readonly measure: string;
  readonly period: PeriodInfo;
  readonly value: number | null;
  readonly denominator: number | null;
  readonly note: string | null;
  readonly section: string | null;
  readonly phase: string | null;
  readonly line: number;
}

/** What reading a file's rows needs, and what it gathers across rows. */
export interface RowReading {
  readonly file: string;
  readonly header: readonly string[];
  readonly col: Columns;
  /** The measure of every row when the file has no measure column: from the file name. */
  readonly fallbackMeasure: string;
  readonly dateOrder: DateOrder;
  /** Every warning is an error (`--strict`). */
  readonly strict: boolean;
  /** Periods parsed so far, by their text. */
  readonly periods: Map<string, PeriodInfo>;
  /** Each measure's direction and the line that first gave it. */
  readonly directions: Map<string, { direction: Direction; line: number }>;
  /** Each measure's warnings, in the order found. */
  readonly warnings: Map<string, string[]>;
  /** Whether any number in the file was written as a percentage. */
  percentSeen: boolean;
}

/** One data row read: the extra-fields check, then measure, period, value, denominator, direction, texts. */
export function readRow(r: CsvRecord, reading: RowReading): ParsedRow {
  const { file, header, col } = reading;
  const line = r.line;
  for (let i = header.length; i < r.record.length; i++) {
    if (r.record[i].trim() !== '') {
      throw inputError(file, line, i + 1, `row has ${r.record.length} fields but the header has ${header.length}: "${r.record[i].trim()}" has no column`);
    }
  }
  const measure = col.measure >= 0 ? field(r, col.measure, reading)! : reading.fallbackMeasure;
  if (measure === '') throw inputError(file, line, col.measure + 1, 'empty measure name');
  const period = rowPeriod(r, reading);
  const value = numberField(r, col.value, 'value', measure, reading);
  const denominator = numberField(r, col.denominator, 'denominator', measure, reading);
  rowDirection(r, measure, reading);
  const text = (i: number) => textField(r, i, reading);
  return { measure, period, value, denominator, note: text(col.note), section: text(col.section), phase: text(col.phase), line };
}

/** Field `i` of a row, trimmed; null for a role without a column; an error when the row is too short to have it. */
function field(r: CsvRecord, i: number, reading: RowReading): string | null {
  if (i < 0) return null;
  if (i >= r.record.length) {
    throw inputError(reading.file, r.line, i + 1, `row has ${r.record.length} fields; the ${reading.header[i]} column is missing`);
  }
  return r.record[i].trim();
}

/** Field `i` as text, null when absent or empty. */
function textField(r: CsvRecord, i: number, reading: RowReading): string | null {
  const t = field(r, i, reading);
  return t === null || t === '' ? null : t;
}

/** The row's period, parsed once per distinct text. */
function rowPeriod(r: CsvRecord, reading: RowReading): PeriodInfo {
  const column = reading.col.period;
  const periodText = field(r, column, reading)!;
  if (periodText === '') throw inputError(reading.file, r.line, column + 1, `empty period; expected one of ${PERIOD_FORMATS}`);
  let period = reading.periods.get(periodText);
  if (period === undefined) {
    period = parsePeriod(periodText, reading.dateOrder) ?? undefined;
    if (period) reading.periods.set(periodText, period);
  }
  if (!period) throw inputError(reading.file, r.line, column + 1, `period ${periodProblem(periodText)}`);
  return period;
}

/** A numeric field: its number, or null for an empty cell or a missing-value marker (with a warning). */
function numberField(r: CsvRecord, i: number, what: string, measure: string, reading: RowReading): number | null {
  const t = field(r, i, reading);
  if (t === null) return null;
  const cell = parseCell(t);
  if (cell.kind === 'bad' && cell.tooLarge) throw inputError(reading.file, r.line, i + 1, `${what} ${show(t)} is too large to be a number`);
  if (cell.kind === 'bad') {
    throw inputError(reading.file, r.line, i + 1, `${what} ${show(t)} is not a number (write numbers like 1234, 12.5, 12.5% or 1,234 with thousands separators; leave the cell empty for a missing value)`);
  }
  if (cell.kind === 'missing') {
    if (cell.marker !== null) warn(reading, measure, r.line, i + 1, `${what} "${cell.marker}" read as a missing value`);
    return null;
  }
  if (cell.percent) reading.percentSeen = true;
  return cell.value;
}

/** A warning about the measure, located; with --strict, an error. */
function warn(reading: RowReading, measure: string, line: number, column: number, message: string): void {
  if (reading.strict) throw inputError(reading.file, line, column, `${message} (--strict)`);
  const list = reading.warnings.get(measure) ?? [];
  list.push(`${reading.file}:${line}:${column}: ${message}`);
  reading.warnings.set(measure, list);
}

/** The row's direction cell, if any: one of the accepted words, and the same on every row of the measure. */
function rowDirection(r: CsvRecord, measure: string, reading: RowReading): void {
  const column = reading.col.direction;
  const dirText = textField(r, column, reading);
  if (dirText === null) return;
  const direction = DIRECTION_WORDS[dirText.toLowerCase().replace(/[\s_]+/g, '-')];
  if (!direction) {
    throw inputError(reading.file, r.line, column + 1, `direction "${dirText}" is not one of higher-is-better, lower-is-better, neutral`);
  }
  const before = reading.directions.get(measure);
  if (before && before.direction !== direction) {
    throw inputError(reading.file, r.line, column + 1, `direction "${dirText}" for measure "${measure}" differs from "${before.direction}" on line ${before.line}`);
  }
  if (!before) reading.directions.set(measure, { direction, line: r.line });
}
