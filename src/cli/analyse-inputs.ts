/**
 * The inputs of `spc analyse`: the CSV files (or standard input) read into series, and the config
 * file, given with --config or found in the working directory.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { decodeFile, looksLikeWorkbook } from '../io/decode.js';
import { inputError, SpcError, usageError } from '../io/errors.js';
import { readCsvTable, seriesError, type RawSeries, type ReadOptions, type Role, type TableRead } from '../io/read.js';
import type { AnalyseSettings } from '../model/settings.js';
import type { AnalyseFlags } from './analyse-flags.js';
import type { CliIo } from './cli-io.js';

export const CONFIG_NAMES = ['spc.config.yaml', 'spc.config.yml', 'spc.config.json'];

/** What reading each input file needs, and the file each measure came from so far. */
interface Reading {
  readonly flags: AnalyseFlags;
  readonly io: CliIo;
  readonly columns: Partial<Record<Role, string>>;
  /** The file each measure was read from: a measure in two files is an error. */
  readonly from: Map<string, string>;
  /** What the readers take from the flags (columns, layout, decimal mark, --where, ...). */
  readonly options: ReadOptions;
}

/** One input as read: its series and how its table was read (layout and why, notes for --verbose). */
export interface InputRead {
  readonly file: string;
  readonly series: readonly RawSeries[];
  readonly table: Omit<TableRead, 'series'>;
}

/** All of standard input (a pipe may not be ready for a synchronous read). */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The header names given with --measure-col and friends. */
function columnFlags(flags: AnalyseFlags): Partial<Record<Role, string>> {
  const columns: Partial<Record<Role, string>> = {
    measure: flags.measureCol,
    period: flags.periodCol,
    value: flags.valueCol,
    denominator: flags.denominatorCol,
    section: flags.sectionCol,
    note: flags.noteCol,
  };
  for (const k of Object.keys(columns) as Role[]) if (columns[k] === undefined) delete columns[k];
  return columns;
}

/** `--where COL=VALUE`, each split at its first `=`. */
export function whereFlags(where: readonly string[]): { column: string; value: string }[] {
  return where.map((w) => {
    const eq = w.indexOf('=');
    if (eq <= 0) throw usageError(`--where ${w}: expected COLUMN=VALUE`);
    return { column: w.slice(0, eq).trim(), value: w.slice(eq + 1) };
  });
}

/** What the readers take from the flags. */
function readOptions(flags: AnalyseFlags): ReadOptions {
  return {
    columns: columnFlags(flags),
    dateOrder: flags.dateOrder,
    periodFormat: flags.periodFormat,
    decimal: flags.decimal === undefined ? undefined : flags.decimal === 'comma' ? ',' : '.',
    layout: flags.layout,
    where: whereFlags(flags.where ?? []),
    strict: flags.strict,
  };
}

/** Reads every file; with --keep-going a bad file is reported (by name, with its error) and skipped. */
export async function readInputs(files: readonly string[], flags: AnalyseFlags, io: CliIo, failed: (e: SpcError) => void): Promise<InputRead[]> {
  const reading: Reading = { flags, io, columns: columnFlags(flags), from: new Map(), options: readOptions(flags) };
  const all: InputRead[] = [];
  for (const file of files.length ? files : ['-']) {
    try {
      all.push(await readInput(file, reading));
    } catch (e) {
      if (!(flags.keepGoing && e instanceof SpcError && e.exitCode === 1)) throw e;
      failed(e);
    }
  }
  return all;
}

/** The bytes of one input: standard input for `-`, else the file (not a directory). */
async function inputBytes(file: string, io: CliIo): Promise<Uint8Array> {
  if (file === '-') return io.stdin ? Buffer.from(io.stdin(), 'utf8') : await readStdin();
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    throw inputError(file, undefined, undefined, 'no such file');
  }
  if (isDir) throw inputError(file, undefined, undefined, 'is a directory, not a CSV file');
  return readFileSync(file);
}

/** One file's table: a workbook's sheet, or CSV text decoded (its decoding warning, or with --strict error, first). */
async function readTableOf(file: string, reading: Reading): Promise<TableRead> {
  const { flags } = reading;
  const name = file === '-' ? 'stdin' : file;
  const bytes = await inputBytes(file, reading.io);
  if (looksLikeWorkbook(bytes)) {
    // The workbook reader is loaded only for a workbook.
    const { readWorkbookTable } = await import('../io/read-workbook.js');
    const read = readWorkbookTable(bytes, name, { ...reading.options, sheet: flags.sheet });
    if (flags.strict && read.warnings.length) throw new SpcError(`${read.warnings[0]} (--strict)`, 1);
    return read;
  }
  if (flags.sheet !== undefined) throw usageError(`--sheet ${flags.sheet}: ${name} is a CSV file, not a workbook`);
  const decoded = decodeFile(bytes, name);
  if (decoded.warning && flags.strict) throw inputError(name, undefined, undefined, `${decoded.warning} (--strict)`);
  const read = readCsvTable(decoded.text, name, reading.options);
  if (!decoded.warning) return read;
  return { ...read, series: read.series.map((s) => ({ ...s, warnings: [`${name}: ${decoded.warning}`, ...s.warnings] })) };
}

/** One file's series; a measure also read from another file is an error. */
async function readInput(file: string, reading: Reading): Promise<InputRead> {
  const { from } = reading;
  const name = file === '-' ? 'stdin' : file;
  const { series, ...table } = await readTableOf(file, reading);
  for (const s of series) {
    const other = from.get(s.measure);
    if (other !== undefined) {
      throw seriesError(s, s.rows[0].line, undefined, `measure "${s.measure}" also comes from ${other}; give each measure one file`);
    }
  }
  for (const s of series) from.set(s.measure, name);
  return { file: name, series, table };
}

/** The config file: --config, else spc.config.yaml / .yml / .json in the working directory (said on stderr), else none. */
export async function loadConfig(flags: AnalyseFlags, io: CliIo): Promise<AnalyseSettings['config']> {
  let configFile = flags.config;
  if (configFile === undefined) {
    configFile = CONFIG_NAMES.find((n) => existsSync(n));
    if (configFile !== undefined && !flags.quiet) io.err(`using ${configFile} from the working directory (--config to choose another)\n`);
  }
  if (configFile === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(configFile, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw inputError(configFile, undefined, undefined, code === 'EISDIR' ? 'is a directory, not a config file' : code === 'ENOENT' ? 'no such config file' : `cannot read the config file (${code})`);
  }
  // The config reader (and its YAML parser, ~45 ms) is loaded only when there is a config file.
  const { parseConfig } = await import('../io/config.js');
  return { file: configFile, ...parseConfig(text, configFile) };
}
