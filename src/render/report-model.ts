/**
 * The report as plain data, computed once per run: header facts, the rule sets in words, sections
 * of measures with their summary row, explanations (with new/recent marks), phases, annotations
 * and warnings. The HTML and Markdown formatters (report-html.ts, report-md.ts) only lay it out.
 */
import { CHARTS } from '../core/charts/index.js';
import { SIGNALS } from '../core/rules/index.js';
import type { AssuranceIcon, RuleId, VariationIcon } from '../core/types.js';
import type { MeasureRecord, PointRecord, ResultDocument } from '../model/document.js';
import { explainSignal, noSignalSentence } from './explain.js';
import { uniqueSlugs } from './names.js';
import { periodName } from './period-words.js';
import { ruleSetViews, type RuleSetView } from './report-rules.js';
import { reportSections, sectionTitle } from './report-sections.js';
import { DEFAULT_RECENT, markSignals, type MarkedSignal, type SignalMark } from './signal-marks.js';
import { formatValue, sentenceContext, signalMeaning, type SentenceContext } from './signal-words.js';
import { chartName, directionWords } from './vocabulary.js';

export interface ReportOptions {
  /** The report's title (`--title`, or a default from the input). */
  readonly title: string;
  /** The date the report was generated, YYYY-MM-DD (given by the caller: the report reads no clock). */
  readonly generated: string;
  /** Measure name to its chart as SVG text (from renderChartSvg). A measure without one gets a note. */
  readonly charts: ReadonlyMap<string, string>;
  /** Measure name to its chart's path relative to the report, e.g. `charts/knife-crime.svg` (report.md). */
  readonly chartPaths: ReadonlyMap<string, string>;
  /** The previous run's result document (`--previous PATH/results.json`): marks what is new. */
  readonly previous?: ResultDocument | null;
  /** Without `previous`: signals touching the last `recent` periods are marked recent (default 3). */
  readonly recent?: number;
  /** The marks, when the caller has computed them already (markSignals with the same inputs). */
  readonly marks?: ReadonlyMap<string, readonly MarkedSignal[]>;
}

export interface Explanation {
  readonly sentence: string;
  readonly mark: SignalMark;
  readonly continues: boolean;
  /** improvement, concern, neutral, pattern, or common-cause for a measure without signals. */
  readonly meaning: string;
}

export interface MeasureView {
  readonly record: MeasureRecord;
  readonly slug: string;
  /** Chart type, direction, unit, rules, target: "XmR chart · lower is better · rules: default". */
  readonly meta: readonly string[];
  readonly latestPeriod: string;
  readonly latestValue: string;
  readonly centre: string;
  readonly limits: string;
  readonly variationIcon: VariationIcon;
  readonly assuranceIcon: AssuranceIcon;
  readonly hasTarget: boolean;
  /** Short names of the rules that fired on the latest point. */
  readonly latestSignals: readonly string[];
  /** The summary's new or recent signals: "trend (from July 2018)". */
  readonly marked: readonly string[];
  readonly explanations: readonly Explanation[];
  readonly phases: readonly string[];
  readonly annotations: readonly { readonly period: string; readonly note: string }[];
  readonly warnings: readonly string[];
  readonly chartSvg: string | undefined;
  readonly chartPath: string | undefined;
}

export interface ReportModel {
  readonly title: string;
  readonly generated: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly periodCovered: string;
  readonly measureCount: number;
  readonly whatIsNew: string;
  readonly ruleSets: readonly RuleSetView[];
  /** Whether any measure has a target (the Assurance column and key). */
  readonly withTarget: boolean;
  readonly withAssuranceIcons: boolean;
  /** `new` with a previous report, else `recent`; and the column's header. */
  readonly markKind: 'new' | 'recent';
  readonly markHeader: string;
  readonly sections: readonly { readonly title: string; readonly measures: readonly MeasureView[] }[];
}

/** The short name of a rule in tables: "outside the limits", "trend". */
export const ruleLabel = (id: RuleId): string => SIGNALS[id]?.label ?? id;

function latestPoint(m: MeasureRecord): PointRecord | null {
  for (let i = m.points.length - 1; i >= 0; i--) if (m.points[i].value !== null) return m.points[i];
  return null;
}

function periodText(m: MeasureRecord, p: PointRecord | null): string {
  return p === null ? '-' : periodName(p, m.granularity ?? null);
}

/** "April 2016 to March 2021": from the earliest to the latest period of any measure. */
function periodCovered(doc: ResultDocument): string {
  let first: { m: MeasureRecord; p: PointRecord } | null = null;
  let last: { m: MeasureRecord; p: PointRecord } | null = null;
  for (const m of doc.measures) {
    for (const p of m.points) {
      if (first === null || p.date < first.p.date) first = { m, p };
      if (last === null || p.date > last.p.date) last = { m, p };
    }
  }
  if (first === null || last === null) return 'no periods';
  const a = periodText(first.m, first.p);
  const b = periodText(last.m, last.p);
  return a === b ? a : `${a} to ${b}`;
}

function whatIsNew(opts: ReportOptions): string {
  const recent = opts.recent ?? DEFAULT_RECENT;
  if (opts.previous) {
    let last: { m: MeasureRecord; p: PointRecord } | null = null;
    for (const m of opts.previous.measures) {
      const p = latestPoint(m);
      if (p !== null && (last === null || p.date > last.p.date)) last = { m, p };
    }
    const when = last ? ` (data to ${periodText(last.m, last.p)})` : '';
    return `Compared with the previous report${when}: a signal is marked New when it involves a period after that report's latest period, or that report did not have it.`;
  }
  if (recent === 0) return 'No previous report was given and --recent is 0: no signal is marked new or recent.';
  return `No previous report was given: a signal is marked Recent when it touches one of the last ${recent} period${recent === 1 ? '' : 's'} of its measure.`;
}

function limitsText(m: MeasureRecord): string {
  const s = m.summary;
  const hasLimits = CHARTS[m.chart]?.hasLimits ?? true;
  if (s.lcl === null && s.ucl === null) return hasLimits ? 'none' : 'none (run chart)';
  if (s.lcl === null) return `up to ${formatValue(s.ucl, m.unit)}`;
  if (s.ucl === null) return `from ${formatValue(s.lcl, m.unit)}`;
  return `${formatValue(s.lcl, m.unit)} to ${formatValue(s.ucl, m.unit)}`;
}

function measureMeta(m: MeasureRecord): string[] {
  const parts = [chartName(m.chart)];
  if (m.companionOf) parts.push(`companion to the X\u0304 chart of ${m.companionOf}`);
  parts.push(directionWords(m.direction));
  if (m.unit) parts.push(`unit: ${m.unit}`);
  parts.push(`rules: ${m.rules.preset}`);
  if (m.summary.target !== null) parts.push(`target: ${formatValue(m.summary.target, m.unit)}`);
  return parts;
}

/** Each phase with its dates and lines: "Phase 2 "New recording standard": April 2018 to March 2021; average 409, limits 335.3 to 482.7". */
function phaseLines(m: MeasureRecord, centre: string): string[] {
  const hasLimits = CHARTS[m.chart]?.hasLimits ?? true;
  return m.phases.map((ph) => {
    const idx = m.points.flatMap((p, i) => (p.phase === ph.index ? [i] : []));
    const dates = idx.length ? `${periodText(m, m.points[idx[0]])} to ${periodText(m, m.points[idx[idx.length - 1]])}` : `${ph.start} to ${ph.end}`;
    const lines: string[] = [];
    if (ph.centre !== null) lines.push(`${centre} ${formatValue(ph.centre, m.unit)}`);
    if (ph.limitsVary) lines.push('limits vary with the size of each point');
    else if (ph.lcl !== null && ph.ucl !== null) lines.push(`limits ${formatValue(ph.lcl, m.unit)} to ${formatValue(ph.ucl, m.unit)}`);
    else if (hasLimits) lines.push('no limits');
    return `Phase ${ph.index + 1}${ph.label ? ` "${ph.label}"` : ''}: ${dates}${lines.length ? `; ${lines.join(', ')}` : ''}.`;
  });
}

function explanations(c: SentenceContext, marked: readonly MarkedSignal[]): Explanation[] {
  const m = c.m;
  if (marked.length === 0) return [{ sentence: noSignalSentence(c), mark: null, continues: false, meaning: 'common-cause' }];
  return marked.map((x) => ({ sentence: explainSignal(c, x.signal), mark: x.mark, continues: x.continues, meaning: signalMeaning(m, x.signal) }));
}

function measureView(m: MeasureRecord, slug: string, marked: readonly MarkedSignal[], opts: ReportOptions): MeasureView {
  const sm = m.summary;
  const c = sentenceContext(m);
  return {
    record: m,
    slug,
    meta: measureMeta(m),
    latestPeriod: periodText(m, latestPoint(m)),
    latestValue: formatValue(sm.latestValue, m.unit),
    centre: formatValue(sm.centre, m.unit),
    limits: limitsText(m),
    variationIcon: sm.variationIcon,
    assuranceIcon: sm.assuranceIcon,
    hasTarget: sm.target !== null,
    latestSignals: sm.latestSignals.map(ruleLabel),
    marked: marked
      .filter((x) => x.mark !== null)
      .map((x) => `${ruleLabel(x.signal.rule)} (${x.signal.from === x.signal.to ? '' : 'from '}${c.name(x.signal.from)})`),
    explanations: explanations(c, marked),
    phases: phaseLines(m, c.centre),
    annotations: m.points.filter((p) => p.note).map((p) => ({ period: periodText(m, p), note: p.note! })),
    warnings: m.warnings,
    chartSvg: opts.charts.get(m.measure),
    chartPath: opts.chartPaths.get(m.measure),
  };
}

/** The report's model: everything both formatters show, computed once. */
export function buildReport(doc: ResultDocument, opts: ReportOptions): ReportModel {
  const sections = reportSections(doc);
  const slugs = uniqueSlugs(doc.measures.map((m) => m.measure));
  const slugOf = new Map(doc.measures.map((m, i) => [m, slugs[i]]));
  const recent = opts.recent ?? DEFAULT_RECENT;
  const marks = opts.marks ?? markSignals(doc, opts.previous, recent);
  return {
    title: opts.title,
    generated: opts.generated,
    tool: { name: doc.tool.name, version: doc.tool.version },
    periodCovered: periodCovered(doc),
    measureCount: doc.measures.length,
    whatIsNew: whatIsNew(opts),
    ruleSets: ruleSetViews(doc),
    withTarget: doc.measures.some((m) => m.summary.target !== null || m.summary.assuranceIcon !== 'none'),
    withAssuranceIcons: doc.measures.some((m) => m.summary.assuranceIcon !== 'none'),
    markKind: opts.previous ? 'new' : 'recent',
    markHeader: opts.previous ? 'New since the previous report' : recent === 1 ? 'Recent (last period)' : `Recent (last ${recent} periods)`,
    sections: sections.map((s) => ({
      title: sectionTitle(s, sections),
      measures: s.measures.map((m) => measureView(m, slugOf.get(m)!, marks.get(m.measure) ?? [], opts)),
    })),
  };
}
