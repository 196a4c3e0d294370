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
import { inControlArl } from './arl.js';
import type { ChartType } from './charts/index.js';
import { enabledRules } from './presets.js';
import { createRng } from './random.js';
import { DEFAULT_POISSON_MEAN, DEFAULT_RUNS, DEFAULT_SEED, SIM_CHARTS, seriesGenerator, simulatedChartFor, type SimChart } from './simulated-chart.js';
import type { RuleId, RuleSet } from './types.js';

// The random numbers, what is simulated and the ARL live in modules of their own; this module
// re-exports them, so that importers of simulate.js see the whole simulation in one place.
export { createRng, normalSampler, poissonSampler, type Uniform } from './random.js';
export { DEFAULT_POISSON_MEAN, DEFAULT_RUNS, DEFAULT_SEED, SIM_CHARTS, simulatedChartFor, type SimChart } from './simulated-chart.js';
export { ARL_CAP, ARL_CAP_RUNS, inControlArl } from './arl.js';

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

/** A simulation's settings, defaults filled in and checked. */
interface Simulation {
  readonly points: number;
  readonly runs: number;
  readonly seed: number;
  readonly chart: SimChart;
  readonly mean: number;
  readonly commonRandomNumbers: boolean;
}

/** What the simulated charts add up to: charts and points flagged, by any rule and by each rule. */
interface Tally {
  /** Charts on which each rule flagged at least one point. */
  readonly fired: Map<RuleId, number>;
  /** Points each rule flagged, over all charts. */
  readonly flaggedPoints: Map<RuleId, number>;
  /** Charts with at least one flagged point. */
  anyRuns: number;
  /** Points flagged by any rule, over all charts. */
  anyPoints: number;
}

function checkCount(name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be a whole number >= ${min}, got ${v}`);
}

/** The options with their defaults, or a RangeError naming the one out of range. */
function simulation(opts: FalseAlarmOptions): Simulation {
  const points = opts.points;
  const runs = opts.runs ?? DEFAULT_RUNS;
  const seed = opts.seed ?? DEFAULT_SEED;
  const chart = opts.chart ?? 'xmr';
  const mean = opts.mean ?? DEFAULT_POISSON_MEAN;
  checkCount('points', points, 1);
  checkCount('runs', runs, 1);
  if (!SIM_CHARTS.includes(chart)) throw new RangeError(`chart must be one of ${SIM_CHARTS.join(', ')}, got ${chart}`);
  if (chart === 'c' && !(mean > 0 && Number.isFinite(mean))) throw new RangeError(`mean must be positive, got ${mean}`);
  return { points, runs, seed, chart, mean, commonRandomNumbers: !!opts.commonRandomNumbers };
}

/**
 * False-alarm rates of a rule set on stable charts of `opts.points` points, by `opts.runs`
 * simulated charts analysed by `analyse` (limits from the chart's own points), and the in-control
 * ARL with known parameters. Deterministic for a seed.
 */
export function falseAlarmRates(rules: RuleSet, opts: FalseAlarmOptions): FalseAlarmRates {
  const sim = simulation(opts);
  const { points, runs, seed, chart, mean } = sim;
  const ids = enabledRules(rules);
  const tally = simulateCharts(rules, ids, sim);
  const perRule: Partial<Record<RuleId, number>> = {};
  const perRuleSignalledPoints: Partial<Record<RuleId, number>> = {};
  for (const id of ids) {
    perRule[id] = tally.fired.get(id)! / runs;
    perRuleSignalledPoints[id] = tally.flaggedPoints.get(id)! / runs;
  }
  const anySignal = tally.anyRuns / runs;
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
    expectedSignalledPoints: tally.anyPoints / runs,
    perRuleSignalledPoints,
    arl: arl?.arl ?? null,
    arlSE: arl?.se ?? null,
    arlCensored: arl?.censored ?? 0,
    arlCap: arl?.cap ?? null,
  };
}

/** Simulates `sim.runs` stable charts of `sim.points` points, analyses each, and counts what was flagged. */
function simulateCharts(rules: RuleSet, ids: readonly RuleId[], sim: Simulation): Tally {
  const { points, runs, seed, chart, mean } = sim;
  const tally: Tally = { fired: new Map(ids.map((id) => [id, 0])), flaggedPoints: new Map(ids.map((id) => [id, 0])), anyRuns: 0, anyPoints: 0 };
  // Common random numbers (expectedFalseSignals): run r has its own stream, so the first n values
  // of a run are the same for every chart length and estimates for nearby lengths move together.
  let draw = seriesGenerator(chart, createRng(seed), mean);
  const values = new Float64Array(points);
  const anyAt = new Uint8Array(points);
  for (let r = 0; r < runs; r++) {
    if (sim.commonRandomNumbers) draw = seriesGenerator(chart, createRng((seed + Math.imul(r + 1, 0x9e3779b9)) >>> 0), mean);
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
        tally.fired.set(id, (tally.fired.get(id) ?? 0) + 1);
        tally.flaggedPoints.set(id, (tally.flaggedPoints.get(id) ?? 0) + count);
      }
    }
    let any = 0;
    for (let i = 0; i < points; i++) any += anyAt[i];
    tally.anyPoints += any;
    if (any > 0) tally.anyRuns++;
  }
  return tally;
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
