/**
 * The CSV reader: accepted forms, sorting, and errors that name file:line:column. The period
 * parser is checked in periods.test.ts, decoding the bytes in decode.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { normaliseHeader, readSeries, parseCell, parseNumber, sniffDelimiter } from './read.js';
import { SpcError } from './errors.js';
import { PERIOD_FORMATS } from './periods.js';

describe('readSeries', () => {
  it('matches headers loosely, splits measures, sorts by period', () => {
    const s = readSeries(' Metric ,PERIOD,Value\nB,2020-02,2\nA,2020-02,20\nA,2020-01,10\nB,2020-01,1\n', 'x.csv');
    expect(s.map((m) => [m.measure, m.rows.map((r) => r.value)])).toEqual([
      ['B', [1, 2]],
      ['A', [10, 20]],
    ]);
    expect(s[1].rows.map((r) => r.line)).toEqual([4, 3]);
  });
  it('names a single measure after the file when there is no measure column', () => {
    expect(readSeries('period,value\n2020-01,1\n', 'data/knife-crime.csv')[0].measure).toBe('knife-crime');
  });
  it('keeps an empty value as a missing point', () => {
    expect(readSeries('period,value\n2020-01,1\n2020-02,\n2020-03,3\n', 'x.csv')[0].rows.map((r) => r.value)).toEqual([1, null, 3]);
  });
  it('reads a BOM, CRLF and quoted fields', () => {
    const s = readSeries('\uFEFFmeasure,period,value\r\n"Violence, serious",2020-01,5\r\n', 'x.csv');
    expect(s[0].measure).toBe('Violence, serious');
  });
  it('gathers rows of the same period into a subgroup (duplicates are rejected later, by chart type)', () => {
    const s = readSeries('measure,period,value\nA,2020-01,1\nA,2020-02,5\nA,2020-01,2\nA,2020-01,\n', 'x.csv')[0];
    expect(s.rows.map((r) => [r.period.text, r.observations, r.lines])).toEqual([
      ['2020-01', [1, 2], [2, 4, 5]],
      ['2020-02', [5], [3]],
    ]);
  });
  it('normalises header names', () => {
    expect(normaliseHeader(' Measure_Name ')).toBe('measurename');
    expect(normaliseHeader('first-time entrants')).toBe('firsttimeentrants');
  });
  it('parses numbers strictly', () => {
    expect([parseNumber('12'), parseNumber(' -1.5e2 '), parseNumber('.5')]).toEqual([12, -150, 0.5]);
    for (const t of ['abc', '0x10', '1,234', 'Infinity', '1e999', '']) expect(parseNumber(t)).toBeNull();
  });

  const error = (text: string, opts = {}) => {
    try {
      readSeries(text, 'in.csv', opts);
    } catch (e) {
      expect(e).toBeInstanceOf(SpcError);
      return (e as SpcError).located;
    }
    throw new Error('no error');
  };
  it.each([
    ['', 'in.csv: the file is empty'],
    ['measure,period,value\n', 'in.csv:1: no data rows after the header'],
    ['measure,period,value\nA,2020-01,abc\n', 'in.csv:2:3: value "abc" is not a number (write numbers like 1234, 12.5, 1,234, 1 234, £1,200, 12.5%, (12) for -12; leave the cell empty for a missing value)'],
    ['measure,period,value\nA,Jan 21st,1\n', `in.csv:2:2: period "Jan 21st" is not a date or period; expected one of ${PERIOD_FORMATS}`],
    ['measure,when,value\nA,2020-01,1\n', 'in.csv:1: no period column: expected one of period, date, month, quarter, week, year, timeperiod (or name it with --period-col); the columns are: measure, when, value'],
    ['measure,period,value\nA,2020-01\n', 'in.csv:2:3: row has 2 fields; the value column is missing'],
    ['measure,period,value\nA,2020-01,1,9\n', 'in.csv:2:4: row has 4 fields but the header has 3: "9" has no column'],
    ['measure,period,value\n"A,2020-01,1\n', 'in.csv:2:1: not valid CSV: a quote opens here and is never closed (close it, or double any quote inside a quoted field)'],
  ])('error for %j', (text, message) => {
    expect(error(text)).toBe(message);
  });
  it('an unknown column override names the columns that exist', () => {
    expect(error('measure,period,value\nA,2020-01,1\n', { columns: { value: 'rate' } })).toBe(
      'in.csv:1: no column "rate" (--value-col); the columns are: measure, period, value',
    );
  });
});

describe('reading what spreadsheets write', () => {
  it('sniffs comma, semicolon and tab', () => {
    expect(sniffDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(sniffDelimiter('measure;period;value\nA;2020-01;1,5')).toBe(';');
    expect(sniffDelimiter('measure\tperiod\tvalue\n')).toBe('\t');
    expect(sniffDelimiter('"a;b",c\n')).toBe(',');
  });
  it.each([
    ['1,234', 1234],
    ['12,345,678.5', 12345678.5],
    ['12.5%', 12.5],
    [' -3 ', -3],
  ])('reads %j as %d', (text, value) => {
    expect(parseCell(text)).toMatchObject({ kind: 'number', value });
  });
  it('reads error cells and NA markers as missing, and rejects text', () => {
    for (const t of ['#N/A', '#DIV/0!', 'NA', 'null', '-', '..']) expect(parseCell(t)).toEqual({ kind: 'missing', marker: t });
    expect(parseCell('')).toEqual({ kind: 'missing', marker: null });
    for (const t of ['1,23', '12,5', 'ten', '1.2.3']) expect(parseCell(t)).toEqual({ kind: 'bad' });
    expect(parseCell('1e999')).toEqual({ kind: 'bad', tooLarge: true });
  });
  it('reads a semicolon file with markers, percentages and stray empty columns, with warnings naming file:line:column', () => {
    const text = 'measure;period;value;;\nA;2020-01;12.5%;;\nA;2020-02;#N/A;;\nA;2020-03;"1,234";;\n';
    const [s] = readSeries(text, 'x.csv');
    // A semicolon file is a decimal-comma export: "1,234" is 1.234 there (docs/cli.md, Number spellings);
    // --decimal point reads it as 1234 with a thousands separator.
    expect(s.rows.map((r) => r.value)).toEqual([12.5, null, 1.234]);
    expect(readSeries(text, 'x.csv', { decimal: '.' })[0].rows.map((r) => r.value)).toEqual([12.5, null, 1234]);
    expect(s.unit).toBe('%');
    expect(s.warnings).toEqual(['x.csv:3:3: value "#N/A" read as a missing value']);
    expect(() => readSeries(text, 'x.csv', { strict: true })).toThrow('value "#N/A" read as a missing value (--strict)');
  });
});

describe('readSeries reads rows as it scans, with the errors in the same order', () => {
  const error = (text: string, strict = false) => {
    try {
      readSeries(text, 'f.csv', { strict });
    } catch (e) {
      return (e as SpcError).located;
    }
    return 'no error';
  };
  it('reports a CSV syntax error anywhere before a bad row or header earlier in the file', () => {
    expect(error('measure,period,value\nA,2020-01,abc\nA,2020-02,"3\n')).toMatch(/^f\.csv:3:\d+: not valid CSV: a quote opens here/);
    expect(error('measure,when,value\nA,2020-01,1\nA,"2020-02,3\n')).toMatch(/^f\.csv:3:\d+: not valid CSV/);
  });
  it('reports a file without data rows before its header, and the header before its rows', () => {
    expect(error('measure,when,value\n\n')).toBe('f.csv:1: no data rows after the header');
    expect(error('measure,when,value\nA,2020-01,abc\n')).toMatch(/^f\.csv:1: no period column/);
  });
  it('reports the first bad row, a --strict warning included', () => {
    expect(error('measure,period,value\nA,2020-01,abc\nA,nope,1\n')).toMatch(/^f\.csv:2:3: value "abc" is not a number/);
    expect(error('measure,period,value\nA,2020-01,NA\nA,2020-02,x\n', true)).toBe('f.csv:2:3: value "NA" read as a missing value (--strict)');
  });
});

