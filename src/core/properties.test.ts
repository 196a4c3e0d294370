/**
 * Property tests (fast-check): for every chart type that allows it, scaling the data by k > 0
 * scales every line by k, and shifting it by c shifts the centre and limits by c; in both cases the
 * signals do not change. Cases where a point lies within a rounding error of a line are skipped
 * (the side of a point exactly on a line may legitimately flip under floating-point arithmetic).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS, analyse, preset, type Analysis, type ChartType, type SeriesData } from './index.js';

const presets = Object.keys(PRESETS);
const LINES = ['centre', 'ucl', 'lcl', 'upper1', 'lower1', 'upper2', 'lower2'] as const;

/** True when some point is within a relative 1e-9 of one of its lines, or two neighbours tie within it. */
function nearTie(a: Analysis): boolean {
  const eps = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
  return a.points.some((p, i) => {
    if (p.value === null) return false;
    const prev = a.points[i - 1]?.value;
    if (prev !== null && prev !== undefined && Math.abs(prev - p.value) < eps(p.value) && prev !== p.value) return true;
    return LINES.some((k) => p[k] !== null && p[k] !== p.value && Math.abs(p[k]! - p.value!) < eps(p.value!));
  });
}

const signals = (a: Analysis) => a.points.map((p) => `${p.signals.join('+')}:${p.side}:${p.variation}`);

function transform(data: SeriesData, f: (x: number) => number): SeriesData {
  return {
    values: Array.from(data.values, (v) => (v === null ? null : f(v))),
    subgroups: data.subgroups?.map((g) => g?.map(f) ?? null) ?? null,
  };
}

// Values with two decimals in [-1000, 1000] (fast-check's doubles crowd around 0, where every
// point ties with every line); one in ten missing.
const value = fc.integer({ min: -100000, max: 100000 }).map((x) => x / 100);
const series = fc.array(fc.oneof({ weight: 9, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }), {
  minLength: 3,
  maxLength: 40,
});
const subgroups = fc.array(fc.array(value, { minLength: 2, maxLength: 6 }), { minLength: 3, maxLength: 25 });

interface Case {
  chart: ChartType;
  data: fc.Arbitrary<SeriesData>;
  shift: boolean;
}

const CASES: Case[] = [
  { chart: 'xmr', data: series.map((values) => ({ values })), shift: true },
  { chart: 'run', data: series.map((values) => ({ values })), shift: true },
  { chart: 'mr', data: series.map((values) => ({ values })), shift: false },
  { chart: 'xbar-s', data: subgroups.map((g) => ({ values: g.map(() => null), subgroups: g })), shift: true },
  { chart: 'xbar-r', data: subgroups.map((g) => ({ values: g.map(() => null), subgroups: g })), shift: true },
  { chart: 's', data: subgroups.map((g) => ({ values: g.map(() => null), subgroups: g })), shift: false },
  { chart: 'r', data: subgroups.map((g) => ({ values: g.map(() => null), subgroups: g })), shift: false },
];

describe.each(CASES)('$chart', ({ chart, data, shift }) => {
  it('scaling by k > 0 scales the lines and keeps the signals', () => {
    fc.assert(
      fc.property(data, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(...presets), (d, k, name) => {
        const options = { chart, rules: preset(name), direction: 'higher-is-better' as const };
        const a = analyse(d, options);
        const b = analyse(transform(d, (x) => x * k), options);
        fc.pre(!nearTie(a) && !nearTie(b));
        expect(signals(b)).toEqual(signals(a));
        a.points.forEach((p, i) => {
          for (const key of LINES) {
            if (p[key] === null) expect(b.points[i][key]).toBeNull();
            else expect(b.points[i][key]!).toBeCloseTo(p[key]! * k, 6 - Math.ceil(Math.log10(Math.max(1, Math.abs(p[key]! * k)))));
          }
        });
      }),
      { numRuns: 150 },
    );
  });
  it.skipIf(!shift)('shifting by c shifts centre and limits and keeps the signals', () => {
    fc.assert(
      fc.property(data, fc.double({ min: -500, max: 500, noNaN: true }), fc.constantFrom(...presets), (d, c, name) => {
        const options = { chart, rules: preset(name), direction: 'lower-is-better' as const };
        const a = analyse(d, options);
        const b = analyse(transform(d, (x) => x + c), options);
        fc.pre(!nearTie(a) && !nearTie(b));
        expect(signals(b)).toEqual(signals(a));
        a.points.forEach((p, i) => {
          for (const key of LINES) if (p[key] !== null) expect(Math.abs(b.points[i][key]! - (p[key]! + c))).toBeLessThan(1e-6);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('invariance to row order is the reader\'s job; the core is deterministic', () => {
  it('the same input gives the same analysis', () => {
    fc.assert(
      fc.property(series, (values) => {
        expect(analyse({ values }, { rules: preset('nelson'), direction: 'neutral' })).toEqual(analyse({ values }, { rules: preset('nelson'), direction: 'neutral' }));
      }),
      { numRuns: 50 },
    );
  });
});
