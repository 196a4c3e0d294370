/** Plotted statistics shared by several chart types. */
import type { SeriesData } from './types.js';

/** The values themselves (a Float64Array is passed through without a copy). */
export const identity = (data: SeriesData): ArrayLike<number | null> => (data.values instanceof Float64Array ? data.values : Array.from(data.values));

/** value / size per point; null where either is missing or the size is 0. */
export const ratio = (data: SeriesData): (number | null)[] =>
  Array.from(data.values, (v, i) => {
    const n = data.sizes?.[i];
    return v === null || n === null || n === undefined || n === 0 ? null : v / n;
  });
