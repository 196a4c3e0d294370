/** A measure's settings in the model: the merge order, and rule errors named by the setting they come from. */
import { describe, expect, it } from 'vitest';
import { SpcError } from '../io/errors.js';
import { originOf, resolveRules, settingsFor, type AnalyseSettings } from './settings.js';

function ruleError(s: AnalyseSettings): SpcError {
  const m = settingsFor('A', s);
  try {
    resolveRules(m, (key) => originOf('A', s, key));
  } catch (e) {
    if (e instanceof SpcError) return e;
    throw e;
  }
  throw new Error('expected a rule error');
}

describe('settingsFor', () => {
  it('merges config defaults < config entry < flags, skipping absent values', () => {
    const s: AnalyseSettings = {
      flags: { target: 3, unit: undefined },
      config: { file: 'c.yaml', defaults: { chart: 'c', unit: 'crimes', target: 1 }, measures: { A: { chart: 'u', target: 2 } } },
      dateOrder: 'dmy',
    };
    expect(settingsFor('A', s)).toEqual({ chart: 'u', unit: 'crimes', target: 3 });
    expect(settingsFor('B', s)).toEqual({ chart: 'c', unit: 'crimes', target: 3 });
  });
});

describe('resolveRules', () => {
  it('applies the preset, the moving-range options and each override in order', () => {
    const rules = resolveRules({ preset: 'mdc', screenMr: true, sigma: 'median-mr', ruleOverrides: ['shift=8', 'shift=9'] });
    expect(rules.preset).toBe('mdc');
    expect(rules.shift).toBe(9);
    expect(rules.screenMovingRanges).toBe(true);
    expect(rules.xmrSigma).toEqual({ method: 'median', factor: 3.145 });
    expect(resolveRules({ chart: 'run' }).preset).toBe('anhoej');
  });

  it('names a flag with a usage error and a config key with an input error', () => {
    const flagPreset = ruleError({ flags: { preset: 'bogus' }, config: { file: 'c.yaml', measures: { A: { ruleOverrides: ['trend=1'] } } }, dateOrder: 'dmy' });
    expect([flagPreset.exitCode, flagPreset.message]).toEqual([2, expect.stringMatching(/^unknown rule preset "bogus"; choose one of: default, mdc/)]);

    const configPreset = ruleError({ flags: {}, config: { file: 'c.yaml', defaults: { preset: 'bogus' } }, dateOrder: 'dmy' });
    expect([configPreset.exitCode, configPreset.file]).toEqual([1, 'c.yaml']);
    expect(configPreset.message).toMatch(/^defaults\.rules: unknown rule preset "bogus"/);

    // The preset is the config's, the bad rule the command line's: a usage error.
    const flagRule = ruleError({ flags: { ruleOverrides: ['trend=1'] }, config: { file: 'c.yaml', defaults: { preset: 'mdc' } }, dateOrder: 'dmy' });
    expect([flagRule.exitCode, flagRule.message]).toEqual([2, '--rule trend=1: expected a whole number >= 2, or off']);

    const configRule = ruleError({ flags: { preset: 'mdc' }, config: { file: 'c.yaml', measures: { A: { ruleOverrides: ['trend=1'] } } }, dateOrder: 'dmy' });
    expect([configRule.exitCode, configRule.file, configRule.message]).toEqual([1, 'c.yaml', 'measures."A".rule: --rule trend=1: expected a whole number >= 2, or off']);
  });
});
