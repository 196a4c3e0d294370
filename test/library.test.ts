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

  it('exposes the chart model, both renderers, the spans and the report model', async () => {
    const rows = ['measure,period,value', ...[3, 4, 3, 5, 4, 3, 4, 30].map((v, i) => `A,2020-0${i + 1},${v}`)];
    const doc = spc.analyseAll(spc.readSeries(rows.join('\n') + '\n', 'lib.csv'), { flags: { direction: 'lower-is-better' }, dateOrder: 'dmy' }, 'test');
    const m = doc.measures[0];
    // Limits from all eight points: mean 56/8 = 7, moving ranges 1, 1, 2, 1, 1, 1, 26, MR-bar
    // 33/7 = 4.714, UCL 7 + 3 x 4.714 / 1.128 = 19.54: 30 in August is above it, one span.
    expect(doc.measures[0].phases[0].ucl).toBeCloseTo(19.538, 3);
    expect(m.spans).toEqual([{ rule: 'outside-limits', side: 'high', start: '2020-08', end: '2020-08', points: 1 }]);
    expect(m.granularity).toBe('month');
    const svg = spc.chartSvgFor(m);
    expect(spc.chartSvg(spc.chartModel(m))).toBe(svg);
    expect(await spc.renderChartSvg(m)).toBe(svg); // the direct writer is the default
    expect(svg.match(/<title>/g)).toHaveLength(9); // the chart's and one per point
    expect(await spc.renderChartVega(m)).toContain('class="mark-');
    const marks = spc.markSignals(doc, null, 1);
    expect(marks.get('A')!.map((x) => x.mark)).toEqual(['recent']);
    const report = spc.buildReport(doc, { title: 'T', generated: '2026-01-01', charts: new Map(), chartPaths: new Map(), marks });
    expect(spc.formatReportMarkdown(report)).toContain('**Recent** outside the limits (August 2020)');
  });
});
