/**
 * The two chart renderers draw the same picture: every chart of a realistic corpus
 * (test/chart-corpus.ts, built through the real pipeline) is rendered by the direct SVG writer
 * (`chartSvgFor`) and by Vega (`renderChartVega`), both SVGs are rasterised by resvg at the same
 * size with the same bundled fonts (png.ts), and the pixels are compared.
 *
 * Per chart: the pictures have the same size; at most 0.1 % of the pixels differ; and no pixel
 * differs by more than 24 levels (of 255) in any channel, so a missing, moved or recoloured mark
 * or label fails even where it covers few pixels. What remains (measured: at most 0.03 % of a
 * chart's pixels, by at most 10 levels) is antialiasing where Vega draws a constant line as a
 * polyline through every point and the direct writer as one segment, and the odd glyph edge;
 * docs/charts.md ("Conformance") says more.
 */
import { describe, expect, it } from 'vitest';
import { chartCorpus, type CorpusChart } from './chart-corpus.js';
import { chartSvgFor, renderChartVega } from '../src/render/chart.js';
import { svgToPixels } from '../src/render/png.js';

const MAX_FRACTION = 0.001;
const MAX_LEVELS = 24;

interface Comparison {
  readonly name: string;
  readonly size: [number, number, number, number];
  readonly fraction: number;
  readonly levels: number;
}

/** Both renderings of one chart, rasterised and compared pixel by pixel. */
async function compare(c: CorpusChart): Promise<Comparison> {
  const vega = svgToPixels(await renderChartVega(c.measure));
  const direct = svgToPixels(chartSvgFor(c.measure));
  const size: Comparison['size'] = [vega.width, vega.height, direct.width, direct.height];
  if (vega.width !== direct.width || vega.height !== direct.height) return { name: c.name, size, fraction: 1, levels: 255 };
  let differing = 0;
  let levels = 0;
  const a = vega.pixels;
  const b = direct.pixels;
  for (let i = 0; i < a.length; i += 4) {
    const d = Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2]));
    if (d > 0) differing++;
    if (d > levels) levels = d;
  }
  return { name: c.name, size, fraction: differing / (vega.width * vega.height), levels };
}

describe('the direct SVG writer and the Vega render', () => {
  const corpus = chartCorpus();

  it('cover every chart type and case of the corpus', () => {
    expect(new Set(corpus.map((c) => c.measure.chart))).toEqual(new Set(['xmr', 'mr', 'run', 'p', 'pp', 'u', 'up', 'c', 'np', 'g', 't', 'xbar-s', 's', 'xbar-r', 'r']));
    expect(corpus.length).toBeGreaterThan(80);
  });

  it('draw the same picture, chart by chart', async () => {
    const results: Comparison[] = [];
    for (const c of corpus) results.push(await compare(c));
    for (const r of results) {
      expect(r.size[2] * 10000 + r.size[3], `${r.name}: size ${r.size.join(',')}`).toBe(r.size[0] * 10000 + r.size[1]);
      expect(r.fraction, `${r.name}: ${(100 * r.fraction).toFixed(3)} % of pixels differ`).toBeLessThanOrEqual(MAX_FRACTION);
      expect(r.levels, `${r.name}: a pixel differs by ${r.levels} levels`).toBeLessThanOrEqual(MAX_LEVELS);
    }
    // Most charts are identical to the pixel.
    expect(results.filter((r) => r.fraction === 0).length).toBeGreaterThan(10);
  }, 120_000);
});
