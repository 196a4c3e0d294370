/**
 * Special-cause rules. Each rule is a pure function over a `RuleFrame` (the tested points of a
 * chart, in order, with their lines) returning one flag per point (see `Flags`). Rules read lines by name and never know the chart type. Every rule is a single
 * O(n) pass (the near-limit window is a small constant).
 *
 * Conventions shared by all run rules (docs/methods.md):
 * - the frame holds observed points only: a missing value is skipped and the run joins the
 *   observed points either side of it;
 * - `breakBefore[i] = 1` starts a new segment at i (a phase start when runs do not cross phases,
 *   or the first point after points that have no limits): no run continues across it;
 * - "above" and "below" are strict: a point exactly on the centre line is on neither side.
 */
import type { NearLimitRule } from './types.js';

export interface RuleFrame {
  readonly length: number;
  readonly value: Float64Array;
  readonly centre: Float64Array;
  readonly ucl: Float64Array;
  readonly lcl: Float64Array;
  readonly upper1: Float64Array;
  readonly lower1: Float64Array;
  readonly upper2: Float64Array;
  readonly lower2: Float64Array;
  readonly breakBefore: Uint8Array;
}

/**
 * Per frame point, a bit set: `HIGH` (1) flagged on the high side, `LOW` (2) on the low side, both
 * (3) when a point belongs to two runs of one rule (the peak between a rising and a falling trend).
 */
export type Flags = Uint8Array;
export const HIGH = 1;
export const LOW = 2;

const bit = (side: number) => (side > 0 ? HIGH : LOW);

/** Side of the centre line: +1 above, -1 below, 0 exactly on it. */
function sideOf(frame: RuleFrame, i: number): number {
  const d = frame.value[i] - frame.centre[i];
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/**
 * Marks a run that has just reached length `len` ending at `i`: when it first reaches `min`
 * points all of them are flagged, after that each further point of the run.
 */
function flagRun(flags: Flags, runStart: number, i: number, min: number, side: number): void {
  const len = i - runStart + 1;
  if (len === min) for (let j = runStart; j <= i; j++) flags[j] |= bit(side);
  else if (len > min) flags[i] |= bit(side);
}

/**
 * A point above the upper or below the lower control limit (Western Electric rule 1; Nelson
 * rule 1). Strict: a point exactly on a limit is inside.
 */
export function outsideLimits(frame: RuleFrame): Flags {
  const flags = new Uint8Array(frame.length);
  for (let i = 0; i < frame.length; i++) {
    if (frame.value[i] > frame.ucl[i]) flags[i] = HIGH;
    else if (frame.value[i] < frame.lcl[i]) flags[i] = LOW;
  }
  return flags;
}

/**
 * Trend: `min` or more consecutive points each strictly higher (or each strictly lower) than the
 * one before (Nelson rule 3 with min = 6; MDC: "six points all increasing or all decreasing").
 * A tie ends the run; the turning point belongs to both the run that ends and the one that
 * starts there; the run may cross the centre line. Side: +1 for a rising trend, -1 for a falling.
 */
export function trend(frame: RuleFrame, min: number): Flags {
  const flags = new Uint8Array(frame.length);
  let runStart = 0;
  let dir = 0;
  for (let i = 0; i < frame.length; i++) {
    if (i === 0 || frame.breakBefore[i]) {
      runStart = i;
      dir = 0;
      continue;
    }
    const d = frame.value[i] - frame.value[i - 1];
    const step = d > 0 ? 1 : d < 0 ? -1 : 0;
    if (step === 0) {
      runStart = i;
      dir = 0;
      continue;
    }
    if (step !== dir) {
      runStart = i - 1;
      dir = step;
    }
    flagRun(flags, runStart, i, min, dir);
  }
  return flags;
}

/**
 * Shift: `min` or more consecutive points strictly on the same side of the centre line (Western
 * Electric rule 4 with 8; Nelson rule 2 with 9; MDC with 6 and 7). A point on the centre line ends
 * the run and starts none.
 */
export function shift(frame: RuleFrame, min: number): Flags {
  const flags = new Uint8Array(frame.length);
  let runStart = 0;
  let runSide = 0;
  for (let i = 0; i < frame.length; i++) {
    const s = sideOf(frame, i);
    if (i === 0 || frame.breakBefore[i] || s !== runSide) {
      runStart = i;
      runSide = s;
    }
    if (s !== 0) flagRun(flags, runStart, i, min, s);
  }
  return flags;
}

/**
 * Alternating: `min` or more consecutive points alternating strictly above and below the centre
 * line (the plan's "fourteen or more points alternating either side of the centre line"). A point
 * on the centre line ends the run. Each flagged point's side is its own side of the line.
 */
export function alternating(frame: RuleFrame, min: number): Flags {
  const flags = new Uint8Array(frame.length);
  let runStart = 0;
  for (let i = 0; i < frame.length; i++) {
    const s = sideOf(frame, i);
    const continues = i > 0 && !frame.breakBefore[i] && s !== 0 && s === -sideOf(frame, i - 1);
    if (!continues) runStart = i;
    if (s === 0) continue;
    const len = i - runStart + 1;
    if (len === min) for (let j = runStart; j <= i; j++) flags[j] = bit(sideOf(frame, j));
    else if (len > min) flags[i] = bit(s);
  }
  return flags;
}

/**
 * Near a control limit: in a window of `rule.window` consecutive points, `rule.count` or more
 * lie strictly beyond the same `zone`-sigma line (zone 2: Western Electric rule 2, 2 of 3; the
 * plan's "three points in succession close to a control limit", 3 of 3; zone 1: Western Electric
 * rule 3, 4 of 5 beyond one sigma). Only the counted points are flagged. `beyondLimitCounts =
 * false` (MDC, NHSRplotthedots) does not count a point beyond the control limit; `windowSameSide`
 * (MDC) requires every point of the window to be strictly on that side of the centre line.
 */
export function nearLimit(frame: RuleFrame, rule: NearLimitRule, zone: 1 | 2 = 2): Flags {
  const n = frame.length;
  const flags = new Uint8Array(n);
  const m = rule.window;
  const upper = zone === 2 ? frame.upper2 : frame.upper1;
  const lower = zone === 2 ? frame.lower2 : frame.lower1;
  // Per point: does it count on the high (low) side, and is it above (below) the centre line?
  const countHigh = new Uint8Array(n);
  const countLow = new Uint8Array(n);
  const above = new Uint8Array(n);
  const below = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const v = frame.value[j];
    countHigh[j] = v > upper[j] && (rule.beyondLimitCounts || v <= frame.ucl[j]) ? 1 : 0;
    countLow[j] = v < lower[j] && (rule.beyondLimitCounts || v >= frame.lcl[j]) ? 1 : 0;
    above[j] = v > frame.centre[j] ? 1 : 0;
    below[j] = v < frame.centre[j] ? 1 : 0;
  }
  // Sliding sums over the window, restarted at each segment break.
  let segStart = 0;
  let hi = 0;
  let lo = 0;
  let up = 0;
  let down = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || frame.breakBefore[i]) {
      segStart = i;
      hi = lo = up = down = 0;
    }
    hi += countHigh[i];
    lo += countLow[i];
    up += above[i];
    down += below[i];
    const from = i - m + 1;
    if (from > segStart) {
      const out = from - 1;
      hi -= countHigh[out];
      lo -= countLow[out];
      up -= above[out];
      down -= below[out];
    }
    if (from < segStart) continue;
    if (hi >= rule.count && (!rule.windowSameSide || up === m)) for (let j = from; j <= i; j++) if (countHigh[j]) flags[j] |= HIGH;
    if (lo >= rule.count && (!rule.windowSameSide || down === m)) for (let j = from; j <= i; j++) if (countLow[j]) flags[j] |= LOW;
  }
  return flags;
}

/**
 * Alternating up and down: `min` or more consecutive points whose direction of change alternates
 * (Nelson test 4: "14 points in a row alternating up and down"). A tie ends the run. Each flagged
 * point's side is its own side of the centre line (high when on it).
 */
export function alternatingUpDown(frame: RuleFrame, min: number): Flags {
  const flags = new Uint8Array(frame.length);
  let runStart = 0;
  let prevStep = 0;
  for (let i = 0; i < frame.length; i++) {
    if (i === 0 || frame.breakBefore[i]) {
      runStart = i;
      prevStep = 0;
      continue;
    }
    const d = frame.value[i] - frame.value[i - 1];
    const step = d > 0 ? 1 : d < 0 ? -1 : 0;
    if (step === 0) {
      runStart = i;
      prevStep = 0;
      continue;
    }
    if (prevStep === 0 || step === prevStep) runStart = i - 1;
    prevStep = step;
    const len = i - runStart + 1;
    const own = (j: number) => bit(sideOf(frame, j) >= 0 ? 1 : -1);
    if (len === min) for (let j = runStart; j <= i; j++) flags[j] |= own(j);
    else if (len > min) flags[i] |= own(i);
  }
  return flags;
}

/**
 * Hugging (stratification): `min` or more consecutive points strictly within one sigma of the
 * centre line, either side (Nelson test 7: 15 points). Each flagged point's side is its own side
 * (high when on the line).
 */
export function hugging(frame: RuleFrame, min: number): Flags {
  return zoneRun(frame, min, (j) => frame.value[j] < frame.upper1[j] && frame.value[j] > frame.lower1[j], false);
}

/**
 * Mixture: `min` or more consecutive points strictly beyond one sigma on either side, with points
 * on both sides (Nelson test 8: 8 points).
 */
export function mixture(frame: RuleFrame, min: number): Flags {
  return zoneRun(frame, min, (j) => frame.value[j] > frame.upper1[j] || frame.value[j] < frame.lower1[j], true);
}

/** Runs of consecutive points meeting `inZone`; with `bothSides`, a window of `min` must hold both sides. */
function zoneRun(frame: RuleFrame, min: number, inZone: (j: number) => boolean, bothSides: boolean): Flags {
  const flags = new Uint8Array(frame.length);
  const own = (j: number) => bit(sideOf(frame, j) >= 0 ? 1 : -1);
  let runStart = 0;
  let lastHigh = -1;
  let lastLow = -1;
  for (let i = 0; i < frame.length; i++) {
    if (i === 0 || frame.breakBefore[i] || !inZone(i - 1)) runStart = i;
    if (!inZone(i)) continue;
    if (frame.value[i] > frame.centre[i]) lastHigh = i;
    else lastLow = i;
    const len = i - runStart + 1;
    if (len < min) continue;
    const from = i - min + 1;
    if (bothSides && (lastHigh < from || lastLow < from)) continue;
    for (let j = from; j <= i; j++) flags[j] |= own(j);
  }
  return flags;
}

/** Longest run limit (Anhoej & Olesen 2014): round(log2(n) + 3). */
export function longestRunMax(useful: number): number {
  return Math.round(Math.log2(useful) + 3);
}

/**
 * Crossings limit (Anhoej & Olesen 2014; qicharts2 `qbinom(0.05, n - 1, 0.5)`): the smallest c
 * with P(X <= c) >= 0.05 for X ~ Binomial(useful - 1, 0.5).
 */
export function crossingsMin(useful: number): number {
  const trials = useful - 1;
  if (trials < 1) return 0;
  // P(X = k) in log space to stay exact for large n.
  let logP = trials * Math.log(0.5); // k = 0
  let cumulative = Math.exp(logP);
  let k = 0;
  while (cumulative < 0.05 && k < trials) {
    logP += Math.log((trials - k) / (k + 1));
    k++;
    cumulative += Math.exp(logP);
  }
  return k;
}

/**
 * Anhoej's run analysis of one segment (frame positions from..to, inclusive): points exactly on
 * the centre line are dropped (they neither break nor extend a run); a run is a sequence of useful
 * points on the same side; crossings are changes of side between consecutive useful points.
 */
export function runsOf(frame: RuleFrame, from: number, to: number) {
  let useful = 0;
  let longest = 0;
  let current = 0;
  let crossings = 0;
  let prevSide = 0;
  let longestSide = 0;
  for (let j = from; j <= to; j++) {
    const s = sideOf(frame, j);
    if (s === 0) continue;
    useful++;
    if (s === prevSide) current++;
    else {
      if (prevSide !== 0) crossings++;
      current = 1;
      prevSide = s;
    }
    if (current > longest) {
      longest = current;
      longestSide = s;
    }
  }
  return { useful, longestRun: longest, longestSide, crossings, longestRunMax: useful > 0 ? longestRunMax(useful) : 0, crossingsMin: crossingsMin(useful) };
}
