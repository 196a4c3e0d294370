/**
 * The layout corpus: every file in test/fixtures/layouts/ read through the library, checked against
 * series written out by hand from the file itself (each expectation below can be checked by opening
 * the fixture). Layouts and their reasons are those contract section 2 describes; period dates follow
 * the calendar (a financial year starts on 1 April, its Q1 is April-June, so Q2 starts 1 July).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsvTable, readSeries, type ReadOptions, type TableRead } from '../src/io/read.js';
import { readWorkbookTable, type WorkbookReadOptions } from '../src/io/read-workbook.js';

const dir = fileURLToPath(new URL('./fixtures/layouts/', import.meta.url));

function csv(name: string, options: ReadOptions = {}): TableRead {
  return readCsvTable(readFileSync(dir + name, 'utf8'), name, options);
}

function workbook(name: string, options: WorkbookReadOptions = {}): TableRead {
  return readWorkbookTable(readFileSync(dir + name), name, options);
}

/** A series as these tests compare it: measure, unit, granularity, and each period's text, ISO start date and value. */
function summary(read: TableRead) {
  return read.series.map((s) => ({
    measure: s.measure,
    unit: s.unit,
    granularity: [...new Set(s.rows.map((r) => r.period.granularity))],
    rows: s.rows.map((r) => [r.period.text, r.period.date, r.value]),
  }));
}

/** Burglary and Robbery, January to June 2023, as written in long/wide/across (.csv and .xlsx). */
function crime(texts: readonly string[]) {
  const dates = ['2023-01-01', '2023-02-01', '2023-03-01', '2023-04-01', '2023-05-01', '2023-06-01'];
  const rows = (values: number[]) => values.map((v, i) => [texts[i], dates[i], v]);
  return [
    { measure: 'Burglary', unit: undefined, granularity: ['month'], rows: rows([12, 15, 11, 14, 13, 16]) },
    { measure: 'Robbery', unit: undefined, granularity: ['month'], rows: rows([3, 4, 2, 5, 3, 4]) },
  ];
}
const ISO_MONTHS = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];
const SHORT_MONTHS = ['Jan-23', 'Feb-23', 'Mar-23', 'Apr-23', 'May-23', 'Jun-23'];

describe('one file per layout and format', () => {
  it('wide.csv: a Month column, one column per measure, the Notes column left out with a warning', () => {
    const read = csv('wide.csv');
    expect(read.layout).toBe('wide');
    expect(read.reason).toBe('wide: period column Month, 2 measures');
    expect(read.warnings).toEqual(['wide.csv:1:4: column "Notes" holds no numbers (labels or notes?): left out']);
    expect(summary(read)).toEqual(crime(ISO_MONTHS));
  });

  it('across.csv: one row per measure, months in the header', () => {
    const read = csv('across.csv');
    expect(read.layout).toBe('across');
    expect(read.reason).toBe('across: 6 periods in the header (Jan-23 to Jun-23), measure named by Measure');
    expect(summary(read)).toEqual(crime(SHORT_MONTHS));
  });

  it('long.xlsx, wide.xlsx and across.xlsx hold the same series as the CSV files', () => {
    // scripts/gen-workbooks.mjs writes the months as dates formatted mmm-yy; spc reads a date cell formatted as a month as YYYY-MM.
    const long = workbook('long.xlsx');
    expect([long.layout, long.reason]).toEqual(['long', 'long: value column Value, period column Period, measure column Measure']);
    expect(summary(long)).toEqual(crime(ISO_MONTHS));
    const wide = workbook('wide.xlsx');
    expect([wide.layout, wide.reason]).toEqual(['wide', 'wide: period column Month, 2 measures']);
    expect(wide.warnings).toEqual(['wide.xlsx[Data]!D1: column "Notes" holds no numbers (labels or notes?): left out']);
    expect(summary(wide)).toEqual(crime(ISO_MONTHS));
    const across = workbook('across.xlsx', { sheet: 'Data' });
    expect([across.layout, across.reason]).toEqual(['across', 'across: 6 periods in the header (Jan-23 to Jun-23), measure named by Measure']);
    expect(summary(across)).toEqual(crime(SHORT_MONTHS));
  });

  it('long-title.csv: the title row and the blank row above the header are skipped', () => {
    const read = csv('long-title.csv');
    expect(read.reason).toBe('long: value column Value, period column Period, measure column Measure');
    expect(read.notes).toContain('skipped 1 row above the header (a title?)');
    expect(read.notes).toContain('header on line 3');
    expect(summary(read)).toEqual([
      { measure: 'Burglary', unit: undefined, granularity: ['month'], rows: [['2023-01', '2023-01-01', 12], ['2023-02', '2023-02-01', 15], ['2023-03', '2023-03-01', 11]] },
      { measure: 'Robbery', unit: undefined, granularity: ['month'], rows: [['2023-01', '2023-01-01', 3], ['2023-02', '2023-02-01', 4], ['2023-03', '2023-03-01', 2]] },
    ]);
  });

  it('dates.xlsx: the title above row 2 skipped, a Date/Count/Total table (--where keeps row 3)', () => {
    // Row 3 of dates.xlsx: A3 = serial 45292 = 2024-01-01 (see src/io/workbook.test.ts), D3 = 12, E3 = D3*2 cached as 24.
    const read = workbook('dates.xlsx', { where: [{ column: 'Date', value: '2024-01-01' }] });
    expect(read.reason).toBe('long: value column Count, period column Date, one measure (no measure column)');
    expect(read.warnings).toEqual(['dates.xlsx[Data]!F3: formula with no cached value read as missing (open and save the workbook in Excel to store its values)']);
    expect(summary(read)).toEqual([{ measure: 'dates', unit: undefined, granularity: ['day'], rows: [['2024-01-01', '2024-01-01', 12]] }]);
    expect(read.series[0].rows[0].denominator).toBe(24);
    // Without the filter, row 5's Total is the text "ok" (a formula's string result): an error naming the cell as Excel does.
    expect(() => workbook('dates.xlsx')).toThrow(/^denominator "ok" is not a number/);
    expect(() => workbook('dates.xlsx')).toThrow(expect.objectContaining({ file: 'dates.xlsx[Data]!E5' }));
  });
});

describe('spellings of periods and numbers', () => {
  it('police-pack.csv: financial quarters in three spellings, £ and thousands commas, (12) for -12', () => {
    // FY 2015/16 starts 1 April 2015: Q1 Apr, Q2 Jul, Q3 Oct 2015, Q4 Jan 2016.
    const q = ['Q1 2015/16', '2015/16 Q2', '2015-16 Q3', 'Q4 2015/16'];
    const d = ['2015-04-01', '2015-07-01', '2015-10-01', '2016-01-01'];
    expect(summary(csv('police-pack.csv'))).toEqual([
      { measure: 'Overtime spend', unit: '£', granularity: ['financial-quarter'], rows: [1200, 1350, 1100, 1275].map((v, i) => [q[i], d[i], v]) },
      { measure: 'Budget variance', unit: undefined, granularity: ['financial-quarter'], rows: [-12, 8, -3, 5].map((v, i) => [q[i], d[i], v]) },
    ]);
  });

  it('semicolon.csv: a ;-file reads 3,93 as 3.93 and 1.234,5 as 1234.5 (decimal comma by default)', () => {
    const read = csv('semicolon.csv');
    expect(read.reason).toBe('wide: period column Month, 2 measures');
    expect(read.notes).toEqual(['delimiter ";"', 'header on line 1', 'decimal mark ","']);
    const m = [['2023-01', '2023-01-01'], ['2023-02', '2023-02-01'], ['2023-03', '2023-03-01']];
    expect(summary(read)).toEqual([
      { measure: 'Cost per call', unit: undefined, granularity: ['month'], rows: [3.93, 4.1, 3.75].map((v, i) => [...m[i], v]) },
      { measure: 'Calls', unit: undefined, granularity: ['month'], rows: [1234.5, 1300, 987.25].map((v, i) => [...m[i], v]) },
    ]);
  });

  it('fy-years.csv: 2008/2009 and 2009/10 are financial years starting 1 April', () => {
    expect(summary(csv('fy-years.csv'))).toEqual([
      {
        measure: 'A&E attendances',
        unit: undefined,
        granularity: ['financial-year'],
        rows: [['2008/2009', '2008-04-01', 1500], ['2009/10', '2009-04-01', 1620], ['2010/2011', '2010-04-01', 1580]],
      },
    ]);
  });

  it('fy-dash.csv: 2008-09 is September 2008 unless periodFormat is fy', () => {
    const months = summary(csv('fy-dash.csv'))[0];
    expect(months.granularity).toEqual(['month']);
    expect(months.rows).toEqual([['2008-09', '2008-09-01', 1500], ['2009-10', '2009-10-01', 1620], ['2010-11', '2010-11-01', 1580]]);
    const years = summary(csv('fy-dash.csv', { periodFormat: 'fy' }))[0];
    expect(years.granularity).toEqual(['financial-year']);
    expect(years.rows).toEqual([['2008-09', '2008-04-01', 1500], ['2009-10', '2009-04-01', 1620], ['2010-11', '2010-04-01', 1580]]);
  });

  it('months.csv: Apr-18, May 18, June 18 and Jul-18 are all months of 2018', () => {
    expect(summary(csv('months.csv'))).toEqual([
      {
        measure: 'Calls',
        unit: undefined,
        granularity: ['month'],
        rows: [['Apr-18', '2018-04-01', 210], ['May 18', '2018-05-01', 198], ['June 18', '2018-06-01', 225], ['Jul-18', '2018-07-01', 240]],
      },
    ]);
  });

  it('days.csv: 1-Apr-2018 is a day, in a column named Date', () => {
    const read = csv('days.csv');
    expect(read.reason).toBe('long: value column Value, period column Date, measure column Measure');
    expect(summary(read)[0].rows).toEqual([['1-Apr-2018', '2018-04-01', 31], ['2-Apr-2018', '2018-04-02', 28], ['3-Apr-2018', '2018-04-03', 35]]);
    expect(summary(read)[0].granularity).toEqual(['day']);
  });

  it('quarters.csv: 2018 Q1, Q2-2018 and 2018-Q3 are calendar quarters', () => {
    const read = csv('quarters.csv');
    expect(read.reason).toBe('long: value column Value, period column Quarter, measure column Measure');
    expect(summary(read)).toEqual([
      {
        measure: 'Referrals',
        unit: undefined,
        granularity: ['quarter'],
        rows: [['2018 Q1', '2018-01-01', 40], ['Q2-2018', '2018-04-01', 42], ['2018-Q3', '2018-07-01', 39], ['2018 Q4', '2018-10-01', 45]],
      },
    ]);
  });

  it('spaces.csv: thousands separated by a space, a no-break space (U+00A0) and a narrow one (U+202F)', () => {
    expect(summary(csv('spaces.csv'))[0].rows.map((r) => r[2])).toEqual([1200, 1250, 1175]);
  });
});

describe('choosing what to read', () => {
  it('phe-profile.csv: --measure-col "Indicator Name,Area Name" names measures like "Smoking prevalence | Leeds"', () => {
    const read = csv('phe-profile.csv', { columns: { measure: 'Indicator Name,Area Name', period: 'Time period' } });
    expect(read.reason).toBe('long: value column Value, period column Time period, measure columns Indicator Name + Area Name');
    expect(summary(read)).toEqual([
      { measure: 'Smoking prevalence | Leeds', unit: undefined, granularity: ['year'], rows: [['2019', '2019-01-01', 17.2], ['2020', '2020-01-01', 16.1]] },
      { measure: 'Smoking prevalence | Bradford', unit: undefined, granularity: ['year'], rows: [['2019', '2019-01-01', 18.4], ['2020', '2020-01-01', 17.9]] },
      { measure: 'Obesity | Leeds', unit: undefined, granularity: ['year'], rows: [['2019', '2019-01-01', 24.5], ['2020', '2020-01-01', 25]] },
    ]);
  });

  it('where.csv: Area=North keeps the three North rows, "north" on line 6 included (case-insensitive)', () => {
    const read = csv('where.csv', { where: [{ column: 'area', value: 'North' }] });
    expect(read.notes).toContain('--where Area=North: 3 rows (matched ignoring case)');
    expect(summary(read)).toEqual([
      { measure: 'Burglary', unit: undefined, granularity: ['month'], rows: [['2023-01', '2023-01-01', 12], ['2023-02', '2023-02-01', 15], ['2023-03', '2023-03-01', 11]] },
    ]);
    const south = csv('where.csv', { where: [{ column: 'Area', value: 'South' }] });
    expect(summary(south)[0].rows.map((r) => r[2])).toEqual([20, 22, 19]);
    // Unfiltered, both areas' rows of a month form one subgroup (North's row first).
    expect(csv('where.csv').series[0].rows.map((r) => r.observations)).toEqual([[12, 20], [15, 22], [11, 19]]);
  });

  it('--layout forces a reading: wide.csv read as across has no periods in its header', () => {
    expect(() => csv('wide.csv', { layout: 'across' })).toThrow('periods across needs periods in the header after the name column(s); none of Burglary, Robbery, Notes is a period');
    expect(csv('across.csv', { layout: 'across' }).reason).toBe('across: 6 periods in the header (Jan-23 to Jun-23), measure named by Measure (--layout across)');
  });

  it('a CSV row cut short is an error in every layout, as in a long table; a worksheet row may end early', () => {
    // Line 3 of each table below has two fields where the header has three (hand-written tables).
    expect(() => readSeries('measure,period,value\nA,2020-01,1\nA,2020-02\n', 'long.csv')).toThrow('row has 2 fields; the value column is missing');
    expect(() => readSeries('Month,Burglary,Robbery\n2023-01,12,3\n2023-02,15\n', 'wide.csv')).toThrow('row has 2 fields; the Robbery column is missing');
    expect(() => readSeries('Measure,Jan-23,Feb-23\nBurglary,12,15\nRobbery,3\n', 'across.csv')).toThrow('row has 2 fields; the Feb-23 column is missing');
    expect(() => readSeries('Measure,Jan-23,Feb-23\nBurglary,12,15\nRobbery,3\n', 'across.csv')).toThrow(expect.objectContaining({ file: 'across.csv', line: 3, column: 3 }));
  });
});
