/**
 * Control chart constants for subgroups of size n.
 *
 * c4 is exact, from the gamma function: c4(n) = sqrt(2/(n-1)) * Gamma(n/2) / Gamma((n-1)/2)
 * (Montgomery, Introduction to Statistical Quality Control, 7th ed., section 6.3 and appendix
 * table VI). d2 and d3 (mean and standard deviation of the relative range W = R/sigma of n normal
 * observations) are tabulated to three decimals for n = 2..25 (Montgomery appendix table VI; the
 * same values as ASTM E2587 and the NIST/SEMATECH e-Handbook).
 */

/** log Gamma(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error below 1e-15). */
export function logGamma(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x); // reflection
  const z = x - 1;
  let a = c[0];
  const t = z + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** c4(n): E[s] = c4 sigma for n normal observations (n >= 2). */
export function c4(n: number): number {
  if (!(n >= 2)) return NaN;
  return Math.sqrt(2 / (n - 1)) * Math.exp(logGamma(n / 2) - logGamma((n - 1) / 2));
}

/** d2 and d3 for n = 2..25 (index n - 2). Montgomery, appendix table VI. */
const D2 = [
  1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847, 2.97, 3.078, 3.173, 3.258, 3.336, 3.407, 3.472, 3.532, 3.588, 3.64,
  3.689, 3.735, 3.778, 3.819, 3.858, 3.895, 3.931,
];
const D3 = [
  0.853, 0.888, 0.88, 0.864, 0.848, 0.833, 0.82, 0.808, 0.797, 0.787, 0.778, 0.77, 0.763, 0.756, 0.75, 0.744, 0.739,
  0.734, 0.729, 0.724, 0.72, 0.716, 0.712, 0.708,
];

export const MAX_TABULATED_N = 25;

/** d2(n): E[R] = d2 sigma, for 2 <= n <= 25. */
export function d2(n: number): number {
  return Number.isInteger(n) && n >= 2 && n <= MAX_TABULATED_N ? D2[n - 2] : NaN;
}

/** d3(n): sd[R] = d3 sigma, for 2 <= n <= 25. */
export function d3(n: number): number {
  return Number.isInteger(n) && n >= 2 && n <= MAX_TABULATED_N ? D3[n - 2] : NaN;
}

/** A3 = 3 / (c4 sqrt(n)): x-bar limits from s-bar (Montgomery eq. 6.28). */
export const a3 = (n: number) => 3 / (c4(n) * Math.sqrt(n));
/** B3, B4 = 1 -/+ 3 sqrt(1 - c4^2) / c4, B3 floored at 0 (Montgomery eq. 6.29). */
export const b3 = (n: number) => Math.max(0, 1 - (3 * Math.sqrt(1 - c4(n) ** 2)) / c4(n));
export const b4 = (n: number) => 1 + (3 * Math.sqrt(1 - c4(n) ** 2)) / c4(n);
/** A2 = 3 / (d2 sqrt(n)); D3, D4 = 1 -/+ 3 d3 / d2, D3 floored at 0 (Montgomery eqs. 6.4, 6.5). */
export const a2 = (n: number) => 3 / (d2(n) * Math.sqrt(n));
export const dd3 = (n: number) => Math.max(0, 1 - (3 * d3(n)) / d2(n));
export const dd4 = (n: number) => 1 + (3 * d3(n)) / d2(n);

/*
 * Factors for individual values (moving ranges of two consecutive values), named once here with
 * their sources. The chart files and the presets use these names, never the bare numbers.
 */

/** d2 for n = 2: E[MR] = 1.128 sigma, so sigma-hat = MR-bar / 1.128 (Montgomery, appendix table VI; eq. 6.33). */
export const D2_INDIVIDUALS = 1.128;
/**
 * D4 for n = 2: the MR chart's UCL = 3.267 MR-bar, its LCL D3 MR-bar = 0 (Montgomery, appendix table
 * VI; eq. 6.34). Also the moving-range screening factor (Nelson 1982).
 */
export const D4_INDIVIDUALS = 3.267;
/** E2 = 3 / d2 = 3 / 1.128 = 2.66: XmR natural process limits x-bar +/- 2.66 MR-bar (Wheeler, Understanding SPC, 2nd ed.). */
export const E2 = 2.66;
/**
 * Limits x-bar +/- 3.145 x the median moving range: 3.145 = 3 / d4 with d4 = 0.954, the median of
 * the relative range for n = 2 (Wheeler, Understanding SPC, 2nd ed., 5.2).
 */
export const MEDIAN_MR_FACTOR = 3.145;
/** Laney (2002): sigma_z = mean moving range of the z-scores / 1.128, the d2 of individual values. */
export const LANEY_D2 = D2_INDIVIDUALS;
/** t chart: y^(1/3.6) of a Weibull-like time between events is near normal (Nelson 1994; Minitab's T chart). */
export const T_POWER = 3.6;
