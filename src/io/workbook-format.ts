/**
 * What a cell's number format says about its number: a date (with or without the day), a time, a
 * percentage or a plain number; and the number as the text spc's CSV readers expect.
 */

/** How a numeric cell is shown: 'date' YYYY-MM-DD, 'month' YYYY-MM, 'year' YYYY, 'time' hh:mm:ss, 'percent' 12.5%. */
export type NumberKind = 'number' | 'percent' | 'date' | 'month' | 'year' | 'time';

/**
 * Built-in number formats a workbook refers to by id without writing their codes (ECMA-376 Part 1,
 * 18.8.30 numFmt): 9-10 percentages, 14-17 and 22 dates, 18-21 and 45-47 times. Ids 27-36 and
 * 50-58 are the East Asian locales' built-in date formats listed in the same clause.
 */
const BUILT_IN: ReadonlyMap<number, NumberKind> = new Map<number, NumberKind>([
  [9, 'percent'], [10, 'percent'],
  [14, 'date'], [15, 'date'], [16, 'date'], [17, 'month'], [22, 'date'],
  [18, 'time'], [19, 'time'], [20, 'time'], [21, 'time'], [45, 'time'], [46, 'time'], [47, 'time'],
  ...[27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map((id) => [id, 'date'] as [number, NumberKind]),
]);

/** The kind of a number format, by id and (for custom formats, ids 164 and up) its code. */
export function numberKind(id: number, code: string | undefined): NumberKind {
  if (code !== undefined) return codeKind(code);
  return BUILT_IN.get(id) ?? 'number';
}

/**
 * A format code's kind, from its first section (the one for positive numbers; sections are split
 * by ';', ECMA-376 Part 1, 18.8.31 numFmts). Quoted text, backslash-escaped characters, `_x`
 * (space the width of x), `*x` (fill) and bracketed parts (colours, conditions, locales such as
 * [$-809]) show nothing of the number and are dropped, except elapsed-time [h], [m], [s]. Then
 * y or d mean a date, shown to the day when d is present; m alone means months; h or s a time.
 */
export function codeKind(code: string): NumberKind {
  const section = firstSection(code)
    .replace(/"[^"]*"|\\.|_.|\*./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .toLowerCase()
    .replace(/general|am\/pm|a\/p/g, '');
  if (section.includes('%')) return 'percent';
  const has = (c: string) => section.includes(c);
  if (has('d')) return 'date';
  if (has('y')) return has('m') ? 'month' : 'year';
  if (has('h') || has('s')) return 'time';
  if (has('m')) return 'month';
  return 'number';
}

function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\') i++;
    else if (c === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}

const DAY_MS = 86_400_000;
// Serial day 0 of each date system, as a UTC time: 1900 system day 1 is 1900-01-01, but Excel
// counts a 29 February 1900 (serial 60) that never was, so serials from 61 on count from
// 1899-12-30 (ECMA-376 Part 1, 18.17.4.1 date representation, and 18.2.28 workbookPr date1904).
const EPOCH_1900_AFTER_LEAP = Date.UTC(1899, 11, 30);
const EPOCH_1900_BEFORE_LEAP = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A serial date's calendar day as YYYY-MM-DD (the time of day dropped), or null when it is no date. */
export function serialDay(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const ms = Math.round(serial * DAY_MS); // to the millisecond, so 45292.99999999999 is not a day early
  const whole = Math.floor(ms / DAY_MS);
  if (!date1904 && whole === 60) return '1900-02-29'; // the day Excel shows for serial 60
  const epoch = date1904 ? EPOCH_1904 : whole < 60 ? EPOCH_1900_BEFORE_LEAP : EPOCH_1900_AFTER_LEAP;
  const date = new Date(epoch + whole * DAY_MS);
  if (date.getUTCFullYear() > 9999) return null; // Excel's last day is 9999-12-31
  return date.toISOString().slice(0, 10);
}

/** The time of day (or elapsed time) of a serial as hh:mm:ss, to the nearest second. */
export function serialTime(serial: number): string {
  const seconds = Math.round(Math.abs(serial) * 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** A numeric cell's text: the number in its kind, or as the shortest text that reads back to it. */
export function numberText(value: number, kind: NumberKind, date1904: boolean): string {
  switch (kind) {
    case 'percent':
      // toPrecision(15): Excel shows at most 15 significant digits, and 0.07*100 is 7.000000000000001.
      return `${Number((value * 100).toPrecision(15))}%`;
    case 'date':
    case 'month':
    case 'year': {
      const day = serialDay(value, date1904);
      if (day === null) return String(value);
      return kind === 'date' ? day : kind === 'month' ? day.slice(0, 7) : day.slice(0, 4);
    }
    case 'time':
      return serialTime(value);
    default:
      return String(value);
  }
}

const DECIMAL = /^-?(0|[1-9]\d*)(?:\.(\d*[1-9]))?$/;

/**
 * Whether a cell's stored text is already what String() makes of its number, so it need not be
 * converted: a plain decimal with no redundant zeros and at most 15 significant digits (any two
 * such decimals are different doubles, a double holding 15.95 decimal digits, so the shortest
 * round-trip text of its number is the text itself), not below 1e-6 (String() writes 1e-7).
 */
export function isShortestDecimal(v: string): boolean {
  const m = DECIMAL.exec(v);
  if (!m) return false;
  const int = m[1] === '0' ? '' : m[1];
  const frac = m[2] ?? '';
  if (int === '' && frac === '') return v === '0';
  const lead = int === '' ? frac.length - frac.replace(/^0+/, '').length : 0;
  if (int === '' && lead >= 6) return false;
  return int.length + frac.length - lead <= 15;
}
