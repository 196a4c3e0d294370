/**
 * What the report's sentences about signals are made of: each signal of a measure with point
 * indices (from the result document's `spans`: the core found them, nothing here re-detects a
 * run), its meaning for the measure's direction, and words for values, periods and counts.
 * Pure functions, no I/O.
 */
import { CHARTS } from '../core/charts/index.js';
import { isDirectional } from '../core/rules/index.js';
import type { RuleId, Side } from '../core/types.js';
import type { MeasureRecord, PointRecord } from '../model/document.js';
import { frequencyWords, periodName, type FrequencyWords } from './period-words.js';
import { formatNumber } from './table.js';

/** One signal of a measure, with point indices (from the document's span, periods as labels). */
export interface Signal {
  readonly rule: RuleId;
  /** high / low (rising / falling for a trend); null for patterns without a side. */
  readonly side: Side | null;
  /** Index (into `points`) of the first and last point the rule flagged. */
  readonly from: number;
  readonly to: number;
  /** Points the rule flagged in it. */
  readonly count: number;
  /** Phase of the first point. */
  readonly phase: number;
  /** Long runs: where the phase's longest run lies (indices) and its length. */
  readonly run?: { readonly from: number; readonly to: number; readonly length: number };
}

/** How a signal reads for the measure: by its side and the measure's direction. */
export type SignalMeaning = 'improvement' | 'concern' | 'neutral' | 'pattern';

/** The measure's signals with point indices, in the document's order. */
export function measureSignals(m: MeasureRecord): Signal[] {
  const at = new Map(m.points.map((p, i) => [p.period, i]));
  return (m.spans ?? []).map((s) => {
    const from = at.get(s.start)!;
    const run = s.run ? { from: at.get(s.run.start)!, to: at.get(s.run.end)!, length: s.run.length } : undefined;
    const signal = { rule: s.rule, side: s.side, from, to: at.get(s.end)!, count: s.points, phase: m.points[from].phase };
    return run ? { ...signal, run } : signal;
  });
}

// ---------------------------------------------------------------------------------------------
// Words

const SMALL = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/** "eight" for 8, "21" for 21. */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < SMALL.length ? SMALL[n] : String(n);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A value with its unit: "12.5%", "£1200", "123 incidents", "123". */
export function formatValue(v: number | null, unit?: string): string {
  const n = formatNumber(v);
  if (v === null || !unit) return n;
  const u = unit.trim();
  if (u === '') return n;
  if (u === '%') return `${n}%`;
  if (/^[£$€¥]$/.test(u)) return v < 0 ? `-${u}${n.slice(1)}` : `${u}${n}`;
  return `${n} ${u}`;
}

/** The meaning of a signal: improvement or concern by the measure's direction, neutral, or a pattern. */
export function signalMeaning(m: MeasureRecord, g: Signal): SignalMeaning {
  if (!isDirectional(g.rule) || g.side === null) return 'pattern';
  if (m.direction === 'neutral') return 'neutral';
  const better: Side = m.direction === 'higher-is-better' ? 'high' : 'low';
  return g.side === better ? 'improvement' : 'concern';
}

function meaningWords(m: MeasureRecord, meaning: SignalMeaning): string {
  const as = m.direction === 'higher-is-better' ? 'higher is better' : 'lower is better';
  switch (meaning) {
    case 'improvement':
      return `an improvement, as ${as}`;
    case 'concern':
      return `a concern, as ${as}`;
    case 'neutral':
      return 'neither better nor worse: this measure has no preferred direction';
    case 'pattern':
      return 'neither better nor worse, but worth understanding';
  }
}

/** "average" (a mean centre line), "median" (run and g charts), "centre line" (t charts). */
export function centreWord(m: MeasureRecord): string {
  const centre = CHARTS[m.chart]?.centre ?? 'mean';
  return centre === 'median' ? 'median' : centre === 'transformed-mean' ? 'centre line' : 'average';
}

/** What the sentences of one measure share. */
export interface SentenceContext {
  readonly m: MeasureRecord;
  readonly words: FrequencyWords;
  /** A point's period as it reads in a sentence, and its value with the unit. */
  readonly name: (i: number) => string;
  readonly value: (i: number) => string;
  readonly centre: string;
}

export function sentenceContext(m: MeasureRecord): SentenceContext {
  const words = frequencyWords(m.granularity ?? null);
  return {
    m,
    words,
    name: (i) => periodName(m.points[i], words.frequency),
    value: (i) => formatValue(m.points[i].value, m.unit),
    centre: centreWord(m),
  };
}

/** "from May 2020 to December 2020", or "in May 2020" for a single period. */
export function spanWords(c: SentenceContext, from: number, to: number): string {
  return from === to ? `in ${c.name(from)}` : `from ${c.name(from)} to ${c.name(to)}`;
}

/** "May 2020 to December 2020", or "May 2020" for a single period. */
export function rangeWords(c: SentenceContext, from: number, to: number): string {
  return from === to ? c.name(from) : `${c.name(from)} to ${c.name(to)}`;
}

/** "Eight months in a row" */
export function inARow(c: SentenceContext, n: number): string {
  return `${capitalise(numberWord(n))} ${n === 1 ? c.words.singular : c.words.plural} in a row`;
}

export { capitalise };

/** "(an improvement, as lower is better)" */
export function meaningNote(c: SentenceContext, g: Signal): string {
  return `(${meaningWords(c.m, signalMeaning(c.m, g))})`;
}

export const isObserved = (p: PointRecord) => p.value !== null;
