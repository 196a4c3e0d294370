/** `spc aggregate`: raw record exports into long-format period counts on stdout. */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { Aggregator, type AggregatePeriod } from '../io/aggregate.js';
import { decode } from '../io/decode.js';
import { inputError, SpcError, usageError } from '../io/errors.js';
import { periodOf } from '../io/periods.js';
import { readSeries, sniffDelimiter } from '../io/read.js';
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

/** The first chunk(s) of a stream, up to the end of its first line, and the rest of it. */
async function splitHead(stream: NodeJS.ReadableStream): Promise<{ head: Buffer; rest: AsyncIterator<Buffer> }> {
  const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    head = Buffer.concat([head, Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value)]);
    if (head.includes(10) || head.length > 65536) break;
  }
  return { head, rest: it };
}

/** Streams one file's records into the aggregator (memory stays flat whatever the file size). */
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
  const { head, rest } = await splitHead(source);
  if (head.toString('utf8').replace(/^\uFEFF/, '').trim() === '') throw inputError(name, undefined, undefined, 'the file is empty');
  const delimiter = sniffDelimiter(head.toString('utf8').replace(/^\uFEFF/, ''));
  async function* bytes() {
    yield head;
    for (;;) {
      const r = await rest.next();
      if (r.done) return;
      yield r.value;
    }
  }
  let first = true;
  const sink = new Writable({
    objectMode: true,
    write(rec: { record: string[]; info: { lines: number } }, _enc, done) {
      try {
        if (first) {
          agg.header(name, rec.record.map((h) => h.trim()), rec.info.lines);
          first = false;
        } else if (rec.record.length > 1 || rec.record[0].trim() !== '') agg.add(rec.record, rec.info.lines);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  try {
    await pipeline(Readable.from(bytes()), parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, delimiter }), sink);
  } catch (e) {
    if (e instanceof SpcError) throw e;
    const err = e as Error & { lines?: number; code?: string };
    if (err.code?.startsWith('CSV_')) throw inputError(name, err.lines, undefined, `not valid CSV: ${err.message.replace(/ (at|on) line \d+$/, '')}`);
    throw e;
  }
}

/** Denominators by period label from a CSV of `period,denominator` (optionally `measure`). */
function readDenominators(file: string, period: AggregatePeriod): Map<string, number> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw inputError(file, undefined, undefined, 'no such denominator file');
  }
  const series = readSeries(decode(bytes).text, file, { columns: { value: 'denominator' } });
  const out = new Map<string, number>();
  for (const s of series) {
    for (const r of s.rows) {
      if (r.value === null) continue;
      const key = `${s.measure}\u0000${bucketLabel(r.period.time, period)}`;
      out.set(key, (out.get(key) ?? 0) + r.value);
      out.set(`\u0000${bucketLabel(r.period.time, period)}`, r.value);
    }
  }
  return out;
}

const bucketLabel = (time: number, period: AggregatePeriod) => periodOf(time, period).label;

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
      const d = denominators.get(`${r.measure}\u0000${r.period}`) ?? denominators.get(`\u0000${r.period}`);
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
