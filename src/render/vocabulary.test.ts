/**
 * The shared vocabulary: chart names, direction words, and one label and colour for each kind of
 * variation, on charts and icons alike.
 */
import { describe, expect, it } from 'vitest';
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
