/** Writing a chart's lines: all of them NaN, centre +/- k sigma per point or per phase, centre only. */
import { linesOf } from '../lines.js';
import type { LineArrays, PhaseInput } from './types.js';

export function emptyLines(n: number): LineArrays {
  const f = () => new Float64Array(n).fill(NaN);
  return linesOf(f);
}

/** Writes centre +/- k sigma (k = 1, 2, 3) for one point, the lines clamped to [floor, cap]. */
export function symmetric(lines: LineArrays, i: number, centre: number, sigma: number, floor = -Infinity, cap = Infinity): void {
  const clamp = (v: number) => Math.min(cap, Math.max(floor, v));
  lines.centre[i] = centre;
  lines.sigma[i] = sigma;
  lines.ucl[i] = clamp(centre + 3 * sigma);
  lines.lcl[i] = clamp(centre - 3 * sigma);
  lines.upper2[i] = clamp(centre + 2 * sigma);
  lines.lower2[i] = clamp(centre - 2 * sigma);
  lines.upper1[i] = clamp(centre + sigma);
  lines.lower1[i] = clamp(centre - sigma);
}

/** Constant lines over a phase: centre +/- k sigma. */
export function fillPhase(lines: LineArrays, phase: PhaseInput, centre: number, sigma: number): void {
  const from = phase.start;
  const to = phase.end + 1;
  lines.centre.fill(centre, from, to);
  lines.sigma.fill(sigma, from, to);
  lines.ucl.fill(centre + 3 * sigma, from, to);
  lines.lcl.fill(centre - 3 * sigma, from, to);
  lines.upper2.fill(centre + 2 * sigma, from, to);
  lines.lower2.fill(centre - 2 * sigma, from, to);
  lines.upper1.fill(centre + sigma, from, to);
  lines.lower1.fill(centre - sigma, from, to);
}

/** The centre line alone over a phase (nothing when there is no centre). */
export function centreOnly(lines: LineArrays, phase: PhaseInput, centre: number | null): void {
  if (centre === null) return;
  for (let i = phase.start; i <= phase.end; i++) lines.centre[i] = centre;
}
