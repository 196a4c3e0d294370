/** The pooled rate of the limit-setting points: p-bar or u-bar = sum y / sum n. */
import { limitIndices } from './phase-points.js';
import type { PhaseInput, SeriesData } from './types.js';

/** Sum of values over sum of sizes of the limit-setting points (Montgomery eqs. 7.8, 7.19); null when the sizes sum to 0. */
export function pooledRate(data: SeriesData, phase: PhaseInput): number | null {
  let y = 0;
  let n = 0;
  for (const i of limitIndices(phase)) {
    y += data.values[i]!;
    n += data.sizes![i]!;
  }
  return n > 0 ? y / n : null;
}
