/** The rule sets of a report in words, with the false signals expected under each. */
import { PRESET_DESCRIPTIONS, describeRules } from '../core/presets.js';
import type { RuleSet } from '../core/types.js';
import type { MeasureRecord, ResultDocument } from '../model/document.js';
import { chartName } from './vocabulary.js';

export interface RuleSetView {
  readonly preset: string;
  /** The measures using it, when the report has several rule sets. */
  readonly measures: readonly string[] | null;
  readonly description: string | undefined;
  /** Parameters in use, in words; the names of those that are off. */
  readonly on: readonly (readonly [string, string])[];
  readonly off: readonly string[];
  /** "XmR chart of 60 points, about 2.41 flagged points (7 measures)", per chart and length. */
  readonly falseSignals: readonly string[];
}

const round2 = (x: number) => String(Number(x.toFixed(2)));

function falseSignalLines(measures: readonly MeasureRecord[]): string[] {
  const groups: { chart: string; n: number; value: number; names: string[] }[] = [];
  for (const m of measures) {
    const v = m.summary.expectedFalseSignals;
    if (v === undefined || v === null) continue;
    const hit = groups.find((g) => g.chart === m.chart && g.n === m.summary.n && g.value === v);
    if (hit) hit.names.push(m.measure);
    else groups.push({ chart: m.chart, n: m.summary.n, value: v, names: [m.measure] });
  }
  return groups.map((g) => {
    const who = g.names.length <= 2 ? g.names.join(', ') : `${g.names.length} measures`;
    return `${chartName(g.chart)} of ${g.n} points, about ${round2(g.value)} flagged point${g.value === 1 ? '' : 's'} (${who})`;
  });
}

/** The distinct rule sets of the document (in order of first use), each in words. */
export function ruleSetViews(doc: ResultDocument): RuleSetView[] {
  const sets: { key: string; rules: RuleSet; measures: MeasureRecord[] }[] = [];
  for (const m of doc.measures) {
    const key = JSON.stringify(m.rules);
    const hit = sets.find((x) => x.key === key);
    if (hit) hit.measures.push(m);
    else sets.push({ key, rules: m.rules, measures: [m] });
  }
  return sets.map((set) => {
    const words = describeRules(set.rules);
    return {
      preset: set.rules.preset,
      measures: sets.length > 1 ? set.measures.map((m) => m.measure) : null,
      description: PRESET_DESCRIPTIONS[set.rules.preset],
      on: words.filter(([, v]) => v !== 'off'),
      off: words.filter(([, v]) => v === 'off').map(([k]) => k),
      falseSignals: falseSignalLines(set.measures),
    };
  });
}
