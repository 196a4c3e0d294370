/**
 * Shift: `min` or more consecutive points strictly on the same side of the centre line (Western
 * Electric rule 4 with 8; Nelson test 2 with 9; MDC with 6, NHSRplotthedots with 7; the plan: "a
 * run of eight on one side"). A point on the centre line ends the run and starts none.
 */
import type { RuleDefinition } from './definition.js';
import { RunSpans, flagRun, sideOf, type Flags, type RuleFrame, type SpanSink } from './frame.js';
import { pointsOverride } from './values.js';

export function shift(frame: RuleFrame, min: number, sink?: SpanSink): Flags {
  const flags = new Uint8Array(frame.length);
  const spans = new RunSpans(sink);
  let runStart = 0;
  let runSide = 0;
  for (let i = 0; i < frame.length; i++) {
    const s = sideOf(frame, i);
    if (i === 0 || frame.breakBefore[i] || s !== runSide) {
      runStart = i;
      runSide = s;
    }
    if (s !== 0) flagRun(flags, spans, runStart, i, min, s);
  }
  spans.flush();
  return flags;
}

export const SHIFT: RuleDefinition<'shift'> = {
  name: 'shift',
  signals: [{ id: 'shift', label: 'shift', directional: true }],
  presets: { default: { shift: 8 }, mdc: { shift: 6 }, ptd: { shift: 7 }, 'western-electric': { shift: 8 }, nelson: { shift: 9 }, anhoej: { shift: null } },
  enabled: (r) => r.shift !== null,
  window: (r) => r.shift,
  test: (frame, r, spans) => [['shift', shift(frame, r.shift!, spans?.('shift'))]],
  describe: (r) => (r.shift === null ? 'off' : `${r.shift} points strictly on one side of the centre line`),
  overrides: [pointsOverride('shift', 'shift')],
};
