/**
 * Runs of consecutive points in a zone of the chart (hugging.ts, mixture.ts): every window of `min`
 * consecutive points in the zone is flagged, each point on its own side; with `bothSides` a window
 * must also hold points on both sides of the centre line. Windows that touch or overlap within one
 * run make one span (a pattern: no side).
 */
import { RunSpans, ownBit, type Flags, type RuleFrame, type SpanSink } from './frame.js';

export function zoneRun(frame: RuleFrame, min: number, inZone: (j: number) => boolean, bothSides: boolean, sink?: SpanSink): Flags {
  const flags = new Uint8Array(frame.length);
  const spans = new RunSpans(sink);
  let runStart = 0;
  let lastHigh = -1;
  let lastLow = -1;
  let spanStart = -1;
  let spanEnd = -2;
  for (let i = 0; i < frame.length; i++) {
    if (i === 0 || frame.breakBefore[i] || !inZone(i - 1)) runStart = i;
    if (!inZone(i)) continue;
    if (frame.value[i] > frame.centre[i]) lastHigh = i;
    else lastLow = i;
    const len = i - runStart + 1;
    if (len < min) continue;
    const from = i - min + 1;
    if (bothSides && (lastHigh < from || lastLow < from)) continue;
    for (let j = from; j <= i; j++) flags[j] |= ownBit(frame, j);
    // A window touching the last one (same run) grows its span; otherwise a new span starts here.
    if (from > spanEnd + 1 || spanStart < runStart) spanStart = from;
    spanEnd = i;
    spans.mark(spanStart, spanStart, i, 0);
  }
  spans.flush();
  return flags;
}
