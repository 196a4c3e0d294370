/**
 * The flags of `spc analyse`, checked and turned into values: the run's options (recent periods,
 * report date, jobs, the previous run, the display multiplier) and the measure settings the flags
 * give. Every problem with a flag is a usage error (exit 2) naming it.
 */
import { readFileSync } from 'node:fs';
import { inputError, usageError } from '../io/errors.js';
import type { Layout } from '../io/layouts.js';
import type { PeriodFormat } from '../io/periods.js';
import type { MeasureSettings, UserChart } from '../io/user-settings.js';
import type { ResultDocument } from '../model/document.js';
import { previousFromJson } from '../model/previous.js';
import { DEFAULT_RECENT } from '../render/signal-marks.js';
import type { Direction } from '../core/types.js';

export interface AnalyseFlags {
  chart?: UserChart;
  rules?: string;
  rule: string[];
  direction?: Direction;
  phase: string[];
  baseline?: string;
  exclude: string[];
  screenMr?: boolean;
  sigma?: 'mean-mr' | 'median-mr';
  lclFloor?: string;
  target?: string;
  multiply: string;
  config?: string;
  json: boolean;
  csv: boolean;
  out?: string;
  measureCol?: string;
  periodCol?: string;
  valueCol?: string;
  denominatorCol?: string;
  sectionCol?: string;
  noteCol?: string;
  dateOrder: 'dmy' | 'mdy';
  /** `--layout`: force the table's layout (detected when absent). */
  layout?: Layout;
  /** `--sheet NAME|INDEX`: the workbook sheet to read. */
  sheet?: string;
  /** `--decimal point|comma`: the decimal mark (default: comma in a `;`-separated file). */
  decimal?: 'point' | 'comma';
  /** `--period-format auto|fy`: fy reads 2008-09 as financial year 2008/09. */
  periodFormat?: PeriodFormat;
  /** `--where COL=VALUE`, repeatable. */
  where?: string[];
  /** `--verbose`: how each input was read, on stderr. */
  verbose?: boolean;
  color: boolean;
  quiet: boolean;
  strict?: boolean;
  fillMissing?: 'zero';
  keepGoing?: boolean;
  failOn?: 'new' | 'any' | 'concern';
  title?: string;
  previous?: string;
  recent?: string;
  date?: string;
  png?: boolean;
  vegaLite?: boolean;
  renderer?: 'svg' | 'vega';
  jobs?: string;
}

/** What the run's flags say, beyond the measures' settings. */
export interface RunOptions {
  /** Without --previous, signals touching the last `recent` periods are marked recent. */
  readonly recent: number;
  /** The report's generation date, YYYY-MM-DD. */
  readonly generated: string;
  /** Chart rendering threads; undefined: the available cores. */
  readonly jobs: number | undefined;
  /** The previous run's result document (--previous), else null. */
  readonly previous: ResultDocument | null;
  /** --multiply: the display scale of values and lines. */
  readonly multiply: number;
}

export function numberFlag(name: string, text: string | undefined): number | null {
  if (text === undefined) return null;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw usageError(`${name} ${text}: expected a number`);
  return v;
}

/** The flags that combine wrongly, then the run's options, each checked, in this order. */
export function runOptions(flags: AnalyseFlags): RunOptions {
  if (flags.json && flags.csv) throw usageError('--json and --csv both write to stdout: choose one (use --out for both files)');
  if (flags.failOn === 'new' && flags.previous === undefined) throw usageError('--fail-on new needs --previous PATH/results.json (the run to compare with)');
  if ((flags.png || flags.vegaLite) && flags.out === undefined) throw usageError(`${flags.png ? '--png' : '--vega-lite'} writes files beside the charts: give --out DIR`);
  const recent = numberFlag('--recent', flags.recent) ?? DEFAULT_RECENT;
  if (!(Number.isInteger(recent) && recent >= 0)) throw usageError(`--recent ${flags.recent}: expected a whole number of periods >= 0`);
  const generated = reportDate(flags.date);
  const jobs = flags.jobs === undefined ? undefined : numberFlag('--jobs', flags.jobs)!;
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw usageError(`--jobs ${flags.jobs}: expected a whole number >= 1`);
  const previous = flags.previous === undefined ? null : readPrevious(flags.previous);
  const multiply = numberFlag('--multiply', flags.multiply) ?? 1;
  if (multiply === 0) throw usageError('--multiply 0: expected a non-zero number');
  return { recent, generated, jobs, previous, multiply };
}

/** The measure settings the flags give; only flags actually given override the config file. */
export function givenSettings(flags: AnalyseFlags): MeasureSettings {
  return {
    chart: flags.chart,
    preset: flags.rules,
    ruleOverrides: flags.rule.length ? flags.rule : undefined,
    direction: flags.direction,
    phases: flags.phase.length ? flags.phase.map((period) => ({ period })) : undefined,
    baseline: numberFlag('--baseline', flags.baseline) ?? undefined,
    exclude: flags.exclude.length ? flags.exclude : undefined,
    screenMr: flags.screenMr,
    sigma: flags.sigma,
    lclFloor: numberFlag('--lcl-floor', flags.lclFloor) ?? undefined,
    target: numberFlag('--target', flags.target) ?? undefined,
    fillMissing: flags.fillMissing,
  };
}

/**
 * The report's generation date: --date, else SOURCE_DATE_EPOCH (seconds; reproducible builds),
 * else today (UTC). It is the only text in the outputs that varies between runs.
 */
export function reportDate(flag: string | undefined, env = process.env, now = () => Date.now()): string {
  if (flag !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flag) || Number.isNaN(Date.parse(`${flag}T00:00:00Z`)) || new Date(`${flag}T00:00:00Z`).toISOString().slice(0, 10) !== flag) {
      throw usageError(`--date ${flag}: expected a date YYYY-MM-DD`);
    }
    return flag;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw usageError(`SOURCE_DATE_EPOCH=${epoch}: expected whole seconds since 1970`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return new Date(now()).toISOString().slice(0, 10);
}

/** The previous run's result document (--previous). */
function readPrevious(path: string): ResultDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw inputError(path, undefined, undefined, code === 'EISDIR' ? 'is a directory: give the previous run\'s results.json' : 'no such file (give the previous run\'s results.json)');
  }
  try {
    return previousFromJson(text);
  } catch (e) {
    throw inputError(path, undefined, undefined, (e as Error).message);
  }
}
