/**
 * The calendar arithmetic under period labels: UTC days, ISO weeks, two-digit years, month names
 * and the UK financial year. Shared by the label parser (period-forms.ts) and periods.ts.
 */

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'financial-quarter' | 'year' | 'financial-year';
/** How to read nn/nn/yyyy: day first (UK) or month first (US). */
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

export const DAY = 86_400_000;

export function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function isoDate(time: number): string {
  const d = new Date(time);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The period starting on y-m-d, or null when that day does not exist (31 February, month 13). */
export function make(text: string, y: number, m: number, d: number, granularity: Granularity): PeriodInfo | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(time);
  // Rejects 31/02 and friends: the date must survive a round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return { text, date: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, time, granularity };
}

/** English month names and their usual abbreviations (including "Sept"), lower case. */
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

/** The month number of an English month name or abbreviation, else undefined. */
export function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(MONTHS, key) ? MONTHS[key] : undefined;
}

/** Monday of ISO week 1: the week with the year's first Thursday (ISO 8601). */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY + (week - 1) * 7 * DAY;
}

/** ISO weeks in a year: 53 when 1 January is a Thursday, or a Wednesday in a leap year. */
export function isoWeeks(year: number): number {
  return (isoWeekStart(year + 1, 1) - isoWeekStart(year, 1)) / (7 * DAY);
}

/** Two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999 (the usual spreadsheet window). */
export const fullYear = (yy: number): number => (yy < 50 ? 2000 + yy : 1900 + yy);

/** A year written with two or four digits, as a full year. */
export const yearOf = (digits: string): number => (digits.length === 2 ? fullYear(+digits) : +digits);

/**
 * The second year of a financial year written `first/second` (2015/16 or 2015/2016): true when it
 * is the year after the first, in two digits (the last two of first + 1) or in four.
 */
export function followsYear(first: number, second: string): boolean {
  if (second.length === 2) return (first + 1) % 100 === +second;
  return second.length === 4 && +second === first + 1;
}

/**
 * Financial year `fy` (starting 1 April fy) or its quarter `q`. UK government financial year
 * (HM Treasury): 1 April to 31 March; Q1 is April-June of `fy`, Q4 January-March of `fy + 1`.
 */
export function financial(text: string, fy: number, q?: number): PeriodInfo | null {
  if (q === undefined) return make(text, fy, 4, 1, 'financial-year');
  if (q < 1 || q > 4) return null;
  const month = 4 + 3 * (q - 1);
  return month > 12 ? make(text, fy + 1, month - 12, 1, 'financial-quarter') : make(text, fy, month, 1, 'financial-quarter');
}
