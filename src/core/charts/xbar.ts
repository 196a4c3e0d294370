/**
 * x-bar charts with S or with R: subgroup means about the grand mean, limits from the sigma within
 * subgroups (Montgomery, Introduction to SQC, 7th ed., 6.2-6.3, eqs. 6.4, 6.28, 6.30).
 */
import { a3 } from '../constants.js';
import { centreOnly, symmetric } from './lines.js';
import { limitIndices } from './phase-points.js';
import type { ChartDefinition, ChartType, PhaseInput, SeriesData } from './types.js';
import { subgroupStat, withinSigma } from './within-sigma.js';

/** Grand mean weighted by subgroup size (Montgomery eq. 6.30); equal sizes: the mean of means. */
function grandMean(data: SeriesData, plotted: ArrayLike<number | null>, phase: PhaseInput): number | null {
  let sum = 0;
  let count = 0;
  for (const i of limitIndices(phase)) {
    const n = data.subgroups![i]!.length;
    sum += plotted[i]! * n;
    count += n;
  }
  return count ? sum / count : null;
}

function xbar(id: ChartType, kind: 's' | 'r'): ChartDefinition {
  return {
    id,
    name: kind === 's' ? 'X\u0304 chart (with S)' : 'X\u0304 chart (with R)',
    needs: 'subgroups',
    hasLimits: true,
    levelPerPeriod: false,
    centre: 'mean',
    clampsLines: false,
    spansPrevious: false,
    plot: (data) => subgroupStat(data, 'mean'),
    phase({ data, plotted, phase, lines }) {
      const centre = grandMean(data, plotted, phase);
      centreOnly(lines, phase, centre);
      const w = withinSigma(data, phase, kind);
      if (centre === null || w === null) return { centre, sigma: null, limitsVary: false };
      let sizesVary = false;
      let first = -1;
      for (let i = phase.start; i <= phase.end; i++) {
        const n = data.subgroups?.[i]?.length ?? 0;
        if (n === 0) continue;
        if (first < 0) first = n;
        else if (n !== first) sizesVary = true;
        // x-bar +/- A3(n) s-bar = x-bar +/- 3 sigma / sqrt(n) (Montgomery eqs. 6.28, 6.4).
        const sigma = kind === 's' && w.bar !== null ? (a3(n) * w.bar) / 3 : w.sigmaAt(n) / Math.sqrt(n);
        if (Number.isFinite(sigma)) symmetric(lines, i, centre, sigma);
      }
      return { centre, sigma: null, ...(kind === 's' ? { sBar: w.bar } : { rBar: w.bar }), sigmaWithin: w.sigmaAt(first), limitsVary: sizesVary };
    },
  };
}

export const xbarS = xbar('xbar-s', 's');
export const xbarR = xbar('xbar-r', 'r');
