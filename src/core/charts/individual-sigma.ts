/** Sigma of individual values from their moving ranges (XmR, and the t chart on its transformed scale). */
import { mean, median, movingRanges, screenMovingRanges } from '../stats.js';
import type { ChartSettings } from './types.js';

/** Sigma of individual values, with the half-width of the 3-sigma limits. */
export interface IndividualSigma {
  readonly sigma: number | null;
  readonly halfWidth: number | null;
  readonly mrBar: number | null;
  readonly mrMedian: number | null;
  readonly movingRanges: number;
  readonly screenedMovingRanges: number;
}

/** No moving range: no sigma. */
export function noSigma(screened: number): IndividualSigma {
  return { sigma: null, halfWidth: null, mrBar: null, mrMedian: null, movingRanges: 0, screenedMovingRanges: screened };
}

/**
 * Sigma from the moving ranges of `sequence` (`null` breaks them), screened once when the settings
 * ask (Nelson 1982), by the settings' method.
 */
export function individualSigma(sequence: readonly (number | null)[], settings: ChartSettings): IndividualSigma {
  const all = movingRanges(sequence);
  const used = settings.screenMovingRanges ? screenMovingRanges(all, settings.screenFactor) : all;
  const screened = all.length - used.length;
  if (used.length === 0) return noSigma(screened);
  const mrBar = mean(used);
  const counts = { movingRanges: used.length, screenedMovingRanges: screened };
  const method = settings.xmrSigma;
  if (method.method === 'd2') {
    const sigma = mrBar / method.d2; // Montgomery eq. 6.33: sigma-hat = MR-bar / d2 (D2_INDIVIDUALS)
    return { sigma, halfWidth: 3 * sigma, mrBar, mrMedian: null, ...counts };
  }
  if (method.method === 'e2') {
    const halfWidth = method.e2 * mrBar; // Wheeler / MDC: limits at E2 x MR-bar = 2.66 x MR-bar
    return { sigma: halfWidth / 3, halfWidth, mrBar, mrMedian: null, ...counts };
  }
  // Wheeler (Understanding SPC, 2nd ed., 5.2): limits at MEDIAN_MR_FACTOR (3.145) x median moving range.
  const mrMedian = median(used);
  const halfWidth = method.factor * mrMedian;
  return { sigma: halfWidth / 3, halfWidth, mrBar, mrMedian, ...counts };
}
