/**
 * Which layout a table has (contract section 2), from its header and its first data rows:
 * - long: one row per measure and period (a value column);
 * - wide: a period column and one column per measure (no value column; other columns hold numbers);
 * - across: one row per measure, periods in the header after the name columns.
 * `--layout` forces one. Each plan says why it was chosen, for `--verbose` and the summary.
 */
import { DEFAULT_HEADERS, findColumns, normaliseHeader, type Columns, type Role } from './columns.js';
import { parseCell } from './cells.js';
import { SpcError } from './errors.js';
import { parsePeriod, type PeriodInfo } from './periods.js';
import { cellError, type Reading } from './reading.js';
import type { GridRow } from './grid.js';

export const LAYOUTS = ['long', 'wide', 'across'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface LongLayout {
  readonly kind: 'long';
  readonly col: Columns;
  readonly measureColumns: readonly number[];
}
export interface WideLayout {
  readonly kind: 'wide';
  /** 0-based period column. */
  readonly period: number;
  /** 0-based columns whose values prefix every measure's name (`--measure-col`), else none. */
  readonly measureColumns: readonly number[];
  /** 0-based columns that may hold measures (text-only ones are dropped once the table is read). */
  readonly measures: readonly number[];
}
export interface AcrossLayout {
  readonly kind: 'across';
  readonly measureColumns: readonly number[];
  /** The header's period cells: 0-based column and period. */
  readonly periods: readonly { readonly column: number; readonly period: PeriodInfo }[];
}
export type LayoutPlan = (LongLayout | WideLayout | AcrossLayout) & { readonly reason: string };

/** What choosing a layout needs: the header, a sample of data rows, and the options that steer it. */
export interface LayoutInput {
  readonly header: readonly string[];
  readonly headerLine: number;
  readonly sample: readonly GridRow[];
  readonly layout?: Layout;
  readonly columns?: Partial<Record<Role, string>>;
}

/** The table's layout: the forced one, else long (a value column), wide (a period column and numbers), across (periods in the header). */
export function chooseLayout(input: LayoutInput, reading: Reading): LayoutPlan {
  const forced = input.layout ? ` (--layout ${input.layout})` : '';
  const plan = (() => {
    if (input.layout === 'long' || (!input.layout && hasValueColumn(input))) return longLayout(input, reading);
    if (input.layout === 'wide') return wideLayout(input, reading, true)!;
    if (input.layout === 'across') return acrossLayout(input, reading, true)!;
    return wideLayout(input, reading, false) ?? acrossLayout(input, reading, false) ?? withHints(() => longLayout(input, reading), input, reading);
  })();
  return { ...plan, reason: plan.reason + forced };
}

function hasValueColumn(input: LayoutInput): boolean {
  if (input.columns?.value !== undefined) return true;
  const names = input.header.map(normaliseHeader);
  return DEFAULT_HEADERS.value.some((n) => names.includes(n));
}

/** The columns named by `--measure-col`: one header name, or several separated by commas. */
export function measureColumns(input: LayoutInput, reading: Reading): number[] | null {
  const given = input.columns?.measure;
  if (given === undefined) return null;
  const names = input.header.map(normaliseHeader);
  const whole = names.indexOf(normaliseHeader(given));
  if (whole >= 0) return [whole];
  return given.split(',').map((part) => {
    const i = names.indexOf(normaliseHeader(part));
    if (i < 0 || part.trim() === '') {
      throw cellError(reading, input.headerLine, undefined, `no column "${part.trim()}" (--measure-col); the columns are: ${input.header.join(', ')}`);
    }
    return i;
  });
}

function longLayout(input: LayoutInput, reading: Reading): LongLayout & { reason: string } {
  const named = measureColumns(input, reading);
  const { measure: _ignored, ...others } = input.columns ?? {};
  const col = findColumns(input.header, input.headerLine, reading.locate, others, named?.[0]);
  const measures = named ?? (col.measure >= 0 ? [col.measure] : []);
  const h = (i: number) => input.header[i];
  const said = measures.length ? `, measure ${measures.length > 1 ? 'columns' : 'column'} ${measures.map(h).join(' + ')}` : ', one measure (no measure column)';
  return { kind: 'long', col: { ...col, measure: measures[0] ?? -1 }, measureColumns: measures, reason: `long: value column ${h(col.value)}, period column ${h(col.period)}${said}` };
}

/** The period column by name (`--period-col`, else the default names); -1 when there is none. */
function periodColumn(input: LayoutInput, reading: Reading): number {
  const names = input.header.map(normaliseHeader);
  const given = input.columns?.period;
  if (given !== undefined) {
    const i = names.indexOf(normaliseHeader(given));
    if (i < 0) throw cellError(reading, input.headerLine, undefined, `no column "${given}" (--period-col); the columns are: ${input.header.join(', ')}`);
    return i;
  }
  for (const n of DEFAULT_HEADERS.period) if (names.includes(n)) return names.indexOf(n);
  return -1;
}

function wideLayout(input: LayoutInput, reading: Reading, forced: boolean): (WideLayout & { reason: string }) | null {
  const period = periodColumn(input, reading);
  if (period < 0) {
    if (!forced) return null;
    throw cellError(reading, input.headerLine, undefined, `a wide table needs a period column: expected one of ${DEFAULT_HEADERS.period.join(', ')} (or name it with --period-col); the columns are: ${input.header.join(', ')}`);
  }
  const named = measureColumns(input, reading) ?? [];
  // A header with a measure column but no value column is a long table whose value column has
  // another name: say so (the long layout's error) rather than read its value column as a measure.
  const normalised = input.header.map(normaliseHeader);
  if (!forced && named.length === 0 && DEFAULT_HEADERS.measure.some((n) => normalised.includes(n))) return null;
  const measures = input.header.map((_, i) => i).filter((i) => i !== period && !named.includes(i) && input.header[i] !== '');
  const first = new Map<string, number>();
  for (const i of measures) {
    const before = first.get(input.header[i]);
    if (before !== undefined) throw cellError(reading, input.headerLine, i + 1, `two columns are named "${input.header[i]}" (columns ${before + 1} and ${i + 1}): give each measure its own name`);
    first.set(input.header[i], i);
  }
  const numeric = measures.filter((i) => input.sample.some((r) => parseCell(r.cells[i] ?? '', reading.numbers).kind === 'number'));
  if (numeric.length === 0) {
    if (!forced) return null;
    throw cellError(reading, input.headerLine, undefined, `a wide table needs columns of numbers beside the period column ${input.header[period]}; none of ${measures.map((i) => input.header[i]).join(', ') || '(no other columns)'} holds a number in its first rows`);
  }
  const reason = `wide: period column ${input.header[period]}, ${numeric.length} measure${numeric.length === 1 ? '' : 's'}${named.length ? ` per ${named.map((i) => input.header[i]).join(' + ')}` : ''}`;
  return { kind: 'wide', period, measureColumns: named, measures, reason };
}

function acrossLayout(input: LayoutInput, reading: Reading, forced: boolean): (AcrossLayout & { reason: string }) | null {
  const { header } = input;
  const first = header.findIndex((h, i) => i > 0 && parsePeriod(h, reading.dateOrder, reading.periodFormat) !== null);
  if (first < 0) {
    if (!forced) return null;
    throw cellError(reading, input.headerLine, undefined, `periods across needs periods in the header after the name column(s); none of ${header.slice(1).join(', ') || '(no other columns)'} is a period`);
  }
  const periods: { column: number; period: PeriodInfo }[] = [];
  const seen = new Map<number, number>();
  for (let i = first; i < header.length; i++) {
    const period = parsePeriod(header[i], reading.dateOrder, reading.periodFormat);
    if (!period) {
      if (!forced) return null;
      throw cellError(reading, input.headerLine, i + 1, `header cell "${header[i]}" is not a period, but the periods across start at column ${first + 1} (${header[first]})`);
    }
    const before = seen.get(period.time);
    if (before !== undefined) throw cellError(reading, input.headerLine, i + 1, `period "${header[i]}" is also column ${before + 1} ("${header[before]}")`);
    seen.set(period.time, i);
    periods.push({ column: i, period });
  }
  const measureCols = measureColumns(input, reading) ?? header.slice(0, first).map((_, i) => i);
  const names = measureCols.map((i) => header[i]).join(' + ');
  const reason = `across: ${periods.length} period${periods.length === 1 ? '' : 's'} in the header (${header[first]} to ${header[header.length - 1]}), measure named by ${names}`;
  return { kind: 'across', measureColumns: measureCols, periods, reason };
}

/**
 * The long layout's error when no layout was recognised, with what would have made one: numbers
 * that read with the other decimal mark (a wide table of `3,93`), or financial years `2018-19`
 * across the header (read with `--period-format fy`).
 */
function withHints(read: () => LayoutPlan, input: LayoutInput, reading: Reading): LayoutPlan {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof SpcError)) throw e;
    const hints: string[] = [];
    const other = { decimal: reading.decimal === ',' ? '.' : ',' } as const;
    const cells = input.sample.flatMap((r) => r.cells.slice(1));
    if (periodColumn(input, reading) >= 0 && !cells.some((c) => parseCell(c, reading.numbers).kind === 'number') && cells.some((c) => parseCell(c, other).kind === 'number')) {
      hints.push(`its numbers read with a decimal ${other.decimal === ',' ? 'comma: try --decimal comma' : 'point: try --decimal point'}`);
    }
    if (reading.periodFormat !== 'fy' && input.header.slice(1).some((h) => parsePeriod(h, reading.dateOrder, 'fy')?.granularity === 'financial-year' && !parsePeriod(h, reading.dateOrder))) {
      hints.push('its header holds financial years such as 2018-19 across: try --period-format fy');
    }
    if (hints.length === 0) throw e;
    throw new SpcError(`${e.message}; ${hints.join('; ')}`, e.exitCode, e.file, e.line, e.column);
  }
}
