/**
 * Reads long-format CSV (one row per measure x period, contract section 2) into typed series.
 * Every problem is an `SpcError` naming file, line and column.
 */
import { CsvSyntaxError, RecordScanner } from './records.js';
import { inputError, SpcError } from './errors.js';
import { parsePeriod, periodProblem, PERIOD_FORMATS, type DateOrder, type PeriodInfo } from './periods.js';
import type { Direction } from '../core/types.js';

export type Role = 'measure' | 'period' | 'value' | 'denominator' | 'section' | 'note' | 'phase' | 'direction';

/** Default header names per role, first found wins (contract section 2; `phase` is our extension). */
export const DEFAULT_HEADERS: Readonly<Record<Role, readonly string[]>> = {
  measure: ['measure', 'metric', 'indicator', 'series', 'name'],
  period: ['period', 'date', 'month', 'quarter', 'week', 'year'],
  value: ['value', 'count', 'y', 'numerator'],
  denominator: ['denominator', 'n', 'population', 'total', 'size'],
  section: ['section', 'priority', 'group'],
  note: ['note', 'annotation', 'comment'],
  phase: ['phase', 'stage'],
  direction: ['direction', 'polarity', 'improvementdirection'],
};

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

export interface ReadOptions {
  /** Header name overrides per role (`--measure-col` and friends). */
  readonly columns?: Partial<Record<Role, string>>;
  readonly dateOrder?: DateOrder;
  /** Field delimiter; sniffed from the header line when absent. */
  readonly delimiter?: ',' | ';' | '\t';
  /** Turn every warning into an error (`--strict`). */
  readonly strict?: boolean;
}

export interface SeriesRow {
  readonly period: PeriodInfo;
  readonly value: number | null;
  readonly denominator: number | null;
  readonly note: string | null;
  readonly section: string | null;
  readonly phase: string | null;
  readonly line: number;
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

/** Header matching ignores case, surrounding spaces and `_`/`-`/space differences. */
export function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/** Strict number syntax: optional sign, digits with an optional fraction, optional exponent. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Thousands separated by commas: 1,234 and 12,345,678.5. */
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/**
 * Cells that spreadsheets and statistical releases use for "no value": Excel's error values,
 * NA, N/A, null, a lone dash and the ONS/GSS ".." and "x" (suppressed). Read as missing, with a warning.
 */
const MISSING_MARKERS = new Set(['#n/a', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', '#getting_data', 'na', 'n/a', 'null', 'nan', '-', '--', '..', 'x', '*']);

export type Cell =
  | { kind: 'number'; value: number; percent: boolean; thousands: boolean }
  | { kind: 'missing'; marker: string | null }
  | { kind: 'bad'; tooLarge?: boolean };

/** Reads a numeric cell as analysts write it. */
export function parseCell(text: string): Cell {
  const t = text.trim();
  if (t === '') return { kind: 'missing', marker: null };
  if (MISSING_MARKERS.has(t.toLowerCase())) return { kind: 'missing', marker: t };
  const percent = t.endsWith('%');
  let body = percent ? t.slice(0, -1).trim() : t;
  const thousands = THOUSANDS.test(body);
  if (thousands) body = body.replace(/,/g, '');
  const v = parseNumber(body);
  if (v === null) return NUMBER.test(body.trim()) ? { kind: 'bad', tooLarge: true } : { kind: 'bad' };
  return { kind: 'number', value: v, percent, thousands };
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
function scanRecords(text: string, file: string, delimiter: string): { record: string[]; line: number }[] {
  const records: { record: string[]; line: number }[] = [];
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

/** Text from a file quoted for a message, control characters escaped so they cannot reach the terminal raw. */
export function show(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}...` : text;
  return JSON.stringify(cut).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function measureNameFromFile(file: string): string {
  if (file === '-' || file === 'stdin') return 'stdin';
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '') || base;
}

/** Parses the text of one CSV file into series, one per measure, rows sorted by period. */
export function readSeries(text: string, file: string, options: ReadOptions = {}): RawSeries[] {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw inputError(file, undefined, undefined, 'the file is empty');
  const delimiter = options.delimiter ?? sniffDelimiter(text.replace(/^\uFEFF/, ''));
  const records = scanRecords(text, file, delimiter);
  const lineOf = (r: { record: string[]; line: number }) => r.line;
  // Trailing empty header cells (a spreadsheet's stray columns) are ignored.
  const header = records[0].record.map((h) => h.trim());
  while (header.length > 1 && header[header.length - 1] === '') header.pop();
  const headerLine = lineOf(records[0]);
  const warningsOf = new Map<string, string[]>();
  const warn = (measure: string, line: number, column: number, message: string) => {
    if (options.strict) throw inputError(file, line, column, `${message} (--strict)`);
    const list = warningsOf.get(measure) ?? [];
    list.push(`${file}:${line}:${column}: ${message}`);
    warningsOf.set(measure, list);
  };
  let percentSeen = false;
  const data = records.slice(1).filter((r) => r.record.some((f) => f.trim() !== ''));
  if (data.length === 0) throw inputError(file, headerLine, undefined, 'no data rows after the header');

  const normalised = header.map(normaliseHeader);
  const find = (role: Role, required: boolean): number => {
    const override = options.columns?.[role];
    if (override !== undefined) {
      const i = normalised.indexOf(normaliseHeader(override));
      if (i < 0) {
        throw inputError(file, headerLine, undefined, `no column "${override}" (--${role}-col); the columns are: ${header.join(', ')}`);
      }
      return i;
    }
    for (const name of DEFAULT_HEADERS[role]) {
      const i = normalised.indexOf(name);
      if (i >= 0) return i;
    }
    if (required) {
      throw inputError(
        file,
        headerLine,
        undefined,
        `no ${role} column: expected one of ${DEFAULT_HEADERS[role].join(', ')} (or name it with --${role}-col); the columns are: ${header.join(', ')}`,
      );
    }
    return -1;
  };
  const col = {
    period: find('period', true),
    value: find('value', true),
    measure: find('measure', false),
    denominator: find('denominator', false),
    section: find('section', false),
    note: find('note', false),
    phase: find('phase', false),
    direction: find('direction', false),
  };
  const used = Object.entries(col).filter(([, i]) => i >= 0);
  const seen = new Map<number, string>();
  for (const [role, i] of used) {
    const other = seen.get(i);
    if (other) throw inputError(file, headerLine, i + 1, `column "${header[i]}" cannot be both the ${other} and the ${role}`);
    seen.set(i, role);
  }
  const fallbackMeasure = measureNameFromFile(file);
  const dateOrder = options.dateOrder ?? 'dmy';

  const byMeasure = new Map<string, ParsedRow[]>();
  const periodCache = new Map<string, PeriodInfo>();
  const directionOf = new Map<string, { direction: Direction; line: number }>();
  for (const r of data) {
    const line = lineOf(r);
    const field = (i: number): string | null => {
      if (i < 0) return null;
      if (i >= r.record.length) {
        throw inputError(file, line, i + 1, `row has ${r.record.length} fields; the ${header[i]} column is missing`);
      }
      return r.record[i].trim();
    };
    for (let i = header.length; i < r.record.length; i++) {
      if (r.record[i].trim() !== '') {
        throw inputError(file, line, i + 1, `row has ${r.record.length} fields but the header has ${header.length}: "${r.record[i].trim()}" has no column`);
      }
    }
    const measure = col.measure >= 0 ? field(col.measure)! : fallbackMeasure;
    if (measure === '') throw inputError(file, line, col.measure + 1, 'empty measure name');
    const periodText = field(col.period)!;
    if (periodText === '') throw inputError(file, line, col.period + 1, `empty period; expected one of ${PERIOD_FORMATS}`);
    let period = periodCache.get(periodText);
    if (period === undefined) {
      period = parsePeriod(periodText, dateOrder) ?? undefined;
      if (period) periodCache.set(periodText, period);
    }
    if (!period) throw inputError(file, line, col.period + 1, `period ${periodProblem(periodText)}`);
    const numberAt = (i: number, what: string): number | null => {
      const t = field(i);
      if (t === null) return null;
      const cell = parseCell(t);
      if (cell.kind === 'bad' && cell.tooLarge) throw inputError(file, line, i + 1, `${what} ${show(t)} is too large to be a number`);
      if (cell.kind === 'bad') {
        throw inputError(file, line, i + 1, `${what} ${show(t)} is not a number (write numbers like 1234, 12.5, 12.5% or 1,234 with thousands separators; leave the cell empty for a missing value)`);
      }
      if (cell.kind === 'missing') {
        if (cell.marker !== null) warn(measure, line, i + 1, `${what} "${cell.marker}" read as a missing value`);
        return null;
      }
      if (cell.percent) percentSeen = true;
      return cell.value;
    };
    const value = numberAt(col.value, 'value');
    const denominator = numberAt(col.denominator, 'denominator');
    const text = (i: number) => {
      const t = field(i);
      return t === null || t === '' ? null : t;
    };
    const dirText = text(col.direction);
    if (dirText !== null) {
      const direction = DIRECTION_WORDS[dirText.toLowerCase().replace(/[\s_]+/g, '-')];
      if (!direction) {
        throw inputError(file, line, col.direction + 1, `direction "${dirText}" is not one of higher-is-better, lower-is-better, neutral`);
      }
      const before = directionOf.get(measure);
      if (before && before.direction !== direction) {
        throw inputError(file, line, col.direction + 1, `direction "${dirText}" for measure "${measure}" differs from "${before.direction}" on line ${before.line}`);
      }
      if (!before) directionOf.set(measure, { direction, line });
    }
    const row = { measure, period, value, denominator, note: text(col.note), section: text(col.section), phase: text(col.phase), line };
    const list = byMeasure.get(measure);
    if (list) list.push(row);
    else byMeasure.set(measure, [row]);
  }

  const out: RawSeries[] = [];
  for (const [measure, rows] of byMeasure) {
    const sorted = groupSubgroups([...rows].sort((a, b) => a.period.time - b.period.time || a.line - b.line));
    out.push({
      measure,
      source: file,
      rows: sorted,
      // A measure whose denominator cells are all empty has none (a mixed pack shares one column).
      hasDenominator: col.denominator >= 0 && sorted.some((r) => r.denominator !== null),
      direction: directionOf.get(measure)?.direction ?? null,
      periodColumn: col.period + 1,
      valueColumn: col.value + 1,
      denominatorColumn: col.denominator + 1,
      warnings: warningsOf.get(measure) ?? [],
      ...(percentSeen ? { unit: '%' } : {}),
    });
  }
  return out;
}

type ParsedRow = Omit<SeriesRow, 'observations' | 'lines'> & { readonly measure: string };

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
