/** Grids: Excel's A1 column letters and how a cell is named in a message. */
import { describe, expect, it } from 'vitest';
import { columnLetters, csvLocator, located, sheetLocator } from './grid.js';

describe('columnLetters', () => {
  // Excel's column headings: Z is column 26, AA 27, AZ 52, BA 53, ZZ 702 (26 + 26*26), AAA 703,
  // and the last column of a worksheet, XFD, is 16,384 (Excel specifications and limits).
  it.each([
    [1, 'A'], [2, 'B'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD'],
  ])('column %i is %s', (n, letters) => expect(columnLetters(n)).toBe(letters));
});

describe('locators', () => {
  it('names a CSV cell file:line:column', () => {
    expect(located(csvLocator('a.csv')(6, 2))).toBe('a.csv:6:2');
    expect(located(csvLocator('a.csv')(6))).toBe('a.csv:6');
  });
  it('names a worksheet cell as Excel does', () => {
    const at = sheetLocator('pack.xlsx', 'Data');
    expect(located(at(6, 2))).toBe('pack.xlsx[Data]!B6');
    expect(located(at(6))).toBe('pack.xlsx[Data]!6:6');
    expect(located(at(undefined, 3))).toBe('pack.xlsx[Data]!C:C');
    expect(located(at())).toBe('pack.xlsx[Data]');
  });
});
