/**
 * Layout detection: which layout a header and its first rows make, and the hints given when none
 * is recognised. The tables are written by hand; each expectation follows from docs/cli.md (Layouts).
 */
import { describe, expect, it } from 'vitest';
import { readCsvTable } from './read.js';

const error = (text: string, options = {}) => {
  try {
    readCsvTable(text, 't.csv', options);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('chooseLayout', () => {
  it('reads a header with a measure and a period column but an unknown value column as long, and says what is missing', () => {
    // Not wide: a measure column means a long table whose value column has another name.
    expect(error('Measure,Period,Crimes\nA,2020-01,3\n')).toMatch(/^no value column/);
  });
  it('hints at --decimal comma when the numbers only read with a decimal comma', () => {
    expect(error('Month,Burglary\nJan-23,"3,93"\nFeb-23,"4,1"\n')).toMatch(/; its numbers read with a decimal comma: try --decimal comma$/);
    // With the flag the same table is wide: 3,93 is 3.93.
    const read = readCsvTable('Month,Burglary\nJan-23,"3,93"\nFeb-23,"4,1"\n', 't.csv', { decimal: ',' });
    expect([read.layout, read.series[0].rows.map((r) => r.value)]).toEqual(['wide', [3.93, 4.1]]);
  });
  it('hints at --period-format fy when the header holds financial years written 2018-19', () => {
    expect(error('Measure,2018-19,2019-20\nA,3,4\n')).toMatch(/try --period-format fy$/);
    const read = readCsvTable('Measure,2018-19,2019-20\nA,3,4\n', 't.csv', { periodFormat: 'fy' });
    // Financial year 2018/19 starts on 1 April 2018 (HM Treasury).
    expect([read.layout, read.series[0].rows.map((r) => [r.period.date, r.period.granularity, r.value])]).toEqual([
      'across',
      [['2018-04-01', 'financial-year', 3], ['2019-04-01', 'financial-year', 4]],
    ]);
  });
  it('finds OHID Fingertips\' "Time period" column by default', () => {
    const read = readCsvTable('Indicator Name,Area Name,Time period,Value\nSmoking,Leeds,2019,14.2\nSmoking,Leeds,2020,13.9\n', 'p.csv', { columns: { measure: 'Indicator Name,Area Name' } });
    expect(read.series.map((s) => [s.measure, s.rows.map((r) => r.value)])).toEqual([['Smoking | Leeds', [14.2, 13.9]]]);
  });
});
