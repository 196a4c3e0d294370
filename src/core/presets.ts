/**
 * Rule presets (contract section 3a) and `--rule NAME=VALUE` overrides.
 */
import type { RuleId, RuleSet } from './types.js';
import { RULE_IDS } from './types.js';

const BASE: RuleSet = {
  preset: 'default',
  xmrSigma: { method: 'd2', d2: 1.128 },
  screenMovingRanges: false,
  screenFactor: 3.267,
  outsideLimits: true,
  trend: null,
  shift: null,
  alternating: null,
  alternatingMode: 'sides',
  nearLimit: null,
  nearLimit1Sigma: null,
  hugging: null,
  mixture: null,
  runsAnalysis: false,
  runsCrossPhases: false,
  conflict: 'improvement-wins',
  precedence: RULE_IDS,
  minPoints: 2,
  warnBelow: null,
  baselineOverridesPhases: false,
};

/** The plan's five signals (community safety plan, "Performance monitoring"). */
const DEFAULT: RuleSet = {
  ...BASE,
  preset: 'default',
  trend: 6,
  shift: 8,
  alternating: 14,
  nearLimit: { count: 3, window: 3, beyondLimitCounts: true, windowSameSide: true },
};

/**
 * NHS England Making Data Count, Single Chart Tool v5.0 (as encoded by the MDC XmR test data):
 * limits at 2.66 x mean moving range, shift and trend of 6, two of three beyond two sigma with
 * beyond-limit points not counting, runs across recalculations, at least 13 points for limits,
 * a baseline overriding recalculations.
 */
const MDC: RuleSet = {
  ...BASE,
  preset: 'mdc',
  xmrSigma: { method: 'e2', e2: 2.66 },
  trend: 6,
  shift: 6,
  nearLimit: { count: 2, window: 3, beyondLimitCounts: false, windowSameSide: true },
  runsCrossPhases: true,
  minPoints: 13,
  baselineOverridesPhases: true,
};

/**
 * NHSRplotthedots 0.2.2 (`ptd_spc`): 2.66 x mean moving range after screening moving ranges
 * (>= 3.267 x their mean), shift and trend of 7, two of three beyond two sigma on one side (the
 * whole window on that side, since 0.2.2), beyond-limit points not counting, no rule crossing a
 * recalculation, precedence outside-limits > trend > two-in-three > shift, and a warning for
 * phases of 12 points or fewer.
 */
const PTD: RuleSet = {
  ...BASE,
  preset: 'ptd',
  xmrSigma: { method: 'e2', e2: 2.66 },
  screenMovingRanges: true,
  trend: 7,
  shift: 7,
  nearLimit: { count: 2, window: 3, beyondLimitCounts: false, windowSameSide: true },
  conflict: 'precedence',
  precedence: ['outside-limits', 'trend', 'near-limit', 'shift'],
  warnBelow: 13,
};

/**
 * Western Electric Statistical Quality Control Handbook (1956), zone rules: one point beyond 3
 * sigma; 2 of 3 beyond 2 sigma on one side; 4 of 5 beyond 1 sigma on one side; 8 in a row on one
 * side. The third point of a 2-of-3 window (and fifth of 4-of-5) may be anywhere.
 */
const WESTERN_ELECTRIC: RuleSet = {
  ...BASE,
  preset: 'western-electric',
  shift: 8,
  nearLimit: { count: 2, window: 3, beyondLimitCounts: true, windowSameSide: false },
  nearLimit1Sigma: { count: 4, window: 5, beyondLimitCounts: true, windowSameSide: false },
};

/**
 * Nelson (1984), "The Shewhart control chart — tests for special causes": 1 beyond 3 sigma; 9 in
 * a row on one side; 6 in a row increasing or decreasing; 14 alternating up and down; 2 of 3
 * beyond 2 sigma; 4 of 5 beyond 1 sigma; 15 in a row within 1 sigma; 8 in a row beyond 1 sigma
 * on both sides. (Minitab's tests 1-8 with their default parameters.)
 */
const NELSON: RuleSet = {
  ...BASE,
  preset: 'nelson',
  shift: 9,
  trend: 6,
  alternating: 14,
  alternatingMode: 'updown',
  nearLimit: { count: 2, window: 3, beyondLimitCounts: true, windowSameSide: false },
  nearLimit1Sigma: { count: 4, window: 5, beyondLimitCounts: true, windowSameSide: false },
  hugging: 15,
  mixture: 8,
};

/**
 * Anhoej's run chart rules (Anhoej & Olesen 2014, "Run charts revisited", PLoS ONE 9(11)):
 * unusually long runs (longest run > round(log2(n) + 3)) and unusually few crossings (fewer than
 * the 5th percentile of Binomial(n - 1, 0.5)), n being the points not on the centre line; on
 * control charts together with points outside the limits (qicharts2's default).
 */
const ANHOEJ: RuleSet = {
  ...BASE,
  preset: 'anhoej',
  runsAnalysis: true,
};

export const PRESETS: Readonly<Record<string, RuleSet>> = {
  default: DEFAULT,
  mdc: MDC,
  ptd: PTD,
  'western-electric': WESTERN_ELECTRIC,
  nelson: NELSON,
  anhoej: ANHOEJ,
};

export const PRESET_DESCRIPTIONS: Readonly<Record<string, string>> = {
  default: "The community safety plan's five signals: outside the limits, a trend of 6, a shift of 8, 14 alternating, 3 in a row beyond two sigma.",
  mdc: 'NHS England Making Data Count (Single Chart Tool v5.0): 2.66 x mean moving range, shift and trend of 6, 2 of 3 beyond two sigma, runs cross recalculations, 13 points for limits.',
  ptd: 'NHSRplotthedots 0.2.2: screened moving ranges, 2.66 x mean moving range, shift and trend of 7, 2 of 3 beyond two sigma, precedence outside-limits > trend > two-in-three > shift.',
  'western-electric': 'Western Electric (1956): beyond 3 sigma, 2 of 3 beyond 2 sigma, 4 of 5 beyond 1 sigma, 8 in a row on one side.',
  nelson: "Nelson's eight tests (1984): 3 sigma, 9 one side, 6 trending, 14 alternating up and down, 2 of 3, 4 of 5, 15 within 1 sigma, 8 beyond 1 sigma both sides.",
  anhoej: "Anhoej's run chart rules: unusually long runs and unusually few crossings of the centre line (with outside-limits on control charts).",
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
  'alternating-mode': 'sides | updown (about the centre line, or the direction of change)',
  'near-limit': 'KofM, e.g. 2of3 | off',
  'near-limit-beyond-limit': 'counts | ignored (whether a point beyond the limit counts towards near-limit)',
  'near-limit-same-side': 'window | counted (which points must share a side of the centre line)',
  'near-limit-1sigma': 'KofM, e.g. 4of5 | off',
  hugging: 'points (>= 2) | off',
  mixture: 'points (>= 2) | off',
  'anhoej-runs': 'on | off (longest run and crossings)',
  'runs-cross-phases': 'yes | no',
  'screen-mr': 'on | off',
  'min-points': 'observed points a phase needs for limits (>= 2)',
  conflict: 'improvement-wins | precedence',
  sigma: 'd2=1.128 | e2=2.66 | median=3.145 (how sigma comes from the moving ranges)',
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

function kOfM(name: string, v: string, base: NonNullable<RuleSet['nearLimit']>): RuleSet['nearLimit'] {
  if (v === 'off') return null;
  const m = /^(\d+)\s*of\s*(\d+)$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
    throw new RuleOptionError(`--rule ${name}=${v}: expected KofM with 1 <= K <= M (e.g. 2of3), or off`);
  }
  return { ...base, count: Number(m[1]), window: Number(m[2]) };
}

const DEFAULT_NEAR = DEFAULT.nearLimit!;
const DEFAULT_NEAR1 = WESTERN_ELECTRIC.nearLimit1Sigma!;

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
    case 'alternating-mode':
      return { ...rules, alternatingMode: onOff(name, v, ['updown'], ['sides']) ? 'updown' : 'sides' };
    case 'near-limit':
      return { ...rules, nearLimit: kOfM(name, v, rules.nearLimit ?? DEFAULT_NEAR) };
    case 'near-limit-1sigma':
      return { ...rules, nearLimit1Sigma: kOfM(name, v, rules.nearLimit1Sigma ?? DEFAULT_NEAR1) };
    case 'near-limit-beyond-limit':
      return { ...rules, nearLimit: { ...(rules.nearLimit ?? DEFAULT_NEAR), beyondLimitCounts: onOff(name, v, ['counts'], ['ignored']) } };
    case 'near-limit-same-side':
      return { ...rules, nearLimit: { ...(rules.nearLimit ?? DEFAULT_NEAR), windowSameSide: onOff(name, v, ['window'], ['counted']) } };
    case 'hugging':
      return { ...rules, hugging: points(name, v) };
    case 'mixture':
      return { ...rules, mixture: points(name, v) };
    case 'anhoej-runs':
      return { ...rules, runsAnalysis: onOff(name, v) };
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
      const m = /^(d2|e2|median)\s*=\s*(\d+(?:\.\d+)?)$/.exec(v);
      if (!m || !(Number(m[2]) > 0)) throw new RuleOptionError(`--rule sigma=${v}: expected d2=1.128, e2=2.66 or median=3.145`);
      const x = Number(m[2]);
      const xmrSigma = m[1] === 'd2' ? { method: 'd2' as const, d2: x } : m[1] === 'e2' ? { method: 'e2' as const, e2: x } : { method: 'median' as const, factor: x };
      return { ...rules, xmrSigma };
    }
    default:
      throw new RuleOptionError(`--rule ${name}: unknown rule parameter; known: ${Object.keys(OVERRIDES).join(', ')}`);
  }
}

/** The rule ids a rule set can fire, in contract order. */
export function enabledRules(rules: RuleSet): RuleId[] {
  const on: Record<RuleId, boolean> = {
    'outside-limits': rules.outsideLimits,
    trend: rules.trend !== null,
    shift: rules.shift !== null,
    alternating: rules.alternating !== null,
    'near-limit': rules.nearLimit !== null,
    'near-limit-1sigma': rules.nearLimit1Sigma !== null,
    hugging: rules.hugging !== null,
    mixture: rules.mixture !== null,
    'longest-run': rules.runsAnalysis,
    crossings: rules.runsAnalysis,
  };
  return RULE_IDS.filter((id) => on[id]);
}
