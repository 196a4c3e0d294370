/**
 * A workbook's sheet read as a table, like a CSV file: the sheet's rows as a grid whose cells are
 * named as Excel names them (`pack.xlsx[Data]!B6`). Loaded only when an input is a workbook.
 */
import type { GridSource } from './csv-grid.js';
import { sheetLocator } from './grid.js';
import { readGridTable, type ReadOptions, type TableRead } from './read.js';
import { readWorkbook, type WorkbookLimits } from './workbook.js';

export interface WorkbookReadOptions extends ReadOptions {
  /** A sheet name or 1-based index (`--sheet`); the first sheet when absent. */
  readonly sheet?: string;
  readonly limits?: WorkbookLimits;
}

/** One sheet of a workbook read as a table; the workbook's own warnings (formulas without values) come first. */
export function readWorkbookTable(bytes: Uint8Array, file: string, options: WorkbookReadOptions = {}): TableRead {
  const grid = readWorkbook(bytes, file, { sheet: options.sheet, limits: options.limits });
  const source: GridSource = {
    file,
    locate: sheetLocator(file, grid.sheet),
    notes: [`sheet ${JSON.stringify(grid.sheet)} (the workbook's sheets: ${grid.sheets.join(', ')})`],
    scan(sink) {
      for (const r of grid.rows) sink.row(r);
    },
  };
  // Numbers in a worksheet are numbers; text cells holding numbers follow --decimal (default a point).
  const read = readGridTable(source, { ...options, raggedRows: true });
  return { ...read, warnings: [...grid.warnings, ...read.warnings] };
}
