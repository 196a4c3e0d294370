/**
 * The analysis of a series: XmR limits against published numbers, phases and baselines, screening
 * the moving ranges, and runs over missing and excluded points and across phase starts. The
 * statistics it is built on are checked in stats.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { analyseXmr, preset } from './index.js';

describe('XmR limits', () => {
  it('NIST/SEMATECH e-Handbook 6.3.2.2 (individuals chart example): mean 50.81, MR-bar 1.8778, UCL 55.80, LCL 45.82', () => {
    const x = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1];
    const a = analyseXmr(x, { rules: preset('default'), direction: 'neutral' });
    const ph = a.phases[0];
    expect(ph.centre).toBeCloseTo(50.81, 10);
    expect(ph.mrBar).toBeCloseTo(16.9 / 9, 10); // 1.8778 as printed
    expect(ph.ucl!).toBeCloseTo(55.80, 2);
    expect(ph.lcl!).toBeCloseTo(45.82, 2);
    // Exact: 50.81 +/- 3 * (16.9 / 9) / 1.128.
    expect(ph.ucl).toBeCloseTo(50.81 + (3 * (16.9 / 9)) / 1.128, 12);
  });

  it('MDC test document, "Process limits - 15": 14 moving ranges, MR-bar 5.43, mean 23.20, limits 8.76 / 37.64', () => {
    const x = [20, 24, 20, 26, 22, 16, 18, 16, 31, 28, 34, 26, 30, 19, 18];
    const a = analyseXmr(x, { rules: preset('mdc'), direction: 'higher-is-better' });
    const ph = a.phases[0];
    expect(ph.movingRanges).toBe(14);
    expect(ph.mrBar!).toBeCloseTo(5.43, 2);
    expect(ph.centre!).toBeCloseTo(23.2, 10);
    expect(ph.ucl!).toBeCloseTo(37.64, 2);
    expect(ph.lcl!).toBeCloseTo(8.76, 2);
    expect(ph.sigma!).toBeCloseTo(4.81, 2);
    // The same series under the default preset (3 x MR-bar / 1.128): 23.2 + 3 * (76/14) / 1.128.
    const b = analyseXmr(x, { rules: preset('default'), direction: 'neutral' }).phases[0];
    expect(b.ucl).toBeCloseTo(23.2 + (3 * 76) / 14 / 1.128, 12);
  });

  it('MDC "Process limits - 10": 10 points give the mean (22.10) but no limits under mdc', () => {
    const x = [20, 24, 20, 26, 22, 16, 18, 16, 31, 28];
    const a = analyseXmr(x, { rules: preset('mdc'), direction: 'higher-is-better' });
    expect(a.phases[0].centre).toBeCloseTo(22.1, 10);
    expect(a.phases[0].ucl).toBeNull();
    expect(a.points.every((p) => p.lcl === null && p.signals.length === 0)).toBe(true);
    expect(a.summary.variationIcon).toBe('none');
    expect(a.warnings).toContainEqual({ kind: 'too-few-points', phase: 0, n: 10, min: 13 });
  });

  it('a constant series has zero-width limits, never NaN', () => {
    const a = analyseXmr([5, 5, 5, 5], { rules: preset('default'), direction: 'neutral' });
    expect(a.phases[0]).toMatchObject({ centre: 5, ucl: 5, lcl: 5, sigma: 0, mrBar: 0 });
    expect(a.points.every((p) => p.signals.length === 0)).toBe(true);
  });

  it('a phase with one observed point has no limits and says so', () => {
    const a = analyseXmr([1, 2, 3, 4, 9], { rules: preset('default'), direction: 'neutral', phaseStarts: [4] });
    expect(a.phases[1]).toMatchObject({ n: 1, centre: 9, ucl: null, lcl: null, sigma: null });
    expect(a.warnings).toContainEqual({ kind: 'too-few-points', phase: 1, n: 1, min: 2 });
  });

  it('phases get their own limits; a baseline of N uses the first N observed points of each phase', () => {
    // Phase 1: 1,3,1,3 | phase 2: 10,12,10,30. Baseline 3: phase 1 from 1,3,1 (mean 5/3, MRs 2,2);
    // phase 2 from 10,12,10 (mean 32/3, MRs 2,2).
    const a = analyseXmr([1, 3, 1, 3, 10, 12, 10, 30], { rules: preset('default'), direction: 'neutral', phaseStarts: [4], baseline: 3 });
    expect(a.phases.map((p) => p.centre)).toEqual([5 / 3, 32 / 3]);
    expect(a.phases.map((p) => p.mrBar)).toEqual([2, 2]);
    expect(a.points.map((p) => p.baseline)).toEqual([true, true, true, false, true, true, true, false]);
    expect(a.points[7].signals).toContain('outside-limits');
  });

  it('mdc: a baseline overrides recalculation (limits from the first N points for the whole chart)', () => {
    const x = Array.from({ length: 30 }, (_, i) => (i % 2 ? 12 : 8));
    const a = analyseXmr(x, { rules: preset('mdc'), direction: 'neutral', phaseStarts: [15], baseline: 15 });
    expect(a.phases).toHaveLength(1);
    expect(a.warnings).toContainEqual({ kind: 'baseline-overrides-phases', phases: 1 });
  });
});

describe('moving ranges and screening', () => {
  it('--screen-mr leaves the centre unchanged and narrows the limits', () => {
    const x = [10, 11, 10, 11, 10, 11, 10, 11, 10, 30, 11, 10];
    const plain = analyseXmr(x, { rules: preset('default'), direction: 'neutral' }).phases[0];
    const screened = analyseXmr(x, { rules: { ...preset('default'), screenMovingRanges: true }, direction: 'neutral' }).phases[0];
    expect(screened.centre).toBe(plain.centre);
    // Ranges: 1 x8, 20, 19, 1: mean 48/11 = 4.364, limit 14.26: 20 and 19 dropped; mean 1.
    expect(plain.mrBar).toBeCloseTo(48 / 11, 12);
    expect(screened.mrBar).toBe(1);
    expect(screened.screenedMovingRanges).toBe(2);
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
