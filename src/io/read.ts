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

/** What the table reader hands on as it scans: the header first, then each data row. */
interface TableSink {
  header(names: string[], line: number): void;
  row(r: CsvRecord): void;
}

/**
 * Scans a CSV text record by record with the record scanner: the first record is the header
 * (trailing empty cells, a spreadsheet's stray columns, dropped), each later record that is not
 * blank a data row, handed on as it is read (no record is kept). A CSV syntax error anywhere is
 * thrown before anything else; then an empty file, or a header without data rows.
 */
function scanTable(text: string, file: string, delimiter: string, sink: TableSink): void {
  let records = 0;
  let dataRows = 0;
  let headerLine = 0;
  const scanner = new RecordScanner(delimiter.charCodeAt(0), {
    record(field, count, line) {
      const record = new Array<string>(count);
      for (let i = 0; i < count; i++) record[i] = field(i);
      if (records++ === 0) {
        const header = record.map((h) => h.trim());
        while (header.length > 1 && header[header.length - 1] === '') header.pop();
        headerLine = line;
        sink.header(header, line);
      } else if (record.some((f) => f.trim() !== '')) {
        dataRows++;
        sink.row({ record, line });
      }
    },
  });
  try {
    scanner.push(Buffer.from(text, 'utf8'));
    scanner.end();
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw inputError(file, e.line, e.column, `not valid CSV: ${e.message}`);
    throw e;
  }
  if (records === 0) throw inputError(file, undefined, undefined, 'the file is empty');
  if (dataRows === 0) throw inputError(file, headerLine, undefined, 'no data rows after the header');
}

export function measureNameFromFile(file: string): string {
  if (file === '-' || file === 'stdin') return 'stdin';
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '') || base;
}

/** Parses the text of one CSV file into series, one per measure, rows sorted by period. */
export function readSeries(text: string, file: string, options: ReadOptions = {}): RawSeries[] {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw inputError(file, undefined, undefined, 'the file is empty');
  const rows = collectRows(file, options);
  scanTable(text, file, options.delimiter ?? sniffDelimiter(text.replace(/^\uFEFF/, '')), rows);
  return rows.series();
}

/** What reading the rows of a file with this header needs (its columns found, or an error for them). */
function rowReading(file: string, header: string[], headerLine: number, options: ReadOptions): RowReading {
  return {
    file,
    header,
    col: findColumns(header, headerLine, file, options.columns),
    fallbackMeasure: measureNameFromFile(file),
    dateOrder: options.dateOrder ?? 'dmy',
    strict: !!options.strict,
    periods: new Map(),
    directions: new Map(),
    warnings: new Map(),
    percentSeen: false,
  };
}

/**
 * The rows of a file read as they are scanned, by measure. The first error (the header's columns,
 * found at the first data row, or a row's) is kept and thrown by `series`, once the whole file has
 * been scanned: a CSV syntax error later in the file, or a file without data rows, is reported first.
 */
function collectRows(file: string, options: ReadOptions): TableSink & { series(): RawSeries[] } {
  let header: string[] = [];
  let headerLine = 0;
  let reading: RowReading | null = null;
  let failure: { error: unknown } | null = null;
  const byMeasure = new Map<string, ParsedRow[]>();
  return {
    header(names, line) {
      header = names;
      headerLine = line;
    },
    row(r) {
      if (failure !== null) return;
      try {
        reading ??= rowReading(file, header, headerLine, options);
        const row = readRow(r, reading);
        const list = byMeasure.get(row.measure);
        if (list) list.push(row);
        else byMeasure.set(row.measure, [row]);
      } catch (error) {
        failure = { error };
      }
    },
    series() {
      if (failure !== null) throw failure.error;
      return [...byMeasure].map(([measure, rows]) => seriesOf(measure, rows, reading!));
    },
  };
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
