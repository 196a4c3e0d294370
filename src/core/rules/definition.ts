/**
 * The shape of a rule in the registry (src/core/rules/index.ts). One file per rule exports one
 * `RuleDefinition`: its name, the signals it reports, its setting in every preset, its window, its
 * test over the rule frame, whether its signals have a better or worse side, its `--rule`
 * overrides and its plain-English words. Analysis, simulation, presets, `spc rules`, the report's
 * names and the explanations all read the registry, so adding a rule is one file (plus its field
 * in `RuleSet` and its line in the registry) and its test.
 */
import type { PresetName, RuleId, RuleParameters, RuleSet } from '../types.js';
import type { Flags, RuleFrame, SpanSink } from './frame.js';

/** One signal a rule reports. */
export interface RuleSignal {
  readonly id: RuleId;
  /** Short name in tables and lists: "trend", "close to a limit". */
  readonly label: string;
  /**
   * Whether its side says better or worse (a level or a direction); false for patterns
   * (alternating, hugging, mixture, few crossings), which are neither.
   */
  readonly directional: boolean;
}

/** A `--rule NAME=VALUE` override and the values it accepts. */
export interface RuleOverride {
  readonly name: string;
  /** What VALUE may be, for `spc rules` and error messages. */
  readonly values: string;
  apply(rules: RuleSet, value: string): RuleSet;
}

/** A streaming test for the ARL simulation: one point at a time, true once the series signals. */
export interface OnlineTest {
  reset(): void;
  add(value: number, centre: number): boolean;
}

/** The rule's parameters (its fields of `RuleParameters`) in one preset. */
export type ParametersOf<K extends keyof RuleParameters> = Pick<RuleParameters, K>;

export interface RuleDefinition<K extends keyof RuleParameters = keyof RuleParameters> {
  /** Its name in `spc rules`: "trend", "near-limit", "anhoej-runs". */
  readonly name: string;
  /** The signals it reports, in contract order (one; two for Anhoej's runs). */
  readonly signals: readonly RuleSignal[];
  /** Its parameters in every preset (spread into the preset's `RuleSet`, in registry order). */
  readonly presets: Readonly<Record<PresetName, ParametersOf<K>>>;
  enabled(rules: RuleSet): boolean;
  /** Consecutive points one signal spans at most (the ARL simulation's overlap); null: a whole phase. */
  window(rules: RuleSet): number | null;
  /** Flags per signal over the frame; each signal found is also reported to `spans` when given. */
  test(frame: RuleFrame, rules: RuleSet, spans?: (id: RuleId) => SpanSink): readonly (readonly [RuleId, Flags])[];
  /** Whole-phase rules: the same test fed one point at a time (for the in-control ARL). */
  online?(rules: RuleSet): OnlineTest;
  /** Its parameters in words for `spc rules`, or "off". */
  describe(rules: RuleSet): string;
  readonly overrides: readonly RuleOverride[];
}
