/**
 * Numeric cells: each spelling in the decimal-point and decimal-comma conventions with the value
 * worked out by hand (digits read with the convention's decimal mark, separators dropped,
 * parentheses meaning a negative as in accounting formats), missing markers, malformed numbers,
 * and a round trip of random numbers through every decoration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMA_DECIMAL, NUMBER_FORMS, NUMBER_FORMS_COMMA, parseCell, parseNumber, POINT_DECIMAL, type NumberStyle } from './cells.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('decimal point (the default)', () => {
  it.each([
    ['123', 123, false],
    ['12.5', 12.5, false],
    [' -3 ', -3, false],
    ['-1.5e3', -1500, false],
    ['1,234', 1234, true],
    ['12,345,678.5', 12345678.5, true],
    ['1 200', 1200, true],
    ['1 234 567.5', 1234567.5, true],
    [`1${NBSP}234`, 1234, true],
    [`1${NNBSP}234${NNBSP}567.25`, 1234567.25, true],
    ['1.234', 1.234, false],
    ['+1,234', 1234, true],
  ])('%j is %d', (text, value, thousands) => {
    expect(parseCell(text)).toEqual({ kind: 'number', value, percent: false, thousands });
    expect(parseCell(text, POINT_DECIMAL)).toEqual(parseCell(text));
  });
});

describe('decimal comma', () => {
  it.each([
    ['123', 123, false],
    ['3,93', 3.93, false],
    ['-3,93', -3.93, false],
    // The file's convention wins: 1,234 is one and 234 thousandths, 1.234 is one thousand two hundred and thirty-four.
    ['1,234', 1.234, false],
    ['1.234', 1234, true],
    ['1.234,5', 1234.5, true],
    ['1.234.567,25', 1234567.25, true],
    ['1 234,5', 1234.5, true],
    [`1${NBSP}234,5`, 1234.5, true],
    [`12${NNBSP}345`, 12345, true],
    // Lenient: a `.` that cannot be a thousands separator is a decimal point.
    ['12.5', 12.5, false],
    ['0.123', 0.123, false],
    ['1234.5', 1234.5, false],
  ])('%j is %d', (text, value, thousands) => {
    expect(parseCell(text, COMMA_DECIMAL)).toEqual({ kind: 'number', value, percent: false, thousands });
  });
});

describe('currency, percent and parentheses', () => {
  it.each([
    ['£12', POINT_DECIMAL, 12, '£', false],
    ['$1,200', POINT_DECIMAL, 1200, '$', false],
    ['-£12', POINT_DECIMAL, -12, '£', false],
    ['£-12', POINT_DECIMAL, -12, '£', false],
    ['(12)', POINT_DECIMAL, -12, undefined, false],
    ['(£1,200)', POINT_DECIMAL, -1200, '£', false],
    ['(12%)', POINT_DECIMAL, -12, undefined, true],
    ['12.5%', POINT_DECIMAL, 12.5, undefined, true],
    ['12 %', POINT_DECIMAL, 12, undefined, true],
    ['€1.200', COMMA_DECIMAL, 1200, '€', false],
    ['-€1.234,5', COMMA_DECIMAL, -1234.5, '€', false],
    ['€-3,5', COMMA_DECIMAL, -3.5, '€', false],
    ['(€1 200,5)', COMMA_DECIMAL, -1200.5, '€', false],
    ['12,5%', COMMA_DECIMAL, 12.5, undefined, true],
    ['(12,5%)', COMMA_DECIMAL, -12.5, undefined, true],
  ] as const)('%j is %d', (text, style, value, unit, percent) => {
    const cell = parseCell(text, style);
    expect(cell).toMatchObject({ kind: 'number', value, percent });
    expect(cell.kind === 'number' && cell.unit).toBe(unit ?? undefined);
    // No unit key at all when no currency sign was written.
    if (unit === undefined) expect(Object.hasOwn(cell, 'unit')).toBe(false);
  });
});

describe('missing and bad cells', () => {
  it('reads the missing markers as before, in both styles', () => {
    for (const style of [POINT_DECIMAL, COMMA_DECIMAL]) {
      for (const t of ['#N/A', '#DIV/0!', 'NA', 'null', '-', '--', '..', 'x']) expect(parseCell(t, style)).toEqual({ kind: 'missing', marker: t });
      expect(parseCell('  ', style)).toEqual({ kind: 'missing', marker: null });
    }
  });
  it.each(['12abc', '1,23,4', '--12', '(-12)', '-(12)', '££12', '12 %%', '1,23', '12,5', '1.2.3', '0,123', '1,234 567', '£', '()', '%', '£ 12', '12£'])(
    '%j is not a number with a decimal point',
    (text) => {
      expect(parseCell(text)).toEqual({ kind: 'bad' });
    },
  );
  it.each(['12abc', '1.23.4', '--12', '(-12)', '££12', '12 %%', '1,234.5', '1.234.56', '1,2,3'])('%j is not a number with a decimal comma', (text) => {
    expect(parseCell(text, COMMA_DECIMAL)).toEqual({ kind: 'bad' });
  });
  it('marks numbers beyond the double range as too large', () => {
    // The largest double is about 1.8e308 (IEEE 754 binary64).
    for (const t of ['1e400', '(1e400)', '£1e400', '-1e999%']) expect(parseCell(t), t).toEqual({ kind: 'bad', tooLarge: true });
    expect(parseCell('1e400', COMMA_DECIMAL)).toEqual({ kind: 'bad', tooLarge: true });
  });
  it('keeps parseNumber strict', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    for (const t of ['1,234', '£12', '(12)', '12%']) expect(parseNumber(t)).toBeNull();
  });
  it('has messages listing the forms', () => {
    expect(NUMBER_FORMS).toContain('1,234');
    expect(NUMBER_FORMS_COMMA).toContain('12,5');
  });
});

/** Groups the integer digits in threes from the right with `sep`. */
function group(digits: string, sep: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(sep);
}

describe('round trip (fast-check)', () => {
  // 15 significant digits in fixed notation (toPrecision gives fixed notation from 1e-6 up to
  // 10^15), so the written value is within 5e-15 relative of the number drawn.
  const magnitude = fc.oneof(fc.double({ min: 1e-6, max: 9e14, noNaN: true }), fc.integer({ min: 0, max: 999_999_999 }));
  const decoration = fc.record({
    negative: fc.boolean(),
    parens: fc.boolean(),
    signAfterUnit: fc.boolean(),
    unit: fc.constantFrom('', '£', '$', '€'),
    percent: fc.boolean(),
    sep: fc.integer({ min: 0, max: 4 }),
  });
  const write = (x: number, d: { negative: boolean; parens: boolean; signAfterUnit: boolean; unit: string; percent: boolean; sep: number }, style: NumberStyle) => {
    const [int, frac] = (Number.isInteger(x) ? String(x) : x.toPrecision(15)).split('.');
    const seps = style.decimal === '.' ? ['', ',', ' ', NBSP, NNBSP] : ['', '.', ' ', NBSP, NNBSP];
    let text = group(int, seps[d.sep]) + (frac === undefined ? '' : style.decimal + frac) + (d.percent ? '%' : '');
    if (!d.negative) return d.unit + text;
    if (d.parens) return `(${d.unit}${text})`;
    text = d.signAfterUnit ? `${d.unit}-${text}` : `-${d.unit}${text}`;
    return text;
  };
  for (const style of [POINT_DECIMAL, COMMA_DECIMAL]) {
    it(`reads back numbers written with decimal ${JSON.stringify(style.decimal)}`, () => {
      fc.assert(
        fc.property(magnitude, decoration, (x, d) => {
          const text = write(x, d, style);
          const cell = parseCell(text, style);
          if (cell.kind !== 'number') throw new Error(`${JSON.stringify(text)} did not read`);
          const expected = d.negative ? -x : x;
          expect(Math.abs(cell.value - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
          expect(cell.percent).toBe(d.percent);
          expect(cell.unit).toBe(d.unit === '' ? undefined : d.unit);
        }),
        { numRuns: 2000 },
      );
    });
  }
});
