/**
 * MR (moving range) chart: the moving ranges of individual values, centre MR-bar, limits
 * D3 MR-bar = 0 and D4 MR-bar = 3.267 MR-bar (Montgomery, Introduction to SQC, 7th ed., eq. 6.34).
 */
import { D4_INDIVIDUALS } from '../constants.js';
import { mean } from '../stats.js';
import { symmetric } from './lines.js';
import { limitValues } from './phase-points.js';
import type { ChartDefinition } from './types.js';

export const mr: ChartDefinition = {
  id: 'mr',
  name: 'MR chart',
  needs: 'values',
  hasLimits: true,
  levelPerPeriod: false,
  centre: 'mean',
  clampsLines: true,
  spansPrevious: true,
  plot(data, phaseOf) {
    // |x_i - x_(i-1)| between adjacent observed points of the same phase.
    return Array.from(data.values, (v, i) => {
      const prev = i > 0 ? data.values[i - 1] : null;
      return v === null || prev === null || phaseOf[i] !== phaseOf[i - 1] ? null : Math.abs(v - prev);
    });
  },
  baselinePoints(data, phase, baseline) {
    // The baseline is the phase's first N observations, as on the X chart (qicharts2's `freeze`;
    // Montgomery Example 6.5): the moving ranges between them, never the one into observation N + 1.
    const observation = (i: number) => {
      const v = data.values[i];
      return v !== null && Number.isFinite(v);
    };
    let seen = 0;
    let ranges = 0;
    for (let i = phase.start; i <= phase.end && seen < baseline; i++) {
      if (!observation(i)) continue;
      if (i > phase.start && observation(i - 1)) ranges++;
      seen++;
    }
    return ranges;
  },
  phase({ plotted, phase, lines }) {
    // The plotted points are the moving ranges: those in the phase's baseline, not excluded, set the limits.
    const used = limitValues(plotted, phase);
    const centre = used.length ? mean(used) : null;
    if (centre === null) return { centre: null, sigma: null, movingRanges: 0, limitsVary: false };
    // UCL = D4 MR-bar, LCL = D3 MR-bar = 0 (Montgomery eq. 6.34): sigma = (D4 - 1) MR-bar / 3.
    const sigma = ((D4_INDIVIDUALS - 1) * centre) / 3;
    for (let i = phase.start; i <= phase.end; i++) {
      symmetric(lines, i, centre, sigma, 0);
      lines.ucl[i] = D4_INDIVIDUALS * centre;
    }
    return { centre, sigma, mrBar: centre, movingRanges: used.length, limitsVary: false };
  },
};
