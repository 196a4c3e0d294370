/**
 * From read series and settings to the result document: resolves periods named by options to
 * point indices, builds each measure's values, runs the core and assembles the records. No I/O.
 */
import { analyseXmr } from './core/analyse.js';
import { applyOverride, preset, RuleOptionError } from './core/presets.js';
import type { Direction, RuleSet } from './core/types.js';
import { buildMeasureRecord, SCHEMA_VERSION, type MeasureRecord, type ResultDocument } from './render/document.js';
import { inputError, usageError } from './io/errors.js';
import { parsePeriod, type DateOrder } from './io/periods.js';
import type { RawSeries } from './io/read.js';

export const DIRECTIONS: readonly Direction[] = ['higher-is-better', 'lower-is-better', 'neutral'];

export interface AnalyseSettings {
  readonly chart: 'xmr';
  readonly preset: string;
  readonly ruleOverrides: readonly string[];
  /** Overrides each measure's direction column; null: the column, else neutral. */
  readonly direction: Direction | null;
  /** Period labels (any accepted format) at which a new phase starts. */
  readonly phases: readonly string[];
  readonly baseline: number | null;
  readonly exclude: readonly string[];
  readonly screenMr: boolean;
  readonly target: number | null;
  readonly dateOrder: DateOrder;
}

/** The rule set for the settings: preset, then --screen-mr, then each --rule in order. */
export function resolveRules(settings: Pick<AnalyseSettings, 'preset' | 'ruleOverrides' | 'screenMr'>): RuleSet {
  try {
    let rules = preset(settings.preset);
    if (settings.screenMr) rules = { ...rules, screenMovingRanges: true };
    for (const o of settings.ruleOverrides) rules = applyOverride(rules, o);
    return rules;
  } catch (e) {
    if (e instanceof RuleOptionError) throw usageError(e.message);
    throw e;
  }
}

/** Indices of the rows whose period starts on the same date as each label; a label not in the series is an error. */
function indicesOf(labels: readonly string[], s: RawSeries, option: string, dateOrder: DateOrder): number[] {
  return labels.map((label) => {
    const p = parsePeriod(label, dateOrder);
    if (!p) throw usageError(`${option} ${label}: not a period (use the same form as the data, e.g. 2019-04)`);
    const i = s.rows.findIndex((r) => r.period.time === p.time);
    if (i < 0) {
      const first = s.rows[0]?.period.text;
      const last = s.rows[s.rows.length - 1]?.period.text;
      throw usageError(`${option} ${label}: measure "${s.measure}" has no such period (it runs from ${first} to ${last})`);
    }
    return i;
  });
}

export function analyseMeasure(s: RawSeries, settings: AnalyseSettings, rules: RuleSet): MeasureRecord {
  const rows = s.rows;
  // On XmR charts a denominator makes each value the ratio value / denominator (contract section 3).
  const values = rows.map((r) => {
    if (r.value === null) return null;
    if (!s.hasDenominator) return r.value;
    if (r.denominator === null) return null;
    if (r.denominator === 0) throw inputError(s.source, r.line, undefined, `zero denominator for measure "${s.measure}" at ${r.period.text}`);
    return r.value / r.denominator;
  });
  const phaseStarts = indicesOf(settings.phases, s, '--phase', settings.dateOrder);
  // A change of the optional phase column's label starts a new phase there (our extension).
  const phaseLabels: (string | undefined)[] = [];
  let currentLabel: string | null = null;
  rows.forEach((r, i) => {
    if (i === 0) currentLabel = r.phase;
    else if (r.phase !== null && r.phase !== currentLabel) {
      phaseStarts.push(i);
      currentLabel = r.phase;
    }
  });
  const excluded = indicesOf(settings.exclude, s, '--exclude', settings.dateOrder);
  const analysis = analyseXmr(values, {
    rules,
    direction: settings.direction ?? s.direction ?? 'neutral',
    phaseStarts,
    baseline: settings.baseline,
    excluded,
    target: settings.target,
  });
  for (const ph of analysis.phases) phaseLabels[ph.index] = rows[ph.start].phase ?? undefined;
  const sections = rows.map((r) => r.section).filter((x): x is string => x !== null);
  return buildMeasureRecord(
    {
      measure: s.measure,
      source: s.source,
      chart: settings.chart,
      periods: rows.map((r) => r.period),
      denominators: s.hasDenominator ? rows.map((r) => r.denominator) : null,
      notes: rows.map((r) => r.note),
      phaseLabels,
      section: sections[0],
    },
    analysis,
  );
}

export function analyseAll(series: readonly RawSeries[], settings: AnalyseSettings, version: string): ResultDocument {
  const rules = resolveRules(settings);
  if (settings.baseline !== null && !(Number.isInteger(settings.baseline) && settings.baseline >= 1)) {
    throw usageError(`--baseline ${settings.baseline}: expected a whole number of points >= 1`);
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'spc', version },
    measures: series.map((s) => analyseMeasure(s, settings, rules)),
  };
}
