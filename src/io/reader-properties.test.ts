/**
 * Reader properties (fast-check): a table written with csv-stringify reads back as the same series;
 * the reader throws nothing but its own error on arbitrary bytes; results do not depend on row order.
 */
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { decodeFile } from './decode.js';
import { SpcError } from './errors.js';
import { readSeries } from './read.js';
import { analyseAll } from '../model/analyse-all.js';

const measureName = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '' && s === s.trim());
const month = fc.integer({ min: 0, max: 239 }).map((k) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
const value = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), fc.constant(null));
const table = fc.uniqueArray(fc.tuple(measureName, fc.uniqueArray(month, { minLength: 1, maxLength: 12 }), fc.array(value, { minLength: 12, maxLength: 12 })), {
  minLength: 1,
  maxLength: 4,
  selector: ([m]) => m,
});

describe('reader properties', () => {
  it('csv-stringify then readSeries gives back the same series', () => {
    fc.assert(
      fc.property(table, (t) => {
        const rows = t.flatMap(([m, periods, values]) => periods.map((p, i) => [m, p, values[i] === null ? '' : String(values[i])]));
        const text = stringify(rows, { header: true, columns: ['measure', 'period', 'value'] });
        const read = readSeries(text, 't.csv');
        const expected = new Map(t.map(([m, periods, values]) => [m, periods.map((p, i) => [p, values[i] === null ? null : Object.is(values[i], -0) ? 0 : values[i]]).sort()]));
        expect(new Map(read.map((s) => [s.measure, s.rows.map((r) => [r.period.text, r.value === 0 ? 0 : r.value]).sort()]))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('throws nothing but SpcError on arbitrary bytes (10,000 runs)', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      // Mostly-CSV noise: the characters that matter to the parser.
      fc.array(fc.constantFrom('a', '1', ',', ';', '\t', '"', '\n', '\r', ' ', '-', '2020-01', 'measure', 'period', 'value', '#N/A', '%', '\uFEFF', 'é'), { maxLength: 80 }).map((xs) =>
        new TextEncoder().encode(xs.join('')),
      ),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        try {
          readSeries(decodeFile(b, 'r.csv').text, 'r.csv');
        } catch (e) {
          if (!(e instanceof SpcError)) throw e;
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('results are invariant to row order', () => {
    const lines = ['measure,period,value', ...Array.from({ length: 40 }, (_, i) => `A,${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${(i * 37) % 23}`)];
    lines.push(...Array.from({ length: 30 }, (_, i) => `B,${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${(i * 11) % 7}`));
    // Each measure's result, by name (measures are listed in the order they first appear, which a
    // shuffle may change; everything else must not change).
    const analyse = (text: string) =>
      Object.fromEntries(analyseAll(readSeries(text, 'o.csv'), { flags: {}, dateOrder: 'dmy' }, 'test').measures.map((m) => [m.measure, m]));
    const reference = analyse(lines.join('\n'));
    fc.assert(
      fc.property(fc.shuffledSubarray(lines.slice(1), { minLength: lines.length - 1, maxLength: lines.length - 1 }), (rows) => {
        expect(analyse([lines[0], ...rows].join('\n'))).toEqual(reference);
      }),
      { numRuns: 50 },
    );
  });
});
