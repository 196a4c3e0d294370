/**
 * t chart: times between events transformed by y^(1/3.6) (Nelson 1994, as Minitab's T chart), an
 * XmR chart on the transformed scale (Montgomery, Introduction to SQC, 7th ed., 7.3.5), every line
 * back-transformed.
 */
import { T_POWER } from '../constants.js';
import { mean } from '../stats.js';
import { individualSigma } from './individual-sigma.js';
import { limitSequence, limitValues } from './phase-points.js';
import { identity } from './plot.js';
import type { ChartDefinition } from './types.js';

export const t: ChartDefinition = {
  id: 't',
  name: 't chart',
  needs: 'values',
  hasLimits: true,
  levelPerPeriod: false,
  centre: 'transformed-mean',
  clampsLines: true,
  spansPrevious: false,
  plot: identity,
  phase({ plotted, phase, settings, lines }) {
    const w = Array.from(plotted, (v) => (v === null ? null : Math.pow(v, 1 / T_POWER)));
    const pts = limitValues(w, phase);
    if (!pts.length) return { centre: null, sigma: null, limitsVary: false };
    const cw = mean(pts);
    const s = individualSigma(limitSequence(w, phase), settings);
    // Back to the original scale; a line below 0 on the transformed scale becomes 0.
    const back = (x: number) => Math.pow(Math.max(0, x), T_POWER);
    for (let i = phase.start; i <= phase.end; i++) {
      lines.centre[i] = back(cw);
      if (s.sigma === null || s.halfWidth === null) continue;
      lines.ucl[i] = back(cw + s.halfWidth);
      lines.lcl[i] = back(cw - s.halfWidth);
      lines.upper2[i] = back(cw + 2 * s.sigma);
      lines.lower2[i] = back(cw - 2 * s.sigma);
      lines.upper1[i] = back(cw + s.sigma);
      lines.lower1[i] = back(cw - s.sigma);
      // Sigma has no single value on the original scale; the transformed one is in the phase stats.
    }
    return {
      centre: back(cw),
      sigma: null,
      sigmaWithin: s.sigma,
      mrBar: s.mrBar,
      mrMedian: s.mrMedian,
      movingRanges: s.movingRanges,
      screenedMovingRanges: s.screenedMovingRanges,
      limitsVary: false,
    };
  },
};
