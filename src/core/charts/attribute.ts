/**
 * p and u charts (Montgomery, Introduction to SQC, 7th ed., 7.2-7.3, eqs. 7.8 and 7.19) and their
 * Laney versions p' and u' (Laney 2002, "Improved control charts for attributes", Quality
 * Engineering 14(4)).
 */
import { LANEY_D2 } from '../constants.js';
import { mean, movingRanges } from '../stats.js';
import { centreOnly, symmetric } from './lines.js';
import { limitSequence } from './phase-points.js';
import { ratio } from './plot.js';
import { pooledRate } from './rates.js';
import type { ChartDefinition, ChartType, PhaseInput } from './types.js';

/**
 * Laney's sigma_z: the moving ranges of the z-scores of the limit-setting points (in order,
 * missing values breaking, excluded points joined over) / 1.128 (Laney 2002).
 */
function sigmaZ(plotted: ArrayLike<number | null>, phase: PhaseInput, centre: number, sigmaOf: (i: number) => number): number | null {
  const z = Array.from(plotted, (v, i) => (v === null ? null : (v - centre) / sigmaOf(i)));
  const ranges = movingRanges(limitSequence(z, phase));
  return ranges.length ? mean(ranges) / LANEY_D2 : null;
}

function attribute(id: ChartType, name: string, kind: 'p' | 'u', laney: boolean): ChartDefinition {
  return {
    id,
    name,
    needs: 'sizes',
    hasLimits: true,
    levelPerPeriod: false,
    centre: 'mean',
    clampsLines: true,
    spansPrevious: false,
    plot: ratio,
    phase({ data, plotted, phase, lines }) {
      const centre = pooledRate(data, phase);
      centreOnly(lines, phase, centre);
      if (centre === null) return { centre: null, sigma: null, limitsVary: true };
      // Montgomery eq. 7.8 (p: sqrt(p(1-p)/n_i)) and eq. 7.19 (u: sqrt(u/n_i)).
      const within = (i: number) => Math.sqrt((kind === 'p' ? centre * (1 - centre) : centre) / data.sizes![i]!);
      const z = laney ? sigmaZ(plotted, phase, centre, within) : 1;
      if (z === null) return { centre, sigma: null, sigmaZ: null, limitsVary: true };
      for (let i = phase.start; i <= phase.end; i++) {
        if (data.sizes![i] === null || !(data.sizes![i]! > 0)) continue;
        // Laney: sigma_i = sigma_z x the binomial or Poisson sigma_i; a proportion stays in [0, 1].
        symmetric(lines, i, centre, within(i) * z, 0, kind === 'p' ? 1 : Infinity);
      }
      return { centre, sigma: null, ...(laney ? { sigmaZ: z } : {}), limitsVary: true };
    },
  };
}

export const p = attribute('p', 'p chart', 'p', false);
export const pp = attribute('pp', 'p\u2032 chart (Laney)', 'p', true);
export const u = attribute('u', 'u chart', 'u', false);
export const up = attribute('up', 'u\u2032 chart (Laney)', 'u', true);
