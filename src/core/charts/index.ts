/**
 * The chart-type registry. Every chart type has the same shape (types.ts): `plot` turns the
 * measure's data into the plotted statistic, `phase` computes the centre line, sigma and the
 * 1/2/3-sigma lines of every point of one phase from that phase's limit-setting points. Rules never
 * see chart types: they read the lines by name. Each chart's file cites its formulas; the factors
 * are named in ../constants.ts; docs/methods.md has worked examples.
 */
import { c } from './c.js';
import { g } from './g.js';
import { mr } from './mr.js';
import { np } from './np.js';
import { p, pp, u, up } from './attribute.js';
import { run } from './run.js';
import { r, s } from './spread.js';
import { t } from './t.js';
import type { ChartDefinition, ChartType } from './types.js';
import { xbarR, xbarS } from './xbar.js';
import { xmr } from './xmr.js';

export { CHART_TYPES } from './types.js';
export type { ChartContext, ChartDefinition, ChartSettings, ChartType, LineArrays, PhaseInput, PhaseStats, SeriesData } from './types.js';
export { emptyLines } from './lines.js';
export { T_POWER } from '../constants.js';

export const CHARTS: Readonly<Record<ChartType, ChartDefinition>> = {
  xmr,
  mr,
  run,
  p,
  pp,
  u,
  up,
  c,
  np,
  g,
  t,
  'xbar-s': xbarS,
  'xbar-r': xbarR,
  s,
  r,
};

/** The companion chart written beside an x-bar chart. */
export function companionOf(chart: ChartType): ChartType | null {
  return chart === 'xbar-s' ? 's' : chart === 'xbar-r' ? 'r' : null;
}
