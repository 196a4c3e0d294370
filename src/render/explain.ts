/**
 * Plain-English explanations of a measure's signals, for the report (src/render/report.ts).
 *
 * The result document records, for each point, which rules fired on it and one side; it does not
 * record which points belong to which run. `signalGroups` rebuilds the runs from the flags and the
 * values: consecutive observed points flagged by the same rule (a missing value is skipped, as the
 * rules skip it), split where the rule's side or direction changes and, unless the preset lets
 * runs cross recalculations, at a phase start. `explainGroup` words one group, `explainMeasure`
 * every group of a measure (or the common-cause sentence when there is none).
 *
 * Pure functions, no I/O; the same record always gives the same sentences.
 */
import type { RuleId, Side } from '../core/types.js';
import { RULE_IDS } from '../core/types.js';
import { inferFrequency, parsePeriod, type Granularity, type PeriodInfo } from '../io/periods.js';
import type { MeasureRecord, PointRecord } from '../model/document.js';
import { formatNumber } from './table.js';

/** One signal: the points a rule flagged together (a run, a window, one point, or a whole phase). */
export interface SignalGroup {
  readonly rule: RuleId;
  /**
   * `high`/`low`: above/below the centre line or a limit (outside-limits, shift, near-limit,
   * near-limit-1sigma, longest-run); for a trend, rising (`high`) or falling (`low`). Null for the
   * patterns that have no side (alternating, hugging, mixture, crossings).
   */
  readonly side: Side | null;
  /** Index (into `points`) of the first and last point of the group. */
  readonly from: number;
  readonly to: number;
  /** Period labels of the first and last point, as in the data. */
  readonly fromPeriod: string;
  readonly toPeriod: string;
  /** Points the rule flagged in the group (fewer than the span for a k-of-m window). */
  readonly count: number;
  /** Indices of the flagged points, in order. */
  readonly points: readonly number[];
  /** Phase of the first point. */
  readonly phase: number;
  /** Longest-run groups: where the longest run of the phase lies (indices, observed points in it). */
  readonly run?: { readonly from: number; readonly to: number; readonly length: number };
}

/** How a signal reads for the measure: by its side and the measure's direction. */
export type GroupMeaning = 'improvement' | 'concern' | 'neutral' | 'pattern';

/** Rules whose flags say nothing about better or worse (as in src/core/variation.ts). */
const PATTERN_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['alternating', 'hugging', 'mixture', 'crossings']);

const CHART_MEDIAN: ReadonlySet<string> = new Set(['run', 'g']);

// ---------------------------------------------------------------------------------------------
// Periods and frequency

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** Words for a frequency: the plural ("months"), the singular ("month") and "a month". */
export interface FrequencyWords {
  readonly frequency: Granularity | null;
  readonly plural: string;
  readonly singular: string;
}

function wordsFor(g: Granularity | null): FrequencyWords {
  switch (g) {
    case 'month':
      return { frequency: g, plural: 'months', singular: 'month' };
    case 'quarter':
    case 'financial-quarter':
      return { frequency: g, plural: 'quarters', singular: 'quarter' };
    case 'week':
      return { frequency: g, plural: 'weeks', singular: 'week' };
    case 'day':
      return { frequency: g, plural: 'days', singular: 'day' };
    case 'year':
    case 'financial-year':
      return { frequency: g, plural: 'years', singular: 'year' };
    default:
      return { frequency: null, plural: 'points', singular: 'point' };
  }
}

/**
 * The measure's frequency, from its period labels (parsed as the reader parses them) or, when a
 * label does not parse, from the start dates alone. Null when the periods mix frequencies.
 */
export function measureFrequency(m: MeasureRecord): Granularity | null {
  if (m.points.length === 0) return null;
  const parsed = m.points.map((p) => parsePeriod(p.period));
  const dated = (p: PointRecord): PeriodInfo => ({ text: p.date, date: p.date, time: Date.parse(`${p.date}T00:00:00Z`), granularity: 'day' });
  const infos = parsed.every((x, i) => x !== null && x.date === m.points[i].date) ? (parsed as PeriodInfo[]) : m.points.map(dated);
  return inferFrequency(infos);
}

/** "months", "quarters", "weeks", "days", "years" (or "points"), for the measure's frequency. */
export function frequencyWords(m: MeasureRecord): FrequencyWords {
  return wordsFor(measureFrequency(m));
}

/** A period as it reads in a sentence: "May 2020", "Q2 2020", "Q1 2021/22", "4 January 2021". */
export function periodName(p: PointRecord, frequency: Granularity | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.date);
  if (!m) return p.period;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const month = MONTH_NAMES[mo - 1];
  if (month === undefined) return p.period;
  switch (frequency) {
    case 'month':
      return `${month} ${y}`;
    case 'quarter':
      return `Q${Math.floor((mo - 1) / 3) + 1} ${y}`;
    case 'financial-quarter': {
      const fy = mo >= 4 ? y : y - 1;
      const q = Math.floor(((mo + 8) % 12) / 3) + 1;
      return `Q${q} ${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
    }
    case 'year':
      return String(y);
    case 'financial-year': {
      const fy = mo >= 4 ? y : y - 1;
      return `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
    }
    case 'week':
      return `the week of ${d} ${month} ${y}`;
    case 'day':
      return `${d} ${month} ${y}`;
    default:
      return p.period;
  }
}

// ---------------------------------------------------------------------------------------------
// Grouping

const isObserved = (p: PointRecord) => p.value !== null;
const has = (p: PointRecord, rule: RuleId) => p.signals.includes(rule);
const sign = (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** +1 above the centre line, -1 below, 0 on it (or no centre line). */
function sideOfCentre(p: PointRecord): number {
  if (p.value === null || p.centre === null) return 0;
  return sign(p.value - p.centre);
}

function makeGroup(m: MeasureRecord, rule: RuleId, side: Side | null, indices: readonly number[], extra: Partial<SignalGroup> = {}): SignalGroup {
  const from = indices[0];
  const to = indices[indices.length - 1];
  return {
    rule,
    side,
    from,
    to,
    fromPeriod: m.points[from].period,
    toPeriod: m.points[to].period,
    count: indices.length,
    points: indices,
    phase: m.points[from].phase,
    ...extra,
  };
}

/**
 * Splits the flagged observed points of one rule into chains of consecutive observed points,
 * broken at a phase start when runs do not cross phases.
 */
function chains(m: MeasureRecord, obs: readonly number[], rule: RuleId): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let prevFlagged = false;
  let prevPhase = -1;
  for (const i of obs) {
    const p = m.points[i];
    const crossesPhase = !m.rules.runsCrossPhases && prevPhase !== -1 && p.phase !== prevPhase;
    if (has(p, rule)) {
      if (!prevFlagged || crossesPhase) {
        if (current.length) out.push(current);
        current = [];
      }
      current.push(i);
      prevFlagged = true;
    } else {
      prevFlagged = false;
    }
    prevPhase = p.phase;
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Splits a chain into monotone runs (trend) or alternating runs (alternating up and down). A
 * turning point belongs to the run that ends and the run that starts there, as in the rule; a
 * tie ends a run without sharing.
 */
function splitBySteps(m: MeasureRecord, chain: readonly number[], alternate: boolean): { indices: number[]; dir: number }[] {
  const v = (i: number) => m.points[i].value as number;
  const out: { indices: number[]; dir: number }[] = [];
  let cur: number[] = [chain[0]];
  let dir = 0; // trend: the direction of the run; alternating: the previous step
  for (let t = 1; t < chain.length; t++) {
    const step = sign(v(chain[t]) - v(chain[t - 1]));
    const continues = step !== 0 && (dir === 0 || (alternate ? step === -dir : step === dir));
    if (continues) {
      cur.push(chain[t]);
      if (dir === 0 && !alternate) dir = step;
      if (alternate) dir = step;
      continue;
    }
    out.push({ indices: cur, dir: alternate ? 0 : dir });
    if (step === 0) {
      cur = [chain[t]];
      dir = 0;
    } else {
      cur = [chain[t - 1], chain[t]];
      dir = step;
    }
  }
  out.push({ indices: cur, dir: alternate ? 0 : dir });
  // A lone point left between two runs (only possible with hand-made flags) is kept as it is.
  return out;
}

/** Splits a chain where consecutive points stop alternating about the centre line. */
function splitBySides(m: MeasureRecord, chain: readonly number[]): number[][] {
  const out: number[][] = [];
  let cur: number[] = [chain[0]];
  for (let t = 1; t < chain.length; t++) {
    const a = sideOfCentre(m.points[chain[t - 1]]);
    const b = sideOfCentre(m.points[chain[t]]);
    if (a !== 0 && b === -a) cur.push(chain[t]);
    else {
      out.push(cur);
      cur = [chain[t]];
    }
  }
  out.push(cur);
  return out;
}

/** Splits a chain where the side of the centre line changes (0 counts as high, as the rules do). */
function splitBySide(m: MeasureRecord, chain: readonly number[]): { indices: number[]; side: Side }[] {
  const out: { indices: number[]; side: Side }[] = [];
  for (const i of chain) {
    const side: Side = sideOfCentre(m.points[i]) < 0 ? 'low' : 'high';
    const last = out[out.length - 1];
    if (last && last.side === side) last.indices.push(i);
    else out.push({ indices: [i], side });
  }
  return out;
}

/** Near-limit windows: flagged points on one side, fewer than `window` observed points apart. */
function windowGroups(m: MeasureRecord, obs: readonly number[], rule: 'near-limit' | 'near-limit-1sigma'): SignalGroup[] {
  const w = (rule === 'near-limit' ? m.rules.nearLimit : m.rules.nearLimit1Sigma)?.window ?? 3;
  const groups: SignalGroup[] = [];
  for (const side of ['high', 'low'] as const) {
    let cur: number[] = [];
    let lastPos = -Infinity;
    obs.forEach((i, pos) => {
      const p = m.points[i];
      if (!has(p, rule) || (sideOfCentre(p) < 0 ? 'low' : 'high') !== side) return;
      const prev = cur[cur.length - 1];
      const phaseBreak = prev !== undefined && !m.rules.runsCrossPhases && m.points[prev].phase !== p.phase;
      if (cur.length && (pos - lastPos >= w || phaseBreak)) {
        groups.push(makeGroup(m, rule, side, cur));
        cur = [];
      }
      cur.push(i);
      lastPos = pos;
    });
    if (cur.length) groups.push(makeGroup(m, rule, side, cur));
  }
  return groups;
}

/** Where the longest run of a phase lies (the first one, as the run analysis counts it). */
function longestRunOf(m: MeasureRecord, phase: number): { from: number; to: number; length: number; side: Side } | null {
  let best: { from: number; to: number; length: number; side: Side } | null = null;
  let start = -1;
  let last = -1;
  let len = 0;
  let side = 0;
  m.points.forEach((p, i) => {
    if (p.phase !== phase || !isObserved(p)) return;
    const s = sideOfCentre(p);
    if (s === 0) return;
    if (s === side) {
      len++;
      last = i;
    } else {
      side = s;
      start = i;
      last = i;
      len = 1;
    }
    if (best === null || len > best.length) best = { from: start, to: last, length: len, side: side > 0 ? 'high' : 'low' };
  });
  return best;
}

/**
 * The signals of a measure, grouped: each run of a trend, a shift, an alternating run, a hugging
 * or mixture run; each near-limit window (k of m flagged points on one side); each point outside
 * the limits; and, for Anhoej's longest-run and crossings rules (which judge a phase as a whole),
 * one group per phase. Ordered by first point, then by rule (the order of `RULE_IDS`).
 */
export function signalGroups(m: MeasureRecord): SignalGroup[] {
  const obs = m.points.flatMap((p, i) => (isObserved(p) ? [i] : []));
  const groups: SignalGroup[] = [];
  for (const rule of RULE_IDS) {
    if (!obs.some((i) => has(m.points[i], rule))) continue;
    switch (rule) {
      case 'outside-limits':
        for (const i of obs) {
          const p = m.points[i];
          if (!has(p, rule)) continue;
          const high = p.ucl !== null && p.value! > p.ucl ? true : p.lcl !== null && p.value! < p.lcl ? false : sideOfCentre(p) >= 0;
          groups.push(makeGroup(m, rule, high ? 'high' : 'low', [i]));
        }
        break;
      case 'trend':
        for (const chain of chains(m, obs, rule)) {
          for (const run of splitBySteps(m, chain, false)) groups.push(makeGroup(m, rule, run.dir < 0 ? 'low' : 'high', run.indices));
        }
        break;
      case 'shift':
        for (const chain of chains(m, obs, rule)) for (const run of splitBySide(m, chain)) groups.push(makeGroup(m, rule, run.side, run.indices));
        break;
      case 'alternating':
        for (const chain of chains(m, obs, rule)) {
          const runs = m.rules.alternatingMode === 'updown' ? splitBySteps(m, chain, true).map((r) => r.indices) : splitBySides(m, chain);
          for (const run of runs) groups.push(makeGroup(m, rule, null, run));
        }
        break;
      case 'near-limit':
      case 'near-limit-1sigma':
        groups.push(...windowGroups(m, obs, rule));
        break;
      case 'hugging':
      case 'mixture':
        for (const chain of chains(m, obs, rule)) groups.push(makeGroup(m, rule, null, chain));
        break;
      case 'longest-run':
      case 'crossings': {
        const phases = [...new Set(obs.filter((i) => has(m.points[i], rule)).map((i) => m.points[i].phase))];
        for (const phase of phases) {
          const idx = obs.filter((i) => m.points[i].phase === phase && has(m.points[i], rule));
          if (rule === 'crossings') {
            groups.push(makeGroup(m, rule, null, idx));
            continue;
          }
          const run = longestRunOf(m, phase);
          groups.push(makeGroup(m, rule, run?.side ?? null, idx, run ? { run: { from: run.from, to: run.to, length: run.length } } : {}));
        }
        break;
      }
    }
  }
  return groups.sort((a, b) => a.from - b.from || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) || a.to - b.to);
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

/** The meaning of a group: improvement or concern by the measure's direction, neutral, or a pattern. */
export function groupMeaning(m: MeasureRecord, g: SignalGroup): GroupMeaning {
  if (PATTERN_RULES.has(g.rule) || g.side === null) return 'pattern';
  if (m.direction === 'neutral') return 'neutral';
  const better: Side = m.direction === 'higher-is-better' ? 'high' : 'low';
  return g.side === better ? 'improvement' : 'concern';
}

function meaningWords(m: MeasureRecord, meaning: GroupMeaning): string {
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

/** "average" (mean centre line), "median" (run and g charts), "centre line" (t charts). */
export function centreWord(m: MeasureRecord): string {
  const c = m.chart.toLowerCase();
  if (CHART_MEDIAN.has(c)) return 'median';
  if (c === 't') return 'centre line';
  return 'average';
}

/** The centre of the group's points when they share one, as " (123)"; else "". */
function centreOf(m: MeasureRecord, g: SignalGroup): string {
  const cs = [...new Set(g.points.map((i) => m.points[i].centre))];
  return cs.length === 1 && cs[0] !== null ? ` (${formatValue(cs[0], m.unit)})` : '';
}

interface Ctx {
  readonly m: MeasureRecord;
  readonly words: FrequencyWords;
  readonly name: (i: number) => string;
  readonly value: (i: number) => string;
}

/** One context per record (records are immutable): the frequency is inferred once. */
const contexts = new WeakMap<MeasureRecord, Ctx>();

function context(m: MeasureRecord): Ctx {
  const hit = contexts.get(m);
  if (hit) return hit;
  const words = frequencyWords(m);
  const c: Ctx = {
    m,
    words,
    name: (i) => periodName(m.points[i], words.frequency),
    value: (i) => formatValue(m.points[i].value, m.unit),
  };
  contexts.set(m, c);
  return c;
}

/** "from May 2020 to December 2020", or "in May 2020" for a single period. */
function span(c: Ctx, from: number, to: number): string {
  return from === to ? `in ${c.name(from)}` : `from ${c.name(from)} to ${c.name(to)}`;
}

/** "May 2020 to December 2020", or "May 2020" for a single period. */
function range(c: Ctx, from: number, to: number): string {
  return from === to ? c.name(from) : `${c.name(from)} to ${c.name(to)}`;
}

/** Observed points from index `from` to `to`, inclusive. */
function observedBetween(m: MeasureRecord, from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (isObserved(m.points[i])) n++;
  return n;
}

/** "Eight months in a row" */
function inARow(c: Ctx, n: number): string {
  return `${capitalise(numberWord(n))} ${n === 1 ? c.words.singular : c.words.plural} in a row`;
}

/** "In phase 2 (April 2018 to March 2021)" or "From April 2016 to March 2021" for a one-phase chart. */
function phaseIntro(c: Ctx, phase: number): string {
  const idx = c.m.points.flatMap((p, i) => (p.phase === phase ? [i] : []));
  if (idx.length === 0) return `In phase ${phase + 1}`;
  const dates = range(c, idx[0], idx[idx.length - 1]);
  if (c.m.phases.length <= 1) return `From ${dates},`;
  const label = c.m.phases.find((p) => p.index === phase)?.label;
  return `In phase ${phase + 1}${label ? ` ("${label}")` : ''}, ${dates},`;
}

function sentence(c: Ctx, g: SignalGroup): string {
  const m = c.m;
  const meaning = `(${meaningWords(m, groupMeaning(m, g))})`;
  const centre = centreWord(m);
  const up = g.side === 'high';
  switch (g.rule) {
    case 'outside-limits': {
      const p = m.points[g.from];
      const limit = up ? p.ucl : p.lcl;
      const limitText = limit === null ? '' : ` (${formatValue(limit, m.unit)})`;
      return `${capitalise(c.name(g.from))} (${c.value(g.from)}) was ${up ? 'above the upper' : 'below the lower'} control limit${limitText}: an unusually ${up ? 'high' : 'low'} value ${meaning}.`;
    }
    case 'trend':
      return `${inARow(c, g.count)} ${up ? 'rising' : 'falling'}, from ${c.name(g.from)} (${c.value(g.from)}) to ${c.name(g.to)} (${c.value(g.to)}): a ${up ? 'rising' : 'falling'} trend ${meaning}.`;
    case 'shift':
      return `${inARow(c, g.count)} ${up ? 'above' : 'below'} the ${centre}${centreOf(m, g)}, ${span(c, g.from, g.to)}: a sustained ${up ? 'rise' : 'fall'} ${meaning}.`;
    case 'alternating': {
      const how = m.rules.alternatingMode === 'updown' ? 'alternating up and down' : `alternating above and below the ${centre}`;
      return `${inARow(c, g.count)} ${how}, ${span(c, g.from, g.to)}: a saw-tooth pattern that chance rarely produces, often a sign of two alternating sources or of over-adjustment ${meaning}.`;
    }
    case 'near-limit':
    case 'near-limit-1sigma': {
      const where =
        g.rule === 'near-limit'
          ? `close to the ${up ? 'upper' : 'lower'} control limit (more than two sigma ${up ? 'above' : 'below'} the ${centre})`
          : `more than one sigma ${up ? 'above' : 'below'} the ${centre}`;
      const total = observedBetween(m, g.from, g.to);
      const head =
        g.count === total
          ? `${inARow(c, g.count)} ${where}, ${span(c, g.from, g.to)}`
          : `${capitalise(numberWord(g.count))} of the ${numberWord(total)} ${c.words.plural} ${span(c, g.from, g.to)} were ${where}`;
      const what = g.rule === 'near-limit' ? `an early warning of a ${up ? 'rise' : 'fall'}` : `a modest but persistent ${up ? 'rise' : 'fall'}`;
      return `${head}: ${what} ${meaning}.`;
    }
    case 'hugging':
      return `${inARow(c, g.count)} within one sigma of the ${centre}, ${span(c, g.from, g.to)}: less variation than the limits allow for, which can mean the limits are too wide or the data mix different sources ${meaning}.`;
    case 'mixture':
      return `${inARow(c, g.count)} more than one sigma from the ${centre}, on both sides, ${span(c, g.from, g.to)}: the values avoid the middle, which can mean two different processes are mixed ${meaning}.`;
    case 'longest-run': {
      const runs = m.phases.find((p) => p.index === g.phase)?.runs;
      const r = g.run;
      const where = r ? `${numberWord(r.length)} ${r.length === 1 ? c.words.singular : c.words.plural} ${up ? 'above' : 'below'} the ${centre} (${range(c, r.from, r.to)})` : `${runs?.longestRun ?? g.count} points on one side of the ${centre}`;
      const limit = `, longer than chance allows${runs ? ` (at most ${numberWord(runs.longestRunMax)})` : ''}`;
      return `${phaseIntro(c, g.phase)} the longest run was ${where}${limit}: a sustained ${up ? 'rise' : 'fall'} ${meaning}.`;
    }
    case 'crossings': {
      const runs = m.phases.find((p) => p.index === g.phase)?.runs;
      const counts = runs
        ? ` only ${numberWord(runs.crossings)} time${runs.crossings === 1 ? '' : 's'}, fewer than chance allows (at least ${numberWord(runs.crossingsMin)})`
        : ' fewer times than chance allows';
      return `${phaseIntro(c, g.phase)} the values crossed the ${centre}${counts}: they stay on one side for long stretches, a sign that the process has shifted ${meaning}.`;
    }
  }
}

/** One sentence for one signal group. */
export function explainGroup(m: MeasureRecord, g: SignalGroup): string {
  return sentence(context(m), g);
}

/**
 * The explanation of a measure: one sentence per signal group, in order; with no signal, the
 * common-cause sentence; with no limits (too few points), a sentence saying so.
 */
export function explainMeasure(m: MeasureRecord): string[] {
  const c = context(m);
  const groups = signalGroups(m);
  if (groups.length) return groups.map((g) => sentence(c, g));
  const observed = m.points.filter(isObserved);
  if (observed.length === 0) return ['No data: every period is missing, so there is nothing to judge.'];
  const isRun = m.chart.toLowerCase() === 'run';
  const hasLimits = m.points.some((p) => p.ucl !== null || p.lcl !== null);
  if (!isRun && !hasLimits) {
    return ['No signals can be judged yet: there are too few points for control limits (see the warnings).'];
  }
  return [`No signals: the variation seen is what this process normally produces; the process is stable around ${stableLevel(c)}.`];
}

/** "123 a month", "12.5%", "a median of 40 a week", with " since April 2018" after a recalculation. */
function stableLevel(c: Ctx): string {
  const m = c.m;
  const lastPhase = m.phases[m.phases.length - 1];
  let latest = -1;
  for (let i = m.points.length - 1; i >= 0; i--) if (isObserved(m.points[i]) && m.points[i].centre !== null) { latest = i; break; }
  const centre = latest >= 0 ? m.points[latest].centre : m.summary.centre;
  const chart = m.chart.toLowerCase();
  // Per period reads naturally for counts (not for rates, proportions, times between events, ...).
  const isRate = m.points.some((p) => p.denominator !== null) || (m.unit !== undefined && /%|per\b|rate|ratio/i.test(m.unit));
  const perPeriod = !isRate && c.words.frequency !== null && ['xmr', 'c', 'np', 'run'].includes(chart) ? ` a ${c.words.singular}` : '';
  const level = `${CHART_MEDIAN.has(chart) ? 'a median of ' : ''}${formatValue(centre, m.unit)}${perPeriod}`;
  if (m.phases.length > 1 && lastPhase && latest >= 0) {
    const first = m.points.findIndex((p) => p.phase === lastPhase.index);
    if (first >= 0) return `${level} since ${c.name(first)}`;
  }
  return level;
}
