/**
 * Period labels as analysts write them, read into the date each period starts (UTC).
 *
 * The label's first character picks the family of forms tried, so a call runs at most four
 * regular expressions: a four-digit year first (2018-04-01, 2018-04, 2018-Q1, 2018-W05, 2018,
 * 2018/19, 2018/19 Q1, Excel serials), a day first (01/04/2018, 1-Apr-18), or a letter first
 * (Q1 2018, Q1 2018/19, Apr-18, April 2018).
 */
import { DAY, financial, followsYear, isoDate, isoWeeks, isoWeekStart, make, monthNumber, pad, yearOf, type DateOrder, type PeriodInfo } from './period-calendar.js';

/** How to read `YYYY-YY`: 'auto' as a month (2008-09 is September 2008, ISO 8601), 'fy' as a financial year. */
export type PeriodFormat = 'auto' | 'fy';
export const PERIOD_FORMAT_NAMES = ['auto', 'fy'] as const;

/** The accepted forms, for messages, grouped by granularity. */
export const PERIOD_FORMATS =
  '2018-04-01, 01/04/2018, 01/04/18, 1-Apr-18, 1 April 2018 (days); 2018-W05 (ISO weeks); 2018-04, Apr-18, April 2018 (months); ' +
  '2018-Q1, Q1 2018 (quarters); 2018 (years); 2018/19, 2018/2019 (financial years); 2018/19 Q1, Q1 2018/19, 2018-19 Q1 (financial quarters); Excel serial dates';

/** YYYY-MM-DD, optionally with a midnight time (as spreadsheets export dates). */
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;
/** A year and what follows a dash or slash: 2018-04 (month), 2018/19 and 2018/2019 (financial years), 2018/19 Q1. */
const YEAR_PAIR = /^(\d{4})([-/])(\d{1,4})(?:[ -]?Q(\d))?$/i;
const QUARTER_AFTER = /^(\d{4})[ -]?Q([1-4])$/i;
const WEEK = /^(\d{4})-?W(\d{2})$/i;
/** Excel serial dates: whole numbers from 20000 to 99999 (1954 to 2173). */
const SERIAL = /^([2-9]\d{4})(?:\.0+)?$/;
const SLASH_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;
/** A day, a month name and a year: 01-Apr-18, 1 April 2018. */
const NAMED_DAY = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})$/;
/** A quarter then a calendar year (Q1 2018) or a financial year (Q1 2018/19, Q1 2018-19, Q1 2018/2019). */
const QUARTER_BEFORE = /^Q(\d)[ -]?(\d{4})(?:([-/])(\d{2}|\d{4}))?$/i;
/** A month name and a year: Apr-18, Apr 2018, April 18, Sept. 2018. */
const NAMED_MONTH = /^([A-Za-z]{3,9})\.?[ -](\d{4}|\d{2})$/;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Parses one period label; null when it is not in an accepted form or not a real date or period. */
export function parsePeriod(raw: string, dateOrder: DateOrder = 'dmy', format: PeriodFormat = 'auto'): PeriodInfo | null {
  const text = raw.trim();
  if (text.length < 4) return null;
  if (!isDigit(text.charCodeAt(0))) return letterFirst(text);
  if (isDigit(text.charCodeAt(1)) && isDigit(text.charCodeAt(2)) && isDigit(text.charCodeAt(3))) return yearFirst(text, format);
  return dayFirst(text, dateOrder);
}

function yearFirst(text: string, format: PeriodFormat): PeriodInfo | null {
  if (text.length === 4) return make(text, +text, 1, 1, 'year');
  const c = text[4];
  let m: RegExpExecArray | null;
  if (c >= '0' && c <= '9') {
    // Excel serial date (1900 date system): day 1 is 1900-01-01 and Excel counts a 29 February 1900
    // that did not exist, so for serials after 60 the date is 1899-12-30 plus the serial.
    if (!(m = SERIAL.exec(text))) return null;
    const time = Date.UTC(1899, 11, 30) + +m[1] * DAY;
    return { text, date: isoDate(time), time, granularity: 'day' };
  }
  if ((m = YEAR_PAIR.exec(text))) return yearPair(text, m, format);
  if ((m = ISO_DAY.exec(text))) return make(text, +m[1], +m[2], +m[3], 'day');
  if ((m = QUARTER_AFTER.exec(text))) return make(text, +m[1], 3 * (+m[2] - 1) + 1, 1, 'quarter');
  if ((m = WEEK.exec(text))) {
    const y = +m[1];
    const w = +m[2];
    if (w < 1 || w > isoWeeks(y)) return null;
    const time = isoWeekStart(y, w);
    return { text, date: isoDate(time), time, granularity: 'week' };
  }
  return null;
}

/**
 * 2018-04 is April 2018 (ISO 8601 year-month). A slash, or a quarter after the pair, makes it a UK
 * financial year (2018/19, 2018/2019, 2018-19 Q1); with format 'fy' 2018-19 and 2018-2019 are
 * financial years too. A financial year's second year must be the year after its first.
 */
function yearPair(text: string, m: RegExpExecArray, format: PeriodFormat): PeriodInfo | null {
  const [, first, sep, second, q] = m;
  const y = +first;
  const fy = q !== undefined || sep === '/' || (format === 'fy' && (second.length === 2 || second.length === 4));
  if (fy) return followsYear(y, second) ? financial(text, y, q === undefined ? undefined : +q) : null;
  return second.length <= 2 ? make(text, y, +second, 1, 'month') : null;
}

function dayFirst(text: string, dateOrder: DateOrder): PeriodInfo | null {
  let m: RegExpExecArray | null;
  if ((m = SLASH_DAY.exec(text))) {
    const y = yearOf(m[3]);
    const [a, b] = [+m[1], +m[2]];
    return dateOrder === 'dmy' ? make(text, y, b, a, 'day') : make(text, y, a, b, 'day');
  }
  if ((m = NAMED_DAY.exec(text))) {
    const month = monthNumber(m[2]);
    return month ? make(text, yearOf(m[3]), month, +m[1], 'day') : null;
  }
  return null;
}

function letterFirst(text: string): PeriodInfo | null {
  let m: RegExpExecArray | null;
  if ((m = QUARTER_BEFORE.exec(text))) {
    const q = +m[1];
    const y = +m[2];
    if (m[4] !== undefined) return followsYear(y, m[4]) ? financial(text, y, q) : null;
    return q >= 1 && q <= 4 ? make(text, y, 3 * (q - 1) + 1, 1, 'quarter') : null;
  }
  if ((m = NAMED_MONTH.exec(text))) {
    const month = monthNumber(m[1]);
    return month ? make(text, yearOf(m[2]), month, 1, 'month') : null;
  }
  return null;
}

/** Labels shaped like a period the parser knows, though it did not read them. */
const SHAPED = [
  /^\d{4}-\d{1,2}(-\d{1,2})?$/, // 2021-13, 2021-02-30
  /^\d{1,2}\/\d{1,2}\/(\d{4}|\d{2})$/, // 31/02/2021
  /^\d{4}-?W\d{2}$/i, // 2021-W53
  /^\d{4}[-/]\d{2,4}([ -]?Q\d)?$/i, // 2015/17, 2015/16 Q5
  /^\d{4}[ -]?Q\d$/i, // 2018-Q5
  /^Q\d[ -]?\d{4}([-/]\d{2,4})?$/i, // Q5 2018, Q1 2015/17
  /^(\d{1,2}[ -])?[A-Za-z]{3,9}\.?[ -](\d{4}|\d{2})$/, // 31-Feb-18, Foo-18
];

/**
 * Why a label is not a period, for messages: "is not a real date or period" when it has the form
 * of one (31/02/2021, 2021-13, Q5 2015/16, 2015/17 Q1, Foo-18), with the part to check, else the
 * accepted forms.
 */
export function periodProblem(raw: string, format: PeriodFormat = 'auto'): string {
  const text = raw.trim();
  const quoted = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
  const range = /^(\d{4})-(\d{4})$/.exec(text);
  if (range && format === 'auto' && followsYear(+range[1], range[2])) {
    return `${quoted} is not a date or period (write a financial year as ${range[1]}/${pad((+range[1] + 1) % 100)})`;
  }
  if (!SHAPED.some((re) => re.test(text))) return `${quoted} is not a date or period; expected one of ${PERIOD_FORMATS}`;
  return `${quoted} is not a real date or period (${shapeHint(text, format)})`;
}

/** The part of a period-shaped label to check. */
function shapeHint(text: string, format: PeriodFormat): string {
  const q = /Q(\d)/i.exec(text);
  if (q && (+q[1] < 1 || +q[1] > 4)) return 'a quarter is Q1 to Q4';
  const pair = /(\d{4})([-/])(\d{2}|\d{4})(?!\d)/.exec(text);
  if (pair && (q || pair[2] === '/' || format === 'fy') && !followsYear(+pair[1], pair[3])) {
    return `a financial year's second year follows its first, as in ${pair[1]}/${pad((+pair[1] + 1) % 100)}`;
  }
  const word = /[A-Za-z]{3,}/.exec(text);
  if (word && !q && monthNumber(word[0]) === undefined) return `${JSON.stringify(word[0])} is not a month name`;
  return 'check the day, month, quarter, week or year';
}
