import { describe, expect, it } from 'vitest';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { chartSpec, chartTypeName, renderChartSvg, roundCoordinates, textWidth, TARGET_COLOUR } from './chart.js';
import { annotated, measure, pChart, runChart } from '../../test/chart-measures.js';

type Row = Record<string, unknown>;
const specRows = (spec: object): Row[] => (spec as { data: { values: Row[] } }).data.values;

interface Layer {
  name?: string;
  mark: { type: string; interpolate?: string; stroke?: string };
  data?: { values: Row[] };
  encoding: Record<string, any>;
}
const layers = (spec: object): Layer[] => (spec as { layer: Layer[] }).layer;
const layer = (spec: object, name: string): Layer | undefined => layers(spec).find((l) => l.name === name);
const yDomain = (spec: object): [number, number] => layer(spec, 'series')!.encoding.y.scale.domain;

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

describe('chart types', () => {
  it('names every chart type in the subtitle and the description', () => {
    const names: Record<string, string> = {
      xmr: 'XmR chart', mr: 'MR chart', run: 'run chart', p: 'p chart', pp: 'p\u2032 chart (Laney)', u: 'u chart',
      up: 'u\u2032 chart (Laney)', c: 'c chart', np: 'np chart', g: 'g chart', t: 't chart',
      'xbar-s': 'X\u0304 chart (with S)', 'xbar-r': 'X\u0304 chart (with R)', s: 'S chart', r: 'R chart',
    };
    for (const [id, name] of Object.entries(names)) {
      expect(chartTypeName(id)).toBe(name);
      const spec = chartSpec({ ...measure(), chart: id }) as { title: { subtitle: string }; description: string };
      const start = id === 'run' ? 'Run chart' : name;
      expect(spec.title.subtitle.startsWith(`${start} \u00b7 `)).toBe(true);
      expect(spec.description.startsWith(`${start} of Anti-social behaviour incidents:`)).toBe(true);
    }
    expect(chartTypeName('other')).toBe('other chart');
  });

  it('says which x-bar chart an S or R chart belongs to', () => {
    const spec = chartSpec({ ...measure('Fill weight (S)'), chart: 's', companionOf: 'Fill weight' }) as { title: { subtitle: string }; description: string };
    expect(spec.title.subtitle).toContain('S chart \u00b7 companion to the X\u0304 chart of Fill weight');
    expect(spec.description).toContain('S chart of Fill weight (S) (companion to the X\u0304 chart of Fill weight)');
  });

  it('draws only the median on a run chart, and says so', () => {
    const spec = chartSpec(runChart());
    const lines = layers(spec).filter((l) => l.mark.type === 'line' && l.encoding.y.field !== 'value');
    expect(lines.map((l) => l.encoding.y.field)).toEqual(['centre']);
    expect(layer(spec, 'median-label')!.data!.values[0].text).toBe('Median');
    const description = (spec as { description: string }).description;
    expect(description).toContain('median 0.15');
    expect(description).toContain('longest run 8 (a signal above 7), 3 crossings (a signal below 5)');
    expect(description).not.toContain('limits');
  });

  it('draws varying limits as steps centred on the points, constant ones as straight lines', () => {
    const stepped = layers(chartSpec(pChart())).filter((l) => l.mark.type === 'line' && l.encoding.y.field !== 'value');
    expect(stepped.map((l) => l.encoding.y.field).sort()).toEqual(['centre', 'lcl', 'lower2', 'ucl', 'upper2']);
    for (const l of stepped) expect(l.mark.interpolate).toBe('step');
    const straight = layers(chartSpec(measure())).filter((l) => l.mark.type === 'line' && l.encoding.y.field !== 'value');
    for (const l of straight) expect(l.mark.interpolate).toBe('linear');
    // Differing lines within a phase are drawn as steps even without the phase's flag.
    const unflagged = { ...pChart(), phases: pChart().phases.map((ph) => ({ ...ph, limitsVary: false })) };
    expect(layer(chartSpec(unflagged), 'ucl')!.mark.interpolate).toBe('step');
  });

  it('describes varying and clamped limits, and counts behind proportions', () => {
    const spec = chartSpec(pChart(), { multiply: 100 }) as { description: string };
    expect(spec.description).toContain('limits vary from point to point, lower limit clamped at 0');
    expect(spec.description).toContain('Target: 15.');
    const rows = specRows(spec);
    expect(rows[0].label).toBe('2023-01: 22.5 (9/40), common cause');
  });
});

describe('target, notes and phase labels', () => {
  it('draws the target as a labelled dot-dash rule and keeps it in the y domain', () => {
    const spec = chartSpec(annotated({}, [], 0.3));
    const rule = layer(spec, 'target')!;
    expect(rule.mark.type).toBe('rule');
    expect(rule.mark.stroke).toBe(TARGET_COLOUR);
    expect(rule.data!.values[0].target).toBe(0.3);
    expect(rule.encoding.y.field).toBe('target');
    expect(layer(spec, 'target-label')!.data!.values[0].text).toBe('Target 0.3');
    // 0.3 is above every value and line: the domain reaches it.
    expect(yDomain(spec)[1]).toBeGreaterThanOrEqual(0.3);
    expect((spec as { description: string }).description).toContain('Target: 0.3.');
    // Scaled with the values.
    expect(layer(chartSpec(annotated({}, [], 0.3), { multiply: 100 }), 'target-label')!.data!.values[0].text).toBe('Target 30');
    expect(layer(chartSpec(measure()), 'target')).toBeUndefined();
  });

  it('labels annotated points inside the plot, clear of each other, and lists them in the description', () => {
    const long = 'A remarkably long annotation that goes on and on and should be cut short with an ellipsis';
    const notes = { '2023-01': 'First month', '2023-02': 'Second month, right beside the first', '2023-10': 'Festival', '2023-12': 'Outage', '2024-06': long };
    const spec = chartSpec(annotated(notes, [], null));
    expect(specRows(spec)[9].note).toBe('Festival');
    expect(specRows(spec)[8].note).toBeNull();
    const labels = layer(spec, 'notes')!.data!.values as { period: string; note: string; text: string; x: number; y: number }[];
    expect(labels.map((l) => l.period)).toEqual(Object.keys(notes));
    expect(labels.find((l) => l.period === '2023-10')!.text).toBe('Festival');
    const cut = labels.find((l) => l.period === '2024-06')!;
    expect(cut.note).toBe(long);
    expect(cut.text.endsWith('\u2026')).toBe(true);
    expect(textWidth({ fontSize: 10 }, cut.text)).toBeLessThanOrEqual(200);
    const boxes = labels.map((l) => ({ x0: l.x, x1: l.x + textWidth({ fontSize: 10 }, l.text), y0: l.y - 6, y1: l.y + 6 }));
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(720);
      expect(b.y0).toBeGreaterThanOrEqual(0);
      expect(b.y1).toBeLessThanOrEqual(320);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0).toBe(true);
      }
    }
    // A ring round each annotated point that has a value; a cross in the gap of the missing 2023-12.
    expect(layer(spec, 'note-markers')!.data!.values).toHaveLength(4);
    expect(layer(spec, 'note-gaps')!.data!.values.map((g) => g.period)).toEqual(['2023-12']);
    const description = (spec as { description: string }).description;
    expect(description).toContain(`Notes: 2023-01: First month; 2023-02: Second month, right beside the first; 2023-10: Festival; 2023-12: Outage; 2024-06: ${long}.`);
  });

  it('keeps room above an annotated point at the top of the chart for its label', () => {
    // 2023-10 (0.22) is the highest value; with the upper lines left out it is the top of the data.
    const base = annotated({ '2023-10': 'Peak' }, [], null);
    const m = { ...base, points: base.points.map((p) => ({ ...p, ucl: null, upper2sigma: null })) };
    const spec = chartSpec(m);
    const [lo, hi] = yDomain(spec);
    const pointY = (320 * (hi - 0.22)) / (hi - lo);
    const label = layer(spec, 'notes')!.data!.values[0] as { y: number };
    expect(pointY).toBeGreaterThanOrEqual(23);
    expect(label.y).toBeLessThan(pointY);
    expect(label.y).toBeGreaterThanOrEqual(6);
  });

  it('writes phase labels at the top-left of their phases and lists the phases', () => {
    const spec = chartSpec(annotated({}, ['Before', 'After the new team'], null));
    const labels = layer(spec, 'phase-labels')!.data!.values as { label: string; text: string; x: number; y: number }[];
    expect(labels.map((l) => l.text)).toEqual(['Before', 'After the new team']);
    expect(labels[0].x).toBeLessThan(labels[1].x);
    for (const l of labels) expect(l.y).toBeLessThan(10);
    expect(layer(spec, 'phase-rules')!.data!.values).toEqual([{ date: '2023-11-01', phase: 1 }]);
    // Room is kept for them: the highest line (0.236) is clear of the label band.
    const [lo, hi] = yDomain(spec);
    expect((320 * (hi - 0.236)) / (hi - lo)).toBeGreaterThanOrEqual(18);
    const description = (spec as { description: string }).description;
    expect(description).toContain('Phase 1 "Before" (2023-01 to 2023-10): centre 0.13, limits 0.1 to 0.16; phase 2 "After the new team" (2023-11 to 2024-06): centre 0.2, limits 0.164 to 0.236.');
    expect(layer(chartSpec(measure()), 'phase-labels')).toBeUndefined();
  });

  it('renders labels escaped and deterministically', async () => {
    const m = annotated({ '2023-10': 'Festival <Carnival & "fair">' }, ['Before <pilot>', 'After & beyond'], 0.3);
    const svg = await renderChartSvg(m);
    expect(svg).toContain('Festival &lt;Carnival &amp; &quot;fair&quot;&gt;');
    expect(svg).toContain('Before &lt;pilot&gt;');
    expect(svg).toContain('After &amp; beyond');
    expect(svg).toContain('Target 0.3');
    expect(svg).not.toContain('<Carnival');
    expect(svg).not.toContain('<pilot>');
    expect(svg.toLowerCase()).toContain(TARGET_COLOUR.toLowerCase());
    const desc = /<desc>(.*)<\/desc>/.exec(svg)![1];
    expect(desc).toContain('Target: 0.3.');
    expect(desc).toContain('Notes: 2023-10: Festival &lt;Carnival &amp; &quot;fair&quot;&gt;.');
    expect(desc).toContain('Phase 1 &quot;Before &lt;pilot&gt;&quot;');
    expect(await renderChartSvg(m)).toBe(svg);
    expect(JSON.stringify(chartSpec(m))).toBe(JSON.stringify(chartSpec(m)));
  });

  it('renders a p chart with stepped limits and a run chart', async () => {
    const p = await renderChartSvg(pChart());
    expect(p.startsWith('<svg')).toBe(true);
    expect(await renderChartSvg(pChart())).toBe(p);
    const run = await renderChartSvg(runChart());
    expect(run.startsWith('<svg')).toBe(true);
    expect(run).toContain('>Median<');
  });
});

describe('SVG coordinates', () => {
  it('rounds numbers inside tags to 2 decimals and leaves text alone', () => {
    expect(roundCoordinates('<path d="M12.3456,7.000001L-0.004,3"/><text x="1.23456">34.80183</text>')).toBe(
      '<path d="M12.35,7L0,3"/><text x="1.23">34.80183</text>',
    );
  });
});
