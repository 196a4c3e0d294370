/**
 * S and R charts, the companions of the x-bar charts: subgroup standard deviations or ranges
 * (Montgomery, Introduction to SQC, 7th ed., eqs. 6.5 and 6.29).
 */
import { b3, b4, c4, d2, d3 } from '../constants.js';
import { symmetric } from './lines.js';
import type { ChartDefinition, ChartType, LineArrays } from './types.js';
import { subgroupStat, withinSigma, type WithinSigma } from './within-sigma.js';

/** Writes point i's lines for subgroup size n and returns its centre. */
function spreadLines(lines: LineArrays, i: number, n: number, w: WithinSigma, kind: 's' | 'r'): number {
  if (kind === 's' && w.bar !== null) {
    // Centre s-bar, limits B3 s-bar and B4 s-bar (Montgomery eq. 6.29): sigma_s = s-bar sqrt(1 - c4^2) / c4.
    symmetric(lines, i, w.bar, (w.bar * Math.sqrt(1 - c4(n) ** 2)) / c4(n), 0);
    lines.ucl[i] = b4(n) * w.bar;
    lines.lcl[i] = b3(n) * w.bar;
    return w.bar;
  }
  // Centre d2 sigma (= R-bar for equal sizes), sigma_R = d3 sigma: limits D3 R-bar, D4 R-bar (eq. 6.5).
  const s = w.sigmaAt(n);
  const centre = w.equal && w.bar !== null ? w.bar : d2(n) * s;
  symmetric(lines, i, centre, d3(n) * s, 0);
  return centre;
}

function spread(id: ChartType, kind: 's' | 'r'): ChartDefinition {
  return {
    id,
    name: kind === 's' ? 'S chart' : 'R chart',
    needs: 'subgroups',
    hasLimits: true,
    levelPerPeriod: false,
    centre: 'mean',
    clampsLines: true,
    spansPrevious: false,
    plot: (data) => subgroupStat(data, kind === 's' ? 'sd' : 'range'),
    phase({ data, phase, lines }) {
      const w = withinSigma(data, phase, kind);
      if (w === null) return { centre: null, sigma: null, limitsVary: false };
      let sizesVary = false;
      let first = -1;
      let firstCentre: number | null = null;
      for (let i = phase.start; i <= phase.end; i++) {
        const n = data.subgroups?.[i]?.length ?? 0;
        if (n < 2) continue;
        if (first < 0) first = n;
        else if (n !== first) sizesVary = true;
        const centre = spreadLines(lines, i, n, w, kind);
        firstCentre ??= centre;
      }
      const stats = kind === 's' ? { sBar: w.bar } : { rBar: w.bar };
      return { centre: sizesVary ? null : firstCentre, sigma: null, ...stats, sigmaWithin: w.sigmaAt(first), limitsVary: sizesVary };
    },
  };
}

export const s = spread('s', 's');
export const r = spread('r', 'r');
