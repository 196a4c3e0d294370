/** The basic statistics (stats.ts): mean, median, moving ranges and screening them. */
import { describe, expect, it } from 'vitest';
import { mean, median, movingRanges, screenMovingRanges } from './stats.js';

describe('moving ranges and screening', () => {
  it('screening drops ranges at or above 3.267 x their mean, once', () => {
    // Ranges 1,1,1,1,1,1,1,1,1,10: mean 1.9, limit 6.2073: 10 goes; the rest average 1.
    const mrs = [1, 1, 1, 1, 1, 1, 1, 1, 1, 10];
    expect(screenMovingRanges(mrs, 3.267)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // Ranges 1, 1, 6.534: mean 2.845, limit 9.294: all kept.
    expect(screenMovingRanges([1, 1, 3.267 * 2], 3.267)).toEqual([1, 1, 6.534]);
    // All ranges zero (constant series): nothing to screen.
    expect(screenMovingRanges([0, 0, 0], 3.267)).toEqual([0, 0, 0]);
  });
  it('mean, median and moving ranges', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(movingRanges([3, 1, null, 4, 4])).toEqual([2, 0]);
  });
});
