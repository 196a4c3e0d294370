/**
 * Alternating, in one of two readings:
 * - `sides` (the plan's "fourteen or more points alternating either side of the centre line"):
 *   `min` or more consecutive points strictly above and below the centre line in turn; a point on
 *   the line ends the run;
 * - `updown` (Nelson test 4: "14 points in a row alternating up and down"): the direction of
 *   change alternates; a tie ends the run.
 * A pattern, neither better nor worse: each flagged point's side is its own side of the line.
 */
import type { RuleDefinition } from './definition.js';
import { RunSpans, bit, ownBit, sideOf, type Flags, type RuleFrame, type SpanSink } from './frame.js';
import { onOff, points } from './values.js';

export function alternating(frame: RuleFrame, min: number, sink?: SpanSink): Flags {
  const flags = new Uint8Array(frame.length);
  const spans = new RunSpans(sink);
  let runStart = 0;
  for (let i = 0; i < frame.length; i++) {
    const s = sideOf(frame, i);
    const continues = i > 0 && !frame.breakBefore[i] && s !== 0 && s === -sideOf(frame, i - 1);
    if (!continues) runStart = i;
    if (s === 0) continue;
    const len = i - runStart + 1;
    if (len < min) continue;
    if (len === min) for (let j = runStart; j <= i; j++) flags[j] = bit(sideOf(frame, j));
    else flags[i] = bit(s);
    spans.mark(runStart, runStart, i, 0);
  }
  spans.flush();
  return flags;
}

export function alternatingUpDown(frame: RuleFrame, min: number, sink?: SpanSink): Flags {
  const flags = new Uint8Array(frame.length);
  const spans = new RunSpans(sink);
  let runStart = 0;
  let prevStep = 0;
  for (let i = 0; i < frame.length; i++) {
    const d = i === 0 || frame.breakBefore[i] ? NaN : frame.value[i] - frame.value[i - 1];
    const step = d > 0 ? 1 : d < 0 ? -1 : 0;
    if (step === 0) {
      runStart = i;
      prevStep = 0;
      continue;
    }
    if (prevStep === 0 || step === prevStep) runStart = i - 1;
    prevStep = step;
    const len = i - runStart + 1;
    if (len < min) continue;
    if (len === min) for (let j = runStart; j <= i; j++) flags[j] |= ownBit(frame, j);
    else flags[i] |= ownBit(frame, i);
    spans.mark(runStart, runStart, i, 0);
  }
  spans.flush();
  return flags;
}

const SIDES = { alternatingMode: 'sides' as const };

export const ALTERNATING: RuleDefinition<'alternating' | 'alternatingMode'> = {
  name: 'alternating',
  signals: [{ id: 'alternating', label: 'alternating', directional: false }],
  presets: {
    default: { alternating: 14, ...SIDES },
    mdc: { alternating: null, ...SIDES },
    ptd: { alternating: null, ...SIDES },
    'western-electric': { alternating: null, ...SIDES },
    nelson: { alternating: 14, alternatingMode: 'updown' },
    anhoej: { alternating: null, ...SIDES },
  },
  enabled: (r) => r.alternating !== null,
  window: (r) => r.alternating,
  test: (frame, r, spans) => {
    const test = r.alternatingMode === 'updown' ? alternatingUpDown : alternating;
    return [['alternating', test(frame, r.alternating!, spans?.('alternating'))]];
  },
  describe: (r) =>
    r.alternating === null
      ? 'off'
      : r.alternatingMode === 'sides'
        ? `${r.alternating} points alternating either side of the centre line`
        : `${r.alternating} points alternating up and down`,
  overrides: [
    { name: 'alternating', values: 'points (>= 2) | off', apply: (r, v) => ({ ...r, alternating: points('alternating', v) }) },
    {
      name: 'alternating-mode',
      values: 'sides | updown (about the centre line, or the direction of change)',
      apply: (r, v) => ({ ...r, alternatingMode: onOff('alternating-mode', v, ['updown'], ['sides']) ? 'updown' : 'sides' }),
    },
  ],
};
