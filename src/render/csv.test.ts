/** The CSV files: the formula-injection guard, and quoting that a CSV reader reads back. */
import { describe, expect, it } from 'vitest';
import { analyseXmr, preset } from '../core/index.js';
import { buildMeasureRecord } from '../model/document.js';
import { parsePeriod } from '../io/periods.js';
import { pointsCsv, safeText } from './csv.js';

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
