/** `spc rules [PRESET]`: every preset with every parameter, in words. */
import { OVERRIDES, PRESET_DESCRIPTIONS, PRESETS, preset } from '../core/presets.js';
import type { RuleSet } from '../core/types.js';
import { usageError } from '../io/errors.js';
import { RuleOptionError } from '../core/presets.js';

export function describeRules(r: RuleSet): [string, string][] {
  const nl = r.nearLimit;
  return [
    ['limits', r.xmrSigma.method === 'd2' ? `centre +/- 3 x mean moving range / ${r.xmrSigma.d2}` : `centre +/- ${r.xmrSigma.e2} x mean moving range`],
    ['screen-mr', r.screenMovingRanges ? `on (drop moving ranges >= ${r.screenFactor} x their mean once)` : 'off'],
    ['outside-limits', r.outsideLimits ? 'on (strictly beyond a limit)' : 'off'],
    ['trend', r.trend === null ? 'off' : `${r.trend} points each strictly higher (or lower) than the one before`],
    ['shift', r.shift === null ? 'off' : `${r.shift} points strictly on one side of the centre line`],
    ['alternating', r.alternating === null ? 'off' : `${r.alternating} points alternating either side of the centre line`],
    [
      'near-limit',
      nl === null
        ? 'off'
        : `${nl.count} of ${nl.window} beyond the same two-sigma line` +
          `${nl.beyondLimitCounts ? ', a point beyond the limit counts' : ', a point beyond the limit does not count'}` +
          `${nl.windowSameSide ? ', whole window on one side of the centre line' : ''}`,
    ],
    ['runs-cross-phases', r.runsCrossPhases ? 'yes (each point judged against its own phase)' : 'no'],
    ['conflict', r.conflict === 'improvement-wins' ? 'improvement wins' : `precedence ${r.precedence.join(' > ')}`],
    ['min-points', `${r.minPoints} observed points per phase for limits`],
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
