/**
 * The chart's inline data: one row per point of the measure, its values scaled for display, with
 * the legend key and the screen-reader label of the point; and the number formats the chart's
 * own text uses.
 */
import type { Side, Variation } from '../core/types.js';
import { shapeOf, type LineField } from './chart-style.js';
import type { MeasureRecord, PointRecord } from '../model/document.js';
import { VARIATIONS, variationColour, variationLabel } from './vocabulary.js';

export interface ChartOptions {
  /** Display multiplier for values and lines (e.g. 100 to show a proportion as a percentage). */
  readonly multiply?: number;
}

/** ISO dates are read as UTC midnight, whatever the machine's time zone (a Vega-Lite parse format). */
export const DATE_PARSE = "utc:'%Y-%m-%d'";

/** Every line a phase can have, in drawing order (two-sigma lines under the limits, centre on top). */
export const LINE_FIELDS: readonly LineField[] = ['upper2', 'lower2', 'ucl', 'lcl', 'centre'];

/** One row of the chart's inline data. */
export interface ChartRow {
  period: string;
  date: string;
  value: number | null;
  centre: number | null;
  ucl: number | null;
  lcl: number | null;
  upper2: number | null;
  lower2: number | null;
  phase: number;
  variation: Variation;
  key: string;
  signals: string;
  label: string;
  note: string | null;
}

/** Scale for display, trimming float noise such as 0.07 * 100 = 7.000000000000001. */
export function scaler(k: number): (v: number | null | undefined) => number | null {
  if (k === 1) return (v) => v ?? null;
  return (v) => (v === null || v === undefined ? null : Number((v * k).toPrecision(12)));
}

/** A short, stable number format for descriptions and labels (not for the axes, which Vega formats). */
export function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** "(12/240)" for a proportion or rate, "(n=5)" for a subgroup statistic, else "". */
function countsText(p: PointRecord): string {
  if (p.numerator != null && p.denominator != null) return ` (${fmt(p.numerator)}/${fmt(p.denominator)})`;
  if (p.subgroupSize != null) return ` (n=${p.subgroupSize})`;
  return '';
}

/** "2024-03: 0.19 (12/240), improvement (outside-limits); note: new team". */
function pointLabel(p: PointRecord, value: number | null, signals: string, note: string | null): string {
  const observed =
    value === null
      ? `${p.period}: missing`
      : `${p.period}: ${fmt(value)}${countsText(p)}, ${variationLabel(p.variation).toLowerCase()}` + (signals ? ` (${signals})` : '');
  return observed + (note ? `; note: ${note}` : '');
}

/** The rows of the chart, values and lines multiplied by `k`. */
export function chartRows(m: MeasureRecord, k: number): ChartRow[] {
  const s = scaler(k);
  // Two-sigma lines trimmed of float noise; a phase repeats one value, so each line keeps its last.
  const trimmer = () => {
    let last = NaN;
    let out = 0;
    return (v: number | null) => {
      if (v === null) return null;
      if (v !== last) {
        last = v;
        out = Number(s(v)!.toPrecision(15));
      }
      return out;
    };
  };
  const upper2 = trimmer();
  const lower2 = trimmer();
  return m.points.map((p: PointRecord) => {
    const value = s(p.value);
    const signals = p.signals.join(', ');
    const note = p.note ? p.note : null;
    return {
      period: p.period,
      date: p.date,
      value,
      centre: s(p.centre),
      ucl: s(p.ucl),
      lcl: s(p.lcl),
      upper2: upper2(p.upper2sigma),
      lower2: lower2(p.lower2sigma),
      phase: p.phase,
      variation: p.variation,
      key: variationLabel(p.variation, p.side),
      signals,
      label: pointLabel(p, value, signals, note),
      note,
    };
  });
}

/** One entry of the legend, which colour and shape share. */
export interface LegendEntry {
  key: string;
  colour: string;
  shape: string;
}

/** The variation/side combinations present (common cause always), in a fixed order. */
export function legendEntries(values: readonly ChartRow[]): LegendEntry[] {
  const legend: LegendEntry[] = [];
  for (const v of VARIATIONS) {
    for (const side of [null, 'high', 'low'] as const satisfies readonly (Side | null)[]) {
      const key = variationLabel(v, side);
      if (legend.some((l) => l.key === key)) continue;
      if (values.some((r) => r.value !== null && r.key === key) || (v === 'common-cause' && side === null)) {
        legend.push({ key, colour: variationColour(v), shape: shapeOf(v, side) });
      }
    }
  }
  return legend;
}

/** Whether any phase's lines change from point to point (the phase says so, or its values differ). */
export function limitsVary(m: MeasureRecord, values: readonly ChartRow[]): boolean {
  if (m.phases.some((ph) => ph.limitsVary)) return true;
  const seen = new Map<number, ChartRow>();
  for (const r of values) {
    const prev = seen.get(r.phase);
    if (prev && LINE_FIELDS.some((f) => r[f] !== null && prev[f] !== null && r[f] !== prev[f])) return true;
    if (r.ucl !== null || r.lcl !== null) seen.set(r.phase, r);
  }
  return false;
}
