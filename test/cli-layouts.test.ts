/**
 * End to end: `spc analyse` on tables in every layout and on workbooks, `bin/spc.js` run as a
 * process (it needs the build in dist/; `npm test` builds first) in test/fixtures/layouts/, so
 * messages name files as a user typed them. Expected values are those written in the fixtures
 * (see test/layouts.test.ts) or in the small tables written here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import writeExcelFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/spc.js', import.meta.url));
const layouts = fileURLToPath(new URL('./fixtures/layouts/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'spc-cli-layouts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function spc(args: string[], cwd = layouts) {
  const r = spawnSync(process.execPath, [bin, 'analyse', ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Point {
  period: string;
  date: string;
  value: number | null;
}
interface Measure {
  measure: string;
  source: string;
  granularity: string;
  points: Point[];
}

function measures(args: string[], cwd = layouts): Measure[] {
  const r = spc([...args, '--json'], cwd);
  expect(r.code, r.err).toBe(0);
  return (JSON.parse(r.out) as { measures: Measure[] }).measures;
}

const values = (ms: Measure[]) => ms.map((m) => [m.measure, m.points.map((p) => p.value)]);
/** Burglary and Robbery, January to June 2023, as scripts/gen-workbooks.mjs and the CSV fixtures write them. */
const CRIME = [
  ['Burglary', [12, 15, 11, 14, 13, 16]],
  ['Robbery', [3, 4, 2, 5, 3, 4]],
];

beforeAll(async () => {
  // A workbook whose first sheet is a note and whose second holds the data (write-excel-file's multi-sheet form).
  const data = [['Period', 'Value'], ...['2023-01', '2023-02', '2023-03'].map((p, i) => [{ value: p, type: String }, { value: [7, 9, 8][i], type: Number }])];
  const sheets = [
    { sheet: 'Notes', data: [[{ value: 'Source: a test', type: String }]] },
    { sheet: 'Data', data },
  ];
  writeFileSync(join(work, 'two-sheets.xlsx'), await writeExcelFile(sheets).toBuffer());
  writeFileSync(join(work, 'decimal.csv'), 'Month,Cost\n2023-01,"3,93"\n2023-02,"4,10"\n2023-03,"3,75"\n');
});

describe('spc analyse reads every layout', () => {
  it('--layout forces a layout, and says so; a forced layout the table does not have is an error', () => {
    expect(values(measures(['across.csv', '--layout', 'across']))).toEqual(CRIME);
    const wrong = spc(['across.csv', '--layout', 'wide']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe(
      'error: across.csv:1: a wide table needs a period column: expected one of period, date, month, quarter, week, year, timeperiod (or name it with --period-col); the columns are: Measure, Jan-23, Feb-23, Mar-23, Apr-23, May-23, Jun-23\n',
    );
    const long = spc(['wide.csv', '--layout', 'long']);
    expect(long.code).toBe(1);
    expect(long.err).toBe('error: wide.csv:1: no value column: expected one of value, count, y, numerator (or name it with --value-col); the columns are: Month, Burglary, Robbery, Notes\n');
  });

  it('writes under the terminal table how each file was read', () => {
    const r = spc(['across.csv', '--layout', 'across']);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('read across.csv: across: 6 periods in the header (Jan-23 to Jun-23), measure named by Measure (--layout across)');
    const wide = spc(['wide.csv']);
    expect(wide.out.trimEnd().split('\n').at(-1)).toBe('read wide.csv: wide: period column Month, 2 measures');
    expect(wide.err).toContain('warning: wide.csv:1:4: column "Notes" holds no numbers (labels or notes?): left out');
  });

  it('--verbose says on stderr how a workbook was read', () => {
    const r = spc(['across.xlsx', '--verbose']);
    expect(r.code).toBe(0);
    expect(r.err.split('\n')).toContain(
      'across.xlsx: across: 6 periods in the header (Jan-23 to Jun-23), measure named by Measure; sheet "Data" (the workbook\'s sheets: Data); header on line 1; decimal mark "."',
    );
  });

  it('--json of a workbook equals that of the same table as CSV (but for the source)', () => {
    const strip = (ms: Measure[]) => ms.map(({ source: _source, ...rest }) => rest);
    const xlsx = measures(['across.xlsx']);
    const csv = measures(['across.csv']);
    expect(xlsx.map((m) => m.source)).toEqual(['across.xlsx', 'across.xlsx']);
    expect(strip(xlsx)).toEqual(strip(csv));
    expect(values(xlsx)).toEqual(CRIME);
    // long.xlsx (dates formatted mmm-yy, read as months) and wide.csv (2023-01...) give the same points.
    expect(strip(measures(['long.xlsx']))).toEqual(strip(measures(['wide.csv'])));
  });
});

describe('spc analyse flags for workbooks and spellings', () => {
  it('--sheet by name (any case) or by number; a missing sheet lists the sheets', () => {
    const byName = measures(['two-sheets.xlsx', '--sheet', 'data'], work);
    expect(byName.map((m) => [m.measure, m.points.map((p) => [p.period, p.value])])).toEqual([['two-sheets', [['2023-01', 7], ['2023-02', 9], ['2023-03', 8]]]]);
    expect(measures(['two-sheets.xlsx', '--sheet', '2'], work)).toEqual(byName);
    const missing = spc(['two-sheets.xlsx', '--sheet', 'Summary'], work);
    expect([missing.code, missing.err]).toEqual([1, 'error: two-sheets.xlsx: no sheet "Summary"; the sheets are: Notes, Data\n']);
    const number = spc(['two-sheets.xlsx', '--sheet', '3'], work);
    expect([number.code, number.err]).toEqual([1, 'error: two-sheets.xlsx: no sheet number 3; the workbook has 2 sheets: Notes, Data\n']);
  });

  it('--where keeps matching rows; when none match it lists the values the column holds', () => {
    expect(values(measures(['where.csv', '--where', 'Area=south']))).toEqual([['Burglary', [20, 22, 19]]]);
    const none = spc(['where.csv', '--where', 'Area=East']);
    expect([none.code, none.err]).toEqual([1, 'error: where.csv:1: no data rows match --where Area=East; column Area holds "north", "North", "South"\n']);
  });

  it('--decimal comma reads a quoted "3,93" in a comma-delimited file as 3.93', () => {
    expect(values(measures(['decimal.csv', '--decimal', 'comma'], work))).toEqual([['Cost', [3.93, 4.1, 3.75]]]);
  });

  it('--period-format fy reads 2008-09 as the financial year starting 1 April 2008', () => {
    const [fy] = measures(['fy-dash.csv', '--period-format', 'fy']);
    expect(fy.granularity).toBe('financial-year');
    expect(fy.points.map((p) => [p.period, p.date, p.value])).toEqual([['2008-09', '2008-04-01', 1500], ['2009-10', '2009-04-01', 1620], ['2010-11', '2010-04-01', 1580]]);
    const [months] = measures(['fy-dash.csv']);
    expect([months.granularity, months.points[0].date]).toEqual(['month', '2008-09-01']);
  });
});
