/**
 * Trend: `min` or more consecutive points each strictly higher (or each strictly lower) than the
 * one before (Nelson test 3 with 6; MDC: "six points all increasing or all decreasing"; the plan:
 * "a trend of six or more points in one direction"). A tie ends the run; the turning point belongs
 * to both the run that ends and the one that starts there; the run may cross the centre line.
 * Side: high for a rising trend, low for a falling one.
 */
import type { RuleDefinition } from './definition.js';
import { RunSpans, flagRun, type Flags, type RuleFrame, type SpanSink } from './frame.js';
import { pointsOverride } from './values.js';

export function trend(frame: RuleFrame, min: number, sink?: SpanSink): Flags {
  const flags = new Uint8Array(frame.length);
  const spans = new RunSpans(sink);
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
    flagRun(flags, spans, runStart, i, min, dir);
  }
  spans.flush();
  return flags;
}

export const TREND: RuleDefinition<'trend'> = {
  name: 'trend',
  signals: [{ id: 'trend', label: 'trend', directional: true }],
  presets: { default: { trend: 6 }, mdc: { trend: 6 }, ptd: { trend: 7 }, 'western-electric': { trend: null }, nelson: { trend: 6 }, anhoej: { trend: null } },
  enabled: (r) => r.trend !== null,
  window: (r) => r.trend,
  test: (frame, r, spans) => [['trend', trend(frame, r.trend!, spans?.('trend'))]],
  describe: (r) => (r.trend === null ? 'off' : `${r.trend} points each strictly higher (or lower) than the one before`),
  overrides: [pointsOverride('trend', 'trend')],
};
