/**
 * From signals to meaning: each point's variation (Making Data Count colours), the variation icon
 * of the latest point and the assurance icon of a target against the latest limits.
 */
import { isDirectional } from './rules/index.js';
import type { AssuranceIcon, Direction, RuleId, RuleSet, Side, Variation, VariationIcon } from './types.js';

export interface SignalHit {
  readonly rule: RuleId;
  readonly side: Side;
}

/** The side that is good for a measure, or null for a neutral direction. */
export function betterSide(direction: Direction): Side | null {
  return direction === 'higher-is-better' ? 'high' : direction === 'lower-is-better' ? 'low' : null;
}

/**
 * Classifies a point from every rule that fired on it.
 * - No signal: common cause.
 * - Neutral direction: `neutral`, on the side of the first signal in the preset's precedence.
 * - `improvement-wins` (MDC: "a point that is both is blue"): improvement if any directional
 *   signal is on the better side, else concern.
 * - `precedence` (NHSRplotthedots): the first signal in the preset's precedence decides the side.
 * Patterns without a better side (alternating) give `neutral` when nothing directional fired.
 */
export function classifyPoint(
  hits: readonly SignalHit[],
  direction: Direction,
  rules: RuleSet,
): { variation: Variation; side: Side | null } {
  if (hits.length === 0) return { variation: 'common-cause', side: null };
  const rank = (h: SignalHit) => {
    const r = rules.precedence.indexOf(h.rule);
    return r < 0 ? rules.precedence.length : r;
  };
  const ordered = [...hits].sort((a, b) => rank(a) - rank(b));
  const better = betterSide(direction);
  const directional = ordered.filter((h) => isDirectional(h.rule));
  if (better === null || directional.length === 0) return { variation: 'neutral', side: ordered[0].side };
  if (rules.conflict === 'improvement-wins') {
    if (directional.some((h) => h.side === better)) return { variation: 'improvement', side: better };
    return { variation: 'concern', side: directional[0].side };
  }
  const first = directional[0];
  return { variation: first.side === better ? 'improvement' : 'concern', side: first.side };
}

/** Variation icon of the latest point (MDC): none without limits, else its variation and side. */
export function variationIcon(latest: { variation: Variation; side: Side | null } | null, hasLimits: boolean): VariationIcon {
  if (latest === null || !hasLimits) return 'none';
  if (latest.variation === 'common-cause' || latest.side === null) return 'common-cause';
  return `${latest.variation}-${latest.side}`;
}

/**
 * Assurance icon (MDC): whether the process as it runs now will meet a target. With higher is
 * better: the lower limit above the target passes, the upper limit below it fails; lower is better
 * mirrors this; otherwise hit or miss. Comparisons are strict (a target on a limit is hit or miss).
 * No target, no limits or a neutral direction give none.
 */
export function assuranceIcon(
  target: number | null,
  direction: Direction,
  limits: { ucl: number | null; lcl: number | null },
): AssuranceIcon {
  const better = betterSide(direction);
  if (target === null || better === null || limits.ucl === null || limits.lcl === null) return 'none';
  const above = limits.lcl > target; // the whole process runs above the target
  const below = limits.ucl < target; // the whole process runs below the target
  if (above) return better === 'high' ? 'pass' : 'fail';
  if (below) return better === 'high' ? 'fail' : 'pass';
  return 'hit-or-miss';
}
