/** Subgroup statistics and the sigma within subgroups (x-bar, S and R charts; Montgomery 6.2-6.3). */
import { c4, d2 } from '../constants.js';
import { mean } from '../stats.js';
import { limitIndices } from './phase-points.js';
import type { PhaseInput, SeriesData } from './types.js';

/** Each subgroup's mean, standard deviation (n - 1) or range; null for an empty subgroup, and for sd and range of one observation. */
export function subgroupStat(data: SeriesData, stat: 'mean' | 'sd' | 'range'): (number | null)[] {
  return (data.subgroups ?? []).map((xs) => {
    if (!xs || xs.length === 0) return null;
    const m = mean(xs);
    if (stat === 'mean') return m;
    if (xs.length < 2) return null;
    if (stat === 'range') return Math.max(...xs) - Math.min(...xs);
    let ss = 0;
    for (const x of xs) ss += (x - m) ** 2;
    return Math.sqrt(ss / (xs.length - 1));
  });
}

/** s-bar or R-bar (null where no single one applies), whether the sizes are equal, and sigma of one observation at size n. */
export interface WithinSigma {
  readonly bar: number | null;
  readonly equal: boolean;
  sigmaAt(n: number): number;
}

/**
 * Sigma within subgroups from the limit-setting subgroups.
 * - s: equal sizes: s-bar = mean s_i, sigma = s-bar / c4(n) (Montgomery eq. 6.27);
 *   unequal sizes: pooled s = sqrt(sum (n_i - 1) s_i^2 / (sum n_i - m)) (Montgomery eq. 6.31),
 *   used as s-bar with each subgroup's own A3, B3, B4.
 * - r: equal sizes: R-bar / d2(n); unequal: mean of R_i / d2(n_i).
 */
export function withinSigma(data: SeriesData, phase: PhaseInput, kind: 's' | 'r'): WithinSigma | null {
  const idx = limitIndices(phase).filter((i) => (data.subgroups?.[i]?.length ?? 0) >= 2);
  const sizes = idx.map((i) => data.subgroups![i]!.length);
  const equal = sizes.every((n) => n === sizes[0]);
  if (!idx.length) return null;
  if (kind === 's') {
    const s = subgroupStat(data, 'sd');
    if (equal) {
      const sBar = mean(idx.map((i) => s[i]!));
      return { bar: sBar, equal, sigmaAt: (_n: number) => sBar / c4(sizes[0]) };
    }
    let num = 0;
    let den = 0;
    idx.forEach((i, k) => {
      num += (sizes[k] - 1) * s[i]! ** 2;
      den += sizes[k] - 1;
    });
    const pooled = Math.sqrt(num / den);
    return { bar: pooled, equal, sigmaAt: (n: number) => pooled / c4(n) };
  }
  const r = subgroupStat(data, 'range');
  if (equal) {
    const rBar = mean(idx.map((i) => r[i]!));
    return { bar: rBar, equal, sigmaAt: (_n: number) => rBar / d2(sizes[0]) };
  }
  const sigma = mean(idx.map((i, k) => r[i]! / d2(sizes[k])));
  return { bar: null, equal, sigmaAt: (_n: number) => sigma };
}
