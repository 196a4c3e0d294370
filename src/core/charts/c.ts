/** c chart: counts of nonconformities, centre c-bar, sigma sqrt(c-bar) (Montgomery, Introduction to SQC, 7th ed., eq. 7.17). */
import { mean } from '../stats.js';
import { symmetric } from './lines.js';
import { limitValues } from './phase-points.js';
import { identity } from './plot.js';
import type { ChartDefinition } from './types.js';

export const c: ChartDefinition = {
  id: 'c',
  name: 'c chart',
  needs: 'values',
  hasLimits: true,
  levelPerPeriod: true,
  centre: 'mean',
  clampsLines: true,
  spansPrevious: false,
  plot: identity,
  phase({ plotted, phase, lines }) {
    const pts = limitValues(plotted, phase);
    if (!pts.length) return { centre: null, sigma: null, limitsVary: false };
    const centre = mean(pts);
    const sigma = Math.sqrt(centre); // Montgomery eq. 7.17: a Poisson count's sigma; lines clamped at 0
    for (let i = phase.start; i <= phase.end; i++) symmetric(lines, i, centre, sigma, 0);
    return { centre, sigma, limitsVary: false };
  },
};
