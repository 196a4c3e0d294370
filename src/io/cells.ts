/**
 * The numeric cells of a CSV file as analysts write them: plain numbers, percentages, thousands
 * separators, currency signs, accountants' parentheses for negatives, a decimal point or (in
 * files that say so) a decimal comma, and the markers spreadsheets and statistical releases use
 * for "no value".
 *
 * Rules (docs/cli.md, "Number spellings"); the file's convention decides every ambiguity:
 * - Decimal point (the default): `.` is the decimal mark; thousands are grouped by `,`, a space,
 *   a no-break space (U+00A0) or a narrow no-break space (U+202F), the SI/ISO 80000-1 group
 *   separator. So `1,234` is 1234 and `1.234` is 1.234.
 * - Decimal comma: `,` is the decimal mark; thousands are grouped by `.` or the same spaces. So
 *   `1,234` is 1.234 and `1.234` is 1234. Leniently, a `.` that cannot be a thousands separator
 *   (`12.5`, `0.125`, `1234.5`: not a group of exactly three digits after a leading group of one
 *   to three digits not starting with 0) reads as a decimal point.
 * - Groups: a leading group of one to three digits not starting with 0, then groups of exactly
 *   three, all with one separator (`1,23,4`, `1,234 567` and `0,123` are not numbers).
 * - A leading `£`, `$` or `€` is kept as the unit; a sign may stand before or after it (`-£12`,
 *   `£-12`). Parentheses mean a negative (`(12)` is -12, `(£1,200)`, `(12%)`), as in accounting
 *   formats; a sign inside parentheses is not a number. A trailing `%` is noted, the value kept.
 */

/** Strict number syntax: optional sign, digits with an optional fraction, optional exponent. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** The same with a decimal comma (the fast path of decimal-comma files). */
const NUMBER_COMMA = /^[+-]?(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?$/;
/** NUMBER without its sign: the body of a decorated number, once sign and currency are taken off. */
const UNSIGNED = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const UNSIGNED_COMMA = /^(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?$/;
/** Thousands groups, one separator throughout (the backreference), then a fraction. */
const GROUPED_POINT = /^[1-9]\d{0,2}([, \u00a0\u202f])\d{3}(?:\1\d{3})*(\.\d+)?$/;
const GROUPED_COMMA = /^[1-9]\d{0,2}([. \u00a0\u202f])\d{3}(?:\1\d{3})*(,\d+)?$/;
const POINT_GROUPING = /[, \u00a0\u202f]/g;
const COMMA_GROUPING = /[. \u00a0\u202f]/g;

export interface NumberStyle {
  readonly decimal: '.' | ',';
}
export const POINT_DECIMAL: NumberStyle = { decimal: '.' };
export const COMMA_DECIMAL: NumberStyle = { decimal: ',' };

/** Number spellings, for messages. */
export const NUMBER_FORMS = '1234, 12.5, 1,234, 1 234, £1,200, 12.5%, (12) for -12';
export const NUMBER_FORMS_COMMA = '1234, 12,5, 1.234, 1 234,5, €1.200, 12,5%, (12) for -12';

export type Currency = '£' | '$' | '€';

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
  | { kind: 'number'; value: number; percent: boolean; thousands: boolean; unit?: Currency }
  | { kind: 'missing'; marker: string | null }
  | { kind: 'bad'; tooLarge?: boolean };

const BAD: Cell = { kind: 'bad' };
const TOO_LARGE: Cell = { kind: 'bad', tooLarge: true };

/** Reads a numeric cell as analysts write it, in the file's decimal convention. */
export function parseCell(text: string, style: NumberStyle = POINT_DECIMAL): Cell {
  const t = text.trim();
  // Fast path: a plain number, one regular expression.
  if (style.decimal === '.' ? NUMBER.test(t) : NUMBER_COMMA.test(t)) {
    const v = Number(style.decimal === '.' ? t : t.replace(',', '.'));
    return Number.isFinite(v) ? { kind: 'number', value: v, percent: false, thousands: false } : { kind: 'bad', tooLarge: true };
  }
  if (t === '') return { kind: 'missing', marker: null };
  // No marker starts with a digit: skip the lower-casing for decorated numbers like 1,234 and 12%.
  const c = t.charCodeAt(0);
  if (!(c >= 48 && c <= 57) && MISSING_MARKERS.has(t.toLowerCase())) return { kind: 'missing', marker: t };
  return decorated(t, style);
}

/** A number with parentheses, a sign, a currency sign, a percent sign or thousands separators. */
function decorated(text: string, style: NumberStyle): Cell {
  let t = text;
  const paren = t.startsWith('(') && t.endsWith(')');
  if (paren) t = t.slice(1, -1).trim();
  const percent = t.endsWith('%');
  if (percent) t = t.slice(0, -1).trimEnd();
  let negative = false;
  let signed = false;
  let unit: Currency | undefined;
  for (let i = 0; i < 2 && t.length > 0; i++) {
    const c = t[0];
    if ((c === '-' || c === '+') && !signed) {
      [signed, negative] = [true, c === '-'];
    } else if ((c === '£' || c === '$' || c === '€') && unit === undefined) {
      unit = c;
    } else break;
    t = t.slice(1);
  }
  if (signed && paren) return BAD;
  const body = readBody(t, style);
  if (body === null) return BAD;
  if (!Number.isFinite(body.value)) return TOO_LARGE;
  const value = (negative || paren) && body.value !== 0 ? -body.value : body.value;
  const cell: Cell = { kind: 'number', value, percent, thousands: body.thousands };
  if (unit !== undefined) cell.unit = unit;
  return cell;
}

/** The unsigned digits of a number in the file's convention (see the rules at the top). */
function readBody(t: string, style: NumberStyle): { value: number; thousands: boolean } | null {
  if (style.decimal === '.') {
    if (UNSIGNED.test(t)) return { value: Number(t), thousands: false };
    if (GROUPED_POINT.test(t)) return { value: Number(t.replace(POINT_GROUPING, '')), thousands: true };
    return null;
  }
  if (UNSIGNED_COMMA.test(t)) return { value: Number(t.replace(',', '.')), thousands: false };
  if (GROUPED_COMMA.test(t)) return { value: Number(t.replace(COMMA_GROUPING, '').replace(',', '.')), thousands: true };
  // Lenient: a `.` that is not a thousands separator is a decimal point.
  if (UNSIGNED.test(t)) return { value: Number(t), thousands: false };
  return null;
}

/** Text from a file quoted for a message, control characters escaped so they cannot reach the terminal raw. */
export function show(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}...` : text;
  return JSON.stringify(cut).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
