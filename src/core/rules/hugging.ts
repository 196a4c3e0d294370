/**
 * Hugging (stratification): `min` or more consecutive points strictly within one sigma of the
 * centre line, either side (Nelson test 7: 15 points). A pattern, neither better nor worse.
 */
import type { RuleDefinition } from './definition.js';
import type { Flags, RuleFrame, SpanSink } from './frame.js';
import { pointsOverride } from './values.js';
import { zoneRun } from './zone-run.js';

export function hugging(frame: RuleFrame, min: number, sink?: SpanSink): Flags {
  return zoneRun(frame, min, (j) => frame.value[j] < frame.upper1[j] && frame.value[j] > frame.lower1[j], false, sink);
}

const OFF = { hugging: null };

export const HUGGING: RuleDefinition<'hugging'> = {
  name: 'hugging',
  signals: [{ id: 'hugging', label: 'hugging the centre', directional: false }],
  presets: { default: OFF, mdc: OFF, ptd: OFF, 'western-electric': OFF, nelson: { hugging: 15 }, anhoej: OFF },
  enabled: (r) => r.hugging !== null,
  window: (r) => r.hugging,
  test: (frame, r, spans) => [['hugging', hugging(frame, r.hugging!, spans?.('hugging'))]],
  describe: (r) => (r.hugging === null ? 'off' : `${r.hugging} points in a row within one sigma of the centre line`),
  overrides: [pointsOverride('hugging', 'hugging')],
};
