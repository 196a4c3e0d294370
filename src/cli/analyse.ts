/** `spc analyse`: read, analyse, render; every output is computed before any file is written. */
import { SpcError } from '../io/errors.js';
import { utf8Chunks } from '../io/write.js';
import { analyseAll } from '../model/analyse-all.js';
import { scaleRecord, type ResultDocument } from '../model/document.js';
import type { AnalyseSettings } from '../model/settings.js';
import type { RawSeries } from '../io/read.js';
import { chunked, documentJsonPieces } from '../render/json.js';
import { summaryTable } from '../render/table.js';
import { DEFAULT_RECENT, markSignals, type MarkedSignal } from '../render/signal-marks.js';
import { version } from '../version.js';
import { givenSettings, runOptions, type AnalyseFlags, type RunOptions } from './analyse-flags.js';
import { loadConfig, readInputs, type InputRead } from './analyse-inputs.js';
import type { CliIo } from './cli-io.js';

// The stages have modules of their own; their names are read from here too.
export { reportDate, type AnalyseFlags } from './analyse-flags.js';
export { CONFIG_NAMES } from './analyse-inputs.js';
export type { CliIo } from './cli-io.js';

/**
 * The command: the flags checked, the settings, the inputs read and analysed, the data warnings
 * (stderr), the --out files, the results on stdout, then the exit code: 1 after input errors
 * skipped by --keep-going, 3 when --fail-on finds measures, else 0.
 */
export async function runAnalyse(files: string[], flags: AnalyseFlags, io: CliIo): Promise<number> {
  const run = runOptions(flags);
  const settings = await analyseSettings(flags, io);
  const failures: string[] = [];
  const failed = (e: SpcError) => {
    failures.push(e.located);
    io.err(`error: ${e.located}\n`);
  };
  const inputs = await readInputs(files, flags, io, failed);
  reportInputs(inputs, flags, io);
  const series = inputs.flatMap((i) => i.series);
  const doc = analyseSeries(series, settings, run.multiply, flags.keepGoing ? failed : undefined);
  if (!flags.quiet) {
    for (const m of doc.measures) for (const w of m.warnings) io.err(`warning: ${m.measure}: ${w}\n`);
  }
  // New and recent signals, computed once for the report and --fail-on new.
  const marks = flags.out !== undefined || flags.failOn === 'new' ? markSignals(doc, run.previous, run.recent) : undefined;
  // The --out writers (charts, report) are loaded only when there is somewhere to write.
  if (flags.out !== undefined) await (await import('./analyse-outputs.js')).writeOutputs(flags.out, doc, files, flags, io, run, marks);
  await printResults(doc, flags, io, inputs);
  if (failures.length) {
    throw new SpcError(`${failures.length} input error${failures.length === 1 ? '' : 's'} (--keep-going analysed the rest)`, 1);
  }
  return failOnExit(doc, flags, io, run, marks);
}

/** Each input's table warnings (columns left out, workbook formulas without values) and, with --verbose, how it was read. */
function reportInputs(inputs: readonly InputRead[], flags: AnalyseFlags, io: CliIo): void {
  for (const i of inputs) {
    if (flags.verbose) io.err(`${i.file}: ${i.table.reason}; ${i.table.notes.join('; ')}\n`);
    if (!flags.quiet) for (const w of i.table.warnings) io.err(`warning: ${w}\n`);
  }
}

/** The settings of the analysis: the flags given, the config file, and the false-signal estimator when a document is written. */
async function analyseSettings(flags: AnalyseFlags, io: CliIo): Promise<AnalyseSettings> {
  const given = givenSettings(flags);
  const config = await loadConfig(flags, io);
  // The expected number of false signals is simulated per chart length (cached); only the result
  // document carries it, so the terminal table does not pay for it.
  const wantsDocument = flags.json || flags.out !== undefined;
  const falseSignals = wantsDocument ? (await import('../core/simulate.js')).falseSignalEstimator() : undefined;
  return { flags: given, config, dateOrder: flags.dateOrder, strict: flags.strict, falseSignals };
}

/** The result document of the series, scaled for display by --multiply. */
function analyseSeries(series: readonly RawSeries[], settings: AnalyseSettings, multiply: number, failed: ((e: SpcError) => void) | undefined): ResultDocument {
  const analysed = analyseAll(series, settings, version(), failed);
  return { ...analysed, measures: analysed.measures.map((m) => scaleRecord(m, multiply)) };
}

/**
 * Stdout: the document (--json), the flagged points (--csv), or the summary table (not with --out
 * --quiet). The document and the table are written in chunks as they are made, never held whole.
 */
async function printResults(doc: ResultDocument, flags: AnalyseFlags, io: CliIo, inputs: readonly InputRead[]): Promise<void> {
  if (flags.json) printPieces(io, documentJsonPieces(doc));
  else if (flags.csv) printPieces(io, (await import('../render/csv.js')).pointsCsvPieces(doc.measures));
  else if (!flags.quiet || flags.out === undefined) {
    const colour = flags.color && (io.isTTY ?? false) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
    io.out(summaryTable(doc.measures, colour));
    // Under the table, how each input was read: its layout and why (e.g. "wide: period column Month, 2 measures").
    for (const i of inputs) io.out(`read ${i.file}: ${i.table.reason}\n`);
  }
}

/** A text given in pieces to stdout: as UTF-8 chunks where stdout takes bytes, else as chunks of text. */
function printPieces(io: CliIo, pieces: Iterable<string>): void {
  if (io.outBytes) for (const bytes of utf8Chunks(pieces)) io.outBytes(bytes);
  else for (const text of chunked(pieces)) io.out(text);
}

/** --fail-on: exit 3, naming the measures on stderr, when any meets the condition; else 0. */
function failOnExit(doc: ResultDocument, flags: AnalyseFlags, io: CliIo, run: RunOptions, marks: ReadonlyMap<string, readonly MarkedSignal[]> | undefined): number {
  if (!flags.failOn) return 0;
  const hit = failOnMeasures(doc, flags.failOn, run.previous, run.recent, marks);
  if (hit.length === 0) return 0;
  io.err(`--fail-on ${flags.failOn}: ${hit.length} measure${hit.length === 1 ? '' : 's'}: ${hit.join('; ')}\n`);
  return 3;
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
