/** `spc rules [PRESET]`: every preset with every parameter, in words. */
import { OVERRIDES, PRESET_DESCRIPTIONS, PRESETS, preset } from '../core/presets.js';
import type { RuleSet } from '../core/types.js';
import { usageError } from '../io/errors.js';
import { RuleOptionError } from '../core/presets.js';

function sigmaWords(r: RuleSet): string {
  const m = r.xmrSigma;
  if (m.method === 'd2') return `centre +/- 3 x mean moving range / ${m.d2}`;
  if (m.method === 'e2') return `centre +/- ${m.e2} x mean moving range`;
  return `centre +/- ${m.factor} x median moving range`;
}

function kOfMWords(nl: RuleSet['nearLimit'], zone: string): string {
  if (nl === null) return 'off';
  return (
    `${nl.count} of ${nl.window} beyond the same ${zone} line` +
    (nl.beyondLimitCounts ? ', a point beyond the limit counts' : ', a point beyond the limit does not count') +
    (nl.windowSameSide ? ', whole window on one side of the centre line' : '')
  );
}

export function describeRules(r: RuleSet): [string, string][] {
  const off = (v: number | null, words: (n: number) => string) => (v === null ? 'off' : words(v));
  return [
    ['limits (XmR)', sigmaWords(r)],
    ['screen-mr', r.screenMovingRanges ? `on (drop moving ranges >= ${r.screenFactor} x their mean once)` : 'off'],
    ['outside-limits', r.outsideLimits ? 'on (strictly beyond a limit)' : 'off'],
    ['trend', off(r.trend, (n) => `${n} points each strictly higher (or lower) than the one before`)],
    ['shift', off(r.shift, (n) => `${n} points strictly on one side of the centre line`)],
    [
      'alternating',
      off(r.alternating, (n) => (r.alternatingMode === 'sides' ? `${n} points alternating either side of the centre line` : `${n} points alternating up and down`)),
    ],
    ['near-limit', kOfMWords(r.nearLimit, 'two-sigma')],
    ['near-limit-1sigma', kOfMWords(r.nearLimit1Sigma, 'one-sigma')],
    ['hugging', off(r.hugging, (n) => `${n} points in a row within one sigma of the centre line`)],
    ['mixture', off(r.mixture, (n) => `${n} points in a row beyond one sigma, on both sides`)],
    ['anhoej-runs', r.runsAnalysis ? 'longest run > round(log2(n) + 3); crossings < 5th percentile of Binomial(n - 1, 0.5)' : 'off'],
    ['runs-cross-phases', r.runsCrossPhases ? 'yes (each point judged against its own phase)' : 'no'],
    ['conflict', r.conflict === 'improvement-wins' ? 'improvement wins' : `precedence ${r.precedence.join(' > ')}`],
    ['min-points', `${r.minPoints} observed points per phase for limits` + (r.warnBelow ? `; a warning below ${r.warnBelow}` : '')],
    ['baseline', r.baselineOverridesPhases ? 'a baseline sets the limits of the whole chart (phases ignored)' : 'a baseline applies within each phase'],
  ];
}

export function rulesText(name?: string): string {
  let names = Object.keys(PRESETS);
  if (name !== undefined) {
    try {
      preset(name);
    } catch (e) {
      if (e instanceof RuleOptionError) throw usageError(e.message);
      throw e;
    }
    names = [name];
  }
  const out: string[] = [];
  for (const n of names) {
    out.push(`${n}: ${PRESET_DESCRIPTIONS[n]}`);
    for (const [k, v] of describeRules(PRESETS[n])) out.push(`  ${k.padEnd(18)} ${v}`);
    out.push('');
  }
  out.push('Override any parameter with --rule NAME=VALUE:');
  for (const [k, v] of Object.entries(OVERRIDES)) out.push(`  ${k.padEnd(24)} ${v}`);
  return out.join('\n') + '\n';
}
