/**
 * What the analysis found on each point, from its columns: the rules that fired, the side and the
 * variation (variation.ts), kept as columns; each point's record made from them on demand, and the
 * summary (counts, the latest point, the icons) computed from the columns without any record.
 */
import { CHARTS } from './charts/index.js';
import { HIGH, LOW } from './rules/index.js';
import type { Analysis, ColumnarAnalysis, PointResult, RuleId, Side, Variation } from './types.js';
import { assuranceIcon, classifyPoint, variationIcon, type SignalHit } from './variation.js';

/** Each point's findings, indexed by point. */
export interface PointFindings {
  /** The rules that fired on the point, in contract order, each once. */
  readonly signals: readonly (readonly RuleId[])[];
  readonly sides: readonly (Side | null)[];
  readonly variations: readonly Variation[];
}

const NO_HITS: readonly SignalHit[] = [];

/** The rules that fired on point i, one hit per side. */
function hitsAt(col: ColumnarAnalysis, i: number): readonly SignalHit[] {
  let hits: SignalHit[] | null = null;
  for (const [rule, f] of col.flags) {
    const b = f[i];
    if (b === 0) continue;
    hits ??= [];
    if (b & HIGH) hits.push({ rule, side: 'high' });
    if (b & LOW) hits.push({ rule, side: 'low' });
  }
  return hits ?? NO_HITS;
}

/** Every point's signals, side and variation. */
export function findPoints(col: ColumnarAnalysis): PointFindings {
  const signals: (readonly RuleId[])[] = new Array(col.n);
  const sides: (Side | null)[] = new Array(col.n);
  const variations: Variation[] = new Array(col.n);
  for (let i = 0; i < col.n; i++) {
    const hits = hitsAt(col, i);
    if (hits.length === 0) {
      // A point without signals: common cause (classifyPoint), with an empty list of its own.
      signals[i] = [];
      sides[i] = null;
      variations[i] = 'common-cause';
      continue;
    }
    const rules: RuleId[] = [];
    for (const h of hits) if (rules[rules.length - 1] !== h.rule) rules.push(h.rule);
    const { variation, side } = classifyPoint(hits, col.direction, col.rules);
    signals[i] = rules;
    sides[i] = side;
    variations[i] = variation;
  }
  return { signals, sides, variations };
}

/** Line value of point i: null where the point is not observed or has no such line. */
function lineAt(col: ColumnarAnalysis, arr: Float64Array, i: number): number | null {
  return col.observed[i] && !Number.isNaN(arr[i]) ? arr[i] : null;
}

/** A point record being written (PointResult's fields are read-only). */
export type PointDraft = { -readonly [K in keyof PointResult]: PointResult[K] };

/** An empty point record, its keys in the order of PointResult (every record has this one shape). */
export function newPoint(): PointDraft {
  return {
    index: 0, value: null, phase: 0, baseline: false, excluded: false,
    centre: null, sigma: null, ucl: null, lcl: null, upper1: null, lower1: null, upper2: null, lower2: null,
    signals: [], side: null, variation: 'common-cause',
  };
}

/**
 * Point i's record, made from the columns and written into `into` (a reader that copies the
 * fields at once can pass one object for every point: no record is made per point).
 */
export function pointAt(col: ColumnarAnalysis, found: PointFindings, i: number, into: PointDraft = newPoint()): PointResult {
  const { lines } = col;
  into.index = i;
  into.value = col.observed[i] ? (col.plotted[i] as number) : null;
  into.phase = col.phaseOf[i];
  into.baseline = col.inBaseline[i] === 1;
  into.excluded = col.excluded[i] === 1;
  into.centre = lineAt(col, lines.centre, i);
  into.sigma = lineAt(col, lines.sigma, i);
  into.ucl = lineAt(col, lines.ucl, i);
  into.lcl = lineAt(col, lines.lcl, i);
  into.upper1 = lineAt(col, lines.upper1, i);
  into.lower1 = lineAt(col, lines.lower1, i);
  into.upper2 = lineAt(col, lines.upper2, i);
  into.lower2 = lineAt(col, lines.lower2, i);
  into.signals = found.signals[i];
  into.side = found.sides[i];
  into.variation = found.variations[i];
  return into;
}

/** Every point's record. */
export function pointResults(col: ColumnarAnalysis, found: PointFindings): PointResult[] {
  const points: PointResult[] = new Array(col.n);
  for (let i = 0; i < col.n; i++) points[i] = pointAt(col, found, i);
  return points;
}

/** Counts, the latest point and the icons (Making Data Count). */
export function summarise(col: ColumnarAnalysis, found: PointFindings): Analysis['summary'] {
  const signalCounts: Partial<Record<RuleId, number>> = {};
  for (const rules of found.signals) for (const r of rules) signalCounts[r] = (signalCounts[r] ?? 0) + 1;
  let latestIndex: number | null = null;
  for (let i = col.n - 1; i >= 0; i--) if (col.observed[i]) { latestIndex = i; break; }
  const latest = latestIndex === null ? null : pointAt(col, found, latestIndex);
  let count = 0;
  for (let i = 0; i < col.n; i++) count += col.observed[i];
  const hasLimits = CHARTS[col.chart].hasLimits;
  return {
    n: count,
    missing: col.n - count,
    latestIndex,
    latestValue: latest?.value ?? null,
    signalCounts,
    variationIcon: variationIcon(latest, latest !== null && (hasLimits ? latest.ucl !== null : latest.centre !== null)),
    assuranceIcon: assuranceIcon(col.target, col.direction, { ucl: latest?.ucl ?? null, lcl: latest?.lcl ?? null }),
  };
}
