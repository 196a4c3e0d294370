/**
 * A table as read from a file, before any layout is recognised: rows of cell texts, each row with
 * the number a user sees (a CSV line, a worksheet row), and a way to name a cell in a message.
 * CSV files (io/read.ts) and workbooks (io/workbook.ts) both become grids; the layouts (long, wide,
 * across) read grids, so every layout works for every format and every message names its cell.
 */

/** Where something is, for messages: a CSV file's `file:line:column`, a workbook's `file[Sheet]!B6`. */
export interface Location {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** The location of a cell (1-based line/row and column; either may be unknown). */
export type Locator = (line?: number, column?: number) => Location;

/** One row of a grid: its cells' texts (untrimmed, as stored) and its 1-based line or row number. */
export interface GridRow {
  readonly cells: readonly string[];
  readonly line: number;
}

/** Receives a grid's rows in order, blank rows included or not (readers skip wholly blank rows). */
export interface GridSink {
  row(r: GridRow): void;
}

/** A CSV file's cells are named `file:line:column`. */
export function csvLocator(file: string): Locator {
  return (line, column) => ({ file, line, column });
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA (Excel's A1 notation). */
export function columnLetters(column: number): string {
  let out = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

/**
 * A worksheet's cells are named as Excel names them: `pack.xlsx[Data]!B6`; a whole row
 * `pack.xlsx[Data]!6:6`, a whole column `pack.xlsx[Data]!B:B`, the sheet `pack.xlsx[Data]`.
 */
export function sheetLocator(file: string, sheet: string): Locator {
  return (line, column) => {
    const where = `${file}[${sheet}]`;
    if (line !== undefined && column !== undefined) return { file: `${where}!${columnLetters(column)}${line}` };
    if (line !== undefined) return { file: `${where}!${line}:${line}` };
    if (column !== undefined) return { file: `${where}!${columnLetters(column)}:${columnLetters(column)}` };
    return { file: where };
  };
}

/** A location written as messages write it: `file:line:column` with the parts that exist. */
export function located(at: Location): string {
  return [at.file, at.line, at.column].filter((x) => x !== undefined && x !== '').join(':');
}
