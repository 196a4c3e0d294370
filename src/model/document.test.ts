/** The measure records: built from the core's columns, the same as from its point records. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseClassified, analyseXmr } from '../core/analyse.js';
import { pointResults } from '../core/point-findings.js';
import { preset } from '../core/presets.js';
import { parseConfig } from '../io/config.js';
import { parsePeriod } from '../io/periods.js';
import { readSeries } from '../io/read.js';
import { buildMeasureRecord } from './document.js';
import { analyseCharts } from './measure.js';

const CONTRACT_KEYS = [
  'period', 'date', 'value', 'denominator', 'phase', 'baseline', 'excluded', 'centre', 'lcl', 'ucl', 'sigma',
  'signals', 'side', 'variation', 'lower1sigma', 'upper1sigma', 'lower2sigma', 'upper2sigma',
];

const periods = (n: number) => Array.from({ length: n }, (_, i) => parsePeriod(`2020-${String(i + 1).padStart(2, '0')}`)!);

describe('buildMeasureRecord', () => {
  it('gives the same record text from the columns as from the point records, on every chart of the pack', () => {
    const pack = new URL('../../test/fixtures/pack/', import.meta.url);
    const config = { file: 'spc.config.yaml', ...parseConfig(readFileSync(new URL('spc.config.yaml', pack), 'utf8'), 'spc.config.yaml') };
    const series = readSeries(readFileSync(new URL('pack.csv', pack), 'utf8'), 'pack.csv');
    const subgroups = readSeries('measure,period,value\n' + ['2020-01,4', '2020-01,6', '2020-02,5', '2020-02,9', '2020-03,7', '2020-03,6'].map((r) => `Waits,${r}`).join('\n'), 'w.csv');
    const settings = { flags: {}, config, dateOrder: 'dmy' as const };
    const charts = [...series, ...subgroups].flatMap((s) => analyseCharts(s, s.measure === 'Waits' ? { ...settings, flags: { chart: 'xbar-s' as const } } : settings));
    expect(charts.map((c) => c.context.chart).sort()).toEqual(['c', 'p', 's', 'u', 'xbar-s', 'xmr']);
    for (const { context, analysis } of charts) {
      const { columns, found, ...rest } = analysis;
      const fromPoints = buildMeasureRecord(context, { ...rest, points: pointResults(columns, found) });
      const fromColumns = buildMeasureRecord(context, analysis);
      expect(JSON.stringify(fromColumns, null, 2), context.measure).toBe(JSON.stringify(fromPoints, null, 2));
    }
    const reoffending = charts.find((c) => c.context.chart === 'p')!;
    const rec = buildMeasureRecord(reoffending.context, reoffending.analysis);
    expect(Object.keys(rec.points[0])).toEqual([...CONTRACT_KEYS, 'numerator']);
    const noted = rec.points.find((p) => p.period === '2018-Q3')!;
    expect(Object.keys(noted)).toEqual([...CONTRACT_KEYS, 'numerator', 'note']);
    expect(noted.note).toBe('Data system change');
  });

  it('names the lines of a hand-worked XmR chart, in contract order', () => {
    const values = [1, 3, 2, null, 4];
    const ps = periods(values.length);
    const rec = buildMeasureRecord(
      { measure: 'M', source: 'm.csv', chart: 'xmr', periods: ps, denominators: null, notes: [null, 'launch', null, null, null] },
      analyseClassified({ values }, { chart: 'xmr', rules: preset('default'), direction: 'neutral' }),
    );
    // Mean of 1, 3, 2, 4 = 2.5; moving ranges between adjacent observed points: 2, 1 (the gap breaks 2 -> 4).
    const sigma = 1.5 / 1.128; // d2 for moving ranges of two points
    const p = rec.points[1];
    expect(Object.keys(p)).toEqual([...CONTRACT_KEYS, 'note']);
    expect([p.period, p.date, p.value, p.centre, p.sigma, p.note]).toEqual(['2020-02', '2020-02-01', 3, 2.5, sigma, 'launch']);
    expect(p.ucl).toBeCloseTo(2.5 + 3 * sigma, 12);
    expect(p.lower1sigma).toBeCloseTo(2.5 - sigma, 12);
    expect(p.upper2sigma).toBeCloseTo(2.5 + 2 * sigma, 12);
    const gap = rec.points[3];
    expect([gap.value, gap.centre, gap.lcl, gap.upper1sigma, gap.variation, gap.signals]).toEqual([null, null, null, null, 'common-cause', []]);
    expect(rec.summary.latestPeriod).toBe('2020-05');
    expect(rec.summary.centre).toBe(2.5);
    // The same series through the point records gives the same document.
    const viaPoints = buildMeasureRecord(
      { measure: 'M', source: 'm.csv', chart: 'xmr', periods: ps, denominators: null, notes: [null, 'launch', null, null, null] },
      analyseXmr(values, { rules: preset('default'), direction: 'neutral' }),
    );
    expect(JSON.stringify(rec)).toBe(JSON.stringify(viaPoints));
  });
});
