/**
 * Period spellings: every accepted form with the date its period starts, the financial-year
 * reading of YYYY-YY, rejections and their messages, and mixed spellings of one granularity.
 * Reference dates come from the calendar; financial years follow the UK government financial year
 * (HM Treasury: 1 April to 31 March; Q1 April-June, Q2 July-September, Q3 October-December,
 * Q4 January-March of the following calendar year).
 */
import { describe, expect, it } from 'vitest';
import { parsePeriod, periodProblem, PERIOD_FORMAT_NAMES, PERIOD_FORMATS } from './period-forms.js';

const read = (text: string, format: 'auto' | 'fy' = 'auto') => {
  const p = parsePeriod(text, 'dmy', format);
  return p && [p.date, p.granularity];
};

describe('financial quarters', () => {
  it.each([
    // FY 2015/16 runs 1 April 2015 to 31 March 2016: Q1 starts 1 April 2015.
    ['Q1 2015/16', '2015-04-01'],
    ['2015-16 Q1', '2015-04-01'],
    ['2015/16 Q1', '2015-04-01'],
    ['Q1 2015-16', '2015-04-01'],
    ['2015/2016 Q1', '2015-04-01'],
    ['Q1 2015/2016', '2015-04-01'],
    ['q1 2015/16', '2015-04-01'],
    ['2015/16 q1', '2015-04-01'],
    // Q2 is July-September 2015, Q3 October-December 2015.
    ['2015/16 Q2', '2015-07-01'],
    ['Q3 2015-16', '2015-10-01'],
    // FY 2015/16 Q4 is January-March 2016.
    ['Q4 2015/16', '2016-01-01'],
    ['2015-16 Q4', '2016-01-01'],
    // FY 1999/00 crosses the century: its second year is 2000, written 00; Q4 is January-March 2000.
    ['1999/00 Q4', '2000-01-01'],
  ])('%s starts on %s', (text, date) => {
    expect(read(text)).toEqual([date, 'financial-quarter']);
  });
  it('rejects a quarter outside Q1-Q4 and a second year that does not follow the first', () => {
    // Q5 and Q0 do not exist; 2015/17 spans two years; 2015-2017 and 2015/2017 likewise.
    for (const t of ['Q5 2015/16', 'Q0 2015/16', '2015/16 Q5', '2015/17 Q1', 'Q1 2015/17', 'Q1 2015-2017', '2015/2017 Q1', '2015/1 Q1']) {
      expect(parsePeriod(t), t).toBeNull();
    }
  });
});

describe('financial years', () => {
  it.each([
    // FY 2008/09 starts on 1 April 2008.
    ['2008/09', '2008-04-01'],
    ['2008/2009', '2008-04-01'],
    // FY 1999/2000 starts on 1 April 1999.
    ['1999/2000', '1999-04-01'],
  ])('%s starts on %s', (text, date) => {
    expect(read(text)).toEqual([date, 'financial-year']);
  });
  it('reads 2008-09 as September 2008 (ISO 8601 year-month) by default, and as FY 2008/09 with format fy', () => {
    expect(read('2008-09')).toEqual(['2008-09-01', 'month']);
    expect(read('2008-09', 'fy')).toEqual(['2008-04-01', 'financial-year']);
    expect(read('2008-2009', 'fy')).toEqual(['2008-04-01', 'financial-year']);
    // 2008-2009 is not a month, and by default not read as a financial year either.
    expect(read('2008-2009')).toBeNull();
  });
  it('with format fy, needs the second year to follow the first, and leaves other forms alone', () => {
    for (const t of ['2008-10', '2008-13', '2008-2010', '2008/10']) expect(read(t, 'fy'), t).toBeNull();
    // Calendar quarters and full dates keep their meaning: 2018-Q1 is January-March 2018.
    expect(read('2018-Q1', 'fy')).toEqual(['2018-01-01', 'quarter']);
    expect(read('2018-04-01', 'fy')).toEqual(['2018-04-01', 'day']);
    expect(read('2015-16 Q4', 'fy')).toEqual(['2016-01-01', 'financial-quarter']);
  });
  it('names the formats', () => {
    expect(PERIOD_FORMAT_NAMES).toEqual(['auto', 'fy']);
  });
});

describe('months, days and calendar quarters', () => {
  it.each([
    // Two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999, as in the dd/mm/yy form.
    ['Apr-18', '2018-04-01'],
    ['Apr 18', '2018-04-01'],
    ['April 18', '2018-04-01'],
    ['April-18', '2018-04-01'],
    ['Apr-2018', '2018-04-01'],
    ['Sept-18', '2018-09-01'],
    ['sep-18', '2018-09-01'],
    ['Dec-49', '2049-12-01'],
    ['Jan-50', '1950-01-01'],
  ])('month %s starts on %s', (text, date) => {
    expect(read(text)).toEqual([date, 'month']);
  });
  it.each([
    ['01-Apr-18', '2018-04-01'],
    ['1-Apr-2018', '2018-04-01'],
    ['1 Apr 2018', '2018-04-01'],
    ['01 April 2018', '2018-04-01'],
    ['1-April-18', '2018-04-01'],
    // 2020 is a leap year (divisible by 4, not by 100), so 29 February 2020 exists.
    ['29-Feb-20', '2020-02-29'],
    ['31 Dec 1999', '1999-12-31'],
  ])('day %s is %s', (text, date) => {
    expect(read(text)).toEqual([date, 'day']);
  });
  it.each([
    // Calendar quarters: Q1 January-March, Q2 April-June, Q3 July-September, Q4 October-December.
    ['2018 Q1', '2018-01-01'],
    ['Q1-2018', '2018-01-01'],
    ['2018-Q1', '2018-01-01'],
    ['Q1 2018', '2018-01-01'],
    ['q2 2018', '2018-04-01'],
    ['2018-q3', '2018-07-01'],
    ['2018Q4', '2018-10-01'],
  ])('quarter %s starts on %s', (text, date) => {
    expect(read(text)).toEqual([date, 'quarter']);
  });
  it('reads an Excel date cell (ISO text from the workbook reader) and a serial in a CSV', () => {
    expect(read('2018-04-01')).toEqual(['2018-04-01', 'day']);
    // Serial 43191 is 1 April 2018: 1899-12-30 plus 43191 days (1900 date system).
    expect(read('43191')).toEqual(['2018-04-01', 'day']);
  });
  it('rejects impossible days and unknown month names', () => {
    // 2018 is not a leap year, so 29 February 2018 does not exist; no month has 32 days.
    for (const t of ['31-Feb-18', '29-Feb-2018', '32 Jan 2018', '0-Jan-18', 'Foo-18', 'Foo 2018', 'Ap-18', 'April 018', 'Q5 2018', 'Q0-2018']) {
      expect(parsePeriod(t), t).toBeNull();
    }
  });
});

describe('mixed spellings', () => {
  const granularities = (texts: string[], format: 'auto' | 'fy' = 'auto') => new Set(texts.map((t) => parsePeriod(t, 'dmy', format)?.granularity));
  it('read spellings of one granularity to that granularity', () => {
    expect(granularities(['Q1 2015/16', '2015/16 Q2', '2015-16 Q3', 'Q4 2015-16', '2016/2017 Q1'])).toEqual(new Set(['financial-quarter']));
    expect(granularities(['Apr-18', '2018-05', 'June 2018', 'Jul 18'])).toEqual(new Set(['month']));
    expect(granularities(['01-Apr-18', '2018-04-02', '03/04/2018', '4 April 2018', '43195'])).toEqual(new Set(['day']));
    expect(granularities(['2018 Q1', 'Q2-2018', '2018-Q3', 'Q4 2018'])).toEqual(new Set(['quarter']));
    expect(granularities(['2008/09', '2009/2010', '2010-11'], 'fy')).toEqual(new Set(['financial-year']));
  });
  it('read different spellings of one period to one start', () => {
    const starts = (texts: string[]) => new Set(texts.map((t) => parsePeriod(t)?.date));
    // All name FY 2016/17 Q4, January-March 2017.
    expect(starts(['Q4 2016/17', '2016/17 Q4', '2016-17 Q4', 'Q4 2016-17', '2016/2017 Q4'])).toEqual(new Set(['2017-01-01']));
    expect(starts(['Apr-18', 'Apr 2018', 'April 18', '2018-04'])).toEqual(new Set(['2018-04-01']));
  });
});

describe('periodProblem', () => {
  it.each([
    ['Q5 2015/16', 'a quarter is Q1 to Q4'],
    ['2015/16 Q5', 'a quarter is Q1 to Q4'],
    ['2018-Q5', 'a quarter is Q1 to Q4'],
    ['2015/17 Q1', "a financial year's second year follows its first, as in 2015/16"],
    ['2015/17', "a financial year's second year follows its first, as in 2015/16"],
    ['31-Feb-18', 'check the day, month, quarter, week or year'],
    ['31/02/2021', 'check the day, month, quarter, week or year'],
    ['2021-W53', 'check the day, month, quarter, week or year'],
    ['Foo-18', '"Foo" is not a month name'],
    ['Febuary 2020', '"Febuary" is not a month name'],
  ])('%s is not a real date or period: %s', (text, hint) => {
    expect(periodProblem(text)).toBe(`${JSON.stringify(text)} is not a real date or period (${hint})`);
  });
  it('suggests the financial-year spelling for 2008-2009, and in format fy names the bad second year', () => {
    expect(periodProblem('2008-2009')).toBe('"2008-2009" is not a date or period (write a financial year as 2008/09)');
    expect(periodProblem('2008-10', 'fy')).toBe(`"2008-10" is not a real date or period (a financial year's second year follows its first, as in 2008/09)`);
  });
  it('lists the accepted forms for other text', () => {
    for (const t of ['Feb', 'Jan 21st', 'total']) expect(periodProblem(t)).toBe(`${JSON.stringify(t)} is not a date or period; expected one of ${PERIOD_FORMATS}`);
  });
});
