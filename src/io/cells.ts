/**
 * The numeric cells of a CSV file as analysts write them: plain numbers, percentages, thousands
 * separators, and the markers spreadsheets and statistical releases use for "no value".
 */

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

/** Text from a file quoted for a message, control characters escaped so they cannot reach the terminal raw. */
export function show(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}...` : text;
  return JSON.stringify(cut).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
