/** `spc analyse`: read, analyse, render; every output is computed before any file is written. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, SpcError, usageError } from '../io/errors.js';
import { readSeries, type RawSeries, type Role } from '../io/read.js';
import { decodeFile } from '../io/decode.js';
import { stageOutputs } from '../io/write.js';
import type { MeasureSettings, UserChart } from '../io/user-settings.js';
import { analyseAll } from '../model/analyse-all.js';
import { scaleRecord, type ResultDocument } from '../model/document.js';
import { previousFromJson } from '../model/previous.js';
import type { AnalyseSettings } from '../model/settings.js';
import { parseConfig } from '../io/config.js';
import { pointsCsv, summaryCsv } from '../render/csv.js';
import { uniqueSlugs } from '../render/names.js';
import { summaryTable } from '../render/table.js';
import { DEFAULT_RECENT, buildReport, defaultTitle, formatReportHtml, formatReportMarkdown, markSignals, type MarkedSignal, } from '../render/report.js';
import type { Direction } from '../core/types.js';
import { version } from '../version.js';

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
  jobs?: string;
}

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stdout is a terminal (for colour). */
  isTTY?: boolean;
  /** Whether stderr is a terminal (for progress). */
  errIsTTY?: boolean;
  /** Standard input, read when a file is `-` or no file is given. */
  stdin?: () => string;
}

/** All of standard input (a pipe may not be ready for a synchronous read). */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function numberFlag(name: string, text: string | undefined): number | null {
  if (text === undefined) return null;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw usageError(`${name} ${text}: expected a number`);
  return v;
}

/** Reads every file; with --keep-going a bad file is reported (by name, with its error) and skipped. */
async function readInputs(files: readonly string[], flags: AnalyseFlags, io: CliIo, failed: (e: SpcError) => void): Promise<RawSeries[]> {
  const columns: Partial<Record<Role, string>> = {
    measure: flags.measureCol,
    period: flags.periodCol,
    value: flags.valueCol,
    denominator: flags.denominatorCol,
    section: flags.sectionCol,
    note: flags.noteCol,
  };
  for (const k of Object.keys(columns) as Role[]) if (columns[k] === undefined) delete columns[k];
  const all: RawSeries[] = [];
  const from = new Map<string, string>();
  for (const file of files.length ? files : ['-']) {
    try {
      all.push(...(await readFile(file)));
    } catch (e) {
      if (!(flags.keepGoing && e instanceof SpcError && e.exitCode === 1)) throw e;
      failed(e);
    }
  }
  return all;

  async function readFile(file: string): Promise<RawSeries[]> {
    const series: RawSeries[] = [];
    let bytes: Uint8Array;
    const name = file === '-' ? 'stdin' : file;
    if (file === '-') {
      bytes = io.stdin ? Buffer.from(io.stdin(), 'utf8') : await readStdin();
    } else {
      let isDir = false;
      try {
        isDir = statSync(file).isDirectory();
      } catch {
        throw inputError(file, undefined, undefined, 'no such file');
      }
      if (isDir) throw inputError(file, undefined, undefined, 'is a directory, not a CSV file');
      bytes = readFileSync(file);
    }
    const decoded = decodeFile(bytes, name);
    if (decoded.warning && flags.strict) throw inputError(name, undefined, undefined, `${decoded.warning} (--strict)`);
    for (const read of readSeries(decoded.text, name, { columns, dateOrder: flags.dateOrder, strict: flags.strict })) {
      const s = decoded.warning ? { ...read, warnings: [`${name}: ${decoded.warning}`, ...read.warnings] } : read;
      const other = from.get(s.measure);
      if (other !== undefined) {
        throw inputError(name, s.rows[0].line, undefined, `measure "${s.measure}" also comes from ${other}; give each measure one file`);
      }
      series.push(s);
    }
    for (const s of series) from.set(s.measure, name);
    return series;
  }
}

export async function runAnalyse(files: string[], flags: AnalyseFlags, io: CliIo): Promise<number> {
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
  // Only flags actually given override the config file.
  const given: MeasureSettings = {
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
  let config: AnalyseSettings['config'];
  let configFile = flags.config;
  if (configFile === undefined) {
    // Config discovery: spc.config.yaml / .yml / .json in the working directory.
    configFile = CONFIG_NAMES.find((n) => existsSync(n));
    if (configFile !== undefined && !flags.quiet) io.err(`using ${configFile} from the working directory (--config to choose another)\n`);
  }
  if (configFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(configFile, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw inputError(configFile, undefined, undefined, code === 'EISDIR' ? 'is a directory, not a config file' : code === 'ENOENT' ? 'no such config file' : `cannot read the config file (${code})`);
    }
    config = { file: configFile, ...parseConfig(text, configFile) };
  }
  // The expected number of false signals is simulated per chart length (cached); only the result
  // document carries it, so the terminal table does not pay for it.
  const wantsDocument = flags.json || flags.out !== undefined;
  const falseSignals = wantsDocument ? (await import('../core/simulate.js')).falseSignalEstimator() : undefined;
  const settings: AnalyseSettings = { flags: given, config, dateOrder: flags.dateOrder, strict: flags.strict, falseSignals };
  const failures: string[] = [];
  const failed = (e: SpcError) => {
    failures.push(e.located);
    io.err(`error: ${e.located}\n`);
  };
  const series = await readInputs(files, flags, io, failed);
  const analysed = analyseAll(series, settings, version(), flags.keepGoing ? failed : undefined);
  const doc: ResultDocument = { ...analysed, measures: analysed.measures.map((m) => scaleRecord(m, multiply)) };

  if (!flags.quiet) {
    for (const m of doc.measures) for (const w of m.warnings) io.err(`warning: ${m.measure}: ${w}\n`);
  }
  let json: string | null = null;
  const documentJson = () => (json ??= JSON.stringify(doc, null, 2) + '\n');

  // New and recent signals, computed once for the report and --fail-on new.
  const marks = flags.out !== undefined || flags.failOn === 'new' ? markSignals(doc, previous, recent) : undefined;
  if (flags.out !== undefined) {
    // Each output is staged (written to a temporary file) as soon as it is ready and its text
    // dropped; all of them are renamed into place together at the end.
    const staged = stageOutputs(flags.out);
    try {
      staged.stage('results.json', documentJson());
      json = flags.json ? json : null;
      staged.stage('points.csv', pointsCsv(doc.measures));
      staged.stage('summary.csv', summaryCsv(doc.measures));
      const { chartSpec } = await import('../render/chart.js');
      const { renderCharts } = await import('../render/chart-pool.js');
      const slugs = uniqueSlugs(doc.measures.map((m) => m.measure));
      const progress = createProgress('charts', doc.measures.length, !flags.quiet && io.errIsTTY === true, io.err);
      const rendered = await renderCharts(doc.measures, { jobs, png: flags.png, onChart: () => progress.tick() });
      progress.done();
      const charts = new Map<string, string>();
      const chartPaths = new Map<string, string>();
      for (const [k, m] of doc.measures.entries()) {
        const { svg, png } = rendered[k];
        charts.set(m.measure, svg);
        chartPaths.set(m.measure, `charts/${slugs[k]}.svg`);
        staged.stage(join('charts', `${slugs[k]}.svg`), svg);
        if (flags.vegaLite) staged.stage(join('charts', `${slugs[k]}.vl.json`), JSON.stringify(chartSpec(m), null, 2) + '\n');
        if (png) staged.stage(join('charts', `${slugs[k]}.png`), png);
      }
      rendered.length = 0;
      const report = buildReport(doc, { title: flags.title ?? defaultTitle(files), generated, charts, chartPaths, previous, recent, marks });
      staged.stage('report.html', formatReportHtml(report));
      staged.stage('report.md', formatReportMarkdown(report));
      staged.commit();
    } catch (e) {
      staged.abort();
      throw e;
    }
    if (!flags.quiet && !flags.json && !flags.csv) {
      io.err(`Wrote ${flags.out}/: report.html, report.md, results.json, points.csv, summary.csv and ${doc.measures.length} chart${doc.measures.length === 1 ? '' : 's'} in charts/\n`);
    }
  }
  if (flags.json) io.out(documentJson());
  else if (flags.csv) io.out(pointsCsv(doc.measures));
  else if (!flags.quiet || flags.out === undefined) {
    const colour = flags.color && (io.isTTY ?? false) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
    io.out(summaryTable(doc.measures, colour));
  }
  if (failures.length) {
    throw new SpcError(`${failures.length} input error${failures.length === 1 ? '' : 's'} (--keep-going analysed the rest)`, 1);
  }
  if (flags.failOn) {
    const hit = failOnMeasures(doc, flags.failOn, previous, recent, marks);
    if (hit.length) {
      io.err(`--fail-on ${flags.failOn}: ${hit.length} measure${hit.length === 1 ? '' : 's'}: ${hit.join('; ')}\n`);
      return 3;
    }
  }
  return 0;
}

/** Measures meeting a --fail-on condition: any signal, any point of concern, or a signal new since `previous`. */
export function failOnMeasures(
  doc: ResultDocument,
  condition: 'new' | 'any' | 'concern',
  previous: ResultDocument | null = null,
  recent = DEFAULT_RECENT,
  marks?: ReadonlyMap<string, readonly MarkedSignal[]>,
): string[] {
  if (condition === 'new') {
    const marked = marks ?? markSignals(doc, previous, recent);
    return doc.measures.filter((m) => (marked.get(m.measure) ?? []).some((g) => g.mark === 'new')).map((m) => m.measure);
  }
  return doc.measures
    .filter((m) => (condition === 'concern' ? m.points.some((p) => p.variation === 'concern') : m.points.some((p) => p.signals.length > 0)))
    .map((m) => m.measure);
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

export const CONFIG_NAMES = ['spc.config.yaml', 'spc.config.yml', 'spc.config.json'];

/** A progress line with count and ETA on a terminal; nothing otherwise (or for a few items). */
export function createProgress(label: string, total: number, enabled: boolean, write: (s: string) => void, now = () => Date.now()) {
  const on = enabled && total > 20;
  const start = now();
  let count = 0;
  let last = -1;
  return {
    tick() {
      count++;
      if (!on) return;
      const pct = Math.floor((100 * count) / total);
      if (pct === last && count !== total) return;
      last = pct;
      const elapsed = (now() - start) / 1000;
      const eta = count ? (elapsed / count) * (total - count) : 0;
      write(`\r${label} ${count}/${total} (${pct}%) ETA ${eta.toFixed(0)}s `);
    },
    done() {
      if (on) write('\n');
    },
  };
}
