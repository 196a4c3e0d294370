/**
 * The SPC factors (constants.ts): the subgroup factors against Montgomery's tables, and the
 * published factors for individual values against their exact values.
 */
import { describe, expect, it } from 'vitest';
import { D2_INDIVIDUALS, D4_INDIVIDUALS, E2, LANEY_D2, MEDIAN_MR_FACTOR, a2, a3, b3, b4, c4, d2, dd4 } from './constants.js';

describe('constants for subgroups', () => {
  it('constants: c4 from the gamma function, tabulated d2 (Montgomery appendix VI)', () => {
    expect(c4(3)).toBeCloseTo(Math.sqrt(Math.PI) / 2, 14); // sqrt(2/2) Gamma(3/2) / Gamma(1)
    expect(c4(2)).toBeCloseTo(Math.sqrt(2 / Math.PI), 14);
    // Montgomery's table to three decimals: A3(3) 1.954, B4(3) 2.568, B3(6) 0.030, A2(3) 1.023, D4(3) 2.574.
    expect(a3(3)).toBeCloseTo(1.954, 3);
    expect(b4(3)).toBeCloseTo(2.568, 3);
    expect(b3(6)).toBeCloseTo(0.03, 3);
    expect(b3(5)).toBe(0);
    expect(a2(3)).toBeCloseTo(1.023, 3);
    expect(dd4(3)).toBeCloseTo(2.574, 3);
    expect(d2(5)).toBe(2.326);
  });
});

describe('constants for individual values (src/core/constants.ts)', () => {
  // For two normal observations the range is sqrt(2) sigma |Z|: E = 2/sqrt(pi) sigma (d2),
  // sd = sqrt(2 - 4/pi) sigma (d3), median = sqrt(2) x 0.6744897502 sigma (d4; 0.6744897502 is the
  // normal distribution's 75th percentile). The published factors are these rounded.
  const d2Exact = 2 / Math.sqrt(Math.PI);
  const d3Exact = Math.sqrt(2 - 4 / Math.PI);
  const d4Exact = Math.SQRT2 * 0.6744897501960817;
  it('D2_INDIVIDUALS = d2(2) = 1.128, LANEY_D2 the same', () => {
    expect(D2_INDIVIDUALS).toBeCloseTo(d2Exact, 3);
    expect(D2_INDIVIDUALS).toBe(d2(2));
    expect(LANEY_D2).toBe(D2_INDIVIDUALS);
  });
  it('D4_INDIVIDUALS = 1 + 3 d3/d2 = 3.267; E2 = 3/d2 = 2.66; MEDIAN_MR_FACTOR = 3/d4 = 3.145', () => {
    expect(D4_INDIVIDUALS).toBeCloseTo(1 + (3 * d3Exact) / d2Exact, 3); // 3.26654
    expect(E2).toBeCloseTo(3 / d2Exact, 2); // 2.65868
    expect(MEDIAN_MR_FACTOR).toBeCloseTo(3 / d4Exact, 3); // 3.14507
  });
});
