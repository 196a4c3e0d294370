/** A point's variation from the rules that hit it: the preset's precedence and the direction decide. */
import { describe, expect, it } from 'vitest';
import { preset } from './presets.js';
import { classifyPoint } from './variation.js';

describe('classifyPoint', () => {
  it('ptd: precedence outside-limits > trend > near-limit > shift decides a point', () => {
    // Lower is better; a point in a falling trend (improvement) that is also above the UCL
    // (concern): outside-limits comes first, so concern. Under improvement-wins it is improvement.
    const hits = [
      { rule: 'outside-limits' as const, side: 'high' as const },
      { rule: 'trend' as const, side: 'low' as const },
    ];
    expect(classifyPoint(hits, 'lower-is-better', preset('ptd'))).toEqual({ variation: 'concern', side: 'high' });
    expect(classifyPoint(hits, 'lower-is-better', preset('default'))).toEqual({ variation: 'improvement', side: 'low' });
  });
  it('alternating alone is neutral whatever the direction', () => {
    expect(classifyPoint([{ rule: 'alternating', side: 'high' }], 'higher-is-better', preset('default'))).toEqual({ variation: 'neutral', side: 'high' });
  });
});
