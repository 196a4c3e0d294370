/** `spc aggregate`: raw record exports into long-format period counts on stdout. */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { Aggregator, type AggregatePeriod } from '../io/aggregate.js';
import { decode, notText } from '../io/decode.js';
import { inputError, usageError } from '../io/errors.js';
import { parsePeriod, periodOf, periodProblem } from '../io/periods.js';
import { parse as parseSync } from 'csv-parse/sync';
import { normaliseHeader, parseCell, sniffDelimiter } from '../io/read.js';
import { CsvSyntaxError, RecordScanner, type FieldAccess } from '../io/records.js';
import { safeText } from '../render/csv.js';
import type { CliIo } from './analyse.js';

export interface AggregateFlags {
  period: AggregatePeriod;
  dateCol?: string;
  by: string[];
  where: string[];
  denominatorFile?: string;
  dateOrder: 'dmy' | 'mdy';
  quiet: boolean;
}

/**
 * Streams one file's records into the aggregator with the byte-level record scanner (memory stays
 * flat whatever the file size; docs/performance.md has the measurements behind the choice).
 */
async function feed(agg: Aggregator, file: string, stdin: NodeJS.ReadableStream | null): Promise<void> {
  const name = file === '-' ? 'stdin' : file;
  let source: NodeJS.ReadableStream;
  if (file === '-') source = stdin ?? process.stdin;
  else {
    let isDir: boolean;
    try {
      isDir = statSync(file).isDirectory();
    } catch {
      throw inputError(file, undefined, undefined, 'no such file');
    }
    if (isDir) throw inputError(file, undefined, undefined, 'is a directory, not a CSV file');
    source = createReadStream(file, { highWaterMark: 1 << 20 });
  }
  let scanner: RecordScanner | null = null;
  let header = true;
  let head = Buffer.alloc(0);
  const sink = {
    record(field: FieldAccess, count: number, line: number) {
      const fields = header ? Array.from({ length: count }, (_, i) => field(i).trim()) : null;
      if (fields) {
        if (fields.every((f) => f === '')) return; // blank lines before the header
        agg.header(name, fields, line);
        header = false;
      } else if (count > 1 || field(0).trim() !== '') agg.add(field, line);
    },
  };
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      if (!scanner) {
        // Sniff the delimiter from the first line, then scan everything through one scanner.
        head = Buffer.concat([head, bytes]);
        if (!head.includes(10) && head.length < 65536) continue;
        const problem = notText(head);
        if (problem) throw inputError(name, undefined, undefined, problem);
        scanner = new RecordScanner(sniffDelimiter(head.toString('utf8').replace(/^\uFEFF/, '')).charCodeAt(0), sink);
        scanner.push(head);
        continue;
      }
      scanner.push(bytes);
    }
    if (!scanner && head.length) {
      const problem = notText(head);
      if (problem) throw inputError(name, undefined, undefined, problem);
      scanner = new RecordScanner(sniffDelimiter(head.toString('utf8').replace(/^\uFEFF/, '')).charCodeAt(0), sink);
      scanner.push(head);
    }
    scanner?.end();
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw inputError(name, e.line, e.column, `not valid CSV: ${e.message}`);
    throw e;
  }
  if (header) throw inputError(name, undefined, undefined, 'the file is empty');
}

/**
 * Denominators from a CSV of `period,denominator`, or `measure,period,denominator` for one per
 * measure. Its periods must be of the kind counted (a population per quarter for --period quarter):
 * denominators are not added up or averaged across periods, since whether that is right depends
 * on what they count.
 */
function readDenominators(file: string, period: AggregatePeriod): { byMeasure: boolean; values: Map<string, number> } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw inputError(file, undefined, undefined, code === 'EISDIR' ? 'is a directory, not a denominator file' : 'no such denominator file');
  }
  const text = decode(bytes).text;
  const records = parseSync(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, delimiter: sniffDelimiter(text) }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  if (records.length < 2) throw inputError(file, undefined, undefined, 'no data rows in the denominator file');
  const header = records[0].record.map(normaliseHeader);
  const col = (names: string[]) => names.map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  const p = col(['period', 'date', 'month', 'quarter', 'year']);
  const d = col(['denominator', 'population', 'n', 'total', 'size']);
  const m = col(['measure', 'metric', 'name']);
  if (p < 0 || d < 0) {
    throw inputError(file, 1, undefined, `no ${p < 0 ? 'period' : 'denominator'} column: expected period and denominator (and optionally measure); the columns are: ${records[0].record.join(', ')}`);
  }
  const values = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const ptext = (record[p] ?? '').trim();
    const parsed = parsePeriod(ptext);
    if (!parsed) throw inputError(file, info.lines, p + 1, `period ${periodProblem(ptext)}`);
    const bucket = periodOf(parsed.time, period);
    if (bucket.time !== parsed.time || (parsed.granularity !== period && parsed.granularity !== 'day')) {
      throw inputError(file, info.lines, p + 1, `period "${ptext}" is a ${parsed.granularity}; give one denominator per ${period}`);
    }
    const cell = parseCell(record[d] ?? '');
    if (cell.kind !== 'number') throw inputError(file, info.lines, d + 1, `denominator "${(record[d] ?? '').trim()}" is not a number`);
    const key = `${m >= 0 ? (record[m] ?? '').trim() : ''}\u0000${bucket.label}`;
    if (values.has(key)) throw inputError(file, info.lines, p + 1, `a second denominator for ${ptext}`);
    values.set(key, cell.value);
  }
  return { byMeasure: m >= 0, values };
}

export async function runAggregate(files: string[], flags: AggregateFlags, io: CliIo & { stdinStream?: NodeJS.ReadableStream }): Promise<void> {
  const where = flags.where.map((w) => {
    const eq = w.indexOf('=');
    if (eq <= 0) throw usageError(`--where ${w}: expected COLUMN=VALUE`);
    return { column: w.slice(0, eq).trim(), value: w.slice(eq + 1).trim() };
  });
  const agg = new Aggregator({ period: flags.period, dateCol: flags.dateCol, by: flags.by.length ? flags.by : undefined, where, dateOrder: flags.dateOrder });
  for (const file of files.length ? files : ['-']) await feed(agg, file, io.stdinStream ?? null);
  const result = agg.result();
  const denominators = flags.denominatorFile ? readDenominators(flags.denominatorFile, flags.period) : null;
  const header = denominators ? ['measure', 'period', 'value', 'denominator'] : ['measure', 'period', 'value'];
  let missingDenominators = 0;
  const rows = result.rows.map((r) => {
    const row = [safeText(r.measure), r.period, String(r.value)];
    if (denominators) {
      const d = denominators.values.get(`${denominators.byMeasure ? r.measure : ''}\u0000${r.period}`);
      if (d === undefined) missingDenominators++;
      row.push(d === undefined ? '' : String(d));
    }
    return row;
  });
  io.out(stringify(rows, { header: true, columns: header, record_delimiter: '\n' }));
  if (!flags.quiet) {
    io.err(`aggregated ${result.kept} of ${result.records} records into ${result.measures} measure${result.measures === 1 ? '' : 's'} x ${result.periods} ${flags.period} periods\n`);
    if (missingDenominators) io.err(`warning: ${missingDenominators} rows have no denominator in ${flags.denominatorFile}\n`);
  }
}
