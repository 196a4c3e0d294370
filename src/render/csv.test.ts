/** The CSV files: the formula-injection guard, and quoting that a CSV reader reads back. */
import { describe, expect, it } from 'vitest';
import { analyseXmr, preset } from '../core/index.js';
import { buildMeasureRecord } from '../model/document.js';
import { parsePeriod } from '../io/periods.js';
import { pointsCsv, pointsCsvPieces, safeText } from './csv.js';
import type { PointRecord } from '../model/document.js';

function record(name: string, values: (number | null)[]) {
  const periods = values.map((_, i) => parsePeriod(`2020-${String(i + 1).padStart(2, '0')}`)!);
  const a = analyseXmr(values, { rules: preset('default'), direction: 'lower-is-better' });
  return buildMeasureRecord({ measure: name, source: 'x.csv', chart: 'xmr', periods, denominators: null }, a);
}

describe('CSV output', () => {
  it('neutralises formula injection in text cells only', () => {
    expect(['=1+1', '+x', '-x', '@x', '\tx', '\rx', 'plain'].map(safeText)).toEqual(["'=1+1", "'+x", "'-x", "'@x", "'\tx", "'\rx", 'plain']);
    const csv = pointsCsv([record('=HYPERLINK("http://x")', [-1, -2, -3])]);
    const first = csv.split('\n')[1];
    expect(first.startsWith(`"'=HYPERLINK(""http://x"")",2020-01,2020-01-01,-1,`)).toBe(true);
  });
});

describe('points.csv reads back', () => {
  it('quotes what needs quoting (RFC 4180): csv-parse reads every field back', async () => {
    const { parse } = await import('csv-parse/sync');
    const name = 'Violence, "serious"\nand other';
    const m = record(name, [1, 2, 3]);
    const rows = parse(pointsCsv([m]), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.measure, r.period, r.value])).toEqual([
      [name, '2020-01', '1'],
      [name, '2020-02', '2'],
      [name, '2020-03', '3'],
    ]);
  });
});

describe('points.csv in pieces', () => {
  it('writes the header, then one piece per measure with one line per point', () => {
    const point = {
      period: '2020-01', date: '2020-01-01', value: 1.5, denominator: null, phase: 0, baseline: true, excluded: false,
      centre: 2, lcl: -0.5, ucl: 4.5, sigma: 0.8, signals: ['outside-limits', 'trend'], side: 'high', variation: 'concern',
      lower1sigma: 1.2, upper1sigma: 2.8, lower2sigma: 0.4, upper2sigma: 3.6,
    } as const;
    const m = (measure: string, points: readonly PointRecord[]) => ({ ...record('x', [1, 2]), measure, points });
    const measures = [m('A, "b"', [point, { ...point, period: '2020-02', date: '2020-02-01', value: null, signals: [], side: null, variation: 'none' }]), m('-c', [])];
    const pieces = [...pointsCsvPieces(measures)];
    expect(pieces).toEqual([
      'measure,period,date,value,denominator,phase,baseline,excluded,centre,lcl,ucl,lower_2sigma,upper_2sigma,lower_1sigma,upper_1sigma,signals,side,variation\n',
      '"A, ""b""",2020-01,2020-01-01,1.5,,0,true,false,2,-0.5,4.5,0.4,3.6,1.2,2.8,outside-limits;trend,high,concern\n' +
        '"A, ""b""",2020-02,2020-02-01,,,0,true,false,2,-0.5,4.5,0.4,3.6,1.2,2.8,,,none\n',
      '',
    ]);
    expect(pointsCsv(measures)).toBe(pieces.join(''));
    expect(pointsCsv([])).toBe(pieces[0]);
  });
});
