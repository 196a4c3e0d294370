/** The rule presets and `--rule` overrides: what each preset turns on, and how overrides parse. */
import { describe, expect, it } from 'vitest';
import { analyseXmr } from './analyse.js';
import { PRESETS, applyOverride, enabledRules, preset } from './presets.js';

describe('presets', () => {
  it('ptd screens moving ranges and warns for phases of 12 points or fewer', () => {
    const a = analyseXmr([1, 2, 1, 2, 1, 2, 1, 2, 1, 2], { rules: preset('ptd'), direction: 'neutral' });
    expect(a.warnings).toContainEqual({ kind: 'short-phase', phase: 0, n: 10, below: 13 });
    expect(a.phases[0].sigma).not.toBeNull();
  });
  it('every preset enables the rules of contract section 3a', () => {
    expect(Object.fromEntries(Object.keys(PRESETS).map((p) => [p, enabledRules(preset(p))]))).toEqual({
      default: ['outside-limits', 'trend', 'shift', 'alternating', 'near-limit'],
      mdc: ['outside-limits', 'trend', 'shift', 'near-limit'],
      ptd: ['outside-limits', 'trend', 'shift', 'near-limit'],
      'western-electric': ['outside-limits', 'shift', 'near-limit', 'near-limit-1sigma'],
      nelson: ['outside-limits', 'trend', 'shift', 'alternating', 'near-limit', 'near-limit-1sigma', 'hugging', 'mixture'],
      anhoej: ['outside-limits', 'longest-run', 'crossings'],
    });
  });
  it('--rule overrides parse and validate', () => {
    const r = applyOverride(applyOverride(preset('default'), 'near-limit=2of3'), 'sigma=median=3.145');
    expect(r.nearLimit).toEqual({ count: 2, window: 3, beyondLimitCounts: true, windowSameSide: true });
    expect(r.xmrSigma).toEqual({ method: 'median', factor: 3.145 });
    expect(() => applyOverride(r, 'near-limit=4of3')).toThrow(/1 <= K <= M/);
    expect(() => applyOverride(r, 'bogus=1')).toThrow(/unknown rule parameter/);
  });
});
