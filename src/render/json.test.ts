/** JSON in pieces: the same text as JSON.stringify(value, null, 2), on documents and on tricky values. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../io/decode.js';
import { readSeries } from '../io/read.js';
import { analyseAll } from '../model/analyse-all.js';
import { scaleRecord } from '../model/document.js';
import { falseSignalEstimator } from '../core/simulate.js';
import { chunked, jsonPieces } from './json.js';

const pretty = (v: unknown) => JSON.stringify(v, null, 2) as string | undefined;
const pieced = (v: unknown, levels?: number) => [...jsonPieces(v, levels)].join('');

/** The result document of the fixture, as `spc analyse --json` makes it (with the simulation). */
function fixtureDocument(multiply = 1) {
  const file = new URL('../../fixtures/community-safety.csv', import.meta.url);
  const series = readSeries(decodeFile(readFileSync(file), 'community-safety.csv').text, 'community-safety.csv', {});
  const doc = analyseAll(series, { flags: { chart: 'xmr' }, dateOrder: 'dmy', falseSignals: falseSignalEstimator() }, '0.0.0');
  return { ...doc, measures: doc.measures.map((m) => scaleRecord(m, multiply)) };
}

const TRICKY: Record<string, unknown> = {
  unicode: ['é', 'ß', '漢字', '😀', 'a\u2028b\u2029c', '\ud800', 'x\udc00y', '\ufeffbom'],
  control: ['\u0000\u0001\u001f', 'tab\tnew\nline\rcr', 'quote " back \\ slash', '\u007f'],
  numbers: [-0, 0, 1e21, 1e-7, 5e-324, -5e-324, Number.MAX_VALUE, 0.1 + 0.2, NaN, Infinity, -Infinity, 123456789012345680000],
  optional: { a: undefined, b: 1, c: { d: undefined }, e: [undefined, () => 1, Symbol('s')], f: () => 1, g: Symbol('t') },
  allUndefined: { a: undefined },
  empty: { array: [], object: {}, nested: [[], {}, [[]]] },
  keys: { '2': 'two', '1': 'one', 'b': 'b', 'a\nb': 'line', '"q"': 'quote', '': 'empty' },
  nested: [[1, [2, [3, [4, [5]]]]], { x: { y: { z: { w: 'deep' } } } }],
  dates: [new Date(Date.UTC(2020, 0, 1)), { when: new Date(0) }],
  withToJSON: { toJSON: () => ({ replaced: true }) },
  toUndefined: { toJSON: () => undefined },
  boxed: [Object(1), Object('s'), Object(false)],
  holes: [1, , 3], // eslint-disable-line no-sparse-arrays
  booleans: [true, false, null],
};

describe('jsonPieces', () => {
  it('gives the text of JSON.stringify(doc, null, 2) on the fixture documents', () => {
    for (const multiply of [1, 100]) {
      const doc = fixtureDocument(multiply);
      expect(doc.measures.length).toBeGreaterThan(3);
      for (const levels of [1, 2, 3, 4, 6]) expect(pieced(doc, levels)).toBe(pretty(doc));
    }
  });

  it('gives one piece per measure below the document and its measures array (levels 2)', () => {
    const doc = fixtureDocument();
    const pieces = [...jsonPieces(doc)];
    const measures = pieces.filter((p) => p.startsWith('{\n      "measure": '));
    expect(measures.length).toBe(doc.measures.length);
    expect(measures[0]).toBe(pretty(doc.measures[0])!.replace(/\n/g, '\n    '));
  });

  it('matches JSON.stringify on tricky values, at every depth', () => {
    for (const [name, value] of Object.entries(TRICKY)) {
      for (const levels of [1, 2, 3, 5, 8]) {
        expect(pieced(value, levels), `${name} at ${levels} levels`).toBe(pretty(value) ?? '');
        expect(pieced({ wrapped: [value] }, levels), `${name} wrapped at ${levels} levels`).toBe(pretty({ wrapped: [value] }));
      }
    }
    expect(pieced(TRICKY, 4)).toBe(pretty(TRICKY));
  });

  it('writes -0 as 0 and 1e21 in exponent form, like JSON.stringify', () => {
    expect(pieced({ a: [-0, 1e21, 5e-324] })).toBe('{\n  "a": [\n    0,\n    1e+21,\n    5e-324\n  ]\n}');
  });

  it('gives nothing for a value JSON.stringify gives no text for', () => {
    expect([...jsonPieces(undefined)]).toEqual([]);
    expect([...jsonPieces(() => 1)]).toEqual([]);
    expect(pieced('a\nb')).toBe('"a\\nb"');
    expect(pieced(3)).toBe('3');
  });

  it('matches JSON.stringify on random values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: false, withBoxedValues: true, withSparseArray: true, maxDepth: 5 }), fc.integer({ min: 1, max: 6 }), (v, levels) => {
        expect(pieced(v, levels)).toBe(pretty(v) ?? '');
      }),
      { numRuns: 500 },
    );
  });
});

describe('chunked', () => {
  it('joins pieces into chunks of at least the size, keeping the text', () => {
    const pieces = Array.from({ length: 100 }, (_, i) => 'x'.repeat(i % 7) + String(i));
    const chunks = [...chunked(pieces, 50)];
    expect(chunks.join('')).toBe(pieces.join(''));
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(50);
    expect([...chunked([], 10)]).toEqual([]);
  });
});
