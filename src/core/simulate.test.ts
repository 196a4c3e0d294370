/**
 * False-alarm simulation (src/core/simulate.ts): the random number generators, determinism, and
 * checks against exact theory with tolerances of 4 to 5 Monte Carlo standard errors (the seeds
 * are fixed, so a pass is reproducible; the tolerances say the agreement is not luck).
 */
import { describe, expect, it } from 'vitest';
import { PRESETS, applyOverride, crossingsMin, longestRunMax, type RuleSet } from './index.js';
import {
  createRng,
  expectedFalseSignals,
  falseAlarmRates,
  falseSignalEstimator,
  type FalseSignalMemo,
  inControlArl,
  normalSampler,
  poissonSampler,
} from './simulate.js';

const withRules = (base: RuleSet, ...overrides: string[]) => overrides.reduce(applyOverride, base);
/** Only points beyond the control limits. */
const OUTSIDE_ONLY = withRules(PRESETS.default, 'trend=off', 'shift=off', 'alternating=off', 'near-limit=off');

/** Standard normal upper tail P(Z > z): Simpson's rule on the density from z to z + 12 (20000 steps). */
function normalUpperTail(z: number): number {
  const f = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
  const steps = 20000;
  const h = 12 / steps;
  let s = f(z) + f(z + 12);
  for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * f(z + i * h);
  return (s * h) / 3;
}

describe('random numbers', () => {
  it('the uniform stream is fixed by its seed, in [0, 1), and seeds give different streams', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(xs);
    const ys = Array.from({ length: 1000 }, c);
    expect(ys).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // Mean of 1000 uniforms: sd 0.289 / sqrt(1000) = 0.0091.
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.046);
  });

  it('normal deviates have mean 0, sd 1 and the 3-sigma tail of a normal (1e5 draws)', () => {
    const z = normalSampler(createRng(7));
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    let beyond3 = 0;
    for (let i = 0; i < n; i++) {
      const x = z();
      sum += x;
      sq += x * x;
      if (Math.abs(x) > 3) beyond3++;
    }
    const mean = sum / n;
    const sd = Math.sqrt(sq / n - mean * mean);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n)); // 5 standard errors: 0.016
    expect(Math.abs(sd - 1)).toBeLessThan(5 / Math.sqrt(2 * n)); // se of sd ~ 1/sqrt(2n): 0.011
    const p3 = 2 * normalUpperTail(3); // 0.0026998
    expect(p3).toBeCloseTo(0.0026998, 6);
    expect(Math.abs(beyond3 / n - p3)).toBeLessThan(5 * Math.sqrt(p3 / n));
  });

  it.each([0.5, 3, 20, 1000])('Poisson(%s) deviates have the right mean, variance and P(X = mode)', (lambda) => {
    const draw = poissonSampler(createRng(11), lambda);
    const n = 50_000;
    let sum = 0;
    let sq = 0;
    let atMode = 0;
    let bad = 0;
    const mode = Math.floor(lambda);
    for (let i = 0; i < n; i++) {
      const x = draw();
      if (!Number.isInteger(x) || x < 0) bad++;
      sum += x;
      sq += x * x;
      if (x === mode) atMode++;
    }
    expect(bad).toBe(0);
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
    // Var of the sample variance of a Poisson: (lambda + 2 lambda^2) / n.
    expect(Math.abs(variance - lambda)).toBeLessThan(5 * Math.sqrt((lambda + 2 * lambda * lambda) / n));
    let logP = -lambda;
    for (let k = 1; k <= mode; k++) logP += Math.log(lambda / k);
    const p = Math.exp(logP);
    expect(Math.abs(atMode / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });
});

describe('falseAlarmRates', () => {
  it('is deterministic for a seed; another seed gives a slightly different, consistent answer', () => {
    const a = falseAlarmRates(PRESETS.default, { points: 60, runs: 400, seed: 5 });
    const b = falseAlarmRates(PRESETS.default, { points: 60, runs: 400, seed: 5 });
    const c = falseAlarmRates(PRESETS.default, { points: 60, runs: 400, seed: 6 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(Math.abs(c.anySignal - a.anySignal)).toBeLessThan(5 * Math.hypot(a.anySignalSE, c.anySignalSE));
    expect(Math.abs(c.arl! - a.arl!)).toBeLessThan(5 * Math.hypot(a.arlSE!, c.arlSE!));
    expect(a).toMatchObject({ preset: 'default', points: 60, runs: 400, seed: 5, chart: 'xmr', mean: null, arlCensored: 0 });
    expect(a.rules).toEqual(['outside-limits', 'trend', 'shift', 'alternating', 'near-limit']);
  });

  it('per-rule probabilities and counts are bounded by the whole set, for every preset', () => {
    for (const rules of Object.values(PRESETS)) {
      const r = falseAlarmRates(rules, { points: 40, runs: 200, seed: 3, arl: false });
      const p = r.rules.map((id) => r.perRule[id]!);
      const m = r.rules.map((id) => r.perRuleSignalledPoints[id]!);
      expect(Math.max(...p)).toBeLessThanOrEqual(r.anySignal);
      expect(r.anySignal).toBeLessThanOrEqual(p.reduce((s, x) => s + x, 0) + 1e-12);
      expect(Math.max(...m)).toBeLessThanOrEqual(r.expectedSignalledPoints);
      expect(r.expectedSignalledPoints).toBeLessThanOrEqual(m.reduce((s, x) => s + x, 0) + 1e-12);
      expect(r.anySignal).toBeGreaterThan(0);
      expect(r.arl).toBeNull();
    }
  });

  it('more rules never lower P(at least one signal) (same seed, same simulated charts)', () => {
    const sets = [
      OUTSIDE_ONLY,
      withRules(OUTSIDE_ONLY, 'shift=8'),
      withRules(OUTSIDE_ONLY, 'shift=8', 'trend=6'),
      withRules(OUTSIDE_ONLY, 'shift=8', 'trend=6', 'near-limit=2of3'),
      withRules(OUTSIDE_ONLY, 'shift=8', 'trend=6', 'near-limit=2of3', 'near-limit-1sigma=4of5'),
    ];
    const rs = sets.map((s) => falseAlarmRates(s, { points: 60, runs: 300, seed: 9, arl: false }));
    for (let k = 1; k < rs.length; k++) {
      expect(rs[k].anySignal).toBeGreaterThanOrEqual(rs[k - 1].anySignal);
      expect(rs[k].expectedSignalledPoints).toBeGreaterThanOrEqual(rs[k - 1].expectedSignalledPoints);
    }
    expect(rs[rs.length - 1].anySignal).toBeGreaterThan(rs[0].anySignal);
  });

  it('run charts match exact combinatorics (30 points above and 30 below the median, in random order)', () => {
    // With 60 continuous values the median splits them 30/30 and every arrangement is equally likely.
    const total = arrangements(30, 30, Infinity);
    const pShift8 = 1 - arrangements(30, 30, 7) / total; // a run of 8 or more on one side
    const longest = longestRunMax(60); // 9: a run of 10 or more signals
    const pLongest = 1 - arrangements(30, 30, longest) / total;
    const pCrossings = probFewRuns(30, 30, crossingsMin(60)); // crossings = runs - 1 < crossingsMin
    const runs = 3000;
    const shiftOnly = withRules(PRESETS['western-electric'], 'near-limit=off', 'near-limit-1sigma=off');
    const a = falseAlarmRates(shiftOnly, { points: 60, runs, seed: 21, chart: 'run', arl: false });
    const b = falseAlarmRates(PRESETS.anhoej, { points: 60, runs, seed: 22, chart: 'run', arl: false });
    const se = (p: number) => Math.sqrt((p * (1 - p)) / runs);
    expect(Math.abs(a.perRule.shift! - pShift8)).toBeLessThan(4.5 * se(pShift8));
    expect(Math.abs(b.perRule['longest-run']! - pLongest)).toBeLessThan(4.5 * se(pLongest));
    expect(Math.abs(b.perRule.crossings! - pCrossings)).toBeLessThan(4.5 * se(pCrossings));
    expect(a.perRule['outside-limits']).toBe(0); // no limits on a run chart
  });
});

/**
 * Number of arrangements of `a` A's and `b` B's whose runs are all at most `maxRun` long
 * (dynamic programme over (A's used, B's used, side of the last run, its length)).
 */
function arrangements(a: number, b: number, maxRun: number): number {
  const cap = Math.min(maxRun, Math.max(a, b));
  // ways[i][j][side][len]: sequences using i A's and j B's ending in a run of `len` of `side`.
  const ways = new Map<string, number>();
  const key = (i: number, j: number, s: number, l: number) => `${i},${j},${s},${l}`;
  if (a > 0) ways.set(key(1, 0, 0, 1), 1);
  if (b > 0) ways.set(key(0, 1, 1, 1), 1);
  for (let n = 1; n < a + b; n++) {
    for (let i = Math.max(0, n - b); i <= Math.min(a, n); i++) {
      const j = n - i;
      for (let s = 0; s < 2; s++) {
        for (let l = 1; l <= cap; l++) {
          const w = ways.get(key(i, j, s, l));
          if (!w) continue;
          // Next an A (side 0) or a B (side 1).
          if (i < a && (s !== 0 || l < cap)) {
            const k = key(i + 1, j, 0, s === 0 ? l + 1 : 1);
            ways.set(k, (ways.get(k) ?? 0) + w);
          }
          if (j < b && (s !== 1 || l < cap)) {
            const k = key(i, j + 1, 1, s === 1 ? l + 1 : 1);
            ways.set(k, (ways.get(k) ?? 0) + w);
          }
        }
      }
    }
  }
  let total = 0;
  for (let s = 0; s < 2; s++) for (let l = 1; l <= cap; l++) total += ways.get(key(a, b, s, l)) ?? 0;
  return total;
}

/** P(number of runs - 1 < minCrossings) for a random arrangement of n1 and n2 (Wald & Wolfowitz's run distribution). */
function probFewRuns(n1: number, n2: number, minCrossings: number): number {
  const logC = (n: number, k: number) => {
    if (k < 0 || k > n) return -Infinity;
    let s = 0;
    for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
    return s;
  };
  const C = (n: number, k: number) => Math.exp(logC(n, k));
  const all = C(n1 + n2, n1);
  let p = 0;
  for (let r = 2; r - 1 < minCrossings; r++) {
    if (r % 2 === 0) {
      const m = r / 2;
      p += (2 * C(n1 - 1, m - 1) * C(n2 - 1, m - 1)) / all;
    } else {
      const m = (r - 1) / 2;
      p += (C(n1 - 1, m) * C(n2 - 1, m - 1) + C(n1 - 1, m - 1) * C(n2 - 1, m)) / all;
    }
  }
  return p;
}

describe('in-control ARL (known parameters)', () => {
  it('outside-limits alone: ARL0 = 1 / P(|Z| > 3) = 370.4 (Montgomery)', () => {
    const r = inControlArl(OUTSIDE_ONLY, { runs: 4000, seed: 1 })!;
    const theory = 1 / (2 * normalUpperTail(3)); // 370.40
    expect(theory).toBeCloseTo(370.4, 1);
    // Run lengths are geometric: sd = sqrt(ARL (ARL - 1)) ~ 370, so se ~ 370 / sqrt(4000) = 5.9.
    expect(r.se).toBeGreaterThan(0.85 * 370 / Math.sqrt(4000));
    expect(r.se).toBeLessThan(1.15 * 370 / Math.sqrt(4000));
    expect(Math.abs(r.arl - theory)).toBeLessThan(4 * r.se);
    expect(r.censored).toBe(0);
  });

  it('Western Electric rules 1-4: ARL0 = 91.75 (Champ & Woodall 1987)', () => {
    // Same definition: known centre and sigma, no head start, points up to and including the signal.
    const r = inControlArl(PRESETS['western-electric'], { runs: 4000, seed: 2 })!;
    expect(r.se).toBeLessThan(2); // about 91.75 / sqrt(4000) = 1.45
    expect(Math.abs(r.arl - 91.75)).toBeLessThan(4 * r.se);
  });

  it('c chart, outside-limits alone: ARL0 = 1 / P(X outside 20 +/- 3 sqrt(20)) for Poisson(20)', () => {
    const lambda = 20;
    const ucl = lambda + 3 * Math.sqrt(lambda);
    const lcl = lambda - 3 * Math.sqrt(lambda);
    let pmf = Math.exp(-lambda);
    let inside = 0;
    for (let k = 0; k < 200; k++) {
      if (k >= lcl && k <= ucl) inside += pmf;
      pmf *= lambda / (k + 1);
    }
    const theory = 1 / (1 - inside);
    const r = inControlArl(OUTSIDE_ONLY, { runs: 1500, seed: 3, chart: 'c', mean: lambda })!;
    expect(Math.abs(r.arl - theory)).toBeLessThan(4 * r.se);
  });

  it('rule sets with no rule have no ARL; Anhoej rules alone on a run chart are cut off and reported as censored', () => {
    const none = withRules(OUTSIDE_ONLY, 'outside-limits=off');
    expect(inControlArl(none, { runs: 10 })).toBeNull();
    const r = inControlArl(PRESETS.anhoej, { runs: 20, seed: 4, chart: 'run', cap: 2000 })!;
    expect(r.cap).toBe(2000);
    expect(Math.max(...r.runLengths)).toBeLessThanOrEqual(2000);
    expect(r.censored).toBe(Array.from(r.runLengths).filter((x) => x === 2000).length);
  });
});

describe('expectedFalseSignals', () => {
  it('moves with the chart length (common random numbers): never fewer expected signals for a longer chart here', () => {
    const lengths = [24, 36, 48, 58, 59, 60, 61, 72, 120];
    const values = lengths.map((n) => expectedFalseSignals(PRESETS.default, 'xmr', n)!);
    for (let k = 1; k < values.length; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
  });
  it('is memoized in the memo it is given, deterministic, null for charts it does not approximate, 0 below the minimum points', () => {
    const memo: FalseSignalMemo = new Map();
    const first = expectedFalseSignals(PRESETS.default, 'xmr', 48, undefined, memo)!;
    expect(memo.size).toBe(1);
    for (let i = 0; i < 1000; i++) expect(expectedFalseSignals(PRESETS.default, 'xmr', 48, undefined, memo)).toBe(first);
    expect(memo.size).toBe(1);
    // Recomputed from scratch (no memo), the same number: fixed seed.
    expect(expectedFalseSignals(PRESETS.default, 'xmr', 48)).toBe(first);
    expect(first).toBeGreaterThan(1);
    expect(first).toBeLessThan(4);
    expect(expectedFalseSignals(PRESETS.default, 'p', 48, undefined, memo)).toBe(first); // p charts: XmR on normal data
    expect(memo.size).toBe(1); // and the same estimate, from the memo
    expect(expectedFalseSignals(PRESETS.default, 'mr', 48)).toBeNull();
    expect(expectedFalseSignals(PRESETS.default, 'xmr', 0)).toBe(0);
    expect(expectedFalseSignals(PRESETS.mdc, 'xmr', 12)).toBe(0); // mdc needs 13 points for limits
    // c charts: the mean is rounded to two significant figures, so 20.4 and 20 share an estimate.
    expect(expectedFalseSignals(PRESETS.default, 'c', 30, 20.4, memo)).toBe(expectedFalseSignals(PRESETS.default, 'c', 30, 20, memo));
    // An estimator keeps its own memo: same numbers.
    const estimate = falseSignalEstimator();
    expect(estimate(PRESETS.default, 'xmr', 48)).toBe(first);
  });
});
