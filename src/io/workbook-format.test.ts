import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeKind, isShortestDecimal, numberKind, numberText, serialDay } from './workbook-format.js';

describe('number format kinds', () => {
  it('knows the built-in formats by id (ECMA-376 Part 1, 18.8.30: 9 "0%", 14 "mm-dd-yy", 17 "mmm-yy", 20 "h:mm")', () => {
    expect([0, 1, 9, 10, 14, 15, 16, 17, 20, 22, 49].map((id) => numberKind(id, undefined))).toEqual([
      'number', 'number', 'percent', 'percent', 'date', 'date', 'date', 'month', 'time', 'date', 'number',
    ]);
  });

  it('reads custom codes by their d, m, y, h, s and % outside quotes, escapes and brackets', () => {
    const cases: Array<[string, string]> = [
      ['dd/mm/yyyy', 'date'],
      ['[$-809]dd mmmm yyyy;@', 'date'],
      ['mmm-yy', 'month'],
      ['mmmm\\ yyyy', 'month'],
      ['yyyy', 'year'],
      ['h:mm AM/PM', 'time'],
      ['[h]:mm:ss', 'time'],
      ['0.0%', 'percent'],
      ['"Rate: "0.0', 'number'],
      ['[Red]#,##0;[Blue]-#,##0', 'number'],
      ['General', 'number'],
      ['0.00E+00', 'number'],
      ['#,##0" days"', 'number'],
      ['[$£-809]#,##0.00', 'number'],
    ];
    expect(cases.map(([code]) => [code, codeKind(code)])).toEqual(cases);
  });
});

describe('serial dates', () => {
  it("match Microsoft's documented serials", () => {
    // DATE function documentation: 1 is 1900-01-01 and 39448 is 2008-01-01 in the 1900 system;
    // "Date systems in Excel": the 1904 system counts from 1904-01-01 and differs by 1,462 days.
    expect(serialDay(1, false)).toBe('1900-01-01');
    expect(serialDay(39448, false)).toBe('2008-01-01');
    expect(serialDay(39448 - 1462, true)).toBe('2008-01-01');
    expect(serialDay(0, true)).toBe('1904-01-01');
  });

  it("count Excel's 29 February 1900 (serial 60): 59 is 28 February, 61 is 1 March", () => {
    expect([59, 60, 61].map((s) => serialDay(s, false))).toEqual(['1900-02-28', '1900-02-29', '1900-03-01']);
  });

  it('drop the time of day, rounding to the millisecond first', () => {
    expect(serialDay(39448.999, false)).toBe('2008-01-01');
    expect(serialDay(39448.99999999999, false)).toBe('2008-01-02'); // 1e-11 days short of midnight is midnight
    expect(serialDay(-1, false)).toBeNull();
  });
});

describe('numbers as text', () => {
  it('writes percentages to 15 significant digits (0.07 * 100 is 7.000000000000001 in doubles)', () => {
    expect(numberText(0.07, 'percent', false)).toBe('7%');
    expect(numberText(0.125, 'percent', false)).toBe('12.5%');
    expect(numberText(39448, 'month', false)).toBe('2008-01');
    expect(numberText(39448, 'year', false)).toBe('2008');
  });

  it('keeps stored decimal text only when it is what String() makes of the number', () => {
    expect(['12', '0.125', '-3.5', '0', '123456789012345'].every(isShortestDecimal)).toBe(true);
    expect(['1.50', '007', '-0', '0.0000001', '1E3', '0.30000000000000004', '1234567890123456'].some(isShortestDecimal)).toBe(false);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 17 }), (x, digits) => {
        const text = Number(x.toPrecision(digits)).toString();
        const plain = /e/.test(text) ? x.toFixed(Math.min(20, Math.max(0, digits))) : text;
        if (isShortestDecimal(plain)) expect(String(Number(plain))).toBe(plain);
      }),
    );
  });
});
