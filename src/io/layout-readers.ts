/**
 * Reading the data rows of a table in its layout: each row becomes the rows of the measures it
 * holds (one in a long table, one per measure column in a wide one, one per period in an
 * across one), gathered by measure into series when the table ends.
 */
import type { GridRow } from './grid.js';
import type { AcrossLayout, LayoutPlan, WideLayout } from './layouts.js';
import { cellError, readNumberCell, readPeriodCell, tryNumberCell, type Reading } from './reading.js';
import { measureOf, MEASURE_JOIN, readLongRow, type ParsedRow } from './rows.js';
import { RowsByMeasure, type RawSeries } from './series.js';

export interface LayoutReader {
  row(r: GridRow): void;
  /** The series, and warnings about the table itself (columns left out). */
  finish(): { series: RawSeries[]; warnings: string[] };
}

/** What every layout reader needs besides its plan. */
export interface TableContext {
  readonly header: readonly string[];
  readonly headerLine: number;
  readonly fallbackMeasure: string;
}

export function layoutReader(plan: LayoutPlan, table: TableContext, reading: Reading): LayoutReader {
  if (plan.kind === 'wide') return wideReader(plan, table, reading);
  if (plan.kind === 'across') return acrossReader(plan, table, reading);
  const long = { header: table.header, col: plan.col, measureColumns: plan.measureColumns, fallbackMeasure: table.fallbackMeasure };
  const rows = new RowsByMeasure();
  const columns = { period: plan.col.period + 1, value: plan.col.value + 1, denominator: plan.col.denominator + 1 };
  return {
    row: (r) => rows.add(readLongRow(r, long, reading)),
    finish: () => ({ series: rows.series(reading, () => columns, (row) => [row.line, columns.period]), warnings: [] }),
  };
}

/** A CSV row must have its fields, as in a long table (a worksheet row may end early): the first missing one is named. */
function checkFields(r: GridRow, table: TableContext, reading: Reading): void {
  const n = r.cells.length;
  if (reading.raggedRows || n >= table.header.length) return;
  throw cellError(reading, r.line, n + 1, `row has ${n} field${n === 1 ? '' : 's'}; the ${table.header[n]} column is missing`);
}

/** What a wide table's column has held so far: a column without a single number is left out. */
interface ColumnState {
  readonly column: number;
  numbers: number;
  filled: number;
  firstBad: { line: number; message: string } | null;
}

function wideReader(plan: WideLayout, table: TableContext, reading: Reading): LayoutReader {
  const rows = new RowsByMeasure();
  const states = plan.measures.map((column): ColumnState => ({ column, numbers: 0, filled: 0, firstBad: null }));
  const named = plan.measureColumns.length > 0;
  const nameCtx = { ...plan, fallbackMeasure: table.fallbackMeasure, header: table.header };
  // Each column's measure, named by its header (and, with --measure-col, prefixed by the row's names).
  const columnOf = new Map<string, number>(named ? [] : states.map((st) => [table.header[st.column], st.column]));
  return {
    row(r) {
      checkFields(r, table, reading);
      const period = readPeriodCell(r.cells[plan.period] ?? '', r.line, plan.period + 1, reading);
      const prefix = named ? `${measureOf(r, nameCtx, reading)}${MEASURE_JOIN}` : '';
      for (const st of states) {
        const text = r.cells[st.column] ?? '';
        const measure = prefix + table.header[st.column];
        if (named) columnOf.set(measure, st.column);
        const got = tryNumberCell(text, r.line, st.column + 1, 'value', measure, reading);
        if (text.trim() !== '') st.filled++;
        if ('bad' in got) {
          st.firstBad ??= { line: r.line, message: got.bad };
          continue;
        }
        if (got.value !== null) st.numbers++;
        rows.addCell(measure, period, got.value, r.line);
      }
    },
    finish() {
      const warnings = dropTextColumns(states, rows, table, reading, columnOf);
      const series = rows.series(
        reading,
        (m) => ({ period: plan.period + 1, value: (columnOf.get(m) ?? -1) + 1, denominator: 0 }),
        (row) => [row.line, plan.period + 1],
      );
      return { series, warnings };
    },
  };
}

function wideRow(measure: string, period: ParsedRow['period'], value: number | null, line: number): ParsedRow {
  return { measure, period, value, denominator: null, note: null, section: null, phase: null, line };
}

/**
 * A wide table's columns without a single number (labels, notes) are left out with a warning
 * naming them (with --strict, an error); a column of numbers with a cell that is not one is an error at that cell.
 */
function dropTextColumns(states: readonly ColumnState[], rows: RowsByMeasure, table: TableContext, reading: Reading, columnOf: ReadonlyMap<string, number>): string[] {
  const warnings: string[] = [];
  for (const st of states) {
    if (st.numbers > 0) {
      if (st.firstBad) throw cellError(reading, st.firstBad.line, st.column + 1, st.firstBad.message);
      continue;
    }
    const name = table.header[st.column];
    const message = st.filled ? `column "${name}" holds no numbers (labels or notes?): left out` : `column "${name}" is empty: left out`;
    if (reading.strict) throw cellError(reading, table.headerLine, st.column + 1, `${message} (--strict)`);
    const at = reading.locate(table.headerLine, st.column + 1);
    warnings.push(`${[at.file, at.line, at.column].filter((x) => x !== undefined).join(':')}: ${message}`);
    for (const [measure, column] of columnOf) {
      if (column !== st.column) continue;
      rows.drop(measure);
      reading.warnings.delete(measure);
    }
  }
  return warnings;
}

function acrossReader(plan: AcrossLayout, table: TableContext, reading: Reading): LayoutReader {
  const rows = new RowsByMeasure();
  const seen = new Map<string, number>();
  const ctx = { ...plan, fallbackMeasure: table.fallbackMeasure, header: table.header };
  return {
    row(r) {
      checkFields(r, table, reading);
      for (let i = table.header.length; i < r.cells.length; i++) {
        if (r.cells[i].trim() !== '') throw cellError(reading, r.line, i + 1, `"${r.cells[i].trim()}" is beyond the last period of the header`);
      }
      const measure = measureOf(r, ctx, reading);
      const before = seen.get(measure);
      if (before !== undefined) throw cellError(reading, r.line, plan.measureColumns[0] + 1, `measure "${measure}" is also on line ${before}: give each measure one row`);
      seen.set(measure, r.line);
      for (const { column, period } of plan.periods) {
        const value = readNumberCell(r.cells[column] ?? '', r.line, column + 1, 'value', measure, reading);
        rows.add({ ...wideRow(measure, period, value, r.line), column: column + 1 });
      }
    },
    finish: () => ({
      series: rows.series(reading, () => ({ period: 0, value: 0, denominator: 0 }), (row) => [table.headerLine, row.column ?? 0]),
      warnings: [],
    }),
  };
}
