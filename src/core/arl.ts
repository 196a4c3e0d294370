/**
 * The in-control average run length (ARL) of a rule set: the mean number of points up to and
 * including the first signal, on an endless in-control series with KNOWN parameters (centre 0 and
 * sigma 1 for normal data; centre = mean and sigma = sqrt(mean) for Poisson counts; on run charts
 * the centre is the known median 0). This is the textbook definition (Montgomery; Champ & Woodall
 * 1987), so ARL0 = 370.4 for outside-limits alone. The point-wise rules are the registry's own
 * tests (src/core/rules/) run on the simulated points. Anhoej's longest-run and crossings rules
 * judge a whole chart, so they are applied as an analyst re-analysing the chart at every new point
 * would: the series so far is tested each time, by the rule's streaming test (`online`).
 * docs/false-alarms.md; simulate.ts holds the rates on charts of N points.
 */
import { CHARTS } from './charts/index.js';
import { ruleLinesOf, type RuleLineKey } from './lines.js';
import { createRng } from './random.js';
import { RULES, makeFrame, type Flags, type OnlineTest, type RuleFrame } from './rules/index.js';
import { DEFAULT_POISSON_MEAN, DEFAULT_RUNS, DEFAULT_SEED, seriesGenerator, type SimChart } from './simulated-chart.js';
import type { RuleId, RuleSet } from './types.js';

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

/** One endless in-control series being simulated: the rules, the frame it is tested in, its points' source. */
interface ArlSeries {
  readonly tests: readonly PointRule[];
  /** The longest window of the point-wise rules. */
  readonly window: number;
  readonly online: readonly OnlineTest[];
  /** Room for `window - 1` carried points and a block of new ones, with the chart's known lines. */
  readonly frame: RuleFrame;
  readonly centre: number;
  readonly draw: () => number;
  /** Points after which a series without a signal is cut off. */
  readonly cap: number;
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
  const frame = knownFrame(chart, window - 1 + BLOCK, mean);
  const series: ArlSeries = { tests, window, online, frame, centre: frame.centre[0], draw, cap };
  const lengths = new Float64Array(runs);
  let censored = 0;
  for (let r = 0; r < runs; r++) {
    const length = runLength(series);
    if (length === null) censored++;
    lengths[r] = length ?? cap;
  }
  const { mean: arl, se } = meanAndStandardError(lengths);
  return { arl, se, censored, cap, runLengths: lengths };
}

/** Points up to and including the first signal of one series, or null when it reaches the cap without one. */
function runLength(s: ArlSeries): number | null {
  for (const t of s.online) t.reset();
  const overlap = s.window - 1;
  let done = 0; // points of the series simulated before this block's new points
  let carried = 0; // old points at the front of the frame
  let block = FIRST_BLOCK;
  for (;;) {
    const size = carried + block;
    for (let i = carried; i < size; i++) s.frame.value[i] = s.draw();
    // First signal of the point-wise rules in this frame (frame position), if any.
    let local = s.tests.length > 0 ? pointwiseSignal(s, carried, size) : -1;
    // Anhoej's rules on the series so far, point by point, up to the point-wise signal.
    if (s.online.length > 0) {
      const runs = runsSignal(s, carried, local >= 0 ? local : size - 1);
      if (runs >= 0) local = runs;
    }
    if (local >= 0) return done + (local - carried) + 1;
    done += block;
    if (done >= s.cap) return null;
    carried = Math.min(overlap, size);
    s.frame.value.copyWithin(0, size - carried, size);
    block = Math.min(BLOCK, block * 2);
  }
}

/**
 * Frame position of the point-wise rules' first signal among the new points (`carried` to
 * `size - 1`), or -1: the end of the first window that fires.
 */
function pointwiseSignal(s: ArlSeries, carried: number, size: number): number {
  const view = size === s.frame.length ? s.frame : slice(s.frame, 0, size - 1);
  const f = anyFlag(s.tests, view);
  if (f < 0) return -1;
  const from = Math.max(0, f - s.window + 1);
  for (let t = Math.max(f, carried); t < size; t++) if (anyFlag(s.tests, slice(s.frame, from, t)) >= 0) return t;
  return -1;
}

/** Frame position of the first new point (`carried` to `end`) at which a streaming test signals, or -1. */
function runsSignal(s: ArlSeries, carried: number, end: number): number {
  for (let i = carried; i <= end; i++) {
    let signals = false;
    for (const t of s.online) signals = t.add(s.frame.value[i], s.centre) || signals;
    if (signals) return i;
  }
  return -1;
}

/** The mean of the run lengths and its standard error (sample sd / sqrt(runs)). */
function meanAndStandardError(lengths: Float64Array): { mean: number; se: number } {
  const runs = lengths.length;
  let sum = 0;
  for (const x of lengths) sum += x;
  const mean = sum / runs;
  let ss = 0;
  for (const x of lengths) ss += (x - mean) ** 2;
  return { mean, se: runs > 1 ? Math.sqrt(ss / (runs - 1) / runs) : NaN };
}
