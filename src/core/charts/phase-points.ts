/** The limit-setting points of one phase: their indices, their values, their sequence for moving ranges. */
import type { PhaseInput } from './types.js';

/** Indices of the phase's limit-setting points. */
export function limitIndices(phase: PhaseInput): number[] {
  const out: number[] = [];
  for (let i = phase.start; i <= phase.end; i++) if (phase.limit[i]) out.push(i);
  return out;
}

/** The values of the phase's limit-setting points, in order. */
export function limitValues(values: ArrayLike<number | null>, phase: PhaseInput): number[] {
  return limitIndices(phase).map((i) => values[i]!);
}

/**
 * The phase's limit-setting values as a sequence for moving ranges: in order up to the last
 * limit-setting point, `null` for a missing value (no moving range spans it), excluded points left
 * out (the moving range joins the points either side of them).
 */
export function limitSequence(values: ArrayLike<number | null>, phase: PhaseInput): (number | null)[] {
  let last = -1;
  for (let i = phase.start; i <= phase.end; i++) if (phase.limit[i]) last = i;
  const seq: (number | null)[] = [];
  for (let i = phase.start; i <= last; i++) {
    if (!phase.observed[i]) seq.push(null);
    else if (phase.limit[i]) seq.push(values[i]);
  }
  return seq;
}
