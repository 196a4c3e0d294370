/**
 * `spc aggregate`: raw record exports (one row per incident) into period counts. The aggregator is
 * a small state machine fed one record at a time, so memory depends on the number of measures and
 * periods, never on the size of the input.
 */
import { inputError } from './errors.js';
import { AGGREGATE_PERIODS, nextPeriod, parsePeriod, periodOf, periodProblem, type DateOrder, type Granularity } from './periods.js';
import { normaliseHeader } from './read.js';

export type AggregatePeriod = (typeof AGGREGATE_PERIODS)[number];
export { AGGREGATE_PERIODS };

export interface AggregateOptions {
  readonly period: AggregatePeriod;
  /** Column holding the date of each record; default: the street-level `Month`, else a period-like header. */
  readonly dateCol?: string;
  /** Columns whose values name the measure (joined with " / "); default: `Crime type` in street-level files. */
  readonly by?: readonly string[];
  /** Keep only records whose column equals the value (after trimming); all must hold. */
  readonly where?: readonly { readonly column: string; readonly value: string }[];
  readonly dateOrder?: DateOrder;
}

/** Which periods of data a requested period can be built from (a month never splits into weeks). */
const FINER_OR_EQUAL: Readonly<Record<Granularity, readonly AggregatePeriod[]>> = {
  day: AGGREGATE_PERIODS,
  week: ['week'],
  month: ['month', 'quarter', 'financial-quarter', 'year', 'financial-year'],
  quarter: ['quarter', 'year'],
  'financial-quarter': ['financial-quarter', 'financial-year'],
  year: ['year'],
  'financial-year': ['financial-year'],
};

/** The police.uk street-level layout: recognised without flags. */
const STREET_LEVEL = ['crimeid', 'month', 'reportedby', 'fallswithin', 'crimetype'];
export const ALL_RECORDS = 'All records';

interface FileLayout {
  readonly date: number;
  readonly by: readonly number[];
  readonly where: readonly { readonly index: number; readonly value: string }[];
}

export interface AggregateResult {
  readonly rows: readonly { readonly measure: string; readonly period: string; readonly time: number; readonly value: number }[];
  readonly measures: number;
  readonly periods: number;
  readonly records: number;
  readonly kept: number;
}

export class Aggregator {
  private readonly counts = new Map<string, Map<number, number>>();
  private readonly labels = new Map<number, string>();
  private min = Infinity;
  private max = -Infinity;
  private records = 0;
  private kept = 0;
  private layout: FileLayout | null = null;
  private file = '';
  private readonly cache = new Map<string, { time: number; label: string }>();

  constructor(private readonly options: AggregateOptions) {}

  /** Starts a file: validates its header and finds the columns. */
  header(file: string, header: readonly string[], line = 1): void {
    this.file = file;
    const names = header.map(normaliseHeader);
    const find = (name: string, option: string) => {
      const i = names.indexOf(normaliseHeader(name));
      if (i < 0) throw inputError(file, line, undefined, `no column "${name}" (${option}); the columns are: ${header.join(', ')}`);
      return i;
    };
    const streetLevel = STREET_LEVEL.every((h) => names.includes(h));
    let date: number;
    if (this.options.dateCol !== undefined) date = find(this.options.dateCol, '--date-col');
    else {
      date = ['month', 'date', 'period', 'day', 'week', 'quarter', 'year'].map((h) => names.indexOf(h)).find((i) => i >= 0) ?? -1;
      if (date < 0) {
        throw inputError(file, line, undefined, `no date column: expected Month, Date or Period (or name it with --date-col); the columns are: ${header.join(', ')}`);
      }
    }
    const byNames = this.options.by ?? (streetLevel ? ['Crime type'] : []);
    const by = byNames.map((b) => find(b, '--by'));
    const where = (this.options.where ?? []).map((w) => ({ index: find(w.column, '--where'), value: w.value }));
    this.layout = { date, by, where };
  }

  /** Counts one record (`field(i)` gives its fields in file order) found at `line`. */
  add(field: (i: number) => string, line: number): void {
    const layout = this.layout!;
    this.records++;
    const text = field(layout.date).trim();
    let bucket = this.cache.get(text);
    if (!bucket) {
      const p = parsePeriod(text, this.options.dateOrder ?? 'dmy');
      if (!p) throw inputError(this.file, line, layout.date + 1, `date ${periodProblem(text)}`);
      if (!FINER_OR_EQUAL[p.granularity].includes(this.options.period)) {
        throw inputError(this.file, line, layout.date + 1, `"${text}" is a ${p.granularity}: it cannot be counted by ${this.options.period} (choose a period that contains it)`);
      }
      bucket = periodOf(p.time, this.options.period);
      this.cache.set(text, bucket);
      this.labels.set(bucket.time, bucket.label);
    }
    // The covered range is that of every record read, kept or not: a filtered measure still gets
    // its zeros at either end.
    if (bucket.time < this.min) this.min = bucket.time;
    if (bucket.time > this.max) this.max = bucket.time;
    for (const w of layout.where) if (field(w.index).trim() !== w.value) return;
    let measure = ALL_RECORDS;
    if (layout.by.length === 1) measure = field(layout.by[0]).trim() || '(blank)';
    else if (layout.by.length > 1) measure = layout.by.map((i) => field(i).trim() || '(blank)').join(' / ');
    let m = this.counts.get(measure);
    if (!m) this.counts.set(measure, (m = new Map()));
    m.set(bucket.time, (m.get(bucket.time) ?? 0) + 1);
    this.kept++;
  }

  /**
   * Counts per measure and period, measures in code-point order, periods in time order; every
   * period from the first to the last seen in any file is present (0 where there were no records).
   */
  result(): AggregateResult {
    const periods: number[] = [];
    if (this.records > 0 && this.min <= this.max) for (let t = this.min; t <= this.max; t = nextPeriod(t, this.options.period)) periods.push(t);
    for (const t of periods) if (!this.labels.has(t)) this.labels.set(t, periodOf(t, this.options.period).label);
    const names = [...this.counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rows = names.flatMap((measure) => {
      const m = this.counts.get(measure)!;
      return periods.map((time) => ({ measure, period: this.labels.get(time)!, time, value: m.get(time) ?? 0 }));
    });
    return { rows, measures: names.length, periods: periods.length, records: this.records, kept: this.kept };
  }
}
