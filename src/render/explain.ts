/**
 * Plain-English explanations of a measure's signals, for the report: one sentence per signal (the
 * core's spans, in order; sentences.ts), or the common-cause sentence when there is none, or why
 * nothing can be judged. Pure: the same record always gives the same sentences.
 */
import { CHARTS } from '../core/charts/index.js';
import type { MeasureRecord } from '../model/document.js';
import { SENTENCES } from './sentences.js';
import { formatValue, isObserved, measureSignals, sentenceContext, type SentenceContext, type Signal } from './signal-words.js';

/** One sentence for one signal. */
export function explainSignal(c: SentenceContext, g: Signal): string {
  return SENTENCES[g.rule](c, g);
}

/**
 * The explanation of a measure: one sentence per signal, in order; with no signal, the
 * common-cause sentence; with no limits (too few points), a sentence saying so.
 */
export function explainMeasure(m: MeasureRecord): string[] {
  const c = sentenceContext(m);
  const signals = measureSignals(m);
  if (signals.length) return signals.map((g) => explainSignal(c, g));
  return [noSignalSentence(c)];
}

/** The sentence for a measure without signals. */
export function noSignalSentence(c: SentenceContext): string {
  const m = c.m;
  if (!m.points.some(isObserved)) return 'No data: every period is missing, so there is nothing to judge.';
  const chartHasLimits = CHARTS[m.chart]?.hasLimits ?? true;
  const hasLimits = m.points.some((p) => p.ucl !== null || p.lcl !== null);
  if (chartHasLimits && !hasLimits) return 'No signals can be judged yet: there are too few points for control limits (see the warnings).';
  return `No signals: the variation seen is what this process normally produces; the process is stable around ${stableLevel(c)}.`;
}

/** "123 a month", "12.5%", "a median of 40 a week", with " since April 2018" after a recalculation. */
function stableLevel(c: SentenceContext): string {
  const m = c.m;
  const lastPhase = m.phases[m.phases.length - 1];
  let latest = -1;
  for (let i = m.points.length - 1; i >= 0; i--) if (isObserved(m.points[i]) && m.points[i].centre !== null) { latest = i; break; }
  const centre = latest >= 0 ? m.points[latest].centre : m.summary.centre;
  const chart = CHARTS[m.chart];
  // Per period reads naturally for counts (not for rates, proportions, times between events, ...).
  const isRate = m.points.some((p) => p.denominator !== null) || (m.unit !== undefined && /%|per\b|rate|ratio/i.test(m.unit));
  const perPeriod = !isRate && c.words.frequency !== null && chart?.levelPerPeriod ? ` a ${c.words.singular}` : '';
  const level = `${chart?.centre === 'median' ? 'a median of ' : ''}${formatValue(centre, m.unit)}${perPeriod}`;
  if (m.phases.length > 1 && lastPhase && latest >= 0) {
    const first = m.points.findIndex((p) => p.phase === lastPhase.index);
    if (first >= 0) return `${level} since ${c.name(first)}`;
  }
  return level;
}
