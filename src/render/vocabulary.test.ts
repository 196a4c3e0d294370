/** Renderer details: safe file names, CSV injection guard, terminal table colour, shared vocabulary. */
import { describe, expect, it } from 'vitest';
import { slug, uniqueSlugs } from './names.js';
import { pointsCsv, safeText } from './csv.js';
import { formatNumber, summaryTable } from './table.js';
import { analyseXmr, preset } from '../core/index.js';
import { buildMeasureRecord } from '../model/document.js';
import { parsePeriod } from '../io/periods.js';
import { CHART_TYPES } from '../core/charts/index.js';
import type { VariationIcon } from '../core/types.js';
import { assuranceIconSvg, variationIconSvg, variationLabel as iconLabel } from './icons.js';
import {
  chartName,
  chartSentenceName,
  directionWords,
  hasMedianCentre,
  VARIATION_COLOURS,
  VARIATIONS,
  variationColour,
  variationIconLabel,
  variationLabel,
} from './vocabulary.js';

function record(name: string, values: (number | null)[]) {
  const periods = values.map((_, i) => parsePeriod(`2020-${String(i + 1).padStart(2, '0')}`)!);
  const a = analyseXmr(values, { rules: preset('default'), direction: 'lower-is-better' });
  return buildMeasureRecord({ measure: name, source: 'x.csv', chart: 'xmr', periods, denominators: null }, a);
}

describe('file names from measure names', () => {
  it.each([
    ['Most serious violence', 'most-serious-violence'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['..', 'measure'],
    ['CON', 'con-measure'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
  ])('%s -> %s', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });
  it('limits length and keeps names unique', () => {
    expect(slug('x'.repeat(200))).toHaveLength(80);
    expect(uniqueSlugs(['A b', 'a-b', 'A  B'])).toEqual(['a-b', 'a-b-2', 'a-b-3']);
  });
});

describe('CSV output', () => {
  it('neutralises formula injection in text cells only', () => {
    expect(['=1+1', '+x', '-x', '@x', '\tx', '\rx', 'plain'].map(safeText)).toEqual(["'=1+1", "'+x", "'-x", "'@x", "'\tx", "'\rx", 'plain']);
    const csv = pointsCsv([record('=HYPERLINK("http://x")', [-1, -2, -3])]);
    const first = csv.split('\n')[1];
    expect(first.startsWith(`"'=HYPERLINK(""http://x"")",2020-01,2020-01-01,-1,`)).toBe(true);
  });
});

describe('terminal table', () => {
  const m = record('Knife crime', [10, 12, 11, 13, 30]);
  it('is plain without colour and coloured with it', () => {
    expect(summaryTable([m], false)).not.toContain('\u001b[');
    expect(summaryTable([m], true)).toContain('\u001b[');
  });
  it('shows the latest point and the signals', () => {
    const t = summaryTable([m], false);
    // 30 is above UCL = 15.2 + 3 * (2+1+2+17)/4/1.128 = 29.83: a concern (lower is better), high.
    expect(t).toContain('concern (high): outside-limits');
  });
  it('formats numbers for display only', () => {
    expect([formatNumber(1234.567), formatNumber(29.8284), formatNumber(0.012345), formatNumber(null), formatNumber(0)]).toEqual([
      '1235', '29.83', '0.0123', '-', '0',
    ]);
  });
});

describe('SVG coordinates', () => {
  it('rounds numbers inside tags to 2 decimals and leaves text alone', async () => {
    const { roundCoordinates } = await import('./chart.js');
    expect(roundCoordinates('<path d="M12.3456,7.000001L-0.004,3"/><text x="1.23456">34.80183</text>')).toBe(
      '<path d="M12.35,7L0,3"/><text x="1.23">34.80183</text>',
    );
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

describe('vocabulary', () => {
  it('names every chart type, an unknown one as "<id> chart"', () => {
    for (const id of [...CHART_TYPES, 's', 'r']) expect(chartName(id)).toMatch(/ chart\b/);
    expect(chartName('xmr')).toBe('XmR chart');
    expect(chartName('PP')).toBe('p\u2032 chart (Laney)');
    expect(chartName('xbar-s')).toBe('X\u0304 chart (with S)');
    expect(chartName('zz')).toBe('zz chart');
    expect(chartSentenceName('run')).toBe('Run chart');
    expect(chartSentenceName('np')).toBe('np chart');
    expect(hasMedianCentre('run') && hasMedianCentre('g') && !hasMedianCentre('xmr')).toBe(true);
  });

  it('words a direction', () => {
    expect(directionWords('higher-is-better')).toBe('higher is better');
    expect(directionWords('lower-is-better')).toBe('lower is better');
    expect(directionWords('neutral')).toBe('no preferred direction');
  });

  it('gives a chart legend key and an icon the same label and colour', () => {
    const icons: VariationIcon[] = ['common-cause', 'improvement-high', 'improvement-low', 'concern-high', 'concern-low', 'neutral-high', 'neutral-low'];
    for (const icon of icons) {
      const [variation, side] = icon === 'common-cause' ? (['common-cause', null] as const) : (icon.split('-') as ['improvement', 'high']);
      expect(iconLabel(icon)).toBe(variationLabel(variation, side));
      expect(variationIconSvg(icon)).toContain(`stroke="${variationColour(variation)}"`);
    }
    expect(variationIconLabel('none')).toBe('No limits');
    expect(variationLabel('concern', 'low')).toBe('Concern (low)');
    expect(variationLabel('common-cause', 'high')).toBe('Common cause');
    expect(VARIATIONS.map((v) => VARIATION_COLOURS[v])).toEqual(['#A6A6A6', '#00B0F0', '#E46C0A', '#490092']);
    expect(assuranceIconSvg('pass')).toContain(VARIATION_COLOURS.improvement);
    expect(assuranceIconSvg('fail')).toContain(VARIATION_COLOURS.concern);
  });
});
