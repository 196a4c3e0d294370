/**
 * Rule edges on hand-built series. Each frame has a fixed centre line and sigma so that the
 * expected flags can be read off the values by eye; every expected flag set is written out.
 * Runs through a whole analysis (missing and excluded points, phase starts) are in
 * ../analyse.test.ts; presets and overrides in ../presets.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { alternating, alternatingUpDown, hugging, mixture, nearLimit, outsideLimits, shift, trend, type RuleFrame } from './index.js';

/** A frame with centre 10, sigma 1 (limits 7 and 13), optional breaks before given positions. */
function frame(values: number[], breaks: number[] = [], centre = 10, sigma = 1): RuleFrame {
  const n = values.length;
  const f = (v: number) => new Float64Array(n).fill(v);
  const breakBefore = new Uint8Array(n);
  for (const b of breaks) breakBefore[b] = 1;
  return {
    length: n,
    value: Float64Array.from(values),
    centre: f(centre),
    ucl: f(centre + 3 * sigma),
    lcl: f(centre - 3 * sigma),
    upper1: f(centre + sigma),
    lower1: f(centre - sigma),
    upper2: f(centre + 2 * sigma),
    lower2: f(centre - 2 * sigma),
    breakBefore,
  };
}

/** Flag array as a plain list for readable expectations. */
const list = (flags: Uint8Array) => Array.from(flags);
// Flag values: 1 = high, 2 = low, 3 = both (a point in a rising and a falling run).

describe('outside-limits', () => {
  it('flags strictly beyond either limit; a point on a limit is inside', () => {
    expect(list(outsideLimits(frame([10, 13, 13.01, 7, 6.99, 10])))).toEqual([0, 0, 1, 0, 2, 0]);
  });
});

describe('trend', () => {
  it('5 rising points are not a trend, 6 are (all six flagged)', () => {
    expect(list(trend(frame([1, 2, 3, 4, 5, 4]), 6))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(list(trend(frame([1, 2, 3, 4, 5, 6, 5]), 6))).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });
  it('a falling trend is flagged low and a 7th point extends it', () => {
    expect(list(trend(frame([9, 8, 7, 6, 5, 4, 3, 3]), 6))).toEqual([2, 2, 2, 2, 2, 2, 2, 0]);
  });
  it('a tie inside a trend ends it', () => {
    // 1 2 3 3 4 5 6: runs are [1,2,3] and [3,4,5,6]: neither reaches 6 points.
    expect(list(trend(frame([1, 2, 3, 3, 4, 5, 6]), 6))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
  it('the turning point belongs to both runs', () => {
    // Rise 1..6 (6 points) then fall 6..1 (6 points from the peak).
    expect(list(trend(frame([1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1]), 6))).toEqual([1, 1, 1, 1, 1, 3, 2, 2, 2, 2, 2]);
  });
  it('crosses the centre line but not a segment break', () => {
    expect(list(trend(frame([7, 8, 9, 10, 11, 12]), 6))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(list(trend(frame([7, 8, 9, 10, 11, 12], [3]), 6))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('shift', () => {
  it('7 points above are not a shift of 8; 8 are', () => {
    expect(list(shift(frame([11, 11, 11, 11, 11, 11, 11, 9]), 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(list(shift(frame([9, 11, 12, 11, 12, 11, 12, 11, 12, 11]), 8))).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
  it('a point exactly on the centre line ends the run', () => {
    expect(list(shift(frame([8, 8, 8, 8, 10, 8, 8, 8, 8]), 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(list(shift(frame([8, 8, 8, 8, 8, 8, 8, 8, 10]), 8))).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 0]);
  });
  it('a phase start (segment break) inside a run splits it', () => {
    expect(list(shift(frame([11, 11, 11, 11, 11, 11, 11, 11], [4]), 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('alternating', () => {
  const zigzag = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 9 : 11));
  it('13 alternating points are not a signal, 14 are (each flagged on its own side)', () => {
    expect(list(alternating(frame(zigzag(13)), 14))).toEqual(new Array(13).fill(0));
    expect(list(alternating(frame(zigzag(14)), 14))).toEqual(zigzag(14).map((v) => (v > 10 ? 1 : 2)));
  });
  it('a point on the centre line breaks the alternation', () => {
    const v = [...zigzag(7), 10, ...zigzag(7)];
    expect(list(alternating(frame(v), 14))).toEqual(new Array(15).fill(0));
  });
});

describe('near-limit (3 of 3 beyond two sigma, default)', () => {
  const rule = { count: 3, window: 3, beyondLimitCounts: true, windowSameSide: true };
  it('three in a row beyond the upper two-sigma line are flagged; two are not', () => {
    expect(list(nearLimit(frame([10, 12.5, 12.5, 12.5, 10]), rule))).toEqual([0, 1, 1, 1, 0]);
    expect(list(nearLimit(frame([10, 12.5, 12.5, 11, 12.5]), rule))).toEqual([0, 0, 0, 0, 0]);
  });
  it('a point exactly on the two-sigma line does not count', () => {
    expect(list(nearLimit(frame([12, 12.5, 12.5]), rule))).toEqual([0, 0, 0]);
  });
  it('a point beyond the limit counts in the default preset', () => {
    expect(list(nearLimit(frame([12.5, 14, 12.5]), rule))).toEqual([1, 1, 1]);
  });
  it('both sides mixed do not make a signal', () => {
    expect(list(nearLimit(frame([12.5, 7.5, 12.5]), rule))).toEqual([0, 0, 0]);
  });
});

describe('near-limit (2 of 3, MDC)', () => {
  const rule = { count: 2, window: 3, beyondLimitCounts: false, windowSameSide: true };
  it('flags only the points beyond two sigma', () => {
    expect(list(nearLimit(frame([10.5, 12.5, 11, 12.5, 10.5]), rule))).toEqual([0, 1, 0, 1, 0]);
  });
  it('a point beyond the limit does not count', () => {
    expect(list(nearLimit(frame([10.5, 12.5, 14, 11]), rule))).toEqual([0, 0, 0, 0]);
  });
  it('the whole window must be on the same side of the centre line', () => {
    // NHSRplotthedots 0.2.2 fixed "points on opposite sides of the mean" triggering 2-in-3 (its issue #143).
    expect(list(nearLimit(frame([12.5, 9, 12.5]), rule))).toEqual([0, 0, 0]);
  });
});

describe('near-limit-1sigma (4 of 5 beyond one sigma, Western Electric rule 3)', () => {
  const rule = { count: 4, window: 5, beyondLimitCounts: true, windowSameSide: false };
  it('flags the four points beyond the one-sigma line; the fifth may be anywhere', () => {
    expect(list(nearLimit(frame([11.5, 11.5, 9, 11.5, 11.5]), rule, 1))).toEqual([1, 1, 0, 1, 1]);
    expect(list(nearLimit(frame([11.5, 11.5, 9, 11.5, 10.5]), rule, 1))).toEqual([0, 0, 0, 0, 0]);
  });
  it('2 of 3 with the third point on the other side fires under Western Electric, not MDC', () => {
    const we = { count: 2, window: 3, beyondLimitCounts: true, windowSameSide: false };
    expect(list(nearLimit(frame([12.5, 9, 12.5]), we))).toEqual([1, 0, 1]);
    expect(list(nearLimit(frame([12.5, 9, 12.5]), { ...we, windowSameSide: true }))).toEqual([0, 0, 0]);
  });
});

describe('alternating up and down (Nelson test 4)', () => {
  it('14 points whose direction of change alternates, wherever they lie', () => {
    // All above the centre line (10), rising and falling in turn: sides do not alternate, steps do.
    const v = Array.from({ length: 14 }, (_, i) => (i % 2 ? 12 : 11));
    expect(list(alternatingUpDown(frame(v), 14))).toEqual(new Array(14).fill(1));
    expect(list(alternating(frame(v), 14))).toEqual(new Array(14).fill(0));
    expect(list(alternatingUpDown(frame(v.slice(0, 13)), 14))).toEqual(new Array(13).fill(0));
  });
  it('a tie breaks it', () => {
    const v = [11, 12, 11, 12, 11, 12, 11, 11, 12, 11, 12, 11, 12, 11];
    expect(list(alternatingUpDown(frame(v), 14))).toEqual(new Array(14).fill(0));
  });
});

describe('hugging and mixture (Nelson tests 7 and 8)', () => {
  it('hugging: 15 in a row strictly within one sigma, either side', () => {
    const v = Array.from({ length: 15 }, (_, i) => (i % 2 ? 10.5 : 9.5));
    expect(list(hugging(frame(v), 15))).toEqual(v.map((x) => (x > 10 ? 1 : 2)));
    expect(list(hugging(frame([...v.slice(0, 14), 11]), 15))).toEqual(new Array(15).fill(0)); // on the line: not within
  });
  it('mixture: 8 in a row beyond one sigma with points on both sides', () => {
    const v = [11.5, 8.5, 11.5, 8.5, 11.5, 8.5, 11.5, 8.5];
    expect(list(mixture(frame(v), 8))).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
    // All eight on one side is a shift, not a mixture.
    expect(list(mixture(frame(new Array(8).fill(11.5)), 8))).toEqual(new Array(8).fill(0));
  });
});
