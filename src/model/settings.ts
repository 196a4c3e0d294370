/**
 * A measure's settings: built-in defaults < config `defaults` < config measure entry < command-line
 * flags; the rule set they give; and where each setting came from, so that an error in one names
 * the flag (a usage error) or the config file and key (an input error).
 */
import { CHARTS, type ChartType } from '../core/charts/index.js';
import { applyOverride, preset, RuleOptionError } from '../core/presets.js';
import type { PresetName, RuleSet } from '../core/types.js';
import { inputError, usageError, type SpcError } from '../io/errors.js';
import type { DateOrder } from '../io/periods.js';
import type { MeasureSettings } from '../io/user-settings.js';

export interface AnalyseSettings {
  /** Flags given on the command line (they win over the config file). */
  readonly flags: MeasureSettings;
  /** From `--config`: `defaults` and per-measure entries. */
  readonly config?: { readonly file: string; readonly defaults?: MeasureSettings; readonly measures?: Readonly<Record<string, MeasureSettings>> };
  readonly dateOrder: DateOrder;
  /** Turn data warnings (gaps, missing-value markers, encoding) into errors. */
  readonly strict?: boolean;
  /** Expected false signals for a chart of n points under a rule set (from the ARL simulation). */
  readonly falseSignals?: (rules: RuleSet, chart: ChartType, n: number) => number | null;
}

/** The settings of one measure: built-in defaults < config defaults < config entry < flags. */
export function settingsFor(measure: string, s: AnalyseSettings): MeasureSettings {
  const layers = [s.config?.defaults ?? {}, s.config?.measures?.[measure] ?? {}, s.flags];
  const merged: Record<string, unknown> = {};
  for (const layer of layers) for (const [k, v] of Object.entries(layer)) if (v !== undefined) merged[k] = v;
  return merged as MeasureSettings;
}

/** The settings a rule error can come from. */
export type RuleSetting = 'preset' | 'ruleOverrides';

/** The preset a chart gets unless one is named: Anhoej's run rules on a chart without limits (the run chart). */
export function defaultPreset(chart: ChartType): PresetName {
  return CHARTS[chart].hasLimits ? 'default' : 'anhoej';
}

/**
 * The rule set: preset (anhoej on run charts), then moving-range options, then each --rule in
 * order. An unknown preset or a bad rule is an error in that setting: a usage error when `origin`
 * gives null for it (a flag), else an input error naming the config file and key.
 */
export function resolveRules(m: MeasureSettings, origin: (key: RuleSetting) => Origin = () => null): RuleSet {
  let rules = applying('preset', origin, () => preset(m.preset ?? defaultPreset(m.chart ?? 'xmr')));
  if (m.screenMr) rules = { ...rules, screenMovingRanges: true };
  // Wheeler: limits at 3.145 x the median moving range.
  if (m.sigma === 'median-mr') rules = { ...rules, xmrSigma: { method: 'median', factor: 3.145 } };
  for (const o of m.ruleOverrides ?? []) rules = applying('ruleOverrides', origin, () => applyOverride(rules, o));
  return rules;
}

/** Runs one step of resolving the rules; its rule error becomes an error in setting `key`. */
function applying(key: RuleSetting, origin: (key: RuleSetting) => Origin, step: () => RuleSet): RuleSet {
  try {
    return step();
  } catch (e) {
    if (e instanceof RuleOptionError) throw settingError(origin(key), e.message, e.message);
    throw e;
  }
}

/** Where a setting came from: null for a command-line flag (or nowhere), else its config path. */
export type Origin = { readonly file: string; readonly path: string } | null;

/** Config keys spelled differently from the settings' names. */
const CONFIG_KEY: Partial<Record<keyof MeasureSettings, string>> = { preset: 'rules', ruleOverrides: 'rule', screenMr: 'screen-mr', lclFloor: 'lcl-floor' };

export function originOf(measure: string, s: AnalyseSettings, key: keyof MeasureSettings): Origin {
  if (s.flags[key] !== undefined || !s.config) return null;
  const name = CONFIG_KEY[key] ?? key;
  if (s.config.measures?.[measure]?.[key] !== undefined) return { file: s.config.file, path: `measures.${JSON.stringify(measure)}.${name}` };
  if (s.config.defaults?.[key] !== undefined) return { file: s.config.file, path: `defaults.${name}` };
  return null;
}

/** An error in a setting: a usage error for a flag (exit 2), a config error naming file and key (exit 1). */
export function settingError(origin: Origin, flagMessage: string, configMessage: string): SpcError {
  return origin ? inputError(origin.file, undefined, undefined, `${origin.path}: ${configMessage}`) : usageError(flagMessage);
}
