/**
 * Reads a table (a CSV text, or a worksheet's grid) into typed series, whatever its layout
 * (contract section 2: long, wide, across). Every problem is an `SpcError` naming its cell:
 * file:line:column in a CSV file, file[Sheet]!B6 in a workbook.
 */
import { csvSource, sniffDelimiter, type Delimiter, type GridSource } from './csv-grid.js';
import type { Role } from './columns.js';
import { SpcError } from './errors.js';
import type { Layout } from './layouts.js';
import type { DateOrder, PeriodFormat } from './periods.js';
import { newReading, type DecimalMark } from './reading.js';
import type { RawSeries } from './series.js';
import { readTable, type TableRead } from './table.js';

// The columns, the cells, the series and the grid have modules of their own; these names are read from here too.
export { DEFAULT_HEADERS, normaliseHeader, type Role } from './columns.js';
export { parseCell, parseNumber, show, type Cell } from './cells.js';
export { duplicatePeriodError, seriesError, type RawSeries, type SeriesRow } from './series.js';
export { sniffDelimiter, type GridSource } from './csv-grid.js';
export { LAYOUTS, type Layout } from './layouts.js';
export { MEASURE_JOIN } from './rows.js';
export type { TableRead } from './table.js';

export interface ReadOptions {
  /** Header name overrides per role (`--measure-col` and friends; the measure may name several columns, comma-separated). */
  readonly columns?: Partial<Record<Role, string>>;
  readonly dateOrder?: DateOrder;
  /** `fy`: read 2008-09 as financial year 2008/09 (`--period-format`). */
  readonly periodFormat?: PeriodFormat;
  /** Field delimiter; sniffed from the header line when absent. */
  readonly delimiter?: Delimiter;
  /** The decimal mark: `,` by default in a `;`-delimited file, else `.` (`--decimal`). */
  readonly decimal?: DecimalMark;
  /** Force a layout (`--layout`); detected when absent. */
  readonly layout?: Layout;
  /** Keep only rows whose column equals the value (`--where`, repeatable). */
  readonly where?: readonly { readonly column: string; readonly value: string }[];
  /** Turn every warning into an error (`--strict`). */
  readonly strict?: boolean;
}

export function measureNameFromFile(file: string): string {
  if (file === '-' || file === 'stdin') return 'stdin';
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '') || base;
}

/** Parses the text of one CSV file into series, one per measure, rows sorted by period. */
export function readSeries(text: string, file: string, options: ReadOptions = {}): RawSeries[] {
  return readCsvTable(text, file, options).series;
}

/** Parses the text of one CSV file: its series, its layout and why, warnings about the table, notes for --verbose. */
export function readCsvTable(text: string, file: string, options: ReadOptions = {}): TableRead {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new SpcError('the file is empty', 1, file);
  const delimiter = options.delimiter ?? sniffDelimiter(body);
  // A semicolon-separated file is the export of a decimal-comma locale (Excel in most of Europe).
  const decimal = options.decimal ?? (delimiter === ';' ? ',' : '.');
  return readGridTable(csvSource(text, file, delimiter), { ...options, decimal });
}

/** Reads any grid (CSV or worksheet) as a table. `raggedRows`: rows may end early (worksheets). */
export function readGridTable(source: GridSource, options: ReadOptions & { raggedRows?: boolean } = {}): TableRead {
  const reading = newReading(source.file, source.locate, options);
  const read = readTable(source, { layout: options.layout, columns: options.columns, where: options.where, fallbackMeasure: measureNameFromFile(source.file) }, reading);
  return { ...read, notes: [...read.notes, `decimal mark ${JSON.stringify(reading.decimal)}`] };
}

export { SpcError };
