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
  readonly sigma: Float64Array;
  readonly ucl: Float64Array;
  readonly lcl: Float64Array;
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
 * lie strictly beyond the same two-sigma line (Western Electric rule 2: 2 of 3; the plan's "three
 * points in succession close to a control limit": 3 of 3). Only the counted points are flagged.
 * `beyondLimitCounts = false` (MDC, NHSRplotthedots) does not count a point beyond the control
 * limit; `windowSameSide` (MDC) requires every point of the window to be on that side of the
 * centre line.
 */
export function nearLimit(frame: RuleFrame, rule: NearLimitRule): Flags {
  const flags = new Uint8Array(frame.length);
  const m = rule.window;
  let segStart = 0;
  for (let i = 0; i < frame.length; i++) {
    if (i === 0 || frame.breakBefore[i]) segStart = i;
    if (i - segStart + 1 < m) continue;
    const from = i - m + 1;
    for (const side of [1, -1]) {
      let count = 0;
      let sameSide = true;
      for (let j = from; j <= i; j++) {
        if (sideOf(frame, j) !== side) sameSide = false;
        if (counts(frame, j, side, rule.beyondLimitCounts)) count++;
      }
      if (count < rule.count || (rule.windowSameSide && !sameSide)) continue;
      for (let j = from; j <= i; j++) if (counts(frame, j, side, rule.beyondLimitCounts)) flags[j] |= bit(side);
    }
  }
  return flags;
}

/** Whether point j lies strictly beyond the two-sigma line on `side` (and, if asked, inside the limit). */
function counts(frame: RuleFrame, j: number, side: number, beyondLimitCounts: boolean): boolean {
  const v = frame.value[j];
  const c = frame.centre[j];
  const s = frame.sigma[j];
  if (side > 0) return v > c + 2 * s && (beyondLimitCounts || v <= frame.ucl[j]);
  return v < c - 2 * s && (beyondLimitCounts || v >= frame.lcl[j]);
}
