/**
 * What every rule reads and writes. A rule is a pure function over a `RuleFrame` (the tested
 * points of a chart, in order, with their lines) returning one flag per frame point, and reporting
 * each signal it finds as a span through a `SpanSink`. Rules read lines by name and never know the
 * chart type.
 *
 * Conventions shared by all run rules (docs/methods.md):
 * - the frame holds tested points only: a missing value is skipped and the run joins the observed
 *   points either side of it;
 * - `breakBefore[i] = 1` starts a new segment at i (a phase start when runs do not cross phases,
 *   or the first point after points that have no limits): no run continues across it;
 * - "above" and "below" are strict: a point exactly on the centre line is on neither side.
 */
import type { Lines, RuleLineKey } from '../lines.js';

/** The tested points of a chart and their lines (NaN where a line does not exist). */
export interface RuleFrame extends Pick<Lines<Float64Array>, RuleLineKey> {
  readonly length: number;
  readonly value: Float64Array;
  readonly breakBefore: Uint8Array;
  /** Phase of each frame point; absent means one phase (Anhoej's rules judge each phase). */
  readonly phase?: Int32Array;
}

/**
 * A rule frame. Every frame is made here, as one object literal, so that all frames share one
 * shape and the rules' loops stay monomorphic.
 */
export function makeFrame(
  value: Float64Array,
  lines: Pick<Lines<Float64Array>, RuleLineKey>,
  breakBefore: Uint8Array,
  phase?: Int32Array,
): RuleFrame {
  const { centre, ucl, lcl, upper1, lower1, upper2, lower2 } = lines;
  return { length: value.length, value, centre, ucl, lcl, upper1, lower1, upper2, lower2, breakBefore, phase };
}

/**
 * Per frame point, a bit set: `HIGH` (1) flagged on the high side, `LOW` (2) on the low side, both
 * (3) when a point belongs to two runs of one rule (the peak between a rising and a falling trend).
 */
export type Flags = Uint8Array;
export const HIGH = 1;
export const LOW = 2;

/** The flag bit of a side: +1 high, -1 low. */
export const bit = (side: number) => (side > 0 ? HIGH : LOW);

/** Side of the centre line: +1 above, -1 below, 0 exactly on it. */
export function sideOf(frame: RuleFrame, i: number): number {
  const d = frame.value[i] - frame.centre[i];
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/** A point's own side as a flag bit (a point on the centre line counts as high). */
export const ownBit = (frame: RuleFrame, i: number) => bit(sideOf(frame, i) >= 0 ? 1 : -1);

/** Where Anhoej's longest run of a phase lies (frame positions, inclusive) and its length. */
export interface RunLocation {
  readonly from: number;
  readonly to: number;
  readonly length: number;
}

/**
 * Receives each signal a rule finds, in frame positions: its first and last flagged point and its
 * side (+1 high or rising, -1 low or falling, 0 for a pattern without a side).
 */
export interface SpanSink {
  add(from: number, to: number, side: number, run?: RunLocation): void;
}

/**
 * Spans of a run rule: one span per run that reached its minimum length, grown point by point
 * while the run goes on. A run is known by where it starts.
 */
export class RunSpans {
  private open: { start: number; side: number; from: number; to: number } | null = null;
  private readonly done: { from: number; to: number; side: number }[] = [];

  constructor(private readonly sink: SpanSink | undefined) {}

  /** The run that started at `start` (its flagged points from `from`) now reaches `to`. */
  mark(start: number, from: number, to: number, side: number): void {
    if (!this.sink) return;
    const o = this.open;
    if (o && o.start === start && o.side === side) o.to = to;
    else {
      if (o) this.done.push(o);
      this.open = { start, side, from, to };
    }
  }

  /** Hands every span to the sink; call once after the pass. */
  flush(): void {
    if (!this.sink) return;
    if (this.open) this.done.push(this.open);
    for (const s of this.done) this.sink.add(s.from, s.to, s.side);
    this.done.length = 0;
    this.open = null;
  }
}

/**
 * Marks a run that has just reached length `i - runStart + 1`: when it first reaches `min` points
 * all of them are flagged, after that each further point of the run.
 */
export function flagRun(flags: Flags, spans: RunSpans, runStart: number, i: number, min: number, side: number): void {
  const len = i - runStart + 1;
  if (len < min) return;
  if (len === min) for (let j = runStart; j <= i; j++) flags[j] |= bit(side);
  else flags[i] |= bit(side);
  spans.mark(runStart, runStart, i, side);
}
