/**
 * One sentence per kind of signal, keyed by rule id: adding a rule to the registry without its
 * sentence here does not compile. The words follow the plan's reading of each signal; the meaning
 * in brackets comes from the measure's direction (explain.ts).
 */
import type { RuleId } from '../core/types.js';
import { capitalise, formatValue, inARow, isObserved, meaningNote, numberWord, rangeWords, spanWords, type SentenceContext, type Signal } from './signal-words.js';

type Sentence = (c: SentenceContext, g: Signal) => string;

/** The centre of the signal's observed points when they share one, as " (123)"; else "". */
function centreOf(c: SentenceContext, g: Signal): string {
  const cs = new Set<number | null>();
  for (let i = g.from; i <= g.to; i++) if (isObserved(c.m.points[i])) cs.add(c.m.points[i].centre);
  const [only] = cs;
  return cs.size === 1 && only !== null ? ` (${formatValue(only, c.m.unit)})` : '';
}

/** Observed points from index `from` to `to`, inclusive. */
function observedBetween(c: SentenceContext, from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (isObserved(c.m.points[i])) n++;
  return n;
}

/** "In phase 2 (April 2018 to March 2021)" or "From April 2016 to March 2021" for a one-phase chart. */
function phaseIntro(c: SentenceContext, phase: number): string {
  const idx = c.m.points.flatMap((p, i) => (p.phase === phase ? [i] : []));
  if (idx.length === 0) return `In phase ${phase + 1}`;
  const dates = rangeWords(c, idx[0], idx[idx.length - 1]);
  if (c.m.phases.length <= 1) return `From ${dates},`;
  const label = c.m.phases.find((p) => p.index === phase)?.label;
  return `In phase ${phase + 1}${label ? ` ("${label}")` : ''}, ${dates},`;
}

const outsideLimits: Sentence = (c, g) => {
  const up = g.side === 'high';
  const p = c.m.points[g.from];
  const limit = up ? p.ucl : p.lcl;
  const limitText = limit === null ? '' : ` (${formatValue(limit, c.m.unit)})`;
  return `${capitalise(c.name(g.from))} (${c.value(g.from)}) was ${up ? 'above the upper' : 'below the lower'} control limit${limitText}: an unusually ${up ? 'high' : 'low'} value ${meaningNote(c, g)}.`;
};

const trend: Sentence = (c, g) => {
  const dir = g.side === 'high' ? 'rising' : 'falling';
  return `${inARow(c, g.count)} ${dir}, from ${c.name(g.from)} (${c.value(g.from)}) to ${c.name(g.to)} (${c.value(g.to)}): a ${dir} trend ${meaningNote(c, g)}.`;
};

const shift: Sentence = (c, g) => {
  const up = g.side === 'high';
  return `${inARow(c, g.count)} ${up ? 'above' : 'below'} the ${c.centre}${centreOf(c, g)}, ${spanWords(c, g.from, g.to)}: a sustained ${up ? 'rise' : 'fall'} ${meaningNote(c, g)}.`;
};

const alternating: Sentence = (c, g) => {
  const how = c.m.rules.alternatingMode === 'updown' ? 'alternating up and down' : `alternating above and below the ${c.centre}`;
  return `${inARow(c, g.count)} ${how}, ${spanWords(c, g.from, g.to)}: a saw-tooth pattern that chance rarely produces, often a sign of two alternating sources or of over-adjustment ${meaningNote(c, g)}.`;
};

function nearLimit(zone: 1 | 2): Sentence {
  return (c, g) => {
    const up = g.side === 'high';
    const where =
      zone === 2
        ? `close to the ${up ? 'upper' : 'lower'} control limit (more than two sigma ${up ? 'above' : 'below'} the ${c.centre})`
        : `more than one sigma ${up ? 'above' : 'below'} the ${c.centre}`;
    const total = observedBetween(c, g.from, g.to);
    const head =
      g.count === total
        ? `${inARow(c, g.count)} ${where}, ${spanWords(c, g.from, g.to)}`
        : `${capitalise(numberWord(g.count))} of the ${numberWord(total)} ${c.words.plural} ${spanWords(c, g.from, g.to)} were ${where}`;
    const what = zone === 2 ? `an early warning of a ${up ? 'rise' : 'fall'}` : `a modest but persistent ${up ? 'rise' : 'fall'}`;
    return `${head}: ${what} ${meaningNote(c, g)}.`;
  };
}

const hugging: Sentence = (c, g) =>
  `${inARow(c, g.count)} within one sigma of the ${c.centre}, ${spanWords(c, g.from, g.to)}: less variation than the limits allow for, which can mean the limits are too wide or the data mix different sources ${meaningNote(c, g)}.`;

const mixture: Sentence = (c, g) =>
  `${inARow(c, g.count)} more than one sigma from the ${c.centre}, on both sides, ${spanWords(c, g.from, g.to)}: the values avoid the middle, which can mean two different processes are mixed ${meaningNote(c, g)}.`;

const longestRun: Sentence = (c, g) => {
  const up = g.side === 'high';
  const runs = c.m.phases.find((p) => p.index === g.phase)?.runs;
  const r = g.run;
  const where = r
    ? `${numberWord(r.length)} ${r.length === 1 ? c.words.singular : c.words.plural} ${up ? 'above' : 'below'} the ${c.centre} (${rangeWords(c, r.from, r.to)})`
    : `${runs?.longestRun ?? g.count} points on one side of the ${c.centre}`;
  const limit = `, longer than chance allows${runs ? ` (at most ${numberWord(runs.longestRunMax)})` : ''}`;
  return `${phaseIntro(c, g.phase)} the longest run was ${where}${limit}: a sustained ${up ? 'rise' : 'fall'} ${meaningNote(c, g)}.`;
};

const crossings: Sentence = (c, g) => {
  const runs = c.m.phases.find((p) => p.index === g.phase)?.runs;
  const counts = runs
    ? ` only ${numberWord(runs.crossings)} time${runs.crossings === 1 ? '' : 's'}, fewer than chance allows (at least ${numberWord(runs.crossingsMin)})`
    : ' fewer times than chance allows';
  return `${phaseIntro(c, g.phase)} the values crossed the ${c.centre}${counts}: they stay on one side for long stretches, a sign that the process has shifted ${meaningNote(c, g)}.`;
};

export const SENTENCES: Readonly<Record<RuleId, Sentence>> = {
  'outside-limits': outsideLimits,
  trend,
  shift,
  alternating,
  'near-limit': nearLimit(2),
  'near-limit-1sigma': nearLimit(1),
  hugging,
  mixture,
  'longest-run': longestRun,
  crossings,
};
