/**
 * XmR (individuals) chart limits for one phase.
 *
 * Centre line: mean of the limit-setting points. Sigma: mean moving range / d2, d2 = 1.128 for
 * moving ranges of two points (Montgomery, Introduction to Statistical Quality Control, 7th ed.,
 * section 6.4, table VI; Wheeler & Chambers, Understanding SPC, E2 = 3/d2 = 2.660). Limits:
 * centre +/- 3 sigma, i.e. centre +/- E2 x mean moving range. Presets choose how sigma is had:
 * mean moving range / 1.128 (the textbook value, as qcc and qicharts2 compute it), or limits at the
 * rounded E2 = 2.66 x mean moving range that the Making Data Count tool and NHSRplotthedots use
 * (sigma then being a third of that half-width).
 */
import { mean, movingRanges, screenMovingRanges } from './stats.js';

export interface XmrLimits {
  readonly centre: number | null;
  readonly mrBar: number | null;
  readonly sigma: number | null;
  /** Distance from the centre line to each control limit (3 sigma). */
  readonly halfWidth: number | null;
  readonly movingRanges: number;
  readonly screenedMovingRanges: number;
}

/** How sigma comes from the mean moving range. */
export type XmrSigma =
  | { readonly method: 'd2'; readonly d2: number }
  | { readonly method: 'e2'; readonly e2: number };

export interface XmrSettings {
  readonly sigma: XmrSigma;
  readonly screenMovingRanges: boolean;
  readonly screenFactor: number;
}

/**
 * Limits from the limit-setting sequence of a phase: the phase's baseline points in order, with
 * excluded points already removed (so a moving range joins the points either side of an excluded
 * one, as qicharts2 does) and `null` where a value is missing (no moving range spans it).
 */
export function xmrLimits(sequence: readonly (number | null)[], settings: XmrSettings): XmrLimits {
  const observed = sequence.filter((v): v is number => v !== null);
  const centre = observed.length > 0 ? mean(observed) : null;
  const all = movingRanges(sequence);
  const used = settings.screenMovingRanges ? screenMovingRanges(all, settings.screenFactor) : all;
  if (centre === null || used.length === 0) {
    const screened = all.length - used.length;
    return { centre, mrBar: null, sigma: null, halfWidth: null, movingRanges: 0, screenedMovingRanges: screened };
  }
  const mrBar = mean(used);
  let sigma: number;
  let halfWidth: number;
  if (settings.sigma.method === 'd2') {
    sigma = mrBar / settings.sigma.d2; // sigma-hat = MR-bar / d2 (Montgomery eq. 6.33)
    halfWidth = 3 * sigma;
  } else {
    halfWidth = settings.sigma.e2 * mrBar; // limits = mean +/- 2.66 MR-bar (MDC; Wheeler's E2)
    sigma = halfWidth / 3;
  }
  return { centre, mrBar, sigma, halfWidth, movingRanges: used.length, screenedMovingRanges: all.length - used.length };
}
