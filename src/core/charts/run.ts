/** Run chart: the values about their median, no limits (Anhoej & Olesen 2014). */
import { median } from '../stats.js';
import { centreOnly } from './lines.js';
import { limitValues } from './phase-points.js';
import { identity } from './plot.js';
import type { ChartDefinition } from './types.js';

export const run: ChartDefinition = {
  id: 'run',
  name: 'run chart',
  needs: 'values',
  hasLimits: false,
  levelPerPeriod: true,
  centre: 'median',
  clampsLines: false,
  spansPrevious: false,
  plot: identity,
  phase({ plotted, phase, lines }) {
    const pts = limitValues(plotted, phase);
    const centre = pts.length ? median(pts) : null;
    centreOnly(lines, phase, centre);
    return { centre, sigma: null, limitsVary: false };
  },
};
