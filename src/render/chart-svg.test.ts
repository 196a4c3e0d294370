import { describe, expect, it, vi } from 'vitest';
import { annotated, measure, pChart, runChart } from '../../test/chart-measures.js';
import { chartModel } from './chart-model.js';
import { chartSvg } from './chart-svg.js';
import { chartSvgFor, renderChartSvg, renderChartVega } from './chart.js';

// Vega and Vega-Lite stand-ins that only record being loaded: the default renderer must not load them.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('vega', () => {
  loaded.add('vega');
  throw new Error('vega loaded');
});
vi.mock('vega-lite', () => {
  loaded.add('vega-lite');
  throw new Error('vega-lite loaded');
});

/** The start tags of an SVG text, with their attributes. */
const tags = (svg: string) => [...svg.matchAll(/<([a-z]+)\b([^>]*)>/g)].map((m) => ({ name: m[1], attrs: m[2] }));
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

describe('chartSvg', () => {
  it('is a standalone image with the name, the description and a tooltip for each point', () => {
    const m = measure();
    const model = chartModel(m);
    const svg = chartSvg(model);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+" role="img" aria-label="Anti-social behaviour incidents"/);
    expect(svg).toContain(`<title>Anti-social behaviour incidents</title><desc>${model.description}</desc>`);
    const root = tags(svg)[0].attrs;
    expect([attr(root, 'width'), attr(root, 'height')].map(Number)).toEqual([model.width, model.height]);
    expect(attr(root, 'font-family')).toBe('Arial, Helvetica, sans-serif');
    const tips = [...svg.matchAll(/<(circle|path)\b[^>]*><title>([^<]*)<\/title><\/\1>/g)].map((x) => x[2]);
    expect(tips).toEqual(model.points.map((p) => p.tooltip));
    expect(tips).toContain('2023-10: 0.22, improvement (outside-limits)');
    expect(tips).toHaveLength(17);
  });

  it('draws a constant line as one segment per phase and varying limits as steps', () => {
    const svg = chartSvg(chartModel(measure()));
    const centre = tags(svg).filter((t) => t.name === 'path' && attr(t.attrs, 'stroke') === '#3f3f3f' && attr(t.attrs, 'stroke-width') === '1.5');
    expect(centre.map((t) => attr(t.attrs, 'd'))).toHaveLength(2);
    for (const t of centre) expect(attr(t.attrs, 'd')).toMatch(/^M[\d.]+,[\d.]+H[\d.]+$/);
    const limits = tags(chartSvg(chartModel(pChart()))).filter((t) => attr(t.attrs, 'stroke-dasharray') === '6,4');
    expect(limits).toHaveLength(2);
    for (const t of limits) expect(attr(t.attrs, 'd')).toMatch(/^M[\d.]+,[\d.]+([HV][\d.]+){3,}$/);
  });

  it('draws markers by variation and side with the legend shapes and colours', () => {
    const svg = chartSvg(chartModel(measure()));
    // Points in runs of one colour, each run a group that fills it; then the legend's symbols.
    const runs = [...svg.matchAll(/<g fill="(#[0-9A-F]{6})">(.*?)<\/g>/g)].map((g) => ({ colour: g[1], marks: tags(g[2]).filter((t) => t.name !== 'title') }));
    expect(runs.map((r) => [r.colour, r.marks.length])).toEqual([['#A6A6A6', 9], ['#00B0F0', 1], ['#A6A6A6', 6], ['#E46C0A', 1]]);
    expect(runs.filter((r) => r.colour === '#A6A6A6').every((r) => r.marks.every((t) => t.name === 'circle' && attr(t.attrs, 'r') === '3'))).toBe(true);
    const [up, down] = [runs[1].marks[0], runs[3].marks[0]];
    expect([up.name, attr(up.attrs, 'd')]).toEqual(['path', 'M0,-4.11L-4.74,4.11L4.74,4.11Z']);
    expect([down.name, attr(down.attrs, 'd')]).toEqual(['path', 'M0,4.11L-4.74,-4.11L4.74,-4.11Z']);
    expect(svg).toContain('r="5" fill="#A6A6A6"');
    expect(svg).toContain('d="M0,-4.33L-5,4.33L5,4.33Z" fill="#00B0F0"');
    expect(svg).toContain('d="M0,4.33L-5,-4.33L5,-4.33Z" fill="#E46C0A"');
    expect(svg).toContain('>Improvement (high)</text>');
    expect(svg).toContain('>Concern (low)</text>');
  });

  it('is compact: coordinates to 0.01 px, no empty groups or paths, the same text every time', () => {
    for (const m of [measure(), annotated({ '2023-10': 'Festival', '2023-12': 'Outage' }, ['Before', 'After'], 0.3), pChart(), runChart()]) {
      const svg = chartSvgFor(m);
      const inTags = tags(svg).map((t) => t.attrs.replace(/"[^"]*(aria-label|font-family)[^"]*"/g, '')).join(' ');
      expect(inTags).not.toMatch(/\d\.\d{3}/);
      expect(svg).not.toMatch(/<g[^>]*><\/g>/);
      expect(svg).not.toMatch(/\sd=""/);
      expect(chartSvgFor(m)).toBe(svg);
    }
  });

  it('writes notes, phase labels and the target with their halos, escaped', () => {
    const m = annotated({ '2023-10': 'Festival <Carnival & "fair">', '2023-12': 'Outage' }, ['Before <pilot>', 'After'], 0.3);
    const svg = chartSvgFor(m);
    // Each label twice (halo, then text); the gap of the missing 2023-12 gets a cross.
    expect(svg.split('>Festival &lt;Carnival &amp; &quot;fair&quot;&gt;</text>')).toHaveLength(3);
    expect(svg.split('>Before &lt;pilot&gt;</text>')).toHaveLength(3);
    expect(svg).toContain('>Target 0.3</text>');
    expect(svg).toContain('stroke="#1B7837" stroke-width="1.5" stroke-dasharray="8,3,2,3"');
    expect(svg).toMatch(/d="M-2.74,-2.74L2.74,2.74M-2.74,2.74L2.74,-2.74" opacity="0.7"/);
    expect(svg).not.toContain('<Carnival');
    expect(runChart() && chartSvgFor(runChart())).toContain('>Median</text>');
  });

  it('renders a measure without observed values or points', () => {
    const base = measure('Nothing');
    for (const m of [{ ...base, points: base.points.map((p) => ({ ...p, value: null })) }, { ...base, phases: [], points: [] }]) {
      const svg = chartSvgFor(m);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).not.toContain('NaN');
      expect(svg).not.toContain('<title>2023');
    }
  });
});

describe('renderChartSvg', () => {
  it('writes the SVG directly by default, without loading Vega or Vega-Lite', async () => {
    const m = measure();
    expect(await renderChartSvg(m)).toBe(chartSvgFor(m));
    expect(await renderChartSvg(m, { renderer: 'svg' })).toBe(chartSvgFor(m));
    expect([...loaded]).toEqual([]);
    // The Vega renderer does load them (here, the stand-ins that refuse).
    await expect(renderChartVega(m)).rejects.toThrow();
    expect(loaded.size).toBeGreaterThan(0);
    loaded.clear();
    await expect(renderChartSvg(m, { renderer: 'vega' })).rejects.toThrow();
  });
});
