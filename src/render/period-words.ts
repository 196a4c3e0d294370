/**
 * Periods as they read in a sentence ("May 2020", "Q2 2020", "Q1 2021/22", "the week of 4 January
 * 2021") and the words for a measure's frequency ("months", "a month"). The granularity comes with
 * the measure (the reader knew it); nothing here parses a period label.
 */
import type { Granularity } from '../io/periods.js';

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** Words for a frequency: the plural ("months") and the singular ("month"). */
export interface FrequencyWords {
  readonly frequency: Granularity | null;
  readonly plural: string;
  readonly singular: string;
}

export function frequencyWords(g: Granularity | null): FrequencyWords {
  switch (g) {
    case 'month':
      return { frequency: g, plural: 'months', singular: 'month' };
    case 'quarter':
    case 'financial-quarter':
      return { frequency: g, plural: 'quarters', singular: 'quarter' };
    case 'week':
      return { frequency: g, plural: 'weeks', singular: 'week' };
    case 'day':
      return { frequency: g, plural: 'days', singular: 'day' };
    case 'year':
    case 'financial-year':
      return { frequency: g, plural: 'years', singular: 'year' };
    default:
      return { frequency: null, plural: 'points', singular: 'point' };
  }
}

/** "2021/22" for the financial year starting in April 2021 (UK convention). */
function financialYear(y: number, mo: number): string {
  const fy = mo >= 4 ? y : y - 1;
  return `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
}

/** A period, from its label and start date (YYYY-MM-DD), as it reads in a sentence. */
export function periodName(p: { readonly period: string; readonly date: string }, frequency: Granularity | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.date);
  if (!m) return p.period;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const month = MONTH_NAMES[mo - 1];
  if (month === undefined) return p.period;
  switch (frequency) {
    case 'month':
      return `${month} ${y}`;
    case 'quarter':
      return `Q${Math.floor((mo - 1) / 3) + 1} ${y}`;
    case 'financial-quarter':
      return `Q${Math.floor(((mo + 8) % 12) / 3) + 1} ${financialYear(y, mo)}`;
    case 'year':
      return String(y);
    case 'financial-year':
      return financialYear(y, mo);
    case 'week':
      return `the week of ${d} ${month} ${y}`;
    case 'day':
      return `${d} ${month} ${y}`;
    default:
      return p.period;
  }
}
