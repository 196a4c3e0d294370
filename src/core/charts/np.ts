/** np chart: counts of nonconforming units, centre n p-bar (Montgomery, Introduction to SQC, 7th ed., eq. 7.13). */
import { symmetric } from './lines.js';
import { identity } from './plot.js';
import { pooledRate } from './rates.js';
import type { ChartDefinition } from './types.js';

export const np: ChartDefinition = {
  id: 'np',
  name: 'np chart',
  needs: 'sizes',
  hasLimits: true,
  levelPerPeriod: true,
  centre: 'mean',
  clampsLines: true,
  spansPrevious: false,
  plot: identity,
  phase({ data, phase, lines }) {
    const p = pooledRate(data, phase);
    if (p === null) return { centre: null, sigma: null, limitsVary: true };
    // Montgomery eq. 7.13: centre n p-bar, sigma sqrt(n p-bar (1 - p-bar)), lines within [0, n].
    for (let i = phase.start; i <= phase.end; i++) {
      const n = data.sizes![i];
      if (n === null || !(n > 0)) continue;
      symmetric(lines, i, n * p, Math.sqrt(n * p * (1 - p)), 0, n);
    }
    return { centre: null, sigma: null, mean: p, limitsVary: true };
  },
};
