/**
 * A CSV text as a grid: its records handed on as they are scanned (none is kept), each with the
 * line it starts on, wholly blank records skipped. The delimiter is sniffed from the first line
 * unless given. A CSV syntax error names file:line:column.
 */
import { csvLocator, type GridSink, type Locator } from './grid.js';
import { CsvSyntaxError, RecordScanner } from './records.js';
import { inputError } from './errors.js';

export type Delimiter = ',' | ';' | '\t';

/** The delimiter of a CSV text: the most frequent of comma, semicolon and tab in its first line (outside quotes). */
export function sniffDelimiter(text: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/** A grid whose rows are produced by scanning: CSV text, or a worksheet's rows. */
export interface GridSource {
  /** The file as the user named it. */
  readonly file: string;
  readonly locate: Locator;
  /** Hands every non-blank row to the sink, in order. */
  scan(sink: GridSink): void;
  /** What the reader noticed about the source, for `--verbose` (e.g. `delimiter ";"`). */
  readonly notes: readonly string[];
}

/** A CSV text as a grid source; a syntax error anywhere is thrown as an error naming its line and column. */
export function csvSource(text: string, file: string, delimiter: Delimiter): GridSource {
  return {
    file,
    locate: csvLocator(file),
    notes: [`delimiter ${delimiter === '\t' ? 'tab' : JSON.stringify(delimiter)}`],
    scan(sink) {
      const scanner = new RecordScanner(delimiter.charCodeAt(0), {
        record(field, count, line) {
          const cells = new Array<string>(count);
          let blank = true;
          for (let i = 0; i < count; i++) {
            cells[i] = field(i);
            if (blank && cells[i].trim() !== '') blank = false;
          }
          if (!blank) sink.row({ cells, line });
        },
      });
      try {
        scanner.push(Buffer.from(text, 'utf8'));
        scanner.end();
      } catch (e) {
        if (e instanceof CsvSyntaxError) throw inputError(file, e.line, e.column, `not valid CSV: ${e.message}`);
        throw e;
      }
    },
  };
}
