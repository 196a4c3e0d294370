/** The terminal table: colour only when asked, the latest point and its signals, numbers for display. */
import { describe, expect, it } from 'vitest';
import { analyseXmr, preset } from '../core/index.js';
import { buildMeasureRecord } from '../model/document.js';
import { parsePeriod } from '../io/periods.js';
import { formatNumber, summaryTable } from './table.js';

function record(name: string, values: (number | null)[]) {
  const periods = values.map((_, i) => parsePeriod(`2020-${String(i + 1).padStart(2, '0')}`)!);
  const a = analyseXmr(values, { rules: preset('default'), direction: 'lower-is-better' });
  return buildMeasureRecord({ measure: name, source: 'x.csv', chart: 'xmr', periods, denominators: null }, a);
}

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
