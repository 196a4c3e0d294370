/**
 * Rows, whatever layout they came from, gathered into series: one per measure, sorted by period,
 * rows of the same period grouped into a subgroup, with what the table says about each measure.
 */
import { SpcError } from './errors.js';
import { csvLocator, type Locator } from './grid.js';
import type { Granularity, PeriodInfo } from './periods.js';
import { cellError, type Reading } from './reading.js';
import type { ParsedRow } from './rows.js';
import type { Direction } from '../core/types.js';

/** A row of a series: a data row as read, with the other rows of its period (a subgroup). */
export interface SeriesRow extends Omit<ParsedRow, 'measure'> {
  /** The observed values of every row of this period (empty values left out): a subgroup. */
  readonly observations: readonly number[];
  /** Lines of every row of this period (more than one only for subgroups). */
  readonly lines: readonly number[];
}

export interface RawSeries {
  readonly measure: string;
  /** The file, as the user named it. */
  readonly source: string;
  /** Sorted by period. */
  readonly rows: readonly SeriesRow[];
  /** Whether the measure has denominators (the column exists and at least one of its cells is filled). */
  readonly hasDenominator: boolean;
  /** From the optional direction column (one value per measure), else null. */
  readonly direction: Direction | null;
  /** 1-based columns of the period, value and denominator (0: none, or different on each row), for messages. */
  readonly periodColumn: number;
  readonly valueColumn: number;
  readonly denominatorColumn: number;
  /** Things read but not as written: missing-value markers, percentages; each names its cell. */
  readonly warnings: readonly string[];
  /** '%' when the values were written as percentages, a currency sign when written with one. */
  readonly unit?: string;
  /** Names a cell of the table in messages (a CSV file's file:line:column when absent). */
  readonly locate?: Locator;
}

/** An input error at a cell of the table a series was read from. */
export function seriesError(s: RawSeries, line: number | undefined, column: number | undefined, message: string): SpcError {
  const at = (s.locate ?? csvLocator(s.source))(line, column || undefined);
  return new SpcError(message, 1, at.file, at.line, at.column);
}

/** The error for a period given twice where subgroups are not expected. */
export function duplicatePeriodError(s: RawSeries, row: SeriesRow): SpcError {
  const message = `duplicate period "${row.period.text}" for measure "${s.measure}" (already on line ${row.lines[0]})`;
  return seriesError(s, row.lines[1], row.column ?? s.periodColumn, message);
}

/** The columns of a measure's cells, for messages (1-based; 0: none). */
export interface SeriesColumns {
  readonly period: number;
  readonly value: number;
  readonly denominator: number;
}

/**
 * A measure's cells from a wide table, kept without an object per cell (three packed arrays; a
 * missing value is NaN, which no cell reads as) until its series is made: a 50 MB wide table holds
 * 10^7 of them, and an object each, kept to the end of the table, costs gigabytes and the time to
 * copy them between the heap's generations.
 */
class WideCells {
  readonly periods: PeriodInfo[] = [];
  readonly values: number[] = [];
  readonly lines: number[] = [];

  /** The cells as the rows a long table would have given, made only when the series is. */
  rows(measure: string): ParsedRow[] {
    const rows = new Array<ParsedRow>(this.values.length);
    for (let i = 0; i < rows.length; i++) {
      const v = this.values[i];
      rows[i] = { measure, period: this.periods[i], value: Number.isNaN(v) ? null : v, denominator: null, note: null, section: null, phase: null, line: this.lines[i] };
    }
    return rows;
  }
}

/** Rows gathered by measure as a table is read, in the order measures first appear. */
export class RowsByMeasure {
  private readonly byMeasure = new Map<string, ParsedRow[] | WideCells>();

  add(row: ParsedRow): void {
    const list = this.byMeasure.get(row.measure);
    if (list instanceof WideCells) throw new Error(`measure "${row.measure}" added both as rows and as wide cells`);
    if (list) list.push(row);
    else this.byMeasure.set(row.measure, [row]);
  }

  /** A wide table's cell: the same as `add` of a row without denominator, note, section or phase, but kept compact. */
  addCell(measure: string, period: PeriodInfo, value: number | null, line: number): void {
    let cells = this.byMeasure.get(measure);
    if (cells === undefined) this.byMeasure.set(measure, (cells = new WideCells()));
    if (!(cells instanceof WideCells)) throw new Error(`measure "${measure}" added both as rows and as wide cells`);
    cells.periods.push(period);
    cells.values.push(value === null ? NaN : value);
    cells.lines.push(line);
  }

  /** Forgets a measure (a wide table's column found to hold no numbers). */
  drop(measure: string): void {
    this.byMeasure.delete(measure);
  }

  get size(): number {
    return this.byMeasure.size;
  }

  /**
   * The series, each checked for periods of one kind. `columns` gives each measure's columns; `periodCell` where a row's period is written.
   * Called once, when the table ends: the rows are let go as each series is made.
   */
  series(reading: Reading, columns: (measure: string) => SeriesColumns, periodCell: (row: ParsedRow) => [number, number]): RawSeries[] {
    const entries = [...this.byMeasure];
    this.byMeasure.clear();
    return entries.map(([measure, held], i) => {
      entries[i][1] = [];
      const rows = held instanceof WideCells ? held.rows(measure) : held;
      checkOneGranularity(measure, rows, reading, periodCell);
      return seriesOf(measure, rows, reading, columns(measure));
    });
  }
}

const GRANULARITY_WORDS: Readonly<Record<Granularity, string>> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
  quarter: 'a calendar quarter',
  'financial-quarter': 'a financial quarter',
  year: 'a calendar year',
  'financial-year': 'a financial year',
};

/** One measure's periods are all of one kind (months, quarters, ...): mixing them is an error naming both. */
function checkOneGranularity(measure: string, rows: readonly ParsedRow[], reading: Reading, periodCell: (row: ParsedRow) => [number, number]): void {
  const first = rows[0];
  const other = rows.find((r) => r.period.granularity !== first.period.granularity);
  if (!other) return;
  const [line, column] = periodCell(other);
  const [firstLine] = periodCell(first);
  throw cellError(
    reading,
    line,
    column,
    `measure "${measure}" mixes periods of two kinds: "${other.period.text}" is ${GRANULARITY_WORDS[other.period.granularity]} but "${first.period.text}" (line ${firstLine}) is ${GRANULARITY_WORDS[first.period.granularity]}; give one kind of period per measure`,
  );
}

/** One measure's series: its rows sorted by period and grouped into subgroups, with what the table says about it. */
function seriesOf(measure: string, rows: readonly ParsedRow[], reading: Reading, columns: SeriesColumns): RawSeries {
  const sorted = groupSubgroups([...rows].sort((a, b) => a.period.time - b.period.time || a.line - b.line || (a.column ?? 0) - (b.column ?? 0)));
  const unit = reading.units.get(measure);
  return {
    measure,
    source: reading.file,
    rows: sorted,
    // A measure whose denominator cells are all empty has none (a mixed pack shares one column).
    hasDenominator: columns.denominator > 0 && sorted.some((r) => r.denominator !== null),
    direction: reading.directions.get(measure)?.direction ?? null,
    periodColumn: columns.period,
    valueColumn: columns.value,
    denominatorColumn: columns.denominator,
    warnings: reading.warnings.get(measure) ?? [],
    ...(unit !== undefined ? { unit } : {}),
    locate: reading.locate,
  };
}

/**
 * Merges rows of the same period into one row holding the subgroup (first row's value, note, phase).
 * Each run of one period is found first, so every row is made whole in one literal of one shape
 * (a wide table of 10^7 cells makes as many rows: no spread, no arrays grown after the fact).
 */
function groupSubgroups(sorted: readonly ParsedRow[]): SeriesRow[] {
  const out = new Array<SeriesRow>();
  for (let i = 0; i < sorted.length; ) {
    const r = sorted[i];
    let end = i + 1;
    while (end < sorted.length && sorted[end].period.time === r.period.time) end++;
    let observations: number[];
    let lines: number[];
    if (end === i + 1) {
      observations = r.value === null ? [] : [r.value];
      lines = [r.line];
    } else {
      observations = [];
      lines = [];
      for (let k = i; k < end; k++) {
        if (sorted[k].value !== null) observations.push(sorted[k].value as number);
        lines.push(sorted[k].line);
      }
    }
    out.push(
      r.column !== undefined
        ? { period: r.period, value: r.value, denominator: r.denominator, note: r.note, section: r.section, phase: r.phase, line: r.line, column: r.column, observations, lines }
        : { period: r.period, value: r.value, denominator: r.denominator, note: r.note, section: r.section, phase: r.phase, line: r.line, observations, lines },
    );
    i = end;
  }
  return out;
}
