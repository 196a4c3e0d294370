/**
 * The long layout (contract section 2): one row per measure and period. One data row is read into
 * its measure, period, numbers, texts and direction; io/series.ts groups the rows into series.
 * Every problem is an error naming its cell; a warning names it too, or with --strict is an error.
 */
import type { Columns } from './columns.js';
import type { GridRow } from './grid.js';
import type { PeriodInfo } from './periods.js';
import { cellError, readNumberCell, readPeriodCell, type Reading } from './reading.js';
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
  /** The 1-based column of the value when it differs from row to row (periods across), else absent. */
  readonly column?: number;
}

/** How a long table is read: its header, the column of each role, and the measure's name columns. */
export interface LongPlan {
  readonly header: readonly string[];
  readonly col: Columns;
  /** 0-based columns whose values, joined, name the measure (empty: the measure is `fallbackMeasure`). */
  readonly measureColumns: readonly number[];
  readonly fallbackMeasure: string;
}

/** The separator between the values of several measure columns in a measure's name (`--measure-col A,B`). */
export const MEASURE_JOIN = ' | ';

/** One data row read: the extra-fields check, then measure, period, value, denominator, direction, texts. */
export function readLongRow(r: GridRow, plan: LongPlan, reading: Reading): ParsedRow {
  const { header, col } = plan;
  const line = r.line;
  for (let i = header.length; i < r.cells.length; i++) {
    if (r.cells[i].trim() !== '') {
      throw cellError(reading, line, i + 1, `row has ${r.cells.length} fields but the header has ${header.length}: "${r.cells[i].trim()}" has no column`);
    }
  }
  const measure = measureOf(r, plan, reading);
  const period = readPeriodCell(field(r, col.period, plan, reading)!, line, col.period + 1, reading);
  const number = (i: number, what: string) => (i < 0 ? null : readNumberCell(field(r, i, plan, reading)!, line, i + 1, what, measure, reading));
  const value = number(col.value, 'value');
  const denominator = number(col.denominator, 'denominator');
  rowDirection(r, measure, plan, reading);
  const text = (i: number) => textField(r, i, plan, reading);
  return { measure, period, value, denominator, note: text(col.note), section: text(col.section), phase: text(col.phase), line };
}

/** The row's measure: its name columns' values joined, or the file's measure. */
export function measureOf(r: GridRow, plan: { measureColumns: readonly number[]; fallbackMeasure: string; header: readonly string[] }, reading: Reading): string {
  if (plan.measureColumns.length === 0) return plan.fallbackMeasure;
  const parts = plan.measureColumns.map((i) => field(r, i, plan, reading)!);
  const empty = parts.findIndex((p) => p === '');
  if (empty >= 0) throw cellError(reading, r.line, plan.measureColumns[empty] + 1, 'empty measure name');
  return parts.join(MEASURE_JOIN);
}

/** Field `i` of a row, trimmed; null for a role without a column; an error when the row is too short to have it. */
function field(r: GridRow, i: number, plan: { header: readonly string[] }, reading: Reading): string | null {
  if (i < 0) return null;
  if (i >= r.cells.length) {
    // A worksheet row simply ends early: its missing cells are empty. A CSV row must have its fields.
    if (reading.raggedRows) return '';
    throw cellError(reading, r.line, i + 1, `row has ${r.cells.length} fields; the ${plan.header[i]} column is missing`);
  }
  return r.cells[i].trim();
}

/** Field `i` as text, null when absent or empty. */
function textField(r: GridRow, i: number, plan: LongPlan, reading: Reading): string | null {
  const t = field(r, i, plan, reading);
  return t === null || t === '' ? null : t;
}

/** The row's direction cell, if any: one of the accepted words, and the same on every row of the measure. */
function rowDirection(r: GridRow, measure: string, plan: LongPlan, reading: Reading): void {
  const column = plan.col.direction;
  const dirText = textField(r, column, plan, reading);
  if (dirText === null) return;
  const direction = DIRECTION_WORDS[dirText.toLowerCase().replace(/[\s_]+/g, '-')];
  if (!direction) {
    throw cellError(reading, r.line, column + 1, `direction "${dirText}" is not one of higher-is-better, lower-is-better, neutral`);
  }
  const before = reading.directions.get(measure);
  if (before && before.direction !== direction) {
    throw cellError(reading, r.line, column + 1, `direction "${dirText}" for measure "${measure}" differs from "${before.direction}" on line ${before.line}`);
  }
  if (!before) reading.directions.set(measure, { direction, line: r.line });
}
