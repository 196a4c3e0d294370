/** Small descriptive statistics, one function per idea. */

/** Arithmetic mean; NaN for an empty array. */
export function mean(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  return xs.length === 0 ? NaN : sum / xs.length;
}

/** Median (mean of the two middle values for an even count); NaN for an empty array. */
export function median(xs: ArrayLike<number>): number {
  if (xs.length === 0) return NaN;
  const s = Float64Array.from(xs).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Moving ranges |x[i] - x[i-1]| of a sequence in which `null` marks a gap: no moving range spans a
 * gap, so the two ranges that would touch a missing value do not exist (as in qicharts2 and
 * NHSRplotthedots, where NA propagates into both neighbouring moving ranges).
 */
export function movingRanges(xs: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < xs.length; i++) {
    const a = xs[i - 1];
    const b = xs[i];
    if (a !== null && b !== null) out.push(Math.abs(b - a));
  }
  return out;
}

/**
 * Moving-range screening (Nelson 1982; NHSRplotthedots `screen_outliers`): moving ranges at or
 * above `factor` x their mean (factor D4 for n = 2, `D4_INDIVIDUALS` = 3.267) are removed once; the remaining ones
 * give the mean moving range used for sigma.
 */
export function screenMovingRanges(mrs: readonly number[], factor: number): number[] {
  const limit = factor * mean(mrs);
  // All ranges zero (a constant series): nothing is unusual, keep them all.
  if (!(limit > 0)) return mrs.slice();
  return mrs.filter((r) => r < limit);
}
