/**
 * Rule presets (contract section 3a) and `--rule NAME=VALUE` overrides. A preset is its settings
 * (how limits are computed, how phases and conflicts are handled) plus every rule's parameters
 * from the rule registry (src/core/rules/), in registry order.
 */
import { E2, D2_INDIVIDUALS, MEDIAN_MR_FACTOR, D4_INDIVIDUALS } from './constants.js';
import { RULES } from './rules/index.js';
import type { RuleOverride } from './rules/definition.js';
import { RuleOptionError, onOff, points } from './rules/values.js';
import { PRESET_NAMES, RULE_IDS, type LimitSettings, type PhaseSettings, type PresetName, type RuleParameters, type RuleId, type RuleSet } from './types.js';

export { RuleOptionError };

type Settings = LimitSettings & PhaseSettings;

const BASE: Settings = {
  xmrSigma: { method: 'd2', d2: D2_INDIVIDUALS },
  screenMovingRanges: false,
  screenFactor: D4_INDIVIDUALS,
  runsCrossPhases: false,
  conflict: 'improvement-wins',
  precedence: RULE_IDS,
  minPoints: 2,
  warnBelow: null,
  baselineOverridesPhases: false,
};

/**
 * Each preset's settings (its rules' parameters are in the rule files):
 * - default: the community safety plan's five signals ("Performance monitoring").
 * - mdc: NHS England Making Data Count, Single Chart Tool v5.0 (as encoded by the MDC XmR test
 *   data): limits at 2.66 x mean moving range, runs across recalculations, at least 13 points for
 *   limits, a baseline overriding recalculations.
 * - ptd: NHSRplotthedots 0.2.2 (`ptd_spc`): 2.66 x mean moving range after screening moving ranges
 *   (>= 3.267 x their mean), no rule crossing a recalculation, precedence outside-limits > trend >
 *   two-in-three > shift, and a warning for phases of 12 points or fewer.
 * - western-electric: Western Electric Statistical Quality Control Handbook (1956), zone rules.
 * - nelson: Nelson (1984), "The Shewhart control chart — tests for special causes" (Minitab's
 *   tests 1-8 with their default parameters).
 * - anhoej: Anhoej & Olesen (2014), "Run charts revisited"; with outside-limits on control charts
 *   (qicharts2's default).
 */
const SETTINGS: Readonly<Record<PresetName, Settings>> = {
  default: BASE,
  mdc: { ...BASE, xmrSigma: { method: 'e2', e2: E2 }, runsCrossPhases: true, minPoints: 13, baselineOverridesPhases: true },
  ptd: {
    ...BASE,
    xmrSigma: { method: 'e2', e2: E2 },
    screenMovingRanges: true,
    conflict: 'precedence',
    precedence: ['outside-limits', 'trend', 'near-limit', 'shift'],
    warnBelow: 13,
  },
  'western-electric': BASE,
  nelson: BASE,
  anhoej: BASE,
};

/** A preset: its settings with every rule's parameters, keys in the order of the result document. */
function compose(name: PresetName): RuleSet {
  const { xmrSigma, screenMovingRanges, screenFactor, ...phases } = SETTINGS[name];
  const limits: LimitSettings = { xmrSigma, screenMovingRanges, screenFactor };
  const rules = Object.assign({}, ...RULES.map((d) => d.presets[name])) as RuleParameters;
  return { preset: name, ...limits, ...rules, ...phases };
}

export const PRESETS: Readonly<Record<PresetName, RuleSet>> = Object.fromEntries(PRESET_NAMES.map((n) => [n, compose(n)])) as Record<PresetName, RuleSet>;

export const PRESET_DESCRIPTIONS: Readonly<Record<PresetName, string>> = {
  default: "The community safety plan's five signals: outside the limits, a trend of 6, a shift of 8, 14 alternating, 3 in a row beyond two sigma.",
  mdc: 'NHS England Making Data Count (Single Chart Tool v5.0): 2.66 x mean moving range, shift and trend of 6, 2 of 3 beyond two sigma, runs cross recalculations, 13 points for limits.',
  ptd: 'NHSRplotthedots 0.2.2: screened moving ranges, 2.66 x mean moving range, shift and trend of 7, 2 of 3 beyond two sigma, precedence outside-limits > trend > two-in-three > shift.',
  'western-electric': 'Western Electric (1956): beyond 3 sigma, 2 of 3 beyond 2 sigma, 4 of 5 beyond 1 sigma, 8 in a row on one side.',
  nelson: "Nelson's eight tests (1984): 3 sigma, 9 one side, 6 trending, 14 alternating up and down, 2 of 3, 4 of 5, 15 within 1 sigma, 8 beyond 1 sigma both sides.",
  anhoej: "Anhoej's run chart rules: unusually long runs and unusually few crossings of the centre line (with outside-limits on control charts).",
};

export const isPresetName = (name: string): name is PresetName => (PRESET_NAMES as readonly string[]).includes(name);

export function preset(name: string): RuleSet {
  if (!isPresetName(name)) throw new RuleOptionError(`unknown rule preset "${name}"; choose one of: ${PRESET_NAMES.join(', ')}`, 'preset');
  return PRESETS[name];
}

/** Overrides of the preset's settings (the rules' own overrides are in the rule files). */
const SETTING_OVERRIDES: readonly RuleOverride[] = [
  { name: 'runs-cross-phases', values: 'yes | no', apply: (r, v) => ({ ...r, runsCrossPhases: onOff('runs-cross-phases', v) }) },
  { name: 'screen-mr', values: 'on | off', apply: (r, v) => ({ ...r, screenMovingRanges: onOff('screen-mr', v) }) },
  {
    name: 'min-points',
    values: 'observed points a phase needs for limits (>= 2)',
    apply: (r, v) => {
      const n = points('min-points', v);
      if (n === null) throw new RuleOptionError(`--rule min-points=${v}: expected a whole number >= 2`);
      return { ...r, minPoints: n };
    },
  },
  {
    name: 'conflict',
    values: 'improvement-wins | precedence',
    apply: (r, v) => {
      if (v !== 'improvement-wins' && v !== 'precedence') throw new RuleOptionError(`--rule conflict=${v}: expected improvement-wins or precedence`);
      return { ...r, conflict: v };
    },
  },
  { name: 'sigma', values: `d2=${D2_INDIVIDUALS} | e2=${E2} | median=${MEDIAN_MR_FACTOR} (how sigma comes from the moving ranges)`, apply: sigmaOverride },
];

function sigmaOverride(r: RuleSet, v: string): RuleSet {
  const m = /^(d2|e2|median)\s*=\s*(\d+(?:\.\d+)?)$/.exec(v);
  if (!m || !(Number(m[2]) > 0)) throw new RuleOptionError(`--rule sigma=${v}: expected d2=${D2_INDIVIDUALS}, e2=${E2} or median=${MEDIAN_MR_FACTOR}`);
  const x = Number(m[2]);
  const xmrSigma = m[1] === 'd2' ? { method: 'd2' as const, d2: x } : m[1] === 'e2' ? { method: 'e2' as const, e2: x } : { method: 'median' as const, factor: x };
  return { ...r, xmrSigma };
}

/** Every override `--rule NAME=VALUE` accepts: the rules' (registry order), then the settings'. */
const ALL_OVERRIDES: readonly RuleOverride[] = [...RULES.flatMap((d) => d.overrides), ...SETTING_OVERRIDES];

/** The names `--rule NAME=VALUE` accepts, with what VALUE may be. */
export const OVERRIDES: Readonly<Record<string, string>> = Object.fromEntries(ALL_OVERRIDES.map((o) => [o.name, o.values]));

/** Applies one `NAME=VALUE` override to a rule set, returning a new rule set. */
export function applyOverride(rules: RuleSet, text: string): RuleSet {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new RuleOptionError(`--rule ${text}: expected NAME=VALUE, e.g. trend=7`);
  const name = text.slice(0, eq).trim().toLowerCase();
  const v = text.slice(eq + 1).trim().toLowerCase();
  const o = ALL_OVERRIDES.find((x) => x.name === name);
  if (!o) throw new RuleOptionError(`--rule ${name}: unknown rule parameter; known: ${Object.keys(OVERRIDES).join(', ')}`);
  return o.apply(rules, v);
}

/** The rule ids a rule set can fire, in contract order. */
export function enabledRules(rules: RuleSet): RuleId[] {
  return RULES.filter((d) => d.enabled(rules)).flatMap((d) => d.signals.map((s) => s.id));
}

/** How XmR limits come from the moving ranges, in words. */
function sigmaWords(r: RuleSet): string {
  const m = r.xmrSigma;
  if (m.method === 'd2') return `centre +/- 3 x mean moving range / ${m.d2}`;
  if (m.method === 'e2') return `centre +/- ${m.e2} x mean moving range`;
  return `centre +/- ${m.factor} x median moving range`;
}

/** Every parameter of a rule set in words, in the order `spc rules` lists them. */
export function describeRules(r: RuleSet): [string, string][] {
  return [
    ['limits (XmR)', sigmaWords(r)],
    ['screen-mr', r.screenMovingRanges ? `on (drop moving ranges >= ${r.screenFactor} x their mean once)` : 'off'],
    ...RULES.map((d): [string, string] => [d.name, d.describe(r)]),
    ['runs-cross-phases', r.runsCrossPhases ? 'yes (each point judged against its own phase)' : 'no'],
    ['conflict', r.conflict === 'improvement-wins' ? 'improvement wins' : `precedence ${r.precedence.join(' > ')}`],
    ['min-points', `${r.minPoints} observed points per phase for limits` + (r.warnBelow ? `; a warning below ${r.warnBelow}` : '')],
    ['baseline', r.baselineOverridesPhases ? 'a baseline sets the limits of the whole chart (phases ignored)' : 'a baseline applies within each phase'],
  ];
}
