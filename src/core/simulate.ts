/**
 * False-alarm rates of rule sets, by seeded Monte Carlo on in-control data. Pure: numbers in,
 * plain data out; the same seed always gives the same result.
 *
 * Two quantities (docs/false-alarms.md):
 *
 * - For a chart of N points (`falseAlarmRates`, `expectedFalseSignals`): N in-control points
 *   (independent N(0, 1) values for xmr and run charts; Poisson(mean) counts for c charts) are
 *   analysed by `analyse`, exactly as an analyst's chart would be: limits estimated from the N
 *   points themselves, one phase, every rule of the set. We report the probability that at least
 *   one point is flagged (by any rule, and by each rule) and the mean number of flagged points.
 *
 * - The in-control average run length (ARL): the mean number of points up to and including the
 *   first signal, on an endless in-control series with KNOWN parameters (centre 0 and sigma 1 for
 *   normal data; centre = mean and sigma = sqrt(mean) for Poisson counts; on run charts the centre
 *   is the known median 0). This is the textbook definition (Montgomery; Champ & Woodall 1987), so
 *   ARL0 = 370.4 for outside-limits alone. The point-wise rules are the registry's own tests
 *   (src/core/rules/) run on the simulated points. Anhoej's longest-run and crossings rules judge
 *   a whole chart, so they are applied as an analyst re-analysing the chart at every new point
 *   would: the series so far is tested each time, by the rule's streaming test (`online`).
 */
import { analyseColumns } from './analyse.js';
import { CHARTS, type ChartType } from './charts/index.js';
import { logGamma } from './constants.js';
import { enabledRules } from './presets.js';
import { ruleLinesOf, type RuleLineKey } from './lines.js';
import { RULES, makeFrame, type Flags, type OnlineTest, type RuleFrame } from './rules/index.js';
import type { RuleId, RuleSet } from './types.js';

// ---------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/**
 * xoshiro128** (Blackman & Vigna 2018): 128 bits of state, period 2^128 - 1, 32-bit outputs.
 * The state is filled from the seed with the splitmix32 finaliser, so nearby seeds give unrelated
 * streams. Returns uniforms in [0, 1) on a grid of 2^-32.
 */
export function createRng(seed: number): Uniform {
  let x = seed >>> 0;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  return () => {
    const out = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return out / 4294967296;
  };
}

/** Standard normal deviates by Marsaglia's polar method (each accepted pair gives two). */
export function normalSampler(u: Uniform): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let a: number;
    let b: number;
    let s: number;
    do {
      a = 2 * u() - 1;
      b = 2 * u() - 1;
      s = a * a + b * b;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = b * f;
    hasSpare = true;
    return a * f;
  };
}

/**
 * Poisson(mean) deviates by inversion, enumerating the outcomes outward from the mode (mode,
 * mode + 1, mode - 1, mode + 2, ...): exact for any mean, about 1.6 sqrt(mean) steps per draw.
 */
export function poissonSampler(u: Uniform, mean: number): () => number {
  if (!(mean > 0) || !Number.isFinite(mean)) throw new RangeError(`Poisson mean must be positive and finite, got ${mean}`);
  const mode = Math.floor(mean);
  const pMode = Math.exp(-mean + mode * Math.log(mean) - logGamma(mode + 1));
  return () => {
    const target = u();
    let cum = pMode;
    if (target < cum) return mode;
    let up = mode;
    let pUp = pMode;
    let down = mode;
    let pDown = pMode;
    for (;;) {
      up++;
      pUp *= mean / up;
      cum += pUp;
      if (target < cum) return up;
      if (down > 0) {
        pDown *= down / mean;
        down--;
        cum += pDown;
        if (target < cum) return down;
      }
      // Rounding can leave the total a hair under 1: stop once both tails are exhausted.
      if (pUp < 1e-300 && (down === 0 || pDown < 1e-300)) return mode;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// What is simulated
// ---------------------------------------------------------------------------------------------

/** Chart types simulated directly: xmr and run on normal data, c on Poisson counts. */
export type SimChart = 'xmr' | 'c' | 'run';
export const SIM_CHARTS: readonly SimChart[] = ['xmr', 'c', 'run'];

/** Poisson mean of simulated c charts unless given. */
export const DEFAULT_POISSON_MEAN = 20;
/** Simulated charts per estimate in `falseAlarmRates` unless given. */
export const DEFAULT_RUNS = 2000;
export const DEFAULT_SEED = 1;

/**
 * The chart simulated for a chart type. xmr, c and run are simulated as themselves. The charts
 * whose plotted statistic is roughly normal with 3-sigma limits (p, np, u, p', u', t, x-bar) are
 * approximated by an XmR chart of normal data: right in kind, not exact (their limits come from a
 * model or from within-subgroup spread rather than from moving ranges, and counts are discrete).
 * mr, g, s and r (skewed statistics, one-sided in practice) are not approximated: null.
 */
export function simulatedChartFor(chart: ChartType): SimChart | null {
  switch (chart) {
    case 'xmr':
    case 'c':
    case 'run':
      return chart;
    case 'p':
    case 'np':
    case 'u':
    case 'pp':
    case 'up':
    case 't':
    case 'xbar-s':
    case 'xbar-r':
      return 'xmr';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// False alarms on charts of N points
// ---------------------------------------------------------------------------------------------

export interface FalseAlarmOptions {
  /** Points per chart (N). */
  readonly points: number;
  /** Simulated charts (default DEFAULT_RUNS); also the number of simulated run lengths for the ARL. */
  readonly runs?: number;
  readonly seed?: number;
  readonly chart?: SimChart;
  /** Poisson mean for c charts (default 20); ignored otherwise. */
  readonly mean?: number;
  /** Whether to estimate the ARL (default true). */
  readonly arl?: boolean;
  /** One random stream per simulated chart, so that charts of nearby lengths share their values. */
  readonly commonRandomNumbers?: boolean;
}

export interface FalseAlarmRates {
  readonly preset: string;
  readonly points: number;
  readonly runs: number;
  readonly seed: number;
  readonly chart: SimChart;
  /** Poisson mean (c charts), else null. */
  readonly mean: number | null;
  /** The rules the set fires, in contract order; the per-rule records hold exactly these. */
  readonly rules: readonly RuleId[];
  /** P(at least one point flagged by any rule) on a stable chart of `points` points. */
  readonly anySignal: number;
  /** Its Monte Carlo standard error, sqrt(p (1 - p) / runs). */
  readonly anySignalSE: number;
  /** P(the rule flags at least one point). */
  readonly perRule: Readonly<Partial<Record<RuleId, number>>>;
  /** Mean number of points flagged by any rule. */
  readonly expectedSignalledPoints: number;
  /** Mean number of points flagged by each rule. */
  readonly perRuleSignalledPoints: Readonly<Partial<Record<RuleId, number>>>;
  /** In-control ARL with known parameters (points up to and including the first signal); null when no rule is on or not asked for. */
  readonly arl: number | null;
  /** Standard error of `arl` (sample sd of the run lengths / sqrt(runs)). */
  readonly arlSE: number | null;
  /** Simulated run lengths cut off at `arlCap` points without a signal (then `arl` is a lower bound). */
  readonly arlCensored: number;
  /** The cut-off of simulated run lengths (ARL_CAP, or ARL_CAP_RUNS with Anhoej's rules). */
  readonly arlCap: number | null;
}

/** Draws one in-control point after another for a simulated chart: N(0, 1) values, or Poisson counts for c. */
function seriesGenerator(chart: SimChart, u: Uniform, mean: number): () => number {
  return chart === 'c' ? poissonSampler(u, mean) : normalSampler(u);
}

function checkCount(name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be a whole number >= ${min}, got ${v}`);
}

/**
 * False-alarm rates of a rule set on stable charts of `opts.points` points, by `opts.runs`
 * simulated charts analysed by `analyse` (limits from the chart's own points), and the in-control
 * ARL with known parameters. Deterministic for a seed.
 */
export function falseAlarmRates(rules: RuleSet, opts: FalseAlarmOptions): FalseAlarmRates {
  const points = opts.points;
  const runs = opts.runs ?? DEFAULT_RUNS;
  const seed = opts.seed ?? DEFAULT_SEED;
  const chart = opts.chart ?? 'xmr';
  const mean = opts.mean ?? DEFAULT_POISSON_MEAN;
  checkCount('points', points, 1);
  checkCount('runs', runs, 1);
  if (!SIM_CHARTS.includes(chart)) throw new RangeError(`chart must be one of ${SIM_CHARTS.join(', ')}, got ${chart}`);
  if (chart === 'c' && !(mean > 0 && Number.isFinite(mean))) throw new RangeError(`mean must be positive, got ${mean}`);

  const ids = enabledRules(rules);
  const fired = new Map<RuleId, number>(ids.map((id) => [id, 0]));
  const flaggedPoints = new Map<RuleId, number>(ids.map((id) => [id, 0]));
  let anyRuns = 0;
  let anyPoints = 0;

  // Common random numbers (expectedFalseSignals): run r has its own stream, so the first n values
  // of a run are the same for every chart length and estimates for nearby lengths move together.
  let draw = seriesGenerator(chart, createRng(seed), mean);
  const values = new Float64Array(points);
  const anyAt = new Uint8Array(points);
  for (let r = 0; r < runs; r++) {
    if (opts.commonRandomNumbers) draw = seriesGenerator(chart, createRng((seed + Math.imul(r + 1, 0x9e3779b9)) >>> 0), mean);
    for (let i = 0; i < points; i++) values[i] = draw();
    // The columnar engine: the same rules and flags as `analyse`, without building point records.
    const a = analyseColumns({ values }, { rules, chart, direction: 'neutral' }, { spans: false });
    anyAt.fill(0);
    for (const [id, flags] of a.flags) {
      let count = 0;
      for (let i = 0; i < points; i++) {
        if (flags[i] !== 0) {
          count++;
          anyAt[i] = 1;
        }
      }
      if (count > 0) {
        fired.set(id, (fired.get(id) ?? 0) + 1);
        flaggedPoints.set(id, (flaggedPoints.get(id) ?? 0) + count);
      }
    }
    let any = 0;
    for (let i = 0; i < points; i++) any += anyAt[i];
    anyPoints += any;
    if (any > 0) anyRuns++;
  }

  const perRule: Partial<Record<RuleId, number>> = {};
  const perRuleSignalledPoints: Partial<Record<RuleId, number>> = {};
  for (const id of ids) {
    perRule[id] = fired.get(id)! / runs;
    perRuleSignalledPoints[id] = flaggedPoints.get(id)! / runs;
  }
  const anySignal = anyRuns / runs;
  const arl = opts.arl === false ? null : inControlArl(rules, { runs, seed, chart, mean });
  return {
    preset: rules.preset,
    points,
    runs,
    seed,
    chart,
    mean: chart === 'c' ? mean : null,
    rules: ids,
    anySignal,
    anySignalSE: Math.sqrt((anySignal * (1 - anySignal)) / runs),
    perRule,
    expectedSignalledPoints: anyPoints / runs,
    perRuleSignalledPoints,
    arl: arl?.arl ?? null,
    arlSE: arl?.se ?? null,
    arlCensored: arl?.censored ?? 0,
    arlCap: arl?.cap ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Expected false signals for one measure (memoized)
// ---------------------------------------------------------------------------------------------

const EXPECTED_SEED = 20240601;

/** Estimates already made, by rule set, simulated chart, length and mean: the caller keeps it. */
export type FalseSignalMemo = Map<string, number | null>;

/** Simulated charts per `expectedFalseSignals` estimate: 1000, fewer for long series (at least 200). */
export function expectedRuns(n: number): number {
  return Math.max(200, Math.min(1000, Math.round(120_000 / Math.max(1, n))));
}

/**
 * The expected number of flagged points on a stable chart of `n` observed points under `rules`
 * (one phase, limits from all n points), for annotating a measure's analysis. With a `memo` (one
 * per run of the tool), a batch of measures sharing a rule set, chart and length costs one
 * simulation. Fixed seed; `expectedRuns(n)` charts (1000 for n <= 120). Charts are simulated as
 * `simulatedChartFor` says (p, u, t, x-bar ... as XmR on normal data); null for mr, g, s and r.
 * `mean` (c charts only, default 20) is rounded to two significant figures, so that measures
 * with similar levels share an estimate.
 */
export function expectedFalseSignals(rules: RuleSet, chart: ChartType, n: number, mean?: number, memo?: FalseSignalMemo): number | null {
  const sim = simulatedChartFor(chart);
  if (sim === null) return null;
  if (!Number.isInteger(n) || n < 1) return n === 0 ? 0 : null;
  let m: number | null = null;
  if (sim === 'c') {
    const raw = mean !== undefined && mean > 0 && Number.isFinite(mean) ? mean : DEFAULT_POISSON_MEAN;
    m = Number(raw.toPrecision(2));
  }
  const key = JSON.stringify([rules, sim, n, m]);
  const hit = memo?.get(key);
  if (hit !== undefined) return hit;
  const r = falseAlarmRates(rules, { points: n, runs: expectedRuns(n), seed: EXPECTED_SEED, chart: sim, mean: m ?? undefined, arl: false, commonRandomNumbers: true });
  memo?.set(key, r.expectedSignalledPoints);
  return r.expectedSignalledPoints;
}

/** `expectedFalseSignals` with a memo of its own: one per run of the tool. */
export function falseSignalEstimator(): (rules: RuleSet, chart: ChartType, n: number, mean?: number) => number | null {
  const memo: FalseSignalMemo = new Map();
  return (rules, chart, n, mean) => expectedFalseSignals(rules, chart, n, mean, memo);
}

// ---------------------------------------------------------------------------------------------
// In-control ARL with known parameters
// ---------------------------------------------------------------------------------------------

/**
 * Longest simulated run; longer ones are cut off and counted as censored (the ARL is then a lower
 * bound). Anhoej's rules re-applied to a growing series have a heavy-tailed run length (a new run
 * longer than log2(n) + 3 turns up about once per doubling of n, with probability about 1/16), so
 * without another rule their ARL is unbounded: such runs stop at ARL_CAP_RUNS.
 */
export const ARL_CAP = 1_000_000;
export const ARL_CAP_RUNS = 10_000;
/** New points per block of the ARL simulation: 64 first, doubling up to 512 (most runs are short). */
const FIRST_BLOCK = 64;
const BLOCK = 512;

type PointRule = (frame: RuleFrame) => readonly (readonly [RuleId, Flags])[];

/**
 * The rules of a set from the registry: the point-wise ones (with the longest window any needs)
 * and the whole-phase ones as streaming tests (Anhoej's, re-applied at every new point).
 */
function registryRules(rules: RuleSet): { tests: PointRule[]; window: number; online: OnlineTest[] } {
  const tests: PointRule[] = [];
  const online: OnlineTest[] = [];
  let window = 1;
  for (const d of RULES) {
    if (!d.enabled(rules)) continue;
    const w = d.window(rules);
    if (w === null) {
      if (d.online) online.push(d.online(rules));
      continue;
    }
    tests.push((frame) => d.test(frame, rules));
    window = Math.max(window, w);
  }
  return { tests, window, online };
}

/** Sigma multiples of each line a rule reads (the centre line is 0 sigma from the centre). */
const SIGMAS: Readonly<Record<RuleLineKey, number>> = { centre: 0, ucl: 3, lcl: -3, upper1: 1, lower1: -1, upper2: 2, lower2: -2 };

/**
 * A frame of `size` points with the known lines of the chart (values filled in later): centre 0
 * and sigma 1 for normal data, mean and sqrt(mean) for Poisson counts (the lower lines clamped at
 * 0, as the c chart clamps them); a chart without limits has its centre line only.
 */
function knownFrame(chart: SimChart, size: number, mean: number): RuleFrame {
  const line = (v: number) => new Float64Array(size).fill(v);
  const limits = CHARTS[chart].hasLimits;
  const centre = chart === 'c' ? mean : 0;
  const sigma = chart === 'c' ? Math.sqrt(mean) : 1;
  const floor = chart === 'c' ? 0 : -Infinity;
  const at = (k: RuleLineKey) => (k === 'centre' ? line(centre) : limits ? line(Math.max(floor, centre + SIGMAS[k] * sigma)) : line(NaN));
  return makeFrame(new Float64Array(size), ruleLinesOf(at), new Uint8Array(size));
}

/** Frame positions from..to (inclusive) as a frame of their own (views, no copies). */
function slice(f: RuleFrame, from: number, to: number): RuleFrame {
  const s = (a: Float64Array) => a.subarray(from, to + 1);
  return makeFrame(s(f.value), ruleLinesOf((k) => s(f[k])), f.breakBefore.subarray(from, to + 1));
}

/** Frame position of the first point any of the tests flags, or -1. */
function anyFlag(tests: readonly PointRule[], frame: RuleFrame): number {
  let first = -1;
  for (const test of tests) {
    for (const [, flags] of test(frame)) {
      const limit = first < 0 ? flags.length : first;
      for (let i = 0; i < limit; i++) {
        if (flags[i]) {
          first = i;
          break;
        }
      }
    }
  }
  return first;
}

/**
 * Run lengths of endless in-control series with known parameters until the first signal. The
 * series is simulated in blocks; the point-wise rules run on each block plus the last `window - 1`
 * points before it (a rule's first signal depends only on its last `window` points). The signal's
 * time is the end of the first window that fires: between the first flagged point f and
 * f + window - 1, found by testing the prefixes ending there.
 */
export function inControlArl(
  rules: RuleSet,
  opts: { runs?: number; seed?: number; chart?: SimChart; mean?: number; cap?: number },
): { arl: number; se: number; censored: number; cap: number; runLengths: Float64Array } | null {
  const runs = opts.runs ?? DEFAULT_RUNS;
  const chart = opts.chart ?? 'xmr';
  const mean = opts.mean ?? DEFAULT_POISSON_MEAN;
  const { tests, window, online } = registryRules(rules);
  const withRuns = online.length > 0;
  const cap = opts.cap ?? (withRuns ? ARL_CAP_RUNS : ARL_CAP);
  if (tests.length === 0 && !withRuns) return null;

  // A different stream from the N-point charts', so the ARL does not depend on --points.
  const draw = seriesGenerator(chart, createRng(((opts.seed ?? DEFAULT_SEED) ^ 0x5bd1e995) >>> 0), mean);
  const overlap = window - 1;
  const frame = knownFrame(chart, overlap + BLOCK, mean);
  const centre = frame.centre[0];
  const lengths = new Float64Array(runs);
  let censored = 0;

  for (let r = 0; r < runs; r++) {
    for (const t of online) t.reset();
    let done = 0; // points of the series simulated before this block's new points
    let carried = 0; // old points at the front of the frame
    let length = -1;
    let block = FIRST_BLOCK;
    while (length < 0) {
      const size = carried + block;
      for (let i = carried; i < size; i++) frame.value[i] = draw();
      // First signal of the point-wise rules in this frame (frame position), if any.
      let local = -1;
      if (tests.length > 0) {
        const view = size === frame.length ? frame : slice(frame, 0, size - 1);
        const f = anyFlag(tests, view);
        if (f >= 0) {
          const from = Math.max(0, f - window + 1);
          for (let t = Math.max(f, carried); t < size && local < 0; t++) if (anyFlag(tests, slice(frame, from, t)) >= 0) local = t;
        }
      }
      // Anhoej's rules on the series so far, point by point, up to the point-wise signal.
      if (withRuns) {
        const end = local >= 0 ? local : size - 1;
        for (let i = carried; i <= end; i++) {
          let signals = false;
          for (const t of online) signals = t.add(frame.value[i], centre) || signals;
          if (signals) {
            local = i;
            break;
          }
        }
      }
      if (local >= 0) {
        length = done + (local - carried) + 1;
        break;
      }
      done += block;
      if (done >= cap) {
        length = cap;
        censored++;
        break;
      }
      carried = Math.min(overlap, size);
      frame.value.copyWithin(0, size - carried, size);
      block = Math.min(BLOCK, block * 2);
    }
    lengths[r] = length;
  }
  let sum = 0;
  for (const x of lengths) sum += x;
  const arl = sum / runs;
  let ss = 0;
  for (const x of lengths) ss += (x - arl) ** 2;
  const se = runs > 1 ? Math.sqrt(ss / (runs - 1) / runs) : NaN;
  return { arl, se, censored, cap, runLengths: lengths };
}
