/**
 * Rule presets (contract section 3a) and `--rule NAME=VALUE` overrides.
 */
import type { RuleId, RuleSet } from './types.js';
import { RULE_IDS } from './types.js';

/** The plan's five signals (community safety plan, "Performance monitoring"). */
const DEFAULT: RuleSet = {
  preset: 'default',
  xmrSigma: { method: 'd2', d2: 1.128 },
  screenMovingRanges: false,
  screenFactor: 3.267,
  outsideLimits: true,
  trend: 6,
  shift: 8,
  alternating: 14,
  nearLimit: { count: 3, window: 3, beyondLimitCounts: true, windowSameSide: true },
  runsCrossPhases: false,
  conflict: 'improvement-wins',
  precedence: RULE_IDS,
  minPoints: 2,
  baselineOverridesPhases: false,
};

/**
 * NHS England Making Data Count, Single Chart Tool v5.0 (as encoded by the MDC XmR test data):
 * limits at 2.66 x mean moving range, shift and trend of 6, two of three beyond two sigma with
 * beyond-limit points not counting, runs across recalculations, at least 13 points for limits,
 * a baseline overriding recalculations.
 */
const MDC: RuleSet = {
  preset: 'mdc',
  xmrSigma: { method: 'e2', e2: 2.66 },
  screenMovingRanges: false,
  screenFactor: 3.267,
  outsideLimits: true,
  trend: 6,
  shift: 6,
  alternating: null,
  nearLimit: { count: 2, window: 3, beyondLimitCounts: false, windowSameSide: true },
  runsCrossPhases: true,
  conflict: 'improvement-wins',
  precedence: RULE_IDS,
  minPoints: 13,
  baselineOverridesPhases: true,
};

export const PRESETS: Readonly<Record<string, RuleSet>> = { default: DEFAULT, mdc: MDC };

export const PRESET_DESCRIPTIONS: Readonly<Record<string, string>> = {
  default: "The community safety plan's five signals: outside the limits, a trend of 6, a shift of 8, 14 alternating, 3 in a row beyond two sigma.",
  mdc: 'NHS England Making Data Count (Single Chart Tool v5.0): 2.66 x mean moving range, shift and trend of 6, 2 of 3 beyond two sigma, runs cross recalculations, 13 points for limits.',
};

/** Thrown for an unknown preset or a malformed override; the CLI reports it as a usage error. */
export class RuleOptionError extends Error {
  override readonly name = 'RuleOptionError';
}

export function preset(name: string): RuleSet {
  const p = PRESETS[name];
  if (!p) throw new RuleOptionError(`unknown rule preset "${name}"; choose one of: ${Object.keys(PRESETS).join(', ')}`);
  return p;
}

/** The names `--rule NAME=VALUE` accepts, with what VALUE may be. */
export const OVERRIDES: Readonly<Record<string, string>> = {
  'outside-limits': 'on | off',
  trend: 'points (>= 2) | off',
  shift: 'points (>= 2) | off',
  alternating: 'points (>= 2) | off',
  'near-limit': 'KofM, e.g. 2of3 | off',
  'near-limit-beyond-limit': 'counts | ignored (whether a point beyond the limit counts towards near-limit)',
  'near-limit-same-side': 'window | counted (which points must share a side of the centre line)',
  'runs-cross-phases': 'yes | no',
  'screen-mr': 'on | off',
  'min-points': 'observed points a phase needs for limits (>= 2)',
  conflict: 'improvement-wins | precedence',
  sigma: 'd2=1.128 | e2=2.66 (how sigma comes from the mean moving range)',
};

function onOff(name: string, v: string, on = ['on', 'yes', 'true'], off = ['off', 'no', 'false']): boolean {
  if (on.includes(v)) return true;
  if (off.includes(v)) return false;
  throw new RuleOptionError(`--rule ${name}=${v}: expected ${on[0]} or ${off[0]}`);
}

function points(name: string, v: string, min = 2): number | null {
  if (v === 'off') return null;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new RuleOptionError(`--rule ${name}=${v}: expected a whole number >= ${min}, or off`);
  return Number(v);
}

/** Applies one `NAME=VALUE` override to a rule set, returning a new rule set. */
export function applyOverride(rules: RuleSet, text: string): RuleSet {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new RuleOptionError(`--rule ${text}: expected NAME=VALUE, e.g. trend=7`);
  const name = text.slice(0, eq).trim().toLowerCase();
  const v = text.slice(eq + 1).trim().toLowerCase();
  switch (name) {
    case 'outside-limits':
      return { ...rules, outsideLimits: onOff(name, v) };
    case 'trend':
      return { ...rules, trend: points(name, v) };
    case 'shift':
      return { ...rules, shift: points(name, v) };
    case 'alternating':
      return { ...rules, alternating: points(name, v) };
    case 'near-limit': {
      if (v === 'off') return { ...rules, nearLimit: null };
      const m = /^(\d+)\s*of\s*(\d+)$/.exec(v);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
        throw new RuleOptionError(`--rule near-limit=${v}: expected KofM with 1 <= K <= M (e.g. 2of3), or off`);
      }
      const base = rules.nearLimit ?? PRESETS.default.nearLimit!;
      return { ...rules, nearLimit: { ...base, count: Number(m[1]), window: Number(m[2]) } };
    }
    case 'near-limit-beyond-limit': {
      const base = rules.nearLimit ?? PRESETS.default.nearLimit!;
      return { ...rules, nearLimit: { ...base, beyondLimitCounts: onOff(name, v, ['counts'], ['ignored']) } };
    }
    case 'near-limit-same-side': {
      const base = rules.nearLimit ?? PRESETS.default.nearLimit!;
      return { ...rules, nearLimit: { ...base, windowSameSide: onOff(name, v, ['window'], ['counted']) } };
    }
    case 'runs-cross-phases':
      return { ...rules, runsCrossPhases: onOff(name, v) };
    case 'screen-mr':
      return { ...rules, screenMovingRanges: onOff(name, v) };
    case 'min-points': {
      const n = points(name, v);
      if (n === null) throw new RuleOptionError(`--rule min-points=${v}: expected a whole number >= 2`);
      return { ...rules, minPoints: n };
    }
    case 'conflict':
      if (v !== 'improvement-wins' && v !== 'precedence') {
        throw new RuleOptionError(`--rule conflict=${v}: expected improvement-wins or precedence`);
      }
      return { ...rules, conflict: v };
    case 'sigma': {
      const m = /^(d2|e2)\s*=\s*(\d+(?:\.\d+)?)$/.exec(v);
      if (!m || !(Number(m[2]) > 0)) throw new RuleOptionError(`--rule sigma=${v}: expected d2=1.128 or e2=2.66`);
      return { ...rules, xmrSigma: m[1] === 'd2' ? { method: 'd2', d2: Number(m[2]) } : { method: 'e2', e2: Number(m[2]) } };
    }
    default:
      throw new RuleOptionError(`--rule ${name}: unknown rule parameter; known: ${Object.keys(OVERRIDES).join(', ')}`);
  }
}

/** The rule ids a rule set can fire, in contract order. */
export function enabledRules(rules: RuleSet): RuleId[] {
  const on: Partial<Record<RuleId, boolean>> = {
    'outside-limits': rules.outsideLimits,
    trend: rules.trend !== null,
    shift: rules.shift !== null,
    alternating: rules.alternating !== null,
    'near-limit': rules.nearLimit !== null,
  };
  return RULE_IDS.filter((id) => on[id]);
}
