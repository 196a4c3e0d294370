/**
 * Outside the limits: a point above the upper or below the lower control limit (Western Electric
 * rule 1; Nelson test 1; the plan's first signal). Strict: a point exactly on a limit is inside.
 */
import type { RuleDefinition } from './definition.js';
import { HIGH, LOW, type Flags, type RuleFrame, type SpanSink } from './frame.js';
import { onOff } from './values.js';

export function outsideLimits(frame: RuleFrame, spans?: SpanSink): Flags {
  const flags = new Uint8Array(frame.length);
  for (let i = 0; i < frame.length; i++) {
    if (frame.value[i] > frame.ucl[i]) flags[i] = HIGH;
    else if (frame.value[i] < frame.lcl[i]) flags[i] = LOW;
    else continue;
    spans?.add(i, i, flags[i] === HIGH ? 1 : -1);
  }
  return flags;
}

const ON = { outsideLimits: true };

export const OUTSIDE_LIMITS: RuleDefinition<'outsideLimits'> = {
  name: 'outside-limits',
  signals: [{ id: 'outside-limits', label: 'outside the limits', directional: true }],
  presets: { default: ON, mdc: ON, ptd: ON, 'western-electric': ON, nelson: ON, anhoej: ON },
  enabled: (r) => r.outsideLimits,
  window: () => 1,
  test: (frame, _r, spans) => [['outside-limits', outsideLimits(frame, spans?.('outside-limits'))]],
  describe: (r) => (r.outsideLimits ? 'on (strictly beyond a limit)' : 'off'),
  overrides: [{ name: 'outside-limits', values: 'on | off', apply: (r, v) => ({ ...r, outsideLimits: onOff('outside-limits', v) }) }],
};
