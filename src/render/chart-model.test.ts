import { describe, expect, it } from 'vitest';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { annotated, measure, pChart, runChart } from '../../test/chart-measures.js';
import { Bounds, textBox } from './chart-bounds.js';
import { AXIS_LABEL, hideOverlaps } from './chart-axes.js';
import { chartRows } from './chart-data.js';
import { chartFrame } from './chart-frame.js';
import { layoutNotes } from './chart-labels.js';
import { chartModel } from './chart-model.js';
import type { ChartModel, XY } from './chart-model-types.js';
import { renderChartVega } from './chart.js';
import type { MeasureRecord } from '../model/document.js';

const xOf = (model: ChartModel, period: string) => model.points.find((p) => p.period === period)!.x;

describe('chartModel', () => {
  it('is plain data: it survives a structured clone unchanged', () => {
    const model = chartModel(annotated({ '2023-10': 'Festival', '2023-12': 'Outage' }, ['Before', 'After'], 0.3));
    expect(structuredClone(model)).toEqual(model);
  });

  it('places the points on the y domain and the padded time scale, shaped and sized by variation', () => {
    const model = chartModel(measure());
    const [d0, d1] = model.yAxis.domain!;
    expect(model.points).toHaveLength(17);
    for (const p of model.points) expect(p.y).toBeCloseTo((320 * (d1 - p.value)) / (d1 - d0), 9);
    // The first and last dates sit 12 px in from the plot's edges.
    expect(model.points[0].x).toBeCloseTo(12, 6);
    expect(model.points[16].x).toBeCloseTo(708, 6);
    const high = model.points.find((p) => p.period === '2023-10')!;
    expect([high.shape, high.size, high.colour, high.key]).toEqual(['triangle-up', 90, '#00B0F0', 'Improvement (high)']);
    const low = model.points.find((p) => p.period === '2024-06')!;
    expect([low.shape, low.size, low.key]).toEqual(['triangle-down', 90, 'Concern (low)']);
    expect(model.points[0]).toMatchObject({ shape: 'circle', size: 36, tooltip: '2023-01: 0.12, common cause' });
    expect(high.tooltip).toBe('2023-10: 0.22, improvement (outside-limits)');
  });

  it('breaks the series at a missing value and draws a constant line as one segment per phase', () => {
    const model = chartModel(measure());
    expect(model.series.map((run) => run.length)).toEqual([11, 6]);
    expect(model.drawn).toEqual(['upper2', 'lower2', 'ucl', 'lcl', 'centre']);
    for (const [i, from, to] of [[0, '2023-01', '2023-10'], [1, '2023-11', '2024-06']] as const) {
      for (const field of model.drawn) {
        const runs = model.phases[i].lines[field]!;
        expect(runs).toHaveLength(1);
        expect(runs[0]).toHaveLength(2);
        expect(runs[0][0].x).toBe(xOf(model, from));
        expect(runs[0][1].x).toBe(xOf(model, to));
        expect(runs[0][0].y).toBe(runs[0][1].y);
      }
    }
    expect(model.phaseStarts.map((s) => [s.date, s.phase])).toEqual([['2023-11-01', 1]]);
  });

  it('draws varying limits as steps that change level halfway between points', () => {
    const model = chartModel(pChart());
    expect(model.step).toBe(true);
    const ucl: readonly XY[] = model.phases[0].lines.ucl![0];
    const xs = model.points.map((p) => p.x);
    expect(ucl[0].x).toBe(xs[0]);
    expect(ucl[ucl.length - 1].x).toBe(xs[11]);
    // Every stretch is level or upright, and each point's x lies on a level stretch at its own limit.
    for (let i = 1; i < ucl.length; i++) expect(ucl[i].x === ucl[i - 1].x || ucl[i].y === ucl[i - 1].y).toBe(true);
    const [d0, d1] = model.yAxis.domain!;
    model.rows.forEach((r, i) => {
      const y = (320 * (d1 - r.ucl!)) / (d1 - d0);
      const level = ucl.findIndex((p, j) => j > 0 && p.y === ucl[j - 1].y && Math.min(p.x, ucl[j - 1].x) <= xs[i] && xs[i] <= Math.max(p.x, ucl[j - 1].x));
      expect(level).toBeGreaterThan(0);
      expect(ucl[level].y).toBeCloseTo(y, 9);
    });
  });

  it('labels the y axis with d3 ticks of the domain and the x axis without overlapping labels', () => {
    const model = chartModel(measure());
    const [d0, d1] = model.yAxis.domain!;
    const y = scaleLinear().domain([d0, d1]).range([320, 0]);
    expect(model.yAxis.ticks.map((t) => t.value)).toEqual(y.ticks(8));
    expect(model.yAxis.ticks.map((t) => t.label)).toEqual(y.ticks(8).map(y.tickFormat(8, ',f')));
    for (const t of model.yAxis.ticks) expect(t.at).toBe(Math.round(y(t.value)));
    const shown = model.xAxis.ticks.filter((t) => t.label !== null);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown[0].label).toMatch(/^[A-Z][a-z]{2} 20\d\d$/);
    const boxes = shown.map((t) => textBox(AXIS_LABEL, t.label!, t.labelAt.x, 0, 'center', 'top'));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].x1).toBeGreaterThanOrEqual(boxes[i - 1].x2);
    // Ticks are the d3 UTC ticks of the padded domain, whether or not their label is shown.
    const t0 = Date.parse('2023-01-01');
    const t1 = Date.parse('2024-06-01');
    const pad = (t1 - t0) * (720 / 696 - 1) / 2;
    expect(model.xAxis.ticks.map((t) => t.value)).toEqual(scaleUtc().domain([t0 - pad, t1 + pad]).ticks(8).map((d) => d.getTime()));
  });

  it('keeps a run chart to its median line, and the target', () => {
    const run = chartModel(runChart());
    expect(run.drawn).toEqual(['centre']);
    expect(run.edgeLabels.map((l) => l.text)).toEqual(['Median']);
    const target = chartModel(annotated({}, [], 0.3));
    const [d0, d1] = target.yAxis.domain!;
    expect(target.target!.value).toBe(0.3);
    expect(target.target!.y).toBeCloseTo((320 * (d1 - 0.3)) / (d1 - d0), 9);
  });

  it('lays out the picture where Vega puts it: size, plot, legend and title', async () => {
    const cases: MeasureRecord[] = [measure(), annotated({ '2023-10': 'Festival' }, ['Before', 'After'], 0.3), pChart(), runChart()];
    for (const m of cases) {
      const model = chartModel(m);
      const svg = await renderChartVega(m);
      expect(/width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number)).toEqual([model.width, model.height]);
      expect(/stroke-miterlimit="4" transform="translate\(([-\d.]+),([-\d.]+)\)/.exec(svg)!.slice(1).map(Number)).toEqual([model.plot.x, model.plot.y]);
      const legend = /role-legend".*?translate\(([-\d.]+),([-\d.]+)\)/.exec(svg)!.slice(1).map(Number);
      expect(legend).toEqual([model.legend.titleAt.x, model.legend.titleAt.y - 9]);
      const title = /role-title">.*?translate\(([-\d.]+),([-\d.]+)\)/.exec(svg)!.slice(1).map(Number);
      expect(title).toEqual([Number(model.title.textAt.x.toFixed(2)), model.title.textAt.y - 12]);
    }
  });
});

describe('hideOverlaps', () => {
  const label = (x: number, w: number) => ({ index: 0, box: Bounds.of(x, 0, x + w, 10), visible: true });

  it('hides every other label until none overlap', () => {
    const labels = [0, 10, 20, 30, 40].map((x) => label(x, 15));
    hideOverlaps(labels);
    expect(labels.map((l) => l.visible)).toEqual([true, false, true, false, true]);
    const wide = [0, 10, 20, 30, 40].map((x) => label(x, 25));
    hideOverlaps(wide);
    expect(wide.map((l) => l.visible)).toEqual([true, false, false, false, true]);
  });

  it('leaves labels that only touch, and fewer than three', () => {
    const touching = [0, 10, 20].map((x) => label(x, 10));
    hideOverlaps(touching);
    expect(touching.every((l) => l.visible)).toBe(true);
    const two = [0, 5].map((x) => label(x, 10));
    hideOverlaps(two);
    expect(two.every((l) => l.visible)).toBe(true);
  });

  it('shows the last label rather than the last one left when fewer than three are left', () => {
    const labels = [0, 10, 20, 30].map((x) => label(x, 25));
    hideOverlaps(labels);
    expect(labels.map((l) => l.visible)).toEqual([true, false, false, true]);
  });
});

describe('layoutNotes', () => {
  it('builds its obstacles (and their cost map) only when there is a note to place', () => {
    for (const [notes, calls] of [[{}, 0], [{ '2023-10': 'Festival', '2024-01': 'Later' }, 1]] as const) {
      const m = annotated(notes, [], null);
      const rows = chartRows(m, 1);
      const frame = chartFrame(m, rows, ['centre'], null);
      let built = 0;
      const placed = layoutNotes(rows, frame, () => {
        built++;
        return [];
      });
      expect(built).toBe(calls);
      expect(placed).toHaveLength(Object.keys(notes).length);
    }
  });
});
