/**
 * The streaming CSV record scanner behind both readers: the files of `spc analyse` (io/read.ts)
 * and the large raw exports `spc aggregate` streams in chunks (cli/aggregate.ts). It works on
 * bytes: a record without quotes costs a few native `indexOf` calls and turns into strings only
 * the fields a caller asks for; a record with quotes is parsed field by field. Chosen by
 * measurement on a street-level export (docs/performance.md): several times csv-parse's speed.
 * src/io/records.test.ts holds it to csv-parse on random CSV cut into random chunks.
 *
 * RFC 4180 fields: a field may be quoted, a quoted field may hold delimiters, newlines and doubled
 * quotes. Lines end with LF or CRLF. A UTF-8 byte-order mark is skipped. Blank lines are skipped.
 */

/** Gives field `i` of the current record as a string ('' past the end of the record). */
export type FieldAccess = (i: number) => string;

export interface RecordSink {
  /** `count` is the number of fields in the record; `line` the 1-based line it starts on. */
  record(field: FieldAccess, count: number, line: number): void;
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

export class RecordScanner {
  private rest: Buffer = Buffer.alloc(0);
  private line = 1;
  private first = true;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private buf: Buffer = Buffer.alloc(0);
  private count = 0;
  /** Newlines inside the quoted fields of the record being parsed (it spans 1 + newlines lines). */
  private newlines = 0;
  private readonly fast: FieldAccess = (i) => (i < this.count ? this.buf.toString('utf8', this.starts[i], this.ends[i]) : '');

  constructor(
    private readonly delimiter: number,
    private readonly sink: RecordSink,
  ) {}

  /** Feeds the next chunk of bytes. */
  push(chunk: Buffer): void {
    let buf = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    if (this.first) {
      if (buf.length < 3) {
        this.rest = buf;
        return;
      }
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      this.first = false;
    }
    const used = this.scan(buf, false);
    this.rest = buf.subarray(used);
  }

  /** Ends the input: the last record may lack a final newline. */
  end(): void {
    if (this.first && this.rest.length && this.rest[0] === 0xef) this.rest = this.rest.subarray(3);
    if (this.rest.length) this.scan(this.rest, true);
    this.rest = Buffer.alloc(0);
  }

  /** Scans whole records from `buf`; returns how many bytes were used. */
  private scan(buf: Buffer, final: boolean): number {
    const d = this.delimiter;
    let pos = 0;
    let nextQuote = buf.indexOf(QUOTE, 0);
    if (nextQuote < 0) nextQuote = buf.length;
    while (pos < buf.length) {
      let nl = buf.indexOf(LF, pos);
      if (nl < 0) {
        if (!final) break;
        nl = buf.length;
      }
      if (nextQuote < pos) {
        nextQuote = buf.indexOf(QUOTE, pos);
        if (nextQuote < 0) nextQuote = buf.length;
      }
      if (nextQuote < nl) {
        // A quoted field somewhere in this record: the careful path.
        const end = this.quoted(buf, pos, final);
        if (end < 0) break; // needs more bytes
        pos = end;
        continue;
      }
      let lineEnd = nl;
      if (lineEnd > pos && buf[lineEnd - 1] === CR) lineEnd--;
      if (lineEnd > pos) {
        // Fast path: no quotes; fields between delimiters.
        this.buf = buf;
        let count = 0;
        let start = pos;
        for (;;) {
          let next = buf.indexOf(d, start);
          if (next < 0 || next > lineEnd) next = lineEnd;
          this.starts[count] = start;
          this.ends[count] = next;
          count++;
          if (next >= lineEnd) break;
          start = next + 1;
        }
        this.count = count;
        this.sink.record(this.fast, count, this.line);
      }
      this.line++;
      pos = nl + 1;
    }
    return Math.min(pos, buf.length);
  }

  /**
   * Parses one record that contains quotes, starting at `pos`; returns the position after it, or
   * -1 when the buffer ends inside the record (and more input may come).
   */
  private quoted(buf: Buffer, pos: number, final: boolean): number {
    const fields: string[] = [];
    this.newlines = 0;
    let i = pos;
    for (;;) {
      i = i < buf.length && buf[i] === QUOTE ? this.quotedField(buf, i, final, fields) : this.plainField(buf, i, final, fields);
      if (i < 0) return -1;
      if (i >= buf.length || buf[i] === LF) return this.emit(fields, Math.min(i + 1, buf.length));
      // buf[i] is the delimiter
      i++;
      if (i >= buf.length) {
        if (!final) return -1;
        fields.push('');
        return this.emit(fields, i);
      }
    }
  }

  /**
   * A quoted field at `i`: up to the closing quote, "" standing for one quote. Pushes its text and
   * returns the position of the delimiter or newline after it, or -1 when more input may complete it.
   */
  private quotedField(buf: Buffer, i: number, final: boolean, fields: string[]): number {
    const parts: string[] = [];
    let from = i + 1;
    let j = from;
    for (;;) {
      const q = buf.indexOf(QUOTE, j);
      if (q < 0) {
        if (!final) return -1;
        throw new CsvSyntaxError('a quote opens here and is never closed (close it, or double any quote inside a quoted field)', this.line + this.newlines, fields.length + 1);
      }
      let newlines = 0;
      for (let k = j; k < q; k++) if (buf[k] === LF) newlines++;
      this.newlines += newlines;
      if (buf[q + 1] === QUOTE) {
        parts.push(buf.toString('utf8', from, q + 1));
        from = q + 2;
        j = q + 2;
        continue;
      }
      if (q + 1 >= buf.length && !final) return -1;
      parts.push(buf.toString('utf8', from, q));
      i = q + 1;
      break;
    }
    const after = i < buf.length ? buf[i] : LF;
    if (after !== this.delimiter && after !== LF && !(after === CR && (buf[i + 1] === LF || i + 1 >= buf.length))) {
      throw new CsvSyntaxError('text after a closing quote (double any quote inside a quoted field)', this.line + this.newlines, fields.length + 1);
    }
    fields.push(parts.join(''));
    return after === CR ? i + 1 : i;
  }

  /**
   * An unquoted field at `i` (in a record with quotes elsewhere): pushes its text and returns the
   * position of the delimiter or newline after it, or -1 when more input may complete it.
   */
  private plainField(buf: Buffer, i: number, final: boolean, fields: string[]): number {
    const d = this.delimiter;
    let end = i;
    while (end < buf.length && buf[end] !== d && buf[end] !== LF) {
      if (buf[end] === QUOTE) {
        throw new CsvSyntaxError('a quote inside an unquoted field (quote the whole field and double the quotes inside it)', this.line + this.newlines, fields.length + 1);
      }
      end++;
    }
    if (end >= buf.length && !final) return -1;
    let fieldEnd = end;
    if (fieldEnd > i && buf[fieldEnd - 1] === CR && (end >= buf.length || buf[end] === LF)) fieldEnd--;
    fields.push(buf.toString('utf8', i, fieldEnd));
    return end;
  }

  /** Hands a record with quotes to the sink and moves past its lines; returns `next`. */
  private emit(fields: readonly string[], next: number): number {
    this.sink.record((k) => fields[k] ?? '', fields.length, this.line);
    this.line += 1 + this.newlines;
    return next;
  }
}
