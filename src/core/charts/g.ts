/**
 * g chart: opportunities or days between events. Limits from the geometric distribution's mean and
 * sigma (Benneyan 2001; Montgomery, Introduction to SQC, 7th ed., p. 319); the centre line drawn
 * at the median (qicharts2), as the distribution is skewed.
 */
import { mean, median } from '../stats.js';
import { symmetric } from './lines.js';
import { limitValues } from './phase-points.js';
import { identity } from './plot.js';
import type { ChartDefinition } from './types.js';

export const g: ChartDefinition = {
  id: 'g',
  name: 'g chart',
  needs: 'values',
  hasLimits: true,
  levelPerPeriod: false,
  centre: 'median',
  clampsLines: true,
  spansPrevious: false,
  plot: identity,
  phase({ plotted, phase, lines }) {
    const pts = limitValues(plotted, phase);
    if (!pts.length) return { centre: null, sigma: null, limitsVary: false };
    const gBar = mean(pts);
    const sigma = Math.sqrt(gBar * (gBar + 1)); // geometric: Benneyan 2001; Montgomery p. 319
    const centre = median(pts); // the line drawn: the distribution is skewed (qicharts2)
    for (let i = phase.start; i <= phase.end; i++) {
      symmetric(lines, i, gBar, sigma, 0);
      lines.centre[i] = centre;
    }
    return { centre, sigma, mean: gBar, limitsVary: false };
  },
};
