/**
 * Period labels as analysts write them, turned into the date each period starts (UTC).
 * Accepted (contract section 2): YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY Qn, Qn YYYY, dd/mm/yyyy (or
 * mm/dd/yyyy with `dateOrder: 'mdy'`), YYYY.
 */

export type Granularity = 'day' | 'month' | 'quarter' | 'year';
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

export const PERIOD_FORMATS = 'YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY Qn, Qn YYYY, dd/mm/yyyy, YYYY';

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function make(text: string, y: number, m: number, d: number, granularity: Granularity): PeriodInfo | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(time);
  // Rejects 31/02 and friends: the date must survive a round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return { text, date: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, time, granularity };
}

/** Parses one period label; null when it is not in an accepted format or not a real date. */
export function parsePeriod(raw: string, dateOrder: DateOrder = 'dmy'): PeriodInfo | null {
  const text = raw.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) return make(text, +m[1], +m[2], +m[3], 'day');
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(text))) return make(text, +m[1], +m[2], 1, 'month');
  if ((m = /^(\d{4})[- ]?Q([1-4])$/i.exec(text))) return make(text, +m[1], 3 * (+m[2] - 1) + 1, 1, 'quarter');
  if ((m = /^Q([1-4])[- ]?(\d{4})$/i.exec(text))) return make(text, +m[2], 3 * (+m[1] - 1) + 1, 1, 'quarter');
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) {
    const [a, b] = [+m[1], +m[2]];
    return dateOrder === 'dmy' ? make(text, +m[3], b, a, 'day') : make(text, +m[3], a, b, 'day');
  }
  if ((m = /^(\d{4})$/.exec(text))) return make(text, +m[1], 1, 1, 'year');
  return null;
}
