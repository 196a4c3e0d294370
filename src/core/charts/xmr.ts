/**
 * XmR (individuals) chart: centre x-bar, limits x-bar +/- 3 sigma with sigma from the moving ranges
 * (Montgomery, Introduction to SQC, 7th ed., 6.4; Wheeler's E2; the median moving range).
 */
import { mean } from '../stats.js';
import { individualSigma, noSigma, type IndividualSigma } from './individual-sigma.js';
import { centreOnly, fillPhase } from './lines.js';
import { limitSequence, limitValues } from './phase-points.js';
import { identity } from './plot.js';
import type { ChartDefinition, ChartSettings, PhaseInput } from './types.js';

interface CentreAndSigma {
  readonly centre: number | null;
  readonly s: IndividualSigma;
}

function xmrGeneral(plotted: ArrayLike<number | null>, phase: PhaseInput, settings: ChartSettings): CentreAndSigma {
  const pts = limitValues(plotted, phase);
  return { centre: pts.length ? mean(pts) : null, s: individualSigma(limitSequence(plotted, phase), settings) };
}

/**
 * Mean and mean moving range of the limit-setting points in one pass, with the same conventions
 * as the general path: a missing value breaks the moving ranges, an excluded point is joined over.
 */
function xmrOnePass(plotted: ArrayLike<number | null>, phase: PhaseInput, settings: ChartSettings): CentreAndSigma {
  let sum = 0;
  let count = 0;
  let mrSum = 0;
  let mrCount = 0;
  let prev = NaN;
  for (let i = phase.start; i <= phase.end; i++) {
    if (!phase.observed[i]) {
      prev = NaN;
      continue;
    }
    if (!phase.limit[i]) continue;
    const v = plotted[i] as number;
    sum += v;
    count++;
    if (prev === prev) {
      mrSum += Math.abs(v - prev);
      mrCount++;
    }
    prev = v;
  }
  const centre = count ? sum / count : null;
  if (!mrCount) return { centre, s: noSigma(0) };
  const mrBar = mrSum / mrCount;
  const m = settings.xmrSigma;
  // Montgomery eq. 6.33 (sigma = MR-bar / d2) or Wheeler's E2 (half-width E2 x MR-bar), as individualSigma.
  const sigma = m.method === 'd2' ? mrBar / m.d2 : ((m as { e2: number }).e2 * mrBar) / 3;
  const halfWidth = m.method === 'd2' ? 3 * sigma : (m as { e2: number }).e2 * mrBar;
  return { centre, s: { sigma, halfWidth, mrBar, mrMedian: null, movingRanges: mrCount, screenedMovingRanges: 0 } };
}

export const xmr: ChartDefinition = {
  id: 'xmr',
  name: 'XmR chart',
  needs: 'values',
  hasLimits: true,
  levelPerPeriod: true,
  centre: 'mean',
  clampsLines: false,
  spansPrevious: false,
  plot: identity,
  phase({ plotted, phase, settings, lines }) {
    const fast = !settings.screenMovingRanges && settings.xmrSigma.method !== 'median';
    // One pass (the common case) or the general path through the limit sequence (screening, median).
    const { centre, s } = fast ? xmrOnePass(plotted, phase, settings) : xmrGeneral(plotted, phase, settings);
    centreOnly(lines, phase, centre);
    if (centre !== null && s.sigma !== null && s.halfWidth !== null) {
      fillPhase(lines, phase, centre, s.sigma);
      // Exact 3-sigma half-width (2.66 x MR-bar is not 3 x (2.66 x MR-bar / 3) in floating point).
      lines.ucl.fill(centre + s.halfWidth, phase.start, phase.end + 1);
      lines.lcl.fill(centre - s.halfWidth, phase.start, phase.end + 1);
    }
    return { centre, sigma: s.sigma, mrBar: s.mrBar, mrMedian: s.mrMedian, movingRanges: s.movingRanges, screenedMovingRanges: s.screenedMovingRanges, limitsVary: false };
  },
};
