/**
 * A corpus of realistic charts for the conformance test (test/chart-conformance.test.ts), each
 * built through the real pipeline (readSeries, analyseAll; scaleRecord for a display multiplier):
 * the shipped fixture under several presets and chart types, the mixed quarterly pack with its
 * config, every chart type on seeded data, step limits on p and u charts with unequal
 * denominators, gaps and notes, a target, a phase without limits, a constant series, negative
 * values, tiny decimals, daily, weekly, monthly, quarterly and yearly axes, long and non-Latin
 * titles, and a single point.
 */
import { readFileSync } from 'node:fs';
import { analysed } from './chart-measures.js';
import { parseConfig } from '../src/io/config.js';
import type { UserChart } from '../src/io/user-settings.js';
import type { MeasureRecord } from '../src/model/document.js';
import type { AnalyseSettings } from '../src/model/settings.js';

export interface CorpusChart {
  readonly name: string;
  readonly measure: MeasureRecord;
}

/** A small seeded generator (a linear congruential one, Numerical Recipes' constants). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const cell = (v: string | number | null) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** Rows of measure, period, value, denominator, note as CSV text. */
function csv(rows: readonly (readonly (string | number | null)[])[]): string {
  return ['measure,period,value,denominator,note', ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

const month = (i: number, from = 2019) => `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** `n` monthly values of one measure, with optional denominators and notes by index. */
function series(name: string, n: number, value: (i: number) => number | null, extra: { den?: (i: number) => number; notes?: Record<number, string>; period?: (i: number) => string } = {}): string {
  const period = extra.period ?? ((i: number) => month(i));
  return csv(Array.from({ length: n }, (_, i) => [name, period(i), value(i), extra.den ? extra.den(i) : null, extra.notes?.[i] ?? null]));
}

const FIXTURE = readFileSync(new URL('../fixtures/community-safety.csv', import.meta.url), 'utf8');

function fixtureCharts(): CorpusChart[] {
  const runs: [string, AnalyseSettings['flags'], number][] = [
    ['default', {}, 1],
    ['mdc', { preset: 'mdc' }, 1],
    ['western-electric', { preset: 'western-electric' }, 1],
    ['run', { chart: 'run' }, 1],
    ['c lcl-floor 0', { chart: 'c', lclFloor: 0 }, 1],
    ['mr', { chart: 'mr' }, 1],
    ['x100 target 5', { target: 5 }, 100],
  ];
  return runs.flatMap(([label, flags, k]) => analysed(FIXTURE, { flags }, k).map((measure) => ({ name: `fixture ${label}: ${measure.measure}`, measure })));
}

function packCharts(): CorpusChart[] {
  const dir = new URL('./fixtures/pack/', import.meta.url);
  const file = 'spc.config.yaml';
  const config = { file, ...parseConfig(readFileSync(new URL(file, dir), 'utf8'), file) };
  return analysed(readFileSync(new URL('pack.csv', dir), 'utf8'), { flags: {}, config }).map((measure) => ({ name: `pack: ${measure.measure}`, measure }));
}

/** Every chart type on seeded data of the kind it needs. */
function chartTypeCharts(): CorpusChart[] {
  const r = seeded(7);
  const out: CorpusChart[] = [];
  const add = (chart: UserChart, text: string, flags: AnalyseSettings['flags'] = {}) =>
    out.push(...analysed(text, { flags: { chart, ...flags } }).map((measure) => ({ name: `${chart}: ${measure.measure}`, measure })));
  const walk = (i: number) => 40 + 8 * Math.sin(i / 3) + 6 * r() + (i > 30 ? 9 : 0);
  for (const chart of ['xmr', 'mr', 'run'] as const) add(chart, series(`Response time (${chart})`, 42, walk), { direction: 'lower-is-better' });
  // Unequal denominators: limits vary from point to point (steps).
  const den = (i: number) => [40, 220, 90, 400, 25, 160, 300, 60, 500, 120, 35, 250][i % 12];
  for (const chart of ['p', 'pp', 'np'] as const) add(chart, series(`Repeat victims (${chart})`, 36, (i) => Math.round(den(i) * (0.18 + 0.05 * r() + (i > 28 ? 0.08 : 0))), { den }), { direction: 'lower-is-better' });
  for (const chart of ['u', 'up'] as const) add(chart, series(`Burglary rate (${chart})`, 36, (i) => Math.round(den(i) * (2 + r()) / 10), { den: (i) => den(i) / 10 }), { direction: 'lower-is-better' });
  add('c', series('Arson (c)', 40, () => Math.round(3 + 6 * r())), { direction: 'lower-is-better' });
  add('g', series('Days between serious incidents (g)', 30, () => Math.round(2 + 40 * r() * r())), { direction: 'higher-is-better' });
  add('t', series('Hours between call-outs (t)', 30, () => Number((0.5 + 30 * r() * r()).toFixed(2))), { direction: 'higher-is-better' });
  for (const chart of ['xbar-s', 'xbar-r'] as const) {
    const rows: (string | number | null)[][] = [];
    for (let i = 0; i < 24; i++) for (let j = 0; j < 3 + (i % 3); j++) rows.push([`Fill weight (${chart})`, month(i), Number((500 + 4 * r() + (i > 18 ? 3 : 0)).toFixed(1)), null, null]);
    add(chart, csv(rows));
  }
  return out;
}

/** The awkward cases: gaps and notes, phases, flat, negative and tiny values, each time axis, titles, one point. */
function edgeCharts(): CorpusChart[] {
  const r = seeded(11);
  const noisy = (i: number) => Math.round(50 + 10 * r() + (i === 20 ? 25 : 0));
  const cases: [string, string, AnalyseSettings['flags'], number?][] = [
    ['gaps and notes', series('Knife crime (gaps)', 36, (i) => (i === 8 || i === 9 || i === 25 ? null : noisy(i)), { notes: { 3: 'New recording system, with a long note that is cut', 9: 'Outage', 20: 'Festival weekend', 21: 'Second note beside it' } }), { target: 45 }],
    ['phase without limits', series('Stop and search', 30, noisy), { phases: [{ period: '2020-01', label: 'Pilot' }, { period: '2021-05', label: 'Too short for limits' }] }],
    ['constant', series('Constant count', 24, () => 12), {}],
    ['negative', series('Net change in cases', 30, (i) => Math.round(-40 + 25 * r() - (i > 20 ? 12 : 0))), {}],
    ['tiny decimals', series('Rate per capita', 30, () => Number((0.000123 + 0.00002 * r()).toFixed(7))), {}],
    ['daily', series('Calls per day', 60, noisy, { period: (i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10) }), {}],
    ['weekly', series('Arrests per week', 52, noisy, { period: (i) => `2023-W${String(i + 1).padStart(2, '0')}` }), {}],
    ['quarterly', series('Quarterly reoffending', 20, noisy, { period: (i) => `${2018 + Math.floor(i / 4)}-Q${(i % 4) + 1}` }), {}],
    ['yearly', series('Annual survey score', 15, noisy, { period: (i) => String(2008 + i) }), {}],
    ['long title', series(`A very long measure name that goes on and on ${'and on '.repeat(12)}until it must be cut`, 24, noisy), {}],
    ['Cyrillic and Greek title', series('Преступления с ножом — δείκτης', 24, noisy), {}],
    ['CJK title', series('刀具犯罪 件数', 24, noisy), {}],
    ['single point', series('Only one month', 1, () => 7), {}],
    ['percent', series('Proportion resolved', 24, () => Number((0.3 + 0.1 * r()).toFixed(3))), {}, 100],
  ];
  return cases.flatMap(([label, text, flags, k]) => analysed(text, { flags }, k ?? 1).map((measure) => ({ name: `${label}: ${measure.measure}`, measure })));
}

/** The whole corpus. */
export function chartCorpus(): CorpusChart[] {
  return [...fixtureCharts(), ...packCharts(), ...chartTypeCharts(), ...edgeCharts()];
}
