/**
 * Period labels as analysts write them, turned into the date each period starts (UTC), and dates
 * turned into the period that contains them (for aggregation).
 *
 * Accepted: YYYY-MM-DD; YYYY-MM; Mon YYYY and Month YYYY; YYYY-Qn, YYYY Qn, Qn YYYY; dd/mm/yyyy
 * and dd/mm/yy (UK order; mm/dd with `dateOrder: 'mdy'`); YYYY; financial years 2021/22 and
 * quarters 2021/22 Q1 (UK financial year from 1 April); ISO weeks 2021-W05; Excel serial dates
 * (whole numbers from 20000 to 99999, days since 1899-12-30).
 */

/** Periods `spc aggregate --period` counts by. */
export const AGGREGATE_PERIODS = ['month', 'quarter', 'financial-quarter', 'year', 'financial-year', 'week'] as const;

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'financial-quarter' | 'year' | 'financial-year';
export type DateOrder = 'dmy' | 'mdy';

export interface PeriodInfo {
  /** The input text, trimmed. */
  readonly text: string;
  /** ISO date the period starts, YYYY-MM-DD. */
  readonly date: string;
  /** Milliseconds since the epoch at 00:00 UTC of `date` (for sorting and time scales). */
  readonly time: number;
  readonly granularity: Granularity;
}

export const PERIOD_FORMATS =
  'YYYY-MM-DD, YYYY-MM, Mon YYYY, YYYY-Qn, YYYY Qn, Qn YYYY, dd/mm/yyyy, dd/mm/yy, YYYY, 2021/22, 2021/22 Q1, 2021-W05, Excel serial dates';

const DAY = 86_400_000;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function isoDate(time: number): string {
  const d = new Date(time);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function make(text: string, y: number, m: number, d: number, granularity: Granularity): PeriodInfo | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(time);
  // Rejects 31/02 and friends: the date must survive a round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return { text, date: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, time, granularity };
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

/** Monday of ISO week 1: the week with the year's first Thursday (ISO 8601). */
function isoWeekStart(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY + (week - 1) * 7 * DAY;
}

/** ISO weeks in a year: 53 when 1 January is a Thursday, or a Wednesday in a leap year. */
function isoWeeks(year: number): number {
  return (isoWeekStart(year + 1, 1) - isoWeekStart(year, 1)) / (7 * DAY);
}

/** Two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999 (the usual spreadsheet window). */
const fullYear = (yy: number) => (yy < 50 ? 2000 + yy : 1900 + yy);

/** Parses one period label; null when it is not in an accepted format or not a real date. */
export function parsePeriod(raw: string, dateOrder: DateOrder = 'dmy'): PeriodInfo | null {
  const text = raw.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text))) return make(text, +m[1], +m[2], +m[3], 'day');
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(text))) return make(text, +m[1], +m[2], 1, 'month');
  if ((m = /^(\d{4})[- ]?Q([1-4])$/i.exec(text))) return make(text, +m[1], 3 * (+m[2] - 1) + 1, 1, 'quarter');
  if ((m = /^Q([1-4])[- ]?(\d{4})$/i.exec(text))) return make(text, +m[2], 3 * (+m[1] - 1) + 1, 1, 'quarter');
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text))) {
    const y = m[3].length === 2 ? fullYear(+m[3]) : +m[3];
    const [a, b] = [+m[1], +m[2]];
    return dateOrder === 'dmy' ? make(text, y, b, a, 'day') : make(text, y, a, b, 'day');
  }
  if ((m = /^([A-Za-z]{3,9})\.?[ -](\d{4})$/.exec(text))) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? make(text, +m[2], month, 1, 'month') : null;
  }
  if ((m = /^(\d{4})\/(\d{2})(?:\s*Q([1-4]))?$/i.exec(text))) {
    // UK financial year 2021/22 runs from 1 April 2021; its Q1 is April-June, Q4 January-March.
    const y = +m[1];
    if ((y + 1) % 100 !== +m[2]) return null;
    if (!m[3]) return make(text, y, 4, 1, 'financial-year');
    const q = +m[3];
    const month = 4 + 3 * (q - 1);
    return make(text, month > 12 ? y + 1 : y, month > 12 ? month - 12 : month, 1, 'financial-quarter');
  }
  if ((m = /^(\d{4})-?W(\d{2})$/i.exec(text))) {
    const y = +m[1];
    const w = +m[2];
    if (w < 1 || w > isoWeeks(y)) return null;
    const time = isoWeekStart(y, w);
    return { text, date: isoDate(time), time, granularity: 'week' };
  }
  if ((m = /^(\d{4})$/.exec(text))) return make(text, +m[1], 1, 1, 'year');
  if ((m = /^([2-9]\d{4})(?:\.0+)?$/.exec(text))) {
    // Excel serial date (1900 date system): day 1 is 1900-01-01 and Excel counts a 29 February 1900
    // that did not exist, so for serials after 60 the date is 1899-12-30 plus the serial.
    const time = Date.UTC(1899, 11, 30) + +m[1] * DAY;
    return { text, date: isoDate(time), time, granularity: 'day' };
  }
  return null;
}

/** The label and start of the period of `granularity` containing the UTC day `time`. */
export function periodOf(time: number, granularity: Exclude<Granularity, 'day'> | 'day'): { label: string; time: number } {
  const d = new Date(time);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  switch (granularity) {
    case 'day':
      return { label: isoDate(time), time: Date.UTC(y, mo - 1, d.getUTCDate()) };
    case 'month':
      return { label: `${pad(y, 4)}-${pad(mo)}`, time: Date.UTC(y, mo - 1, 1) };
    case 'quarter': {
      const q = Math.floor((mo - 1) / 3) + 1;
      return { label: `${pad(y, 4)}-Q${q}`, time: Date.UTC(y, 3 * (q - 1), 1) };
    }
    case 'financial-quarter': {
      const fy = mo >= 4 ? y : y - 1;
      const q = Math.floor(((mo + 8) % 12) / 3) + 1;
      const start = 4 + 3 * (q - 1);
      return { label: `${fy}/${pad((fy + 1) % 100)} Q${q}`, time: Date.UTC(start > 12 ? fy + 1 : fy, (start - 1) % 12, 1) };
    }
    case 'year':
      return { label: `${pad(y, 4)}`, time: Date.UTC(y, 0, 1) };
    case 'financial-year': {
      const fy = mo >= 4 ? y : y - 1;
      return { label: `${fy}/${pad((fy + 1) % 100)}`, time: Date.UTC(fy, 3, 1) };
    }
    case 'week': {
      // ISO week: the Thursday of the date's week decides the year.
      const dow = (d.getUTCDay() + 6) % 7;
      const monday = Date.UTC(y, mo - 1, d.getUTCDate()) - dow * DAY;
      const thursday = new Date(monday + 3 * DAY);
      const wy = thursday.getUTCFullYear();
      const week = Math.round((monday - isoWeekStart(wy, 1)) / (7 * DAY)) + 1;
      return { label: `${wy}-W${pad(week)}`, time: monday };
    }
  }
}

/** The start of the period after the one starting at `time`. */
export function nextPeriod(time: number, granularity: Granularity): number {
  const d = new Date(time);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  switch (granularity) {
    case 'day':
      return time + DAY;
    case 'week':
      return time + 7 * DAY;
    case 'month':
      return Date.UTC(y, mo + 1, 1);
    case 'quarter':
    case 'financial-quarter':
      return Date.UTC(y, mo + 3, 1);
    case 'year':
    case 'financial-year':
      return Date.UTC(y + 1, mo, 1);
  }
}

/**
 * The frequency of a series: its periods' granularity, or for plain dates the step they keep
 * (first-of-month dates are monthly, dates 7 days apart weekly, else daily). Null when the
 * series mixes granularities.
 */
export function inferFrequency(periods: readonly PeriodInfo[]): Granularity | null {
  if (periods.length === 0) return null;
  const g = periods[0].granularity;
  if (!periods.every((p) => p.granularity === g)) return null;
  if (g !== 'day') return g;
  if (periods.length < 2) return 'day';
  const dates = periods.map((p) => new Date(p.time));
  if (dates.every((d) => d.getUTCDate() === 1)) {
    const months = dates.map((d) => d.getUTCFullYear() * 12 + d.getUTCMonth());
    const steps = months.slice(1).map((m, i) => m - months[i]);
    if (steps.every((s) => s % 3 === 0) && months.every((m) => m % 3 === 0)) return 'quarter';
    return 'month';
  }
  const days = periods.slice(1).map((p, i) => Math.round((p.time - periods[i].time) / DAY));
  if (days.every((d) => d % 7 === 0)) return 'week';
  return 'day';
}

/** Starts of the periods missing between the first and last of a sorted series of one frequency. */
export function missingPeriods(periods: readonly PeriodInfo[], frequency: Granularity): number[] {
  const missing: number[] = [];
  const have = new Set(periods.map((p) => p.time));
  if (periods.length < 2) return missing;
  const last = periods[periods.length - 1].time;
  for (let t = periods[0].time, guard = 0; t < last && guard < 100_000; t = nextPeriod(t, frequency), guard++) {
    if (!have.has(t)) missing.push(t);
  }
  return missing;
}

/** A label for a period start in the series' own style. */
export function labelFor(time: number, frequency: Granularity): string {
  return frequency === 'day' ? isoDate(time) : periodOf(time, frequency).label;
}

/**
 * Why a label is not a period, for messages: "is not a real date" when it has the form of one
 * (31/02/2021, 2021-13, 2021-W53), else the accepted forms.
 */
export function periodProblem(raw: string): string {
  const text = raw.trim();
  const shaped = /^(\d{4}-\d{1,2}(-\d{1,2})?|\d{1,2}\/\d{1,2}\/(\d{4}|\d{2})|\d{4}-?W\d{2}|\d{4}\/\d{2}(\s*Q[1-4])?)$/i.test(text);
  const quoted = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
  return shaped ? `${quoted} is not a real date or period (check the day, month, week or year)` : `${quoted} is not a date or period; expected one of ${PERIOD_FORMATS}`;
}
