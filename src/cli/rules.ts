/**
 * `spc rules [PRESET]`: every preset with every parameter, in words; with `--arl`, the presets'
 * false-alarm rates on simulated stable processes (src/core/simulate.ts, docs/false-alarms.md).
 */
import { CHARTS } from '../core/charts/index.js';
import { chartName } from '../render/vocabulary.js';
import { OVERRIDES, PRESET_DESCRIPTIONS, PRESETS, describeRules, preset } from '../core/presets.js';
import { PRESET_NAMES, type PresetName } from '../core/types.js';
import { usageError } from '../io/errors.js';
import { RuleOptionError } from '../core/presets.js';
import { DEFAULT_POISSON_MEAN, DEFAULT_RUNS, DEFAULT_SEED, SIM_CHARTS, falseAlarmRates, type FalseAlarmRates, type SimChart } from '../core/simulate.js';

/** The options of `spc rules` as commander hands them over (all strings). */
export interface RulesFlags {
  arl?: boolean;
  points?: string;
  runs?: string;
  seed?: string;
  chart?: string;
  mean?: string;
  json?: boolean;
}

export function rulesText(name?: string, flags: RulesFlags = {}): string {
  const names = presetNames(name);
  if (flags.arl) {
    const opts = arlOptions(flags);
    const results = names.map((n) => falseAlarmRates(PRESETS[n], opts));
    if (flags.json) return JSON.stringify({ presets: Object.fromEntries(results.map((r) => [r.preset, r])) }, null, 2) + '\n';
    return arlText(results, names.length > 1);
  }
  const stray = (['points', 'runs', 'seed', 'chart', 'mean'] as const).filter((k) => flags[k] !== undefined);
  if (stray.length > 0) throw usageError(`${stray.map((k) => `--${k}`).join(', ')}: only with --arl`);
  if (flags.json) {
    const presets = Object.fromEntries(names.map((n) => [n, { description: PRESET_DESCRIPTIONS[n], rules: PRESETS[n] }]));
    return JSON.stringify({ presets, overrides: OVERRIDES }, null, 2) + '\n';
  }
  const out: string[] = [];
  for (const n of names) {
    out.push(`${n}: ${PRESET_DESCRIPTIONS[n]}`);
    for (const [k, v] of describeRules(PRESETS[n])) out.push(`  ${k.padEnd(18)} ${v}`);
    out.push('');
  }
  out.push('Override any parameter with --rule NAME=VALUE:');
  for (const [k, v] of Object.entries(OVERRIDES)) out.push(`  ${k.padEnd(24)} ${v}`);
  return out.join('\n') + '\n';
}

/** The named preset (checked), or all of them. */
function presetNames(name: string | undefined): PresetName[] {
  if (name === undefined) return [...PRESET_NAMES];
  try {
    return [preset(name).preset];
  } catch (e) {
    if (e instanceof RuleOptionError) throw usageError(e.message);
    throw e;
  }
}

const MAX_POINTS = 100_000;
const MAX_RUNS = 1_000_000;

function wholeNumber(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) throw usageError(`${flag} ${text}: expected a whole number from ${min} to ${max}`);
  return Number(t);
}

/** Validated simulation settings from the flags (usage errors for bad numbers). */
export function arlOptions(flags: RulesFlags): { points: number; runs: number; seed: number; chart: SimChart; mean: number } {
  const points = wholeNumber('--points', flags.points, 60, 1, MAX_POINTS);
  const runs = wholeNumber('--runs', flags.runs, DEFAULT_RUNS, 1, MAX_RUNS);
  const seed = wholeNumber('--seed', flags.seed, DEFAULT_SEED, 0, 4294967295);
  const chart = (flags.chart ?? 'xmr') as SimChart;
  if (!SIM_CHARTS.includes(chart)) throw usageError(`--chart ${flags.chart}: expected one of ${SIM_CHARTS.join(', ')}`);
  let mean = DEFAULT_POISSON_MEAN;
  if (flags.mean !== undefined) {
    if (chart !== 'c') throw usageError('--mean: only with --chart c (the Poisson mean of the simulated counts)');
    mean = Number(flags.mean.trim());
    if (flags.mean.trim() === '' || !Number.isFinite(mean) || !(mean > 0) || mean > 1e9) {
      throw usageError(`--mean ${flags.mean}: expected a positive number`);
    }
  }
  return { points, runs, seed, chart, mean };
}

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;
const num = (x: number) => x.toFixed(2);

function arlWords(r: FalseAlarmRates): string {
  if (r.arl === null) return 'none (no rule is on)';
  if (r.arlCensored > 0) {
    return `>= ${r.arl.toFixed(1)} points (a lower bound: ${r.arlCensored} of ${r.runs} simulated series had no signal in ${r.arlCap} points)`;
  }
  return `${r.arl.toFixed(1)} points (standard error ${r.arlSE!.toFixed(1)})`;
}

function dataWords(r: FalseAlarmRates): string {
  if (r.chart === 'c') return `${chartName(r.chart)} of Poisson(${r.mean}) counts`;
  return `${chartName(r.chart)} of independent normal values`;
}

/** The tables of `spc rules [PRESET] --arl`; with `summary`, a closing comparison of the presets. */
export function arlText(results: readonly FalseAlarmRates[], summary: boolean): string {
  const out: string[] = [];
  const first = results[0];
  out.push(
    `False alarms on a stable process: ${dataWords(first)}, ${first.points} points per chart, ${CHARTS[first.chart].hasLimits ? 'limits' : 'centre line'} from the chart's own points;`,
    `${first.runs} simulated charts, seed ${first.seed}. ARL: mean points to the first signal with known centre and sigma.`,
    '',
  );
  const header = `  ${'rule'.padEnd(20)}${'P(>=1 signal)'.padStart(14)}${'signalled points'.padStart(18)}`;
  for (const r of results) {
    out.push(`${r.preset}`, header);
    for (const id of r.rules) {
      out.push(`  ${id.padEnd(20)}${pct(r.perRule[id]!).padStart(14)}${num(r.perRuleSignalledPoints[id]!).padStart(18)}`);
    }
    out.push(`  ${'any rule'.padEnd(20)}${pct(r.anySignal).padStart(14)}${num(r.expectedSignalledPoints).padStart(18)}`);
    out.push(`  in-control ARL: ${arlWords(r)}`, '');
  }
  if (summary) {
    out.push(`Summary (${first.points} points)`);
    out.push(`  ${'preset'.padEnd(20)}${'P(>=1 signal)'.padStart(14)}${'signalled points'.padStart(18)}${'ARL'.padStart(10)}`);
    for (const r of results) {
      const arl = r.arl === null ? '-' : `${r.arlCensored > 0 ? '>=' : ''}${r.arl.toFixed(1)}`;
      out.push(`  ${r.preset.padEnd(20)}${pct(r.anySignal).padStart(14)}${num(r.expectedSignalledPoints).padStart(18)}${arl.padStart(10)}`);
    }
    out.push('');
  }
  // sqrt(p (1 - p) / runs) is largest at p = 1/2.
  out.push(`Monte Carlo standard error of each probability: at most ${pct(0.5 / Math.sqrt(first.runs))}.`);
  return out.join('\n') + '\n';
}
