/**
 * What reading one table needs and gathers, whatever its layout: where its cells are, how its
 * periods and numbers are spelled, and per measure the warnings, units and directions found.
 * The cell readers here turn one cell's text into a period or a number, or an error naming the cell.
 */
import { NUMBER_FORMS, NUMBER_FORMS_COMMA, parseCell, show, type NumberStyle } from './cells.js';
import { SpcError } from './errors.js';
import { located, type Locator } from './grid.js';
import { parsePeriod, periodProblem, PERIOD_FORMATS, type DateOrder, type PeriodFormat, type PeriodInfo } from './periods.js';
import type { Direction } from '../core/types.js';

/** How numbers are written: `.` or `,` before the decimals. */
export type DecimalMark = '.' | ',';

export interface Reading {
  readonly file: string;
  readonly locate: Locator;
  readonly dateOrder: DateOrder;
  /** `fy`: 2008-09 is financial year 2008/09, not September 2008 (`--period-format`). */
  readonly periodFormat: PeriodFormat;
  readonly decimal: DecimalMark;
  /** The number style of `decimal`, as the cell parser takes it. */
  readonly numbers: NumberStyle;
  /** Every warning is an error (`--strict`). */
  readonly strict: boolean;
  /** Rows may end before the header does, their missing cells empty (worksheets); a CSV row must have its fields. */
  readonly raggedRows: boolean;
  /** Periods parsed so far, by their text. */
  readonly periods: Map<string, PeriodInfo>;
  /** Each measure's direction and the line that first gave it. */
  readonly directions: Map<string, { direction: Direction; line: number }>;
  /** Each measure's warnings, in the order found. */
  readonly warnings: Map<string, string[]>;
  /** Each measure's unit as written in its cells: '%' or a currency sign. */
  readonly units: Map<string, string>;
}

export function newReading(file: string, locate: Locator, options: { dateOrder?: DateOrder; periodFormat?: PeriodFormat; decimal?: DecimalMark; strict?: boolean; raggedRows?: boolean }): Reading {
  return {
    file,
    locate,
    dateOrder: options.dateOrder ?? 'dmy',
    periodFormat: options.periodFormat ?? 'auto',
    decimal: options.decimal ?? '.',
    numbers: { decimal: options.decimal ?? '.' },
    strict: !!options.strict,
    raggedRows: !!options.raggedRows,
    periods: new Map(),
    directions: new Map(),
    warnings: new Map(),
    units: new Map(),
  };
}

/** An input error at a cell (or a line, or the file) of the table being read. */
export function cellError(reading: Reading, line: number | undefined, column: number | undefined, message: string): SpcError {
  const at = reading.locate(line, column);
  return new SpcError(message, 1, at.file, at.line, at.column);
}

/** A period cell: parsed once per distinct text; an empty or unreadable one is an error naming the cell. */
export function readPeriodCell(text: string, line: number, column: number, reading: Reading): PeriodInfo {
  const t = text.trim();
  if (t === '') throw cellError(reading, line, column, `empty period; expected one of ${PERIOD_FORMATS}`);
  let period = reading.periods.get(t);
  if (period === undefined) {
    period = parsePeriod(t, reading.dateOrder, reading.periodFormat) ?? undefined;
    if (!period) throw cellError(reading, line, column, `period ${periodProblem(t, reading.periodFormat)}`);
    reading.periods.set(t, period);
  }
  return period;
}

/** The outcome of reading a numeric cell: its number (null when missing), or why it is not one. */
export type NumberReading = { value: number | null } | { bad: string };

/** Reads a numeric cell without throwing: a wide table's text-only columns are found this way. */
export function tryNumberCell(text: string, line: number, column: number, what: string, measure: string, reading: Reading): NumberReading {
  const t = text.trim();
  const cell = parseCell(t, reading.numbers);
  if (cell.kind === 'bad') {
    if (cell.tooLarge) return { bad: `${what} ${show(t)} is too large to be a number` };
    const forms = reading.decimal === ',' ? `${NUMBER_FORMS_COMMA} (decimal comma)` : NUMBER_FORMS;
    return { bad: `${what} ${show(t)} is not a number (write numbers like ${forms}; leave the cell empty for a missing value)` };
  }
  if (cell.kind === 'missing') {
    if (cell.marker !== null) warn(reading, measure, line, column, `${what} "${cell.marker}" read as a missing value`);
    return { value: null };
  }
  const unit = cell.percent ? '%' : cell.unit;
  if (unit !== undefined && !reading.units.has(measure)) reading.units.set(measure, unit);
  return { value: cell.value };
}

/** A numeric cell: its number, or null for an empty cell or a missing-value marker (with a warning); else an error. */
export function readNumberCell(text: string, line: number, column: number, what: string, measure: string, reading: Reading): number | null {
  const r = tryNumberCell(text, line, column, what, measure, reading);
  if ('bad' in r) throw cellError(reading, line, column, r.bad);
  return r.value;
}

/** A warning about the measure, located; with --strict, an error. */
export function warn(reading: Reading, measure: string, line: number | undefined, column: number | undefined, message: string): void {
  if (reading.strict) throw cellError(reading, line, column, `${message} (--strict)`);
  const list = reading.warnings.get(measure) ?? [];
  list.push(`${located(reading.locate(line, column))}: ${message}`);
  reading.warnings.set(measure, list);
}
