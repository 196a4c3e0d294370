/**
 * Periods: labels as analysts write them (read in period-forms.ts) turned into the date each
 * period starts (UTC), dates turned into the period that contains them (for aggregation), and a
 * series' frequency and gaps.
 *
 * Accepted labels: see PERIOD_FORMATS and docs/cli.md ("Period spellings").
 */
import { DAY, isoDate, isoWeekStart, pad, type Granularity, type PeriodInfo } from './period-calendar.js';

export { isoDate, type DateOrder, type Granularity, type PeriodInfo } from './period-calendar.js';
export { parsePeriod, periodProblem, PERIOD_FORMAT_NAMES, PERIOD_FORMATS, type PeriodFormat } from './period-forms.js';

/** Periods `spc aggregate --period` counts by. */
export const AGGREGATE_PERIODS = ['month', 'quarter', 'financial-quarter', 'year', 'financial-year', 'week'] as const;

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
