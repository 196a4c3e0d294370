/**
 * The result document of contract section 4 (its types: document-types.ts). `buildMeasureRecord` is the
 * single place where core results (indices) meet the readers' period labels; every renderer (JSON,
 * CSV, terminal table, chart, report) reads this document and nothing else.
 */
import type { ChartType } from '../core/charts/index.js';
import type { ClassifiedAnalysis } from '../core/analyse.js';
import { newPoint, pointAt, type PointDraft } from '../core/point-findings.js';
import type { Analysis, PointResult, SignalSpan } from '../core/types.js';
import { LINE_KEYS, type LineKey } from '../core/lines.js';
import type { Granularity, PeriodInfo } from '../io/periods.js';
import type { MeasureRecord, PhaseRecord, PointRecord, SpanRecord, SummaryRecord } from './document-types.js';
import { describeWarning } from './warnings.js';

// The document's record types have a module of their own; their names are read from here too.
export {
  SCHEMA_VERSION,
  type MeasureRecord,
  type PhaseRecord,
  type PointRecord,
  type ResultDocument,
  type SpanRecord,
  type SummaryRecord,
} from './document-types.js';

/** What the shell knows about a measure besides its values. */
export interface MeasureContext {
  readonly measure: string;
  readonly source: string;
  readonly chart: ChartType;
  readonly periods: readonly PeriodInfo[];
  /** The periods' granularity, as the reader found it (inferFrequency). */
  readonly granularity?: Granularity | null;
  readonly denominators: readonly (number | null)[] | null;
  readonly notes?: readonly (string | null)[];
  readonly phaseLabels?: readonly (string | undefined)[];
  readonly section?: string;
  readonly unit?: string;
  /** Raw counts behind a plotted proportion or rate (attribute charts). */
  readonly numerators?: readonly (number | null)[] | null;
  readonly subgroupSizes?: readonly (number | null)[] | null;
  readonly companionOf?: string;
  /** Expected false signals for this chart's length under its preset (from `spc rules --arl`). */
  readonly expectedFalseSignals?: number | null;
  /** Warnings from reading the data (markers read as missing, gaps, encoding), listed first. */
  readonly readWarnings?: readonly string[];
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * Contract section 4's name of each line on a point: the one place where the core's line keys are
 * renamed (`lower1` is `lower1sigma` in results.json and points.csv).
 */
export const POINT_LINE_NAMES = {
  centre: 'centre',
  sigma: 'sigma',
  ucl: 'ucl',
  lcl: 'lcl',
  upper1: 'upper1sigma',
  lower1: 'lower1sigma',
  upper2: 'upper2sigma',
  lower2: 'lower2sigma',
} as const satisfies Record<LineKey, keyof PointRecord>;

/** A point record as it is built (the record type's fields are read-only). */
type PointRecordDraft = { -readonly [K in keyof PointRecord]: PointRecord[K] };

/** Point i's record: the core's point with its period, date and the shell's numbers beside it (keys in contract order). */
function pointRecord(ctx: MeasureContext, p: PointResult, i: number): PointRecord {
  const rec: PointRecordDraft = {
    period: ctx.periods[i].text,
    date: ctx.periods[i].date,
    value: p.value,
    denominator: ctx.denominators ? ctx.denominators[i] : null,
    phase: p.phase,
    baseline: p.baseline,
    excluded: p.excluded,
    centre: p.centre,
    lcl: p.lcl,
    ucl: p.ucl,
    sigma: p.sigma,
    signals: p.signals,
    side: p.side,
    variation: p.variation,
    [POINT_LINE_NAMES.lower1]: p.lower1,
    [POINT_LINE_NAMES.upper1]: p.upper1,
    [POINT_LINE_NAMES.lower2]: p.lower2,
    [POINT_LINE_NAMES.upper2]: p.upper2,
  };
  if (ctx.numerators) rec.numerator = ctx.numerators[i];
  if (ctx.subgroupSizes) rec.subgroupSize = ctx.subgroupSizes[i];
  const note = ctx.notes?.[i];
  if (note) rec.note = note;
  return rec;
}

/**
 * The core's point i: its record, or one made from the columns into `scratch` (so that no record
 * is made per point: `pointRecord` copies what it needs at once).
 */
function corePoint(a: Analysis | ClassifiedAnalysis, i: number, scratch?: PointDraft): PointResult {
  return 'points' in a ? a.points[i] : pointAt(a.columns, a.found, i, scratch);
}

/** The measure's points. */
function pointRecords(ctx: MeasureContext, a: Analysis | ClassifiedAnalysis): PointRecord[] {
  const n = 'points' in a ? a.points.length : a.columns.n;
  const out: PointRecord[] = new Array(n);
  const scratch = newPoint();
  for (let i = 0; i < n; i++) out[i] = pointRecord(ctx, corePoint(a, i, scratch), i);
  return out;
}

/** The measure's phases, their first and last points named by period. */
function phaseRecords(ctx: MeasureContext, a: Analysis | ClassifiedAnalysis): PhaseRecord[] {
  return a.phases.map((ph) => {
    const label = ctx.phaseLabels?.[ph.index];
    return {
      index: ph.index,
      ...(label ? { label } : {}),
      start: ctx.periods[ph.start].text,
      end: ctx.periods[ph.end].text,
      n: ph.n,
      baselineN: ph.baselineN,
      limitN: ph.limitN,
      movingRanges: ph.movingRanges,
      screenedMovingRanges: ph.screenedMovingRanges,
      centre: ph.centre,
      ucl: ph.ucl,
      lcl: ph.lcl,
      sigma: ph.sigma,
      mrBar: ph.mrBar,
      lclClamped: ph.lclClamped,
      uclClamped: ph.uclClamped,
      limitsVary: ph.stats.limitsVary,
      ...pick(ph.stats, ['mrMedian', 'mean', 'sBar', 'rBar', 'sigmaZ', 'sigmaWithin']),
      ...(ph.runs ? { runs: ph.runs } : {}),
    };
  });
}

/** The signals, periods named. */
function spanRecords(ctx: MeasureContext, spans: readonly SignalSpan[]): SpanRecord[] {
  const period = (i: number) => ctx.periods[i].text;
  return spans.map((s) => {
    const rec: SpanRecord = { rule: s.rule, side: s.side, start: period(s.from), end: period(s.to), points: s.points };
    return s.run ? { ...rec, run: { start: period(s.run.from), end: period(s.run.to), length: s.run.length } } : rec;
  });
}

/** The summary: counts, the latest observed point and its lines, the icons. */
function summaryRecord(ctx: MeasureContext, a: Analysis | ClassifiedAnalysis): SummaryRecord {
  const li = a.summary.latestIndex;
  const latest = li === null ? null : corePoint(a, li);
  return {
    n: a.summary.n,
    missing: a.summary.missing,
    latestPeriod: li === null ? null : ctx.periods[li].text,
    latestValue: a.summary.latestValue,
    centre: latest?.centre ?? null,
    lcl: latest?.lcl ?? null,
    ucl: latest?.ucl ?? null,
    signalCounts: a.summary.signalCounts,
    latestSignals: latest === null ? [] : latest.signals,
    variationIcon: a.summary.variationIcon,
    assuranceIcon: a.summary.assuranceIcon,
    target: a.target,
    ...(ctx.expectedFalseSignals !== undefined ? { expectedFalseSignals: ctx.expectedFalseSignals } : {}),
  };
}

/**
 * One measure's record of the result document: the core's analysis in the shell's periods and
 * words. From `analyseClassified` (the points' findings in columns) no record of the core's is made
 * per point; from `analyse`, its point records are read.
 */
export function buildMeasureRecord(ctx: MeasureContext, a: Analysis | ClassifiedAnalysis): MeasureRecord {
  return {
    measure: ctx.measure,
    chart: ctx.chart,
    ...(ctx.companionOf ? { companionOf: ctx.companionOf } : {}),
    direction: a.direction,
    ...(ctx.unit ? { unit: ctx.unit } : {}),
    ...(ctx.section ? { section: ctx.section } : {}),
    source: ctx.source,
    granularity: ctx.granularity ?? null,
    rules: a.rules,
    phases: phaseRecords(ctx, a),
    points: pointRecords(ctx, a),
    spans: spanRecords(ctx, a.spans),
    summary: summaryRecord(ctx, a),
    warnings: [...(ctx.readWarnings ?? []), ...a.warnings.map((w) => describeWarning(w, ctx.periods, a))],
  };
}

/**
 * `--multiply K`: scales values and lines for display (100 for percent, 1000 for per 1,000).
 * Statistics were computed before scaling, so signals do not change.
 */
export function scaleRecord(m: MeasureRecord, k: number): MeasureRecord {
  if (k === 1) return m;
  const s = (v: number | null) => (v === null ? null : v * k);
  return {
    ...m,
    phases: m.phases.map((p) => ({ ...p, centre: s(p.centre), ucl: s(p.ucl), lcl: s(p.lcl), sigma: s(p.sigma), mrBar: s(p.mrBar) })),
    points: m.points.map((p) => {
      const out: Record<string, unknown> = { ...p, value: s(p.value) };
      for (const k of LINE_KEYS) out[POINT_LINE_NAMES[k]] = s(p[POINT_LINE_NAMES[k]]);
      return out as unknown as PointRecord;
    }),
    summary: {
      ...m.summary,
      latestValue: s(m.summary.latestValue),
      centre: s(m.summary.centre),
      ucl: s(m.summary.ucl),
      lcl: s(m.summary.lcl),
      target: s(m.summary.target),
    },
  };
}
