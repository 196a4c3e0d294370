/**
 * Parsing the VALUE of `--rule NAME=VALUE`. Errors are `RuleOptionError`s naming the override and
 * what it accepts; the command line reports them as usage errors (exit 2) and the config reader as
 * errors of the file's key.
 */
import type { NearLimitRule } from '../types.js';

/** Thrown for an unknown preset or a malformed override. `setting` says which setting was wrong. */
export class RuleOptionError extends Error {
  override readonly name = 'RuleOptionError';
  constructor(
    message: string,
    readonly setting: 'preset' | 'rule' = 'rule',
  ) {
    super(message);
  }
}

/** on/off (or the given words for each state). */
export function onOff(name: string, v: string, on = ['on', 'yes', 'true'], off = ['off', 'no', 'false']): boolean {
  if (on.includes(v)) return true;
  if (off.includes(v)) return false;
  throw new RuleOptionError(`--rule ${name}=${v}: expected ${on[0]} or ${off[0]}`);
}

/** A number of points (>= min), or null for off. */
export function points(name: string, v: string, min = 2): number | null {
  if (v === 'off') return null;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new RuleOptionError(`--rule ${name}=${v}: expected a whole number >= ${min}, or off`);
  return Number(v);
}

/** "KofM" (e.g. 2of3) on top of `base`, or null for off. */
export function kOfM(name: string, v: string, base: NearLimitRule): NearLimitRule | null {
  if (v === 'off') return null;
  const m = /^(\d+)\s*of\s*(\d+)$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
    throw new RuleOptionError(`--rule ${name}=${v}: expected KofM with 1 <= K <= M (e.g. 2of3), or off`);
  }
  return { ...base, count: Number(m[1]), window: Number(m[2]) };
}

/** The usual override of a rule whose parameter is a number of points or off. */
export function pointsOverride<K extends string>(name: string, key: K) {
  return {
    name,
    values: 'points (>= 2) | off',
    apply: <R extends Record<K, number | null>>(rules: R, v: string): R => ({ ...rules, [key]: points(name, v) }),
  };
}
