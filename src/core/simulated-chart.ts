/**
 * What the false-alarm simulation (simulate.ts, arl.ts) simulates: the chart types it draws
 * directly, the defaults of a simulation, the chart standing in for each chart type, and the
 * in-control points of a simulated chart.
 */
import type { ChartType } from './charts/index.js';
import { normalSampler, poissonSampler, type Uniform } from './random.js';

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

/** Draws one in-control point after another for a simulated chart: N(0, 1) values, or Poisson counts for c. */
export function seriesGenerator(chart: SimChart, u: Uniform, mean: number): () => number {
  return chart === 'c' ? poissonSampler(u, mean) : normalSampler(u);
}
