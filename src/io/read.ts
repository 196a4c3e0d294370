/**
 * Reads long-format CSV (one row per measure x period, contract section 2) into typed series.
 * Every problem is an `SpcError` naming file, line and column.
 */
import { findColumns, type Role } from './columns.js';
import { CsvSyntaxError, RecordScanner } from './records.js';
import { inputError, SpcError } from './errors.js';
import type { DateOrder } from './periods.js';
import { readRow, type CsvRecord, type ParsedRow, type RowReading } from './rows.js';
import type { Direction } from '../core/types.js';

// The columns, the cells and the rows have modules of their own; these names are read from here too.
export { DEFAULT_HEADERS, normaliseHeader, type Role } from './columns.js';
export { parseCell, parseNumber, show, type Cell } from './cells.js';

export interface ReadOptions {
  /** Header name overrides per role (`--measure-col` and friends). */
  readonly columns?: Partial<Record<Role, string>>;
  readonly dateOrder?: DateOrder;
  /** Field delimiter; sniffed from the header line when absent. */
  readonly delimiter?: ',' | ';' | '\t';
  /** Turn every warning into an error (`--strict`). */
  readonly strict?: boolean;
}

/** A row of a series: a data row as read, with the other rows of its period (a subgroup). */
export interface SeriesRow extends Omit<ParsedRow, 'measure'> {
  /** The observed values of every row of this period (empty values left out): a subgroup. */
  readonly observations: readonly number[];
  /** Lines of every row of this period (more than one only for subgroups). */
  readonly lines: readonly number[];
}

/** The error for a period given twice where subgroups are not expected. */
export function duplicatePeriodError(s: RawSeries, row: SeriesRow): SpcError {
  return inputError(
    s.source,
    row.lines[1],
    s.periodColumn,
    `duplicate period "${row.period.text}" for measure "${s.measure}" (already on line ${row.lines[0]})`,
  );
}

export interface RawSeries {
  readonly measure: string;
  readonly source: string;
  /** Sorted by period. */
  readonly rows: readonly SeriesRow[];
  /** Whether the measure has denominators (the column exists and at least one of its cells is filled). */
  readonly hasDenominator: boolean;
  /** From the optional direction column (one value per measure), else null. */
  readonly direction: Direction | null;
  /** 1-based columns of the period, value and denominator (0: none), for messages. */
  readonly periodColumn: number;
  readonly valueColumn: number;
  readonly denominatorColumn: number;
  /** Things read but not as written: missing-value markers, percentages; each names file:line:column. */
  readonly warnings: readonly string[];
  /** '%' when the values were written as percentages. */
  readonly unit?: string;
}

/** The delimiter of a CSV text: the most frequent of comma, semicolon and tab in its first line (outside quotes). */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/** Every record of a CSV text with the line it starts on (blank lines skipped), via the record scanner. */
function scanRecords(text: string, file: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const scanner = new RecordScanner(delimiter.charCodeAt(0), {
    record(field, count, line) {
      const record = new Array<string>(count);
      for (let i = 0; i < count; i++) record[i] = field(i);
      records.push({ record, line });
    },
  });
  try {
    scanner.push(Buffer.from(text, 'utf8'));
    scanner.end();
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw inputError(file, e.line, e.column, `not valid CSV: ${e.message}`);
    throw e;
  }
  if (records.length === 0) throw inputError(file, undefined, undefined, 'the file is empty');
  return records;
}

export function measureNameFromFile(file: string): string {
  if (file === '-' || file === 'stdin') return 'stdin';
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '') || base;
}

/** Parses the text of one CSV file into series, one per measure, rows sorted by period. */
export function readSeries(text: string, file: string, options: ReadOptions = {}): RawSeries[] {
  const { header, headerLine, data } = readTable(text, file, options.delimiter);
  const col = findColumns(header, headerLine, file, options.columns);
  const reading: RowReading = {
    file,
    header,
    col,
    fallbackMeasure: measureNameFromFile(file),
    dateOrder: options.dateOrder ?? 'dmy',
    strict: !!options.strict,
    periods: new Map(),
    directions: new Map(),
    warnings: new Map(),
    percentSeen: false,
  };
  const byMeasure = new Map<string, ParsedRow[]>();
  for (const r of data) {
    const row = readRow(r, reading);
    const list = byMeasure.get(row.measure);
    if (list) list.push(row);
    else byMeasure.set(row.measure, [row]);
  }
  return [...byMeasure].map(([measure, rows]) => seriesOf(measure, rows, reading));
}

/** The header (trailing empty cells dropped), its line, and the data records (blank ones dropped) of a CSV text. */
function readTable(text: string, file: string, delimiter?: ReadOptions['delimiter']): { header: string[]; headerLine: number; data: CsvRecord[] } {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw inputError(file, undefined, undefined, 'the file is empty');
  const records = scanRecords(text, file, delimiter ?? sniffDelimiter(text.replace(/^\uFEFF/, '')));
  // Trailing empty header cells (a spreadsheet's stray columns) are ignored.
  const header = records[0].record.map((h) => h.trim());
  while (header.length > 1 && header[header.length - 1] === '') header.pop();
  const headerLine = records[0].line;
  const data = records.slice(1).filter((r) => r.record.some((f) => f.trim() !== ''));
  if (data.length === 0) throw inputError(file, headerLine, undefined, 'no data rows after the header');
  return { header, headerLine, data };
}

/** One measure's series: its rows sorted by period and grouped into subgroups, with what the file says about it. */
function seriesOf(measure: string, rows: readonly ParsedRow[], reading: RowReading): RawSeries {
  const { col } = reading;
  const sorted = groupSubgroups([...rows].sort((a, b) => a.period.time - b.period.time || a.line - b.line));
  return {
    measure,
    source: reading.file,
    rows: sorted,
    // A measure whose denominator cells are all empty has none (a mixed pack shares one column).
    hasDenominator: col.denominator >= 0 && sorted.some((r) => r.denominator !== null),
    direction: reading.directions.get(measure)?.direction ?? null,
    periodColumn: col.period + 1,
    valueColumn: col.value + 1,
    denominatorColumn: col.denominator + 1,
    warnings: reading.warnings.get(measure) ?? [],
    ...(reading.percentSeen ? { unit: '%' } : {}),
  };
}

/** Merges rows of the same period into one row holding the subgroup (first row's value, note, phase). */
function groupSubgroups(sorted: readonly ParsedRow[]): SeriesRow[] {
  const out: SeriesRow[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.period.time === r.period.time) {
      if (r.value !== null) (last.observations as number[]).push(r.value);
      (last.lines as number[]).push(r.line);
      continue;
    }
    out.push({
      period: r.period,
      value: r.value,
      denominator: r.denominator,
      note: r.note,
      section: r.section,
      phase: r.phase,
      line: r.line,
      observations: r.value === null ? [] : [r.value],
      lines: [r.line],
    });
  }
  return out;
}

export { SpcError };
