/**
 * Layout properties (fast-check): a random series written long, wide or across — as CSV with
 * csv-stringify, and as .xlsx with write-excel-file (a writer sharing no code with spc) — reads
 * back to the series that was written: the same measures, periods and values, missing values
 * missing. The expected series is the generated one itself, never what another reading gave.
 *
 * Generated series: 1-4 measures with distinct names (a pool of names no layout reads as a
 * header role or a period), monthly periods written YYYY-MM, values finite or missing, each
 * measure with at least one value (a wide column of empty cells is left out, by design).
 */
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readCsvTable, type TableRead } from '../src/io/read.js';
import { readWorkbookTable } from '../src/io/read-workbook.js';
import type { Layout } from '../src/io/layouts.js';

type Value = number | null;
/** One measure's values, one per period of the table (null: missing). */
interface Generated {
  readonly periods: readonly string[];
  readonly measures: readonly { readonly name: string; readonly values: readonly Value[] }[];
}

const NAMES = ['Burglary', 'Robbery', 'Arson', 'Shoplifting', 'Fraud', 'Bed days', 'A&E waits', 'Calls answered'];
const monthText = (k: number) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
// -0 is written "0" and read as 0: generate 0 instead.
const finite = fc
  .oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }))
  .map((v) => (Object.is(v, -0) ? 0 : v));
const value: fc.Arbitrary<Value> = fc.option(finite, { freq: 4, nil: null });

const generated: fc.Arbitrary<Generated> = fc
  .record({
    months: fc.uniqueArray(fc.integer({ min: 0, max: 299 }), { minLength: 1, maxLength: 12 }),
    names: fc.shuffledSubarray(NAMES, { minLength: 1, maxLength: 4 }),
  })
  .chain(({ months, names }) => {
    const periods = [...months].sort((a, b) => a - b).map(monthText);
    const values = fc.array(value, { minLength: periods.length, maxLength: periods.length }).filter((vs) => vs.some((v) => v !== null));
    return fc.tuple(...names.map(() => values)).map((vs) => ({ periods, measures: names.map((name, i) => ({ name, values: vs[i] })) }));
  });

/** The table of a layout, as rows of cells (null: an empty cell); the header first. */
function table(g: Generated, layout: Layout): (string | Value)[][] {
  if (layout === 'long') {
    return [['Measure', 'Period', 'Value'], ...g.measures.flatMap((m) => g.periods.map((p, i) => [m.name, p, m.values[i]]))];
  }
  if (layout === 'wide') {
    return [['Period', ...g.measures.map((m) => m.name)], ...g.periods.map((p, i) => [p, ...g.measures.map((m) => m.values[i])])];
  }
  return [['Measure', ...g.periods], ...g.measures.map((m) => [m.name, ...m.values])];
}

function csvText(g: Generated, layout: Layout): string {
  return stringify(table(g, layout).map((row) => row.map((c) => (c === null ? '' : String(c)))));
}

async function xlsxBytes(g: Generated, layout: Layout): Promise<Uint8Array> {
  const cell = (c: string | Value) => (c === null ? null : typeof c === 'number' ? { value: c, type: Number } : { value: c, type: String });
  return new Uint8Array(await writeExcelFile(table(g, layout).map((row) => row.map(cell))).toBuffer());
}

/** What was read, in the shape generated: measures in order of appearance, each period's text and value. */
function readBack(read: TableRead) {
  return read.series.map((s) => ({ name: s.measure, rows: s.rows.map((r) => [r.period.text, r.value]) }));
}

function expected(g: Generated) {
  return g.measures.map((m) => ({ name: m.name, rows: g.periods.map((p, i) => [p, m.values[i]]) }));
}

const LAYOUTS: readonly Layout[] = ['long', 'wide', 'across'];

describe('a series written in any layout reads back the same', () => {
  for (const layout of LAYOUTS) {
    it(`as CSV, ${layout} (detected, then forced)`, () => {
      fc.assert(
        fc.property(generated, (g) => {
          const text = csvText(g, layout);
          const read = readCsvTable(text, 'g.csv');
          expect(read.layout).toBe(layout);
          expect(readBack(read)).toEqual(expected(g));
          expect(readBack(readCsvTable(text, 'g.csv', { layout }))).toEqual(expected(g));
        }),
        { numRuns: 150 },
      );
    });

    it(`as .xlsx written by write-excel-file, ${layout}`, async () => {
      await fc.assert(
        fc.asyncProperty(generated, async (g) => {
          const read = readWorkbookTable(await xlsxBytes(g, layout), 'g.xlsx');
          expect(read.layout).toBe(layout);
          expect(readBack(read)).toEqual(expected(g));
        }),
        { numRuns: 15 },
      );
    });
  }

  it('the three CSV layouts of one series give one another the same series', () => {
    fc.assert(
      fc.property(generated, (g) => {
        const [long, wide, across] = LAYOUTS.map((layout) => readBack(readCsvTable(csvText(g, layout), 'g.csv')));
        expect(wide).toEqual(long);
        expect(across).toEqual(long);
      }),
      { numRuns: 100 },
    );
  });
});
