/**
 * Signals as spans: what the rules report besides their per-point flags. Every expected span is
 * worked out by hand from the rule's definition (docs/methods.md) on the series given.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { PRESETS } from './presets.js';
import { mixture, nearLimit, outsideLimits, trend, type RuleFrame, type SpanSink } from './rules/index.js';
import type { RuleSet } from './types.js';

/** A frame with centre 0 and sigma 1 (limits at +/-3), one segment. */
function frame(values: number[]): RuleFrame {
  const n = values.length;
  const line = (v: number) => new Float64Array(n).fill(v);
  return {
    length: n,
    value: Float64Array.from(values),
    centre: line(0),
    ucl: line(3),
    lcl: line(-3),
    upper1: line(1),
    lower1: line(-1),
    upper2: line(2),
    lower2: line(-2),
    breakBefore: new Uint8Array(n),
  };
}

function recorder(): SpanSink & { spans: number[][] } {
  const spans: number[][] = [];
  return { spans, add: (from, to, side) => spans.push([from, to, side]) };
}

describe('rule spans, on frames', () => {
  it('a trend that turns: the peak belongs to the rising and the falling run', () => {
    const r = recorder();
    trend(frame([1, 2, 3, 4, 5, 6, 7, 5, 4, 3, 2, 1, 0]), 6, r);
    expect(r.spans).toEqual([
      [0, 6, 1],
      [6, 12, -1],
    ]);
  });

  it('a tie ends a trend: two rising runs side by side are two spans', () => {
    const r = recorder();
    // 1..6 rises over 6 points (0-5); 6, 6 is a tie; 6..11 rises again over 6 points (6-11).
    trend(frame([1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11]), 6, r);
    expect(r.spans).toEqual([
      [0, 5, 1],
      [6, 11, 1],
    ]);
  });

  it('points outside the limits: one span each, on their side', () => {
    const r = recorder();
    outsideLimits(frame([0, 4, -4, 3]), r); // exactly on the limit (3) is inside
    expect(r.spans).toEqual([
      [1, 1, 1],
      [2, 2, -1],
    ]);
  });

  it('near-limit: windows that do not overlap are separate signals', () => {
    const r = recorder();
    // 3 of 3 beyond two sigma at 0-2 and again at 4-6; point 3 (0.5) breaks every window between.
    nearLimit(frame([2.5, 2.5, 2.5, 0.5, 2.5, 2.5, 2.5]), { count: 3, window: 3, beyondLimitCounts: true, windowSameSide: true }, 2, r);
    expect(r.spans).toEqual([
      [0, 2, 1],
      [4, 6, 1],
    ]);
  });

  it('near-limit: overlapping windows make one signal, from its first to its last counted point', () => {
    const r = recorder();
    // 2 of 3: window 0-2 counts points 0 and 2, window 1-3 counts 2 and 3; they overlap.
    nearLimit(frame([2.5, 0.5, 2.5, 2.5, 0, 0, -2.5, -2.5]), { count: 2, window: 3, beyondLimitCounts: true, windowSameSide: false }, 2, r);
    expect(r.spans).toEqual([
      [0, 3, 1],
      [6, 7, -1],
    ]);
  });

  it('mixture: a point within one sigma ends the run and its span', () => {
    const r = recorder();
    mixture(frame([1.5, -1.5, 1.5, -1.5, 0, 1.5, -1.5, 1.5, -1.5]), 4, r);
    expect(r.spans).toEqual([
      [0, 3, 0],
      [5, 8, 0],
    ]);
  });
});

const only = (changes: Partial<RuleSet>): RuleSet => ({
  ...PRESETS.default,
  outsideLimits: false,
  trend: null,
  shift: null,
  alternating: null,
  nearLimit: null,
  ...changes,
});

describe('spans of an analysis, in series indices', () => {
  it('a trend over a missing value joins the observed points either side of it', () => {
    const values = [1, 2, null, 3, 4, 5, 6, 2, 1, 2, 1, 2, 1];
    const a = analyse({ values }, { rules: only({ trend: 6 }), direction: 'lower-is-better' });
    // Observed points 0, 1, 3, 4, 5, 6 rise strictly: six points, indices 0 to 6.
    expect(a.spans).toEqual([{ rule: 'trend', side: 'high', from: 0, to: 6, points: 6 }]);
  });

  it("Anhoej's rules: one span per phase, with where the longest run lies", () => {
    // 12 points at 1 then 12 at 9: median 5, 24 useful points, one crossing.
    // Anhoej & Olesen (2014), table 1, n = 24: longest run limit 8, crossings limit 8.
    const values = [...Array(12).fill(1), ...Array(12).fill(9)];
    const a = analyse({ values }, { rules: PRESETS.anhoej, chart: 'run', direction: 'higher-is-better' });
    expect(a.phases[0].runs).toEqual({ useful: 24, longestRun: 12, longestRunMax: 8, crossings: 1, crossingsMin: 8 });
    expect(a.spans).toEqual([
      { rule: 'longest-run', side: 'low', from: 0, to: 23, points: 24, run: { from: 0, to: 11, length: 12 } },
      { rule: 'crossings', side: null, from: 0, to: 23, points: 24 },
    ]);
  });

  it('spans are ordered by first point, then by rule in contract order', () => {
    // Limits from the first 8 points: mean 4.875, mean moving range 9/7, sigma 9/7/1.128 = 1.1398,
    // limits 1.4556 to 8.2945. Then -3 (below), and a rise -3, 5, 6, 7, 8, 9 (six points, 8-13)
    // ending above the upper limit (9).
    const values = [5, 4, 6, 5, 4, 6, 5, 4, -3, 5, 6, 7, 8, 9];
    const a = analyse({ values }, { rules: only({ trend: 6, outsideLimits: true }), direction: 'neutral', baseline: 8 });
    expect(a.phases[0].ucl).toBeCloseTo(8.2945, 4);
    expect(a.spans.map((s) => [s.rule, s.side, s.from, s.to])).toEqual([
      ['outside-limits', 'low', 8, 8],
      ['trend', 'high', 8, 13],
      ['outside-limits', 'high', 13, 13],
    ]);
  });
});
