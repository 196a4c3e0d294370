/**
 * Periods: the accepted forms of a period label, the period a date falls in, and a series'
 * frequency and the periods missing from it.
 */
import { describe, expect, it } from 'vitest';
import { inferFrequency, isoDate, missingPeriods, nextPeriod, parsePeriod, periodOf } from './periods.js';

describe('parsePeriod', () => {
  it.each([
    ['2021-03-15', '2021-03-15', 'day'],
    ['2021-03', '2021-03-01', 'month'],
    ['2021-Q2', '2021-04-01', 'quarter'],
    ['2021 Q3', '2021-07-01', 'quarter'],
    ['Q4 2021', '2021-10-01', 'quarter'],
    ['05/01/2023', '2023-01-05', 'day'],
    ['2019', '2019-01-01', 'year'],
    ['  2021-03  ', '2021-03-01', 'month'],
    ['Jan 2021', '2021-01-01', 'month'],
    ['September 2020', '2020-09-01', 'month'],
    ['Sept 2020', '2020-09-01', 'month'],
    ['05/01/23', '2023-01-05', 'day'],
    ['31/12/99', '1999-12-31', 'day'],
    ['2021/22', '2021-04-01', 'financial-year'],
    ['2021/22 Q1', '2021-04-01', 'financial-quarter'],
    ['2021/22 Q4', '2022-01-01', 'financial-quarter'],
    // ISO 8601: week 1 of 2021 starts on Monday 4 January 2021; 2020 has 53 weeks.
    ['2021-W01', '2021-01-04', 'week'],
    ['2021-W05', '2021-02-01', 'week'],
    ['2020-W53', '2020-12-28', 'week'],
    // Excel: serial 44197 is 1 January 2021 (1900 date system); 43831 is 1 January 2020.
    ['44197', '2021-01-01', 'day'],
    ['43831', '2020-01-01', 'day'],
    ['2021-03-15T00:00:00Z', '2021-03-15', 'day'],
  ])('%s starts on %s', (text, date, granularity) => {
    expect(parsePeriod(text)).toMatchObject({ text: text.trim(), date, granularity });
  });
  it('reads mm/dd/yyyy with dateOrder mdy', () => {
    expect(parsePeriod('01/05/2023', 'mdy')?.date).toBe('2023-01-05');
  });
  it('rejects impossible dates and other text', () => {
    for (const t of ['31/02/2021', '2021-13', '2021-Q5', 'March', '', '2021-02-30', '2021/23', '2021-W53', 'Foo 2021', '123456']) {
      expect(parsePeriod(t)).toBeNull();
    }
  });
  it('time is UTC midnight', () => {
    expect(parsePeriod('2020-04')?.time).toBe(Date.UTC(2020, 3, 1));
  });
});

describe('periodOf and nextPeriod', () => {
  const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  it.each([
    ['2021-02-14', 'month', '2021-02', '2021-02-01'],
    ['2021-02-14', 'quarter', '2021-Q1', '2021-01-01'],
    ['2021-02-14', 'financial-quarter', '2020/21 Q4', '2021-01-01'],
    ['2021-04-01', 'financial-quarter', '2021/22 Q1', '2021-04-01'],
    ['2021-12-31', 'financial-quarter', '2021/22 Q3', '2021-10-01'],
    ['2021-02-14', 'year', '2021', '2021-01-01'],
    ['2021-03-31', 'financial-year', '2020/21', '2020-04-01'],
    ['2021-01-03', 'week', '2020-W53', '2020-12-28'],
    ['2021-01-04', 'week', '2021-W01', '2021-01-04'],
    ['2024-12-30', 'week', '2025-W01', '2024-12-30'],
  ] as const)('%s in a %s is %s', (date, g, label, start) => {
    const p = periodOf(t(date), g);
    expect(p.label).toBe(label);
    expect(isoDate(p.time)).toBe(start);
    // The label reads back as the same period start.
    expect(parsePeriod(label)?.time).toBe(p.time);
  });
  it('steps to the next period', () => {
    expect(isoDate(nextPeriod(t('2021-11-01'), 'quarter'))).toBe('2022-02-01');
    expect(isoDate(nextPeriod(t('2021-12-01'), 'month'))).toBe('2022-01-01');
    expect(isoDate(nextPeriod(t('2020-12-28'), 'week'))).toBe('2021-01-04');
  });
});

describe('frequency and missing periods', () => {
  it('finds the frequency of a series and the periods missing from it', () => {
    const ps = (xs: string[]) => xs.map((x) => parsePeriod(x)!);
    expect(inferFrequency(ps(['2020-01', '2020-02']))).toBe('month');
    expect(inferFrequency(ps(['2020-01-01', '2020-02-01', '2020-04-01']))).toBe('month');
    expect(inferFrequency(ps(['2020-01-06', '2020-01-13', '2020-01-27']))).toBe('week');
    expect(inferFrequency(ps(['2020-Q1', '2020-Q3']))).toBe('quarter');
    expect(inferFrequency(ps(['2020-Q1', '2020-03']))).toBeNull();
    expect(missingPeriods(ps(['2020-01', '2020-02', '2020-05']), 'month').map(isoDate)).toEqual(['2020-03-01', '2020-04-01']);
    expect(missingPeriods(ps(['2020-01-06', '2020-01-13', '2020-01-27']), 'week').map(isoDate)).toEqual(['2020-01-20']);
  });
});
