/**
 * Mixture: `min` or more consecutive points strictly beyond one sigma on either side, with points
 * on both sides (Nelson test 8: 8 points). A pattern, neither better nor worse.
 */
import type { RuleDefinition } from './definition.js';
import type { Flags, RuleFrame, SpanSink } from './frame.js';
import { pointsOverride } from './values.js';
import { zoneRun } from './zone-run.js';

export function mixture(frame: RuleFrame, min: number, sink?: SpanSink): Flags {
  return zoneRun(frame, min, (j) => frame.value[j] > frame.upper1[j] || frame.value[j] < frame.lower1[j], true, sink);
}

const OFF = { mixture: null };

export const MIXTURE: RuleDefinition<'mixture'> = {
  name: 'mixture',
  signals: [{ id: 'mixture', label: 'mixture', directional: false }],
  presets: { default: OFF, mdc: OFF, ptd: OFF, 'western-electric': OFF, nelson: { mixture: 8 }, anhoej: OFF },
  enabled: (r) => r.mixture !== null,
  window: (r) => r.mixture,
  test: (frame, r, spans) => [['mixture', mixture(frame, r.mixture!, spans?.('mixture'))]],
  describe: (r) => (r.mixture === null ? 'off' : `${r.mixture} points in a row beyond one sigma, on both sides`),
  overrides: [pointsOverride('mixture', 'mixture')],
};
