/**
 * Rule edges on hand-built series. Each frame has a fixed centre line and sigma so that the
 * expected flags can be read off the values by eye; every expected flag set is written out.
 */
import { describe, expect, it } from 'vitest';
import { alternating, alternatingUpDown, hugging, mixture, nearLimit, outsideLimits, shift, trend, type RuleFrame } from './index.js';
import { PRESETS, analyseXmr, applyOverride, classifyPoint, enabledRules, preset } from '../index.js';

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

describe('runs and missing values through analyseXmr', () => {
  const rules = preset('default');
  it('a missing value inside a run is skipped: the run joins the points either side', () => {
    // Phase of 20 points: 10 at 10 +/-1 alternating, then 8 above the centre with a gap among them.
    const base = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11];
    const values = [...base, 12, 12, 12, null, 12, 12, 12, 12, 12, 9];
    const a = analyseXmr(values, { rules, direction: 'neutral' });
    const shifted = a.points.filter((p) => p.signals.includes('shift')).map((p) => p.index);
    // centre = (5*9 + 5*11 + 8*12 + 9) / 19 = 205/19 = 10.789..., so the eight 12s are above it
    // (index 10-12 and 14-18) and the alternating 11s before them start the run: 9 at index 8 is
    // below, 11 at index 9 above, so the run is indices 9..18 without the gap at 13.
    expect(shifted).toEqual([9, 10, 11, 12, 14, 15, 16, 17, 18]);
    expect(a.points[13].signals).toEqual([]);
    expect(a.points[13].centre).toBeNull();
  });
  it('no moving range spans a missing value', () => {
    // Moving ranges of [1, 5, null, 6, 8]: |5-1| = 4 and |8-6| = 2 only; mean 3.
    const a = analyseXmr([1, 5, null, 6, 8], { rules, direction: 'neutral' });
    expect(a.phases[0].movingRanges).toBe(2);
    expect(a.phases[0].mrBar).toBe(3);
    expect(a.phases[0].centre).toBe(5);
  });
  it('an excluded point is joined over: the moving range links its neighbours', () => {
    // [2, 100, 4, 6] excluding index 1: limit sequence 2, 4, 6 -> mean 4, ranges 2, 2.
    const a = analyseXmr([2, 100, 4, 6], { rules, direction: 'neutral', excluded: [1] });
    expect(a.phases[0].centre).toBe(4);
    expect(a.phases[0].mrBar).toBe(2);
    expect(a.points[1].excluded).toBe(true);
    // The excluded point is still tested: 100 is far above UCL = 4 + 3 * 2 / 1.128.
    expect(a.points[1].signals).toEqual(['outside-limits']);
  });
  it('a phase start inside a run splits it in default, not in mdc (runs cross phases)', () => {
    // 13 points per phase so that mdc gives limits; 4 + 4 points above the centre around the start.
    const p1 = [9, 11, 9, 11, 9, 11, 9, 11, 9, 12, 12, 12, 12];
    const p2 = [12, 12, 12, 12, 9, 11, 9, 11, 9, 11, 9, 11, 9];
    const values = [...p1, ...p2];
    const dflt = analyseXmr(values, { rules: { ...rules, shift: 8 }, direction: 'neutral', phaseStarts: [13] });
    expect(dflt.points.filter((p) => p.signals.includes('shift'))).toEqual([]);
    const crossing = analyseXmr(values, { rules: { ...rules, shift: 8, runsCrossPhases: true }, direction: 'neutral', phaseStarts: [13] });
    // Phase 1 centre = (5*9 + 4*11 + 4*12)/13 = 137/13 = 10.54: 11 at index 7 is above, 9 at 8 below.
    // Phase 2 centre = (4*12 + 5*9 + 4*11)/13 = 137/13: the four 12s are above. Run = 9..16 (8 points).
    expect(crossing.points.filter((p) => p.signals.includes('shift')).map((p) => p.index)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
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

describe('presets', () => {
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
  it('ptd screens moving ranges and warns for phases of 12 points or fewer', () => {
    const a = analyseXmr([1, 2, 1, 2, 1, 2, 1, 2, 1, 2], { rules: preset('ptd'), direction: 'neutral' });
    expect(a.warnings).toContainEqual({ kind: 'short-phase', phase: 0, n: 10, below: 13 });
    expect(a.phases[0].sigma).not.toBeNull();
  });
  it('every preset enables the rules of contract section 3a', () => {
    expect(Object.fromEntries(Object.keys(PRESETS).map((p) => [p, enabledRules(preset(p))]))).toEqual({
      default: ['outside-limits', 'trend', 'shift', 'alternating', 'near-limit'],
      mdc: ['outside-limits', 'trend', 'shift', 'near-limit'],
      ptd: ['outside-limits', 'trend', 'shift', 'near-limit'],
      'western-electric': ['outside-limits', 'shift', 'near-limit', 'near-limit-1sigma'],
      nelson: ['outside-limits', 'trend', 'shift', 'alternating', 'near-limit', 'near-limit-1sigma', 'hugging', 'mixture'],
      anhoej: ['outside-limits', 'longest-run', 'crossings'],
    });
  });
  it('--rule overrides parse and validate', () => {
    const r = applyOverride(applyOverride(preset('default'), 'near-limit=2of3'), 'sigma=median=3.145');
    expect(r.nearLimit).toEqual({ count: 2, window: 3, beyondLimitCounts: true, windowSameSide: true });
    expect(r.xmrSigma).toEqual({ method: 'median', factor: 3.145 });
    expect(() => applyOverride(r, 'near-limit=4of3')).toThrow(/1 <= K <= M/);
    expect(() => applyOverride(r, 'bogus=1')).toThrow(/unknown rule parameter/);
  });
});
