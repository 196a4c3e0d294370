/**
 * The rule registry: every rule's definition, in the order of contract section 6 (the order in
 * which `signals` are listed). Analysis (analyse.ts), the ARL simulation (simulate.ts), presets
 * and overrides (presets.ts), `spc rules`, the report's rule names and the explanations read it.
 */
import type { RuleId } from '../types.js';
import { ALTERNATING } from './alternating.js';
import { ANHOEJ_RUNS } from './anhoej-runs.js';
import type { RuleDefinition, RuleSignal } from './definition.js';
import { HUGGING } from './hugging.js';
import { MIXTURE } from './mixture.js';
import { NEAR_LIMIT } from './near-limit.js';
import { NEAR_LIMIT_1SIGMA } from './near-limit-1sigma.js';
import { OUTSIDE_LIMITS } from './outside-limits.js';
import { SHIFT } from './shift.js';
import { TREND } from './trend.js';

export const RULES: readonly RuleDefinition[] = [
  OUTSIDE_LIMITS,
  TREND,
  SHIFT,
  ALTERNATING,
  NEAR_LIMIT,
  NEAR_LIMIT_1SIGMA,
  HUGGING,
  MIXTURE,
  ANHOEJ_RUNS,
] as RuleDefinition[];

/** Every signal of every rule, by id. */
export const SIGNALS: Readonly<Record<RuleId, RuleSignal>> = Object.fromEntries(RULES.flatMap((d) => d.signals.map((s) => [s.id, s]))) as Record<RuleId, RuleSignal>;

/** Whether a signal's side says better or worse. */
export const isDirectional = (id: RuleId): boolean => SIGNALS[id].directional;

export type { RuleDefinition, RuleSignal, RuleOverride, OnlineTest } from './definition.js';
export { HIGH, LOW, makeFrame, type Flags, type RuleFrame, type SpanSink, type RunLocation } from './frame.js';
export { RuleOptionError } from './values.js';
export { outsideLimits } from './outside-limits.js';
export { trend } from './trend.js';
export { shift } from './shift.js';
export { alternating, alternatingUpDown } from './alternating.js';
export { nearLimit } from './near-limit.js';
export { hugging } from './hugging.js';
export { mixture } from './mixture.js';
export { runsOf, phaseRuns, longestRunMax, crossingsMin, RunCounter } from './anhoej-runs.js';
