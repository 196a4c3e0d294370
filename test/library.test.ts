/** The package entry point (package.json "main"): the library API works without the CLI. */
import { describe, expect, it } from 'vitest';
import * as spc from '../src/index.js';

describe('library entry', () => {
  it('reads, analyses and renders a series', async () => {
    const series = spc.readSeries('measure,period,value\nA,2020-01,1\nA,2020-02,5\nA,2020-03,2\nA,2020-04,40\n', 'lib.csv');
    const doc = spc.analyseAll(series, { flags: { direction: 'lower-is-better' }, dateOrder: 'dmy' }, 'test');
    // 1, 5, 2: ranges 4, 3 (the 40 is part of the data too): mean 12, MR-bar (4 + 3 + 38) / 3 = 15.
    expect(doc.measures[0].phases[0].centre).toBe(12);
    expect(doc.measures[0].phases[0].mrBar).toBe(15);
    expect(spc.pointsCsv(doc.measures).split('\n')).toHaveLength(6);
    expect(typeof spc.renderChartSvg).toBe('function');
    expect(typeof spc.reportHtml).toBe('function');
    expect(spc.preset('mdc').shift).toBe(6);
  });
});
