/** The CSV reader and period parser: accepted forms, sorting, and errors that name file:line:column. */
import { describe, expect, it } from 'vitest';
import { inferFrequency, isoDate, missingPeriods, nextPeriod, parsePeriod, periodOf } from './periods.js';
import { decode } from './decode.js';
import { normaliseHeader, readSeries, parseCell, parseNumber, sniffDelimiter } from './read.js';
import { SpcError } from './errors.js';

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
    ['measure,period,value\nA,2020-01,abc\n', 'in.csv:2:3: value "abc" is not a number (write numbers like 1234, 12.5, 12.5% or 1,234 with thousands separators; leave the cell empty for a missing value)'],
    ['measure,period,value\nA,Jan 20,1\n', 'in.csv:2:2: period "Jan 20" is not a date or period; expected one of YYYY-MM-DD, YYYY-MM, Mon YYYY, YYYY-Qn, YYYY Qn, Qn YYYY, dd/mm/yyyy, dd/mm/yy, YYYY, 2021/22, 2021/22 Q1, 2021-W05, Excel serial dates'],
    ['measure,when,value\nA,2020-01,1\n', 'in.csv:1: no period column: expected one of period, date, month, quarter, week, year (or name it with --period-col); the columns are: measure, when, value'],
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
  it('decodes UTF-8 with and without a BOM, UTF-16 with a BOM, and falls back to Windows-1252', () => {
    const utf8 = Buffer.from('measure,period,value\nCafé,2020-01,1\n', 'utf8');
    expect(decode(utf8)).toMatchObject({ encoding: 'utf-8', warning: null });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).text.startsWith('measure')).toBe(true);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\n€\t1\n', 'utf16le')]);
    expect(decode(le)).toMatchObject({ encoding: 'utf-16le', text: 'a\tb\n€\t1\n' });
    // 0x80 is the euro sign and 0xE9 e-acute in Windows-1252 (not valid UTF-8 on their own).
    const cp = decode(Buffer.from([0x80, 0x20, 0x43, 0x61, 0x66, 0xe9]));
    expect(cp).toMatchObject({ encoding: 'windows-1252', text: '€ Café' });
    expect(cp.warning).toMatch(/not valid UTF-8/);
  });
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
    expect(s.rows.map((r) => r.value)).toEqual([12.5, null, 1234]);
    expect(s.unit).toBe('%');
    expect(s.warnings).toEqual(['x.csv:3:3: value "#N/A" read as a missing value']);
    expect(() => readSeries(text, 'x.csv', { strict: true })).toThrow('value "#N/A" read as a missing value (--strict)');
  });
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
