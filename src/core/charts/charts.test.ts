/**
 * Every chart type on small series whose lines are worked out by hand from the textbook formula
 * (each expectation says how). Published worked examples are in test/published.test.ts; the SPC
 * factors themselves are checked in ../constants.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { a2, a3, analyse, b4, crossingsMin, dd4, longestRunMax, preset, type AnalysisOptions, type SeriesData } from '../index.js';
import { CHARTS } from './index.js';

const base: AnalysisOptions = { rules: preset('default'), direction: 'neutral' };
const run = (data: SeriesData, o: Partial<AnalysisOptions>) => analyse(data, { ...base, ...o });
const col = (a: ReturnType<typeof analyse>, key: 'centre' | 'ucl' | 'lcl' | 'upper2' | 'lower2' | 'upper1' | 'lower1' | 'value' | 'sigma') =>
  a.points.map((p) => p[key]);

describe('mr', () => {
  it('plots moving ranges; centre MR-bar, UCL 3.267 MR-bar, LCL 0 (Montgomery eq. 6.34)', () => {
    // [1, 4, 2, 6, 5]: ranges 3, 2, 4, 1 -> MR-bar 2.5, UCL 8.1675.
    const a = run({ values: [1, 4, 2, 6, 5] }, { chart: 'mr' });
    expect(col(a, 'value')).toEqual([null, 3, 2, 4, 1]);
    expect(a.phases[0].centre).toBe(2.5);
    expect(a.points[1].ucl).toBeCloseTo(8.1675, 12);
    expect(a.points[1].lcl).toBe(0);
    expect(a.warnings.filter((w) => w.kind === 'missing-value')).toEqual([]);
  });
  // A baseline of N is the first N observations, as on the X chart: the N - 1 moving ranges inside
  // them set the limits (the convention of qicharts2's `freeze`, whose tests run it on Montgomery's
  // Example 6.5, Introduction to SQC, 7th ed.). Montgomery's data could not be checked against a copy
  // of the book, so the reference numbers here are hand calculations.
  it('baseline N: the N - 1 moving ranges inside the first N points, the same ranges as the X chart', () => {
    // [1, 4, 2, 8, 5, 7], N = 4: ranges inside points 1-4 are 3, 2, 6 -> MR-bar 11/3, UCL 3.267 x 11/3
    // = 11.979 (D4 for n = 2, Montgomery appendix VI). The range 8 -> 5 (into point 5) is not in.
    const values = [1, 4, 2, 8, 5, 7];
    const a = run({ values }, { chart: 'mr', baseline: 4 });
    expect(a.phases[0].centre).toBeCloseTo(11 / 3, 12);
    expect(a.points[1].ucl).toBeCloseTo(11.979, 12);
    expect(a.points.map((p) => p.baseline)).toEqual([false, true, true, true, false, false]);
    expect(a.phases[0]).toMatchObject({ baselineN: 3, limitN: 3, movingRanges: 3 });
    // The X chart with the same baseline uses the same three ranges.
    const x = run({ values }, { chart: 'xmr', baseline: 4 });
    expect(x.phases[0].mrBar).toBeCloseTo(11 / 3, 12);
  });
  it('baseline N with a missing value: the ranges among the first N observations, none spanning the gap', () => {
    // [1, -, 3, 5, 9, 20], N = 4: the first four observations are 1, 3, 5, 9; the gap removes the
    // ranges 1 -> - and - -> 3, leaving 3 -> 5 = 2 and 5 -> 9 = 4: MR-bar 3. (Counting plotted points
    // instead would take all three ranges 2, 4, 11: MR-bar 17/3.)
    const a = run({ values: [1, null, 3, 5, 9, 20] }, { chart: 'mr', baseline: 4 });
    expect(a.phases[0].centre).toBe(3);
    expect(a.points.map((p) => p.baseline)).toEqual([false, false, false, true, true, false]);
  });
  it('baseline N in each phase: a phase\'s first point has no range', () => {
    // Phases [1, 4, 2, 8] and [5, 7, 3, 9], N = 3: ranges 3, 2 -> MR-bar 2.5; ranges 2, 4 -> MR-bar 3.
    const a = run({ values: [1, 4, 2, 8, 5, 7, 3, 9] }, { chart: 'mr', baseline: 3, phaseStarts: [4] });
    expect(a.phases.map((p) => p.centre)).toEqual([2.5, 3]);
  });
});

describe('run chart and the Anhoej rules', () => {
  it('centre is the median; no limits', () => {
    // Sorted 1 1 2 3 4 5 6 9: median (3 + 4) / 2 = 3.5.
    const a = run({ values: [3, 1, 4, 1, 5, 9, 2, 6] }, { chart: 'run', rules: preset('anhoej') });
    expect(a.phases[0].centre).toBe(3.5);
    expect(a.points.every((p) => p.ucl === null && p.lcl === null)).toBe(true);
    // Sides L L H L H H L H: 8 useful, longest run 2, 5 crossings; limits 6 and 1 (see below).
    expect(a.phases[0].runs).toEqual({ useful: 8, longestRun: 2, longestRunMax: 6, crossings: 5, crossingsMin: 1 });
    expect(a.points.every((p) => p.signals.length === 0)).toBe(true);
  });
  it('a long run and too few crossings flag the whole phase', () => {
    // 9 points at 8/9 then 9 at 1/2: median (2 + 8) / 2 = 5; one run of 9 above, one of 9 below.
    const values = [8, 9, 8, 9, 8, 9, 8, 9, 8, 1, 2, 1, 2, 1, 2, 1, 2, 1];
    const a = run({ values }, { chart: 'run', rules: preset('anhoej'), direction: 'higher-is-better' });
    // 18 useful: longest run limit round(log2 18 + 3) = 7; crossings limit: smallest c with
    // P(Bin(17, 0.5) <= c) >= 0.05 is 5 (computed with exact binomial sums).
    expect(a.phases[0].runs).toEqual({ useful: 18, longestRun: 9, longestRunMax: 7, crossings: 1, crossingsMin: 5 });
    expect(a.points.every((p) => p.signals.join() === 'longest-run,crossings')).toBe(true);
  });
  it('points on the median neither break nor extend a run', () => {
    // Median of [1, 5, 1, 5, 3, 3, 3] is 3: useful points 1 5 1 5, crossings 3.
    const a = run({ values: [1, 5, 1, 5, 3, 3, 3] }, { chart: 'run', rules: preset('anhoej') });
    expect(a.phases[0].runs).toMatchObject({ useful: 4, longestRun: 1, crossings: 3 });
  });
  it('limits follow Anhoej & Olesen (2014): round(log2 n + 3) and the 5th percentile of Bin(n - 1, 1/2)', () => {
    // Exact binomial quantiles computed independently (Python math.comb): n = 10, 20, 30, 50, 100.
    expect([10, 20, 30, 50, 100].map(longestRunMax)).toEqual([6, 7, 8, 9, 10]);
    expect([10, 20, 30, 50, 100].map(crossingsMin)).toEqual([2, 6, 10, 19, 41]);
  });
});

describe('attribute charts', () => {
  // 10, 20, 30 of 100 each: p-bar = 60 / 300 = 0.2, sigma = sqrt(0.2 * 0.8 / 100) = 0.04.
  const data = { values: [10, 20, 30], sizes: [100, 100, 100] };
  it('p: centre p-bar, limits p-bar +/- 3 sqrt(p-bar(1 - p-bar)/n) (Montgomery eq. 7.8)', () => {
    const a = run(data, { chart: 'p' });
    expect(col(a, 'value')).toEqual([0.1, 0.2, 0.3]);
    expect(a.points[0].centre).toBeCloseTo(0.2, 15);
    expect(a.points[0].ucl).toBeCloseTo(0.32, 12);
    expect(a.points[0].lcl).toBeCloseTo(0.08, 12);
    expect(a.points[0].upper2).toBeCloseTo(0.28, 12);
  });
  it('np: centre n p-bar, sigma sqrt(n p-bar (1 - p-bar)) (Montgomery eq. 7.13)', () => {
    const a = run(data, { chart: 'np' });
    expect(col(a, 'value')).toEqual([10, 20, 30]);
    expect(a.points[0].centre).toBeCloseTo(20, 12);
    expect(a.points[0].ucl).toBeCloseTo(32, 12);
    expect(a.points[0].lcl).toBeCloseTo(8, 12);
  });
  it("p' (Laney): sigma_z from the moving ranges of the z-scores", () => {
    // z = -2.5, 0, 2.5: ranges 2.5, 2.5, sigma_z = 2.5 / 1.128; sigma' = 0.04 sigma_z.
    const a = run(data, { chart: 'pp' });
    const s = (0.04 * 2.5) / 1.128;
    expect(a.phases[0].stats.sigmaZ).toBeCloseTo(2.5 / 1.128, 12);
    expect(a.points[1].ucl).toBeCloseTo(0.2 + 3 * s, 12);
    expect(a.points[1].lcl).toBe(0); // 0.2 - 0.266 < 0: clamped
    expect(a.phases[0].lclClamped).toBe(true);
  });
  it('u: centre u-bar = sum y / sum n, sigma sqrt(u-bar / n_i) (Montgomery eq. 7.19)', () => {
    // 3 of 1, 6 of 2, 3 of 1: u-bar 12 / 4 = 3; sigma sqrt(3) and sqrt(1.5).
    const a = run({ values: [3, 6, 3], sizes: [1, 2, 1] }, { chart: 'u' });
    expect(col(a, 'value')).toEqual([3, 3, 3]);
    expect(a.points[0].ucl).toBeCloseTo(3 + 3 * Math.sqrt(3), 12);
    expect(a.points[1].ucl).toBeCloseTo(3 + 3 * Math.sqrt(1.5), 12);
    expect(a.points[1].lcl).toBe(0);
    expect(a.phases[0].ucl).toBeNull(); // limits vary with n
  });
  it("u' (Laney) on equal sizes with no between-point variation has zero-width limits", () => {
    const a = run({ values: [3, 6, 3], sizes: [1, 2, 1] }, { chart: 'up' });
    expect(a.phases[0].stats.sigmaZ).toBe(0);
    expect(a.points[0].ucl).toBe(3);
  });
  it('c: centre c-bar, sigma sqrt(c-bar), LCL clamped at 0 (Montgomery eq. 7.17)', () => {
    // [2, 4, 6, 4]: c-bar 4, sigma 2: UCL 10, LCL -2 -> 0, two-sigma 8 and 0, one-sigma 6 and 2.
    const a = run({ values: [2, 4, 6, 4] }, { chart: 'c' });
    expect([a.points[0].centre, a.points[0].ucl, a.points[0].lcl, a.points[0].upper2, a.points[0].lower2, a.points[0].upper1, a.points[0].lower1]).toEqual([
      4, 10, 0, 8, 0, 6, 2,
    ]);
    expect(a.phases[0].lclClamped).toBe(true);
    expect(a.phases[0].uclClamped).toBe(false);
  });
});

describe('rare events', () => {
  it('g: limits from the mean, sigma sqrt(g(g + 1)), LCL 0; the centre line drawn at the median', () => {
    // [0, 2, 4, 10]: g-bar 4, sigma sqrt(20), UCL 4 + 3 sqrt(20); median (2 + 4) / 2 = 3.
    const a = run({ values: [0, 2, 4, 10] }, { chart: 'g' });
    expect(a.points[0].centre).toBe(3);
    expect(a.points[0].ucl).toBeCloseTo(4 + 3 * Math.sqrt(20), 12);
    expect(a.points[0].lcl).toBe(0);
    expect(a.phases[0].stats.mean).toBe(4);
  });
  it('t: XmR on y^(1/3.6), lines back-transformed', () => {
    // y = 1, 2^3.6, 3^3.6 -> w = 1, 2, 3: mean 2, MR-bar 1, sigma 1 / 1.128.
    const a = run({ values: [1, 2 ** 3.6, 3 ** 3.6] }, { chart: 't' });
    expect(a.points[0].centre).toBeCloseTo(2 ** 3.6, 9); // 12.1257
    expect(a.points[0].ucl).toBeCloseTo((2 + 3 / 1.128) ** 3.6, 9); // 254.71
    expect(a.points[0].lcl).toBe(0); // 2 - 2.66 < 0
    expect(a.points[0].upper2).toBeCloseTo((2 + 2 / 1.128) ** 3.6, 9);
  });
});

describe('subgroup charts', () => {
  // Subgroups [1, 2, 3] and [2, 3, 4]: means 2, 3; s = 1, 1; ranges 2, 2.
  const data: SeriesData = { values: [null, null], subgroups: [[1, 2, 3], [2, 3, 4]] };
  it('xbar-s: grand mean +/- A3 s-bar; S chart s-bar, B3 s-bar, B4 s-bar', () => {
    const x = run(data, { chart: 'xbar-s' });
    expect(col(x, 'value')).toEqual([2, 3]);
    expect(x.points[0].centre).toBe(2.5);
    expect(x.points[0].ucl).toBeCloseTo(2.5 + a3(3) * 1, 12);
    const s = run(data, { chart: 's' });
    expect(col(s, 'value')).toEqual([1, 1]);
    expect(s.points[0].centre).toBe(1);
    expect(s.points[0].ucl).toBeCloseTo(b4(3), 12);
    expect(s.points[0].lcl).toBe(0);
  });
  it('xbar-r: grand mean +/- A2 R-bar; R chart R-bar, D3 R-bar, D4 R-bar', () => {
    const x = run(data, { chart: 'xbar-r' });
    expect(x.points[0].ucl).toBeCloseTo(2.5 + a2(3) * 2, 12);
    const r = run(data, { chart: 'r' });
    expect(r.points[0].centre).toBe(2);
    expect(r.points[0].ucl).toBeCloseTo(dd4(3) * 2, 12);
    expect(r.points[0].lcl).toBe(0);
  });
  it('unequal subgroup sizes: size-weighted grand mean and pooled s (Montgomery eqs. 6.30, 6.31)', () => {
    // [1, 2, 3] and [2, 4]: grand mean (2*3 + 3*2) / 5 = 2.4; pooled s = sqrt((2*1 + 1*2) / (5 - 2)).
    const pooled = Math.sqrt(4 / 3);
    const x = run({ values: [null, null], subgroups: [[1, 2, 3], [2, 4]] }, { chart: 'xbar-s' });
    expect(x.points[0].centre).toBeCloseTo(2.4, 14);
    expect(x.points[0].ucl).toBeCloseTo(2.4 + a3(3) * pooled, 12);
    expect(x.points[1].ucl).toBeCloseTo(2.4 + a3(2) * pooled, 12);
    expect(x.phases[0].ucl).toBeNull();
    expect(x.phases[0].stats.sBar).toBeCloseTo(pooled, 14);
  });
});

describe('XmR options', () => {
  it('--lcl-floor 0 clamps the lower limit and says so', () => {
    // [1, 10, 1, 10]: mean 5.5, MR-bar 9: LCL 5.5 - 3 * 9 / 1.128 < 0.
    const a = run({ values: [1, 10, 1, 10] }, { lclFloor: 0 });
    expect(a.points[0].lcl).toBe(0);
    expect(a.phases[0].lclClamped).toBe(true);
    expect(a.points[0].ucl).toBeCloseTo(5.5 + (3 * 9) / 1.128, 12);
  });
  it('--sigma median-mr: limits at 3.145 x the median moving range (Wheeler)', () => {
    // [1, 2, 4, 7, 11]: ranges 1, 2, 3, 4, median 2.5: UCL 5 + 7.8625.
    const a = run({ values: [1, 2, 4, 7, 11] }, { rules: { ...preset('default'), xmrSigma: { method: 'median', factor: 3.145 } } });
    expect(a.points[0].ucl).toBeCloseTo(5 + 3.145 * 2.5, 12);
    expect(a.phases[0].stats.mrMedian).toBe(2.5);
  });
});

describe('the registry', () => {
  it('every chart type has its display name (the strings of CHART_NAMES in src/render/chart.ts at commit 628d305)', () => {
    const names: Record<string, string> = {
      xmr: 'XmR chart', mr: 'MR chart', run: 'run chart', p: 'p chart', pp: 'p\u2032 chart (Laney)', u: 'u chart',
      up: 'u\u2032 chart (Laney)', c: 'c chart', np: 'np chart', g: 'g chart', t: 't chart',
      'xbar-s': 'X\u0304 chart (with S)', 'xbar-r': 'X\u0304 chart (with R)', s: 'S chart', r: 'R chart',
    };
    expect(Object.fromEntries(Object.values(CHARTS).map((d) => [d.id, d.name]))).toEqual(names);
    expect(Object.keys(CHARTS).every((id) => CHARTS[id as keyof typeof CHARTS].id === id)).toBe(true);
  });
  it('`centre` says which centre line the chart computes', () => {
    // 1, 2, 4, 8, 16: mean 31/5 = 6.2, median 4; on the t chart's scale w = y^(1/3.6) the mean of w
    // back-transformed, (sum of 2^(k/3.6), k = 0..4, / 5)^3.6.
    const values = [1, 2, 4, 8, 16];
    const tCentre = (values.reduce((s, v) => s + v ** (1 / 3.6), 0) / 5) ** 3.6;
    const expected = { mean: 6.2, median: 4, 'transformed-mean': tCentre };
    for (const chart of ['xmr', 'run', 'c', 'g', 't'] as const) {
      const centre = run({ values }, { chart }).phases[0].centre;
      expect([chart, centre]).toEqual([chart, expect.closeTo(expected[CHARTS[chart].centre], 10)]);
    }
    expect(['run', 'g'].every((id) => CHARTS[id as 'run' | 'g'].centre === 'median')).toBe(true);
    expect(CHARTS.t.centre).toBe('transformed-mean');
  });
  it('the MR chart says its points span two observations: a phase\'s first point is not a missing value', () => {
    expect(Object.values(CHARTS).filter((d) => d.spansPrevious).map((d) => d.id)).toEqual(['mr']);
    // [1, -, 3, 4]: the XmR chart has one missing point (index 1); so does the MR chart, whose
    // points 0 (first) and 2 (after the gap) have no range but an observation.
    for (const chart of ['xmr', 'mr'] as const) {
      const a = run({ values: [1, null, 3, 4] }, { chart });
      expect(a.warnings.filter((w) => w.kind === 'missing-value')).toEqual([{ kind: 'missing-value', index: 1 }]);
    }
  });
});
