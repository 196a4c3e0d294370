import { describe, expect, it } from 'vitest';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { chartSpec, renderChartSvg, textWidth } from '../src/render/chart.js';
import type { MeasureRecord, PointRecord } from '../src/render/document.js';
import type { RuleId, RuleSet, Side, Variation } from '../src/core/types.js';
import { preset } from '../src/core/presets.js';

const RULES: RuleSet = preset('default');

interface PointSpec {
  value: number | null;
  phase: number;
  signals?: RuleId[];
  side?: Side;
  variation?: Variation;
}

/**
 * 18 monthly points (Jan 2023 to Jun 2024) in two phases, one missing value, an improvement
 * above the upper limit and a concern below the lower limit, both signalled.
 */
function measure(name = 'Anti-social behaviour incidents', unit?: string): MeasureRecord {
  const raw: PointSpec[] = [
    ...[0.12, 0.14, 0.13, 0.15, 0.11, 0.12, 0.14, 0.13, 0.12].map((value) => ({ value, phase: 0 })),
    { value: 0.22, phase: 0, signals: ['outside-limits'], side: 'high', variation: 'improvement' },
    ...[0.19, null, 0.2, 0.21, 0.18, 0.2, 0.19].map((value) => ({ value, phase: 1 })),
    { value: 0.14, phase: 1, signals: ['outside-limits'], side: 'low', variation: 'concern' },
  ];
  const lines = [
    { centre: 0.13, sigma: 0.01 },
    { centre: 0.2, sigma: 0.012 },
  ];
  const points: PointRecord[] = raw.map((r, i) => {
    const year = 2023 + Math.floor(i / 12);
    const month = (i % 12) + 1;
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    const { centre, sigma } = lines[r.phase];
    return {
      period: date.slice(0, 7),
      date,
      value: r.value,
      denominator: null,
      phase: r.phase,
      baseline: true,
      excluded: false,
      centre,
      lcl: centre - 3 * sigma,
      ucl: centre + 3 * sigma,
      sigma,
      signals: r.signals ?? [],
      side: r.side ?? null,
      variation: r.variation ?? 'common-cause',
      lower1sigma: centre - sigma,
      upper1sigma: centre + sigma,
      lower2sigma: centre - 2 * sigma,
      upper2sigma: centre + 2 * sigma,
    };
  });
  return {
    measure: name,
    chart: 'xmr',
    direction: 'higher-is-better',
    ...(unit ? { unit } : {}),
    source: 'test',
    rules: RULES,
    phases: [
      { index: 0, start: '2023-01', end: '2023-10', n: 10, baselineN: 10, limitN: 10, movingRanges: 9, screenedMovingRanges: 0, centre: 0.13, ucl: 0.16, lcl: 0.1, sigma: 0.01, mrBar: 0.0113, lclClamped: false, uclClamped: false, limitsVary: false },
      { index: 1, start: '2023-11', end: '2024-06', n: 7, baselineN: 7, limitN: 7, movingRanges: 5, screenedMovingRanges: 0, centre: 0.2, ucl: 0.236, lcl: 0.164, sigma: 0.012, mrBar: 0.0135, lclClamped: false, uclClamped: false, limitsVary: false },
    ],
    points,
    summary: {
      n: 17,
      missing: 1,
      latestPeriod: '2024-06',
      latestValue: 0.14,
      centre: 0.2,
      lcl: 0.164,
      ucl: 0.236,
      signalCounts: { 'outside-limits': 2 },
      latestSignals: ['outside-limits'],
      variationIcon: 'concern-low',
      assuranceIcon: 'none',
      target: null,
    },
    warnings: ['2023-12: missing value (plotted as a gap; no limit, moving range or run uses it)'],
  };
}

type Row = Record<string, unknown>;
const specRows = (spec: object): Row[] => (spec as { data: { values: Row[] } }).data.values;

describe('chartSpec', () => {
  it('is a valid Vega-Lite spec with the data inline', () => {
    const spec = chartSpec(measure());
    const compiled = vl.compile(spec as TopLevelSpec);
    expect(compiled.spec).toBeTruthy();
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/"url"/);
    expect(specRows(spec)).toHaveLength(18);
  });

  it('computes two-sigma lines and keeps nulls for missing values', () => {
    const rows = specRows(chartSpec(measure()));
    expect(rows[0].upper2).toBeCloseTo(0.15, 12);
    expect(rows[0].lower2).toBeCloseTo(0.11, 12);
    expect(rows[11].value).toBeNull();
  });

  it('scales values and lines with multiply', () => {
    const plain = specRows(chartSpec(measure()));
    const scaled = specRows(chartSpec(measure(), { multiply: 100 }));
    expect(scaled[0].value).toBe(12);
    expect(scaled[9].value).toBe(22);
    for (const key of ['value', 'centre', 'ucl', 'lcl', 'upper2', 'lower2']) {
      for (let i = 0; i < plain.length; i++) {
        const a = plain[i][key] as number | null;
        const b = scaled[i][key] as number | null;
        if (a === null) expect(b).toBeNull();
        else expect(b).toBeCloseTo(a * 100, 9);
      }
    }
  });

  it('titles the y axis with the unit, or "Value"', () => {
    expect(JSON.stringify(chartSpec(measure('m', 'incidents per 1,000')))).toContain('"title":"incidents per 1,000"');
    expect(JSON.stringify(chartSpec(measure('m')))).toContain('"title":"Value"');
  });

  it('gives signalled points their own shape and size, and draws lines per phase', () => {
    const spec = chartSpec(measure()) as { layer: { mark: { type: string }; encoding: Record<string, any> }[] };
    const points = spec.layer.find((l) => l.mark.type === 'point')!;
    expect(points.encoding.color.scale.domain).toEqual(['Common cause', 'Improvement (high)', 'Concern (low)']);
    expect(points.encoding.color.scale.range).toEqual(['#A6A6A6', '#00B0F0', '#E46C0A']);
    expect(points.encoding.shape.scale.range).toEqual(['circle', 'triangle-up', 'triangle-down']);
    expect(points.encoding.size.condition.value).toBeGreaterThan(points.encoding.size.value);
    const lines = spec.layer.filter((l) => l.mark.type === 'line' && l.encoding.y.field !== 'value');
    expect(lines.map((l) => l.encoding.y.field).sort()).toEqual(['centre', 'lcl', 'lower2', 'ucl', 'upper2']);
    for (const l of lines) expect(l.encoding.detail.field).toBe('phase');
  });

  it('describes the signals', () => {
    const spec = chartSpec(measure()) as { description: string };
    expect(spec.description).toContain('2023-10');
    expect(spec.description).toContain('improvement');
    expect(spec.description).toContain('2024-06');
    expect(spec.description).toContain('concern');
  });
});

describe('renderChartSvg', () => {
  it('renders a deterministic SVG with title, MDC colours and shapes', async () => {
    const m = measure();
    const svg = await renderChartSvg(m);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Anti-social behaviour incidents');
    const lower = svg.toLowerCase();
    expect(lower).toContain('#00b0f0'); // improvement
    expect(lower).toContain('#e46c0a'); // concern
    expect(lower).toContain('#a6a6a6'); // common cause
    expect(lower).not.toContain('#490092'); // neutral: not present in this measure
    expect(svg).toContain('<desc>');
    expect(svg).toContain('stroke-dasharray');
    const again = await renderChartSvg(m);
    expect(again).toBe(svg);
  });

  it('escapes names from data', async () => {
    for (const name of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']) {
      const svg = await renderChartSvg(measure(name));
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/<img/i);
      expect(svg).toContain(name.includes('script') ? '&lt;script&gt;' : '&lt;img src=x');
      expect(svg.startsWith('<svg')).toBe(true);
    }
  });

  it('renders a measure without limits or observed values', async () => {
    const base = measure('No limits');
    const points = base.points.map((p) => ({ ...p, centre: null, lcl: null, ucl: null, sigma: null, signals: [], side: null, variation: 'common-cause' as const }));
    const svg = await renderChartSvg({ ...base, points });
    expect(svg.startsWith('<svg')).toBe(true);
    const allMissing = await renderChartSvg({ ...base, points: base.points.map((p) => ({ ...p, value: null })) });
    expect(allMissing.startsWith('<svg')).toBe(true);
    const none = await renderChartSvg({ ...base, phases: [], points: [] });
    expect(none.startsWith('<svg')).toBe(true);
  });
});

describe('textWidth', () => {
  it('is a fixed estimate that depends only on text, size and weight', () => {
    const ab = textWidth({ fontSize: 10 }, 'ab');
    expect(ab).toBeGreaterThan(10); // two 0.556 em glyphs at 10 px, plus a little headroom
    expect(ab).toBeLessThan(12.5);
    expect(textWidth({ fontSize: 20 }, 'ab')).toBeCloseTo(2 * ab, 1);
    expect(textWidth({ fontSize: 10 }, ' ab ')).toBe(ab);
    expect(textWidth({ fontSize: 10 }, 'iii')).toBeLessThan(textWidth({ fontSize: 10 }, 'WWW'));
    expect(textWidth({ fontSize: 10, fontWeight: 'bold' }, 'ab')).toBeGreaterThan(ab);
    expect(textWidth({ fontSize: 10 }, '')).toBe(0);
    expect(textWidth({ fontSize: 10, limit: 5 }, 'abcdef')).toBe(5);
  });
});
