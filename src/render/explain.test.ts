/**
 * The signals of a measure (the core's spans, as the result document carries them) and their
 * plain-English explanations: one small series per signal kind, analysed with only that rule on,
 * so each case shows exactly one kind of signal. Expected spans are worked out by hand from the
 * rule definitions (docs/methods.md).
 */
import { describe, expect, it } from 'vitest';
import { analyse, preset } from '../core/index.js';
import type { ChartType, Direction, RuleSet } from '../core/index.js';
import { buildMeasureRecord, type MeasureRecord } from '../model/document.js';
import { inferFrequency, parsePeriod } from '../io/periods.js';
import { explainMeasure, explainSignal } from './explain.js';
import { frequencyWords, periodName } from './period-words.js';
import { formatValue, measureSignals, numberWord, sentenceContext, signalMeaning } from './signal-words.js';

/** Every rule off: each case turns on the one it tests. */
const OFF: Partial<RuleSet> = {
  outsideLimits: false,
  trend: null,
  shift: null,
  alternating: null,
  nearLimit: null,
  nearLimit1Sigma: null,
  hugging: null,
  mixture: null,
  runsAnalysis: false,
};

interface Opts {
  readonly direction?: Direction;
  readonly chart?: ChartType;
  readonly phaseStarts?: number[];
  readonly base?: string;
  /** Period labels: monthly from 2020-01 unless given. */
  readonly periods?: (i: number) => string;
  readonly unit?: string;
}

const monthly = (i: number) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

function record(values: (number | null)[], only: Partial<RuleSet>, opts: Opts = {}): MeasureRecord {
  const rules: RuleSet = { ...preset(opts.base ?? 'default'), ...OFF, ...only };
  const periods = values.map((_, i) => parsePeriod((opts.periods ?? monthly)(i))!);
  const chart = opts.chart ?? 'xmr';
  const a = analyse({ values }, { rules, direction: opts.direction ?? 'lower-is-better', chart, phaseStarts: opts.phaseStarts ?? [] });
  const granularity = inferFrequency(periods);
  return buildMeasureRecord({ measure: 'M', source: 'x.csv', chart, periods, granularity, denominators: null, ...(opts.unit ? { unit: opts.unit } : {}) }, a);
}

const NEAR_3_OF_3 = { count: 3, window: 3, beyondLimitCounts: true, windowSameSide: true };

/** Each signal kind: a series, the rule turned on, options, and the groups expected (rule side from to count). */
const CASES: Record<string, { values: (number | null)[]; only: Partial<RuleSet>; opts?: Opts; groups: string[] }> = {
  'outside-limits high': {
    values: [10, 11, 9, 10, 12, 10, 9, 11, 10, 30, 10, 11, 9, 10],
    only: { outsideLimits: true },
    groups: ['outside-limits high 2020-10 2020-10 1'],
  },
  'outside-limits low': {
    values: [10, 11, 9, 10, 12, 10, 9, 11, 10, -10, 10, 11, 9, 10],
    only: { outsideLimits: true },
    groups: ['outside-limits low 2020-10 2020-10 1'],
  },
  'trend up': {
    values: [5, 3, 6, 4, 5, 1, 2, 3, 4, 5, 6, 7, 4, 5, 3, 6],
    only: { trend: 6 },
    groups: ['trend high 2020-06 2020-12 7'],
  },
  'trend down': {
    values: [5, 3, 6, 4, 5, 7, 6, 5, 4, 3, 2, 1, 4, 5, 3, 6],
    only: { trend: 6 },
    groups: ['trend low 2020-06 2020-12 7'],
  },
  'shift above and below': {
    values: [5, 7, 6, 4, 5, 7, 4, 6, 3, 5, 2, 1, 2, 3, 1, 2, 3, 2],
    only: { shift: 8 },
    groups: ['shift high 2020-01 2020-08 8', 'shift low 2020-11 2021-06 8'],
  },
  alternating: {
    values: [5, 6, 5, 7, 6, 2, 8, 2, 8, 2, 8, 2, 8, 2, 8, 2, 8, 2, 8, 2, 6, 5],
    only: { alternating: 14 },
    opts: { direction: 'neutral' },
    groups: ['alternating null 2020-05 2021-10 18'],
  },
  'alternating up and down': {
    values: [5, 6, 5, 7, 6, 2, 8, 3, 7, 4, 9, 1, 8, 2, 8, 2, 8, 2, 8, 2, 6, 5],
    only: { alternating: 14, alternatingMode: 'updown' },
    groups: ['alternating null 2020-05 2021-10 18'],
  },
  'near-limit': {
    values: [10, 12, 8, 11, 9, 10, 12, 8, 10, 11, 9, 10, 16, 16.5, 16, 10, 9, 11, 10],
    only: { nearLimit: NEAR_3_OF_3 },
    groups: ['near-limit high 2021-01 2021-03 3'],
  },
  'near-limit 2 of 3': {
    values: [10, 12, 8, 11, 9, 10, 12, 8, 10, 11, 9, 10, 16, 11, 16, 10, 9, 11, 10],
    only: { nearLimit: { count: 2, window: 3, beyondLimitCounts: true, windowSameSide: false } },
    groups: ['near-limit high 2021-01 2021-03 2'],
  },
  'near-limit-1sigma': {
    values: [10, 12, 8, 11, 9, 10, 12, 8, 10, 11, 9, 10, 7, 7.5, 10, 7, 7.2, 10, 9, 11, 10],
    only: { nearLimit1Sigma: { count: 4, window: 5, beyondLimitCounts: true, windowSameSide: false } },
    groups: ['near-limit-1sigma low 2021-01 2021-05 4'],
  },
  hugging: {
    values: [10, 20, 0, 20, 0, 20, 0, 10, 10.5, 9.5, 10, 11, 9, 10, 10.2, 9.8, 10, 10.5, 9.5, 10, 11, 9.4, 10, 0, 20],
    only: { hugging: 15 },
    groups: ['hugging null 2020-08 2021-11 16'],
  },
  mixture: {
    values: [10, 11, 9, 10, 12, 8, 10, 11, 9, 14, 6, 14, 6, 15, 5, 14, 6, 10, 11, 9, 10],
    only: { mixture: 8 },
    groups: ['mixture null 2020-10 2021-05 8'],
  },
  'longest-run': {
    // 30 points alternating about the mean, then 10 above it: a run of 11, more than 8.
    values: [...Array.from({ length: 30 }, (_, i) => (i % 2 ? 1 : -1)), ...Array.from({ length: 10 }, () => 1)],
    only: { runsAnalysis: true },
    opts: { direction: 'higher-is-better' },
    groups: ['longest-run high 2020-01 2023-04 40'],
  },
  crossings: {
    // Runs of five on alternate sides: 5 crossings in 30 points (10 needed), no run longer than 8.
    values: Array.from({ length: 30 }, (_, i) => (Math.floor(i / 5) % 2 ? -1 : 1)),
    only: { runsAnalysis: true },
    opts: { direction: 'neutral' },
    groups: ['crossings null 2020-01 2022-06 30'],
  },
  'run chart: longest run and crossings': {
    values: [5, 6, 4, 5, 6, 4, 5, 6, 4, 5, 7, 8, 7, 9, 8, 7, 8, 9, 8, 7, 8, 9, 6, 4],
    only: { runsAnalysis: true },
    opts: { chart: 'run', direction: 'higher-is-better' },
    groups: ['longest-run high 2020-01 2021-12 24', 'crossings null 2020-01 2021-12 24'],
  },
};

const brief = (m: MeasureRecord) => measureSignals(m).map((g) => `${g.rule} ${g.side} ${m.points[g.from].period} ${m.points[g.to].period} ${g.count}`);
const explainFirst = (m: MeasureRecord) => explainSignal(sentenceContext(m), measureSignals(m)[0]);

describe('signals for each signal kind', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      const m = record(c.values, c.only, c.opts);
      expect(brief(m)).toEqual(c.groups);
    });
  }
});

describe('explanation sentences for each signal kind', () => {
  it('match the snapshot', () => {
    const sentences = Object.fromEntries(Object.entries(CASES).map(([name, c]) => [name, explainMeasure(record(c.values, c.only, c.opts))]));
    expect(sentences).toMatchSnapshot();
  });

  it('word a shift as in the issue, with the direction', () => {
    const m = record([5, 3, 6, 4, 5, 3, 4, 6, 3, 5, 7, 8, 7, 9, 8, 7, 8, 9], { shift: 8 }, { direction: 'lower-is-better' });
    expect(explainMeasure(m)).toEqual([
      'Eight months in a row above the average (5.94), from November 2020 to June 2021: a sustained rise (a concern, as lower is better).',
    ]);
  });

  it('say improvement, concern or neither by the direction', () => {
    const values = CASES['outside-limits high'].values;
    const words = (['higher-is-better', 'lower-is-better', 'neutral'] as const).map((direction) => {
      const m = record(values, { outsideLimits: true }, { direction });
      return [signalMeaning(m, measureSignals(m)[0]), explainFirst(m).replace(/^.*\(/, '(')];
    });
    expect(words).toEqual([
      ['improvement', '(an improvement, as higher is better).'],
      ['concern', '(a concern, as lower is better).'],
      ['neutral', '(neither better nor worse: this measure has no preferred direction).'],
    ]);
  });

  it('give the common-cause sentence when there is no signal', () => {
    const m = record([120, 125, 118, 130, 122, 127, 119, 124, 126, 121, 128, 123], { outsideLimits: true, shift: 8, trend: 6 });
    expect(explainMeasure(m)).toEqual([
      'No signals: the variation seen is what this process normally produces; the process is stable around 123.6 a month.',
    ]);
  });

  it('name the level since the last recalculation', () => {
    const m = record([10, 11, 9, 10, 12, 20, 21, 19, 20, 22], { outsideLimits: true }, { phaseStarts: [5], periods: (i) => `${2019 + Math.floor(i / 4)} Q${(i % 4) + 1}` });
    expect(explainMeasure(m)).toEqual([
      'No signals: the variation seen is what this process normally produces; the process is stable around 20.4 a quarter since Q2 2020.',
    ]);
  });

  it('say when there are too few points for limits', () => {
    const m = record([10, 12, 11], { outsideLimits: true }, { base: 'mdc' });
    expect(explainMeasure(m)).toEqual(['No signals can be judged yet: there are too few points for control limits (see the warnings).']);
  });
});

describe('signal details', () => {
  it('splits a rise and a fall at the peak they share', () => {
    const m = record([1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1, 3], { trend: 6 });
    expect(brief(m)).toEqual(['trend high 2020-01 2020-06 6', 'trend low 2020-06 2020-11 6']);
  });

  it('joins a run across a missing value, as the rules do', () => {
    const m = record([5, 3, 6, 4, 5, 1, 2, 3, null, 4, 5, 6, 7, 4, 5], { trend: 6 });
    const [g] = measureSignals(m);
    expect([m.points[g.from].period, m.points[g.to].period, g.count]).toEqual(['2020-06', '2021-01', 7]);
    expect(explainFirst(m)).toMatch(/^Seven months in a row rising, from June 2020 \(1\) to January 2021 \(7\)/);
  });

  it('keeps separate runs apart at a phase start when runs do not cross phases', () => {
    const values = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4];
    const m = record(values, { shift: 8 }, { phaseStarts: [18] });
    expect(brief(m)).toEqual([
      'shift high 2020-01 2020-09 9',
      'shift low 2020-10 2021-06 9',
      'shift high 2021-07 2022-03 9',
      'shift low 2022-04 2022-12 9',
    ]);
  });

  it('words a longest run with its place and the phase', () => {
    const c = CASES['longest-run'];
    const m = record(c.values, c.only, c.opts);
    const [g] = measureSignals(m);
    expect(g.run).toEqual({ from: 29, to: 39, length: 11 });
    expect(explainFirst(m)).toBe(
      'From January 2020 to April 2023, the longest run was eleven months above the average (June 2022 to April 2023), longer than chance allows (at most eight): a sustained rise (an improvement, as higher is better).',
    );
  });
});

describe('periods and numbers in words', () => {
  const point = (period: string) => {
    const p = parsePeriod(period)!;
    return { period, date: p.date } as MeasureRecord['points'][number];
  };
  it('names periods naturally for each frequency', () => {
    expect([
      periodName(point('2020-05'), 'month'),
      periodName(point('2020-Q2'), 'quarter'),
      periodName(point('2021/22 Q1'), 'financial-quarter'),
      periodName(point('2021/22'), 'financial-year'),
      periodName(point('2020'), 'year'),
      periodName(point('2021-W01'), 'week'),
      periodName(point('2021-01-04'), 'day'),
      periodName(point('2021-01-04'), null),
    ]).toEqual(['May 2020', 'Q2 2020', 'Q1 2021/22', '2021/22', '2020', 'the week of 4 January 2021', '4 January 2021', '2021-01-04']);
  });

  it('words the frequency the reader found in the periods', () => {
    const words = (periods: (i: number) => string) => frequencyWords(record([1, 2, 3, 4, 5], { outsideLimits: true }, { periods }).granularity ?? null).plural;
    expect([
      words(monthly),
      words((i) => `${2020 + Math.floor(i / 4)}-Q${(i % 4) + 1}`),
      words((i) => `2021-W${String(i + 1).padStart(2, '0')}`),
      words((i) => `2021-01-${String(i + 1).padStart(2, '0')}`),
      words((i) => String(2016 + i)),
      words((i) => `${2020 + Math.floor(i / 4)}-${String(3 * (i % 4) + 1).padStart(2, '0')}-01`),
    ]).toEqual(['months', 'quarters', 'weeks', 'days', 'years', 'quarters']);
  });

  it('spells small numbers and formats values with the unit', () => {
    expect([numberWord(8), numberWord(20), numberWord(21)]).toEqual(['eight', 'twenty', '21']);
    expect([formatValue(12.345, '%'), formatValue(1234.5, '£'), formatValue(12, 'incidents'), formatValue(null, '%'), formatValue(3)]).toEqual([
      '12.35%', '£1235', '12 incidents', '-', '3',
    ]);
  });
});
