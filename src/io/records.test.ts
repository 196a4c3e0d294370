/**
 * The byte-level record scanner against csv-parse (the reference reader) on random CSV text cut
 * into random chunks: the same records, the same start lines.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, RecordScanner } from './records.js';

function scanAll(text: string, cuts: number[], delimiter = ','): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const scanner = new RecordScanner(delimiter.charCodeAt(0), {
    record(field, count, line) {
      out.push({ fields: Array.from({ length: count }, (_, i) => field(i)), line });
    },
  });
  const bytes = Buffer.from(text, 'utf8');
  let from = 0;
  for (const c of [...cuts.map((x) => Math.floor(x * bytes.length)).sort((a, b) => a - b), bytes.length]) {
    scanner.push(bytes.subarray(from, Math.max(from, c)));
    from = Math.max(from, c);
  }
  scanner.end();
  return out;
}

const cell = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'crlf\r\nline', '', ' ', 'Café', '£5', '"'),
);

describe('RecordScanner', () => {
  it('reads what csv-stringify writes, whatever the chunking (LF and CRLF)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        (rows, cuts, eol) => {
          // Rows of one empty field are written as blank lines, which both readers skip.
          const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          const text = stringify(kept, { record_delimiter: eol === '\n' ? 'unix' : 'windows', quoted_match: /[\r\n]/ });
          const expected = (parse(text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[]).map(
            (r) => r.record,
          );
          expect(scanAll(text, cuts).map((r) => r.fields)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('numbers records by the line they start on, counting newlines inside quotes', () => {
    const text = 'h1,h2\na,"x\ny"\n\nb,c\r\n"d",e';
    expect(scanAll(text, [0.3, 0.6])).toEqual([
      { fields: ['h1', 'h2'], line: 1 },
      { fields: ['a', 'x\ny'], line: 2 },
      { fields: ['b', 'c'], line: 5 },
      { fields: ['d', 'e'], line: 6 },
    ]);
  });
  it('skips a UTF-8 byte-order mark and reads semicolons', () => {
    expect(scanAll('\uFEFFa;b\n1;2\n', [0.1], ';').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('locates quote errors', () => {
    expect(() => scanAll('a,b\n1,"open\n2,3\n', [])).toThrow(CsvSyntaxError);
    try {
      scanAll('a,b\n1,"open\n2,3\n', []);
    } catch (e) {
      expect([(e as CsvSyntaxError).line, (e as CsvSyntaxError).column]).toEqual([2, 2]);
    }
    try {
      scanAll('a,b\n1,2"x\n', []);
    } catch (e) {
      expect([(e as CsvSyntaxError).line, (e as CsvSyntaxError).column, (e as Error).message]).toEqual([
        2,
        2,
        'a quote inside an unquoted field (quote the whole field and double the quotes inside it)',
      ]);
    }
  });
});
