/**
 * The report: `report.html` (self-contained: inline CSS, inline SVG charts and icons, no script,
 * no request to any address; prints to A4) and `report.md` (the same summary and explanations in
 * Markdown, with relative links to the chart SVGs). See docs/report.md.
 *
 * Pure functions: the caller reads the files, renders the charts (renderChartSvg), picks the title
 * and passes the date; the same inputs always give the same text. Every text that comes from the
 * data (measure names, sections, units, periods, notes, phase labels, warnings) is escaped; the
 * chart SVGs are embedded as our chart renderer wrote them (it escapes its own text).
 */
import { PRESET_DESCRIPTIONS } from '../core/presets.js';
import type { RuleId, RuleSet } from '../core/types.js';
import { describeRules } from '../cli/rules.js';
import { chartTypeName } from './chart.js';
import type { MeasureRecord, PointRecord, ResultDocument } from '../model/document.js';
import {
  centreWord,
  explainGroup,
  explainMeasure,
  formatValue,
  groupMeaning,
  measureFrequency,
  periodName,
  signalGroups,
  type SignalGroup,
} from './explain.js';
import { assuranceIconSvg, assuranceLabel, variationIconSvg, variationLabel } from './icons.js';
import { uniqueSlugs } from './names.js';

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
}

export const DEFAULT_RECENT = 3;

/** `new`: not in the previous report, or involving a later period; `recent`: touches the last N periods. */
export type SignalMark = 'new' | 'recent' | null;

export interface MarkedGroup {
  readonly group: SignalGroup;
  readonly mark: SignalMark;
  /**
   * With a previous report: the previous report had this signal (same rule and side, overlapping
   * periods) and it now reaches a later period, so it is new because it continues.
   */
  readonly continues: boolean;
}

/**
 * The default title from the input files: "Community safety: SPC report" for
 * `fixtures/community-safety.csv`; "SPC report" for standard input or several files.
 */
export function defaultTitle(inputs: readonly string[]): string {
  const files = inputs.filter((f) => f !== '-' && f !== 'stdin');
  if (files.length !== 1 || files.length !== inputs.length) return 'SPC report';
  const base = files[0].split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const words = base.replace(/[-_.]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}: SPC report` : 'SPC report';
}

/**
 * The previous run's `results.json` as a result document (`--previous`). Throws an Error with a
 * message for the user when the text is not JSON or not a result document of schema version 1.
 */
export function previousFromJson(text: string): ResultDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('not JSON: expected the results.json of an earlier `spc analyse --out`');
  }
  const d = data as Partial<ResultDocument> | null;
  if (d === null || typeof d !== 'object' || !Array.isArray(d.measures)) throw new Error('not a result document (no "measures" list)');
  if (d.schemaVersion !== 1) throw new Error(`schemaVersion ${String(d.schemaVersion)}: expected 1`);
  for (const m of d.measures as unknown[]) {
    const r = m as Partial<MeasureRecord> | null;
    if (r === null || typeof r !== 'object' || typeof r.measure !== 'string' || !Array.isArray(r.points) || typeof r.rules !== 'object' || r.rules === null) {
      throw new Error('not a result document (a measure without a name, points or rules)');
    }
    for (const p of r.points as unknown[]) {
      const q = p as Partial<PointRecord> | null;
      if (q === null || typeof q !== 'object' || typeof q.date !== 'string' || !Array.isArray(q.signals)) {
        throw new Error(`measure "${r.measure}": a point without a date or signals`);
      }
    }
  }
  return d as ResultDocument;
}

// ---------------------------------------------------------------------------------------------
// What is new

/** The date of a measure's latest observed point, or null. */
function latestDate(m: MeasureRecord): string | null {
  for (let i = m.points.length - 1; i >= 0; i--) if (m.points[i].value !== null) return m.points[i].date;
  return null;
}

function groupDates(m: MeasureRecord, g: SignalGroup): Set<string> {
  return new Set(g.points.map((i) => m.points[i].date));
}

/**
 * For each measure (by name), its signal groups with a mark. With a previous document, a group is
 * `new` when one of its periods is later than the previous run's latest period of that measure,
 * or when the previous run had no group of the same rule and side sharing a period with it (a
 * measure absent from the previous run has only new signals). Without one, a group is `recent`
 * when it reaches one of the measure's last `recent` periods.
 */
export function newSignals(
  doc: ResultDocument,
  previous: ResultDocument | null | undefined,
  recent: number = DEFAULT_RECENT,
): ReadonlyMap<string, readonly MarkedGroup[]> {
  const out = new Map<string, MarkedGroup[]>();
  const before = new Map<string, MeasureRecord>();
  for (const pm of previous?.measures ?? []) if (!before.has(pm.measure)) before.set(pm.measure, pm);
  const last = Number.isFinite(recent) ? Math.max(0, Math.floor(recent)) : DEFAULT_RECENT;
  for (const m of doc.measures) {
    const groups = signalGroups(m);
    if (previous) {
      const pm = before.get(m.measure);
      const prevLatest = pm ? latestDate(pm) : null;
      const prevGroups = pm ? signalGroups(pm).map((g) => ({ g, dates: groupDates(pm, g) })) : [];
      out.set(
        m.measure,
        groups.map((g) => {
          const dates = groupDates(m, g);
          const later = prevLatest === null || [...dates].some((d) => d > prevLatest);
          const had = prevGroups.some((p) => p.g.rule === g.rule && p.g.side === g.side && [...p.dates].some((d) => dates.has(d)));
          return { group: g, mark: later || !had ? 'new' : null, continues: later && had };
        }),
      );
    } else {
      const first = m.points.length - last;
      out.set(
        m.measure,
        groups.map((g) => ({ group: g, mark: last > 0 && g.to >= first ? 'recent' : null, continues: false })),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** Escapes text for HTML content and attribute values. */
function recentHeader(recent: number): string {
  return recent === 1 ? 'Recent (last period)' : `Recent (last ${recent} periods)`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/**
 * Escapes text for Markdown: `&`, `<` and `>` as HTML entities (renderers pass raw HTML through),
 * the inline punctuation (backslash, backtick, `*`, `_`, `[`, `]`, `|`, `~`) with a backslash,
 * line breaks as spaces; with `lineStart` (text that starts a line or a list item) also a leading
 * block marker (`#`, `-`, `+`, `1.`). Other text is left as it is, so the Markdown stays readable.
 */
export function escapeMarkdown(s: string, lineStart = false): string {
  const out = s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
  if (!lineStart) return out;
  return out.replace(/^(\s*)([#+-]|\d+(?=[.)]))/, (_a, sp: string, c: string) => (/^\d/.test(c) ? `${sp}${c}\\` : `${sp}\\${c}`));
}

/** Short names of the rules, for tables. */
export const RULE_NAMES: Readonly<Record<RuleId, string>> = {
  'outside-limits': 'outside the limits',
  trend: 'trend',
  shift: 'shift',
  alternating: 'alternating',
  'near-limit': 'close to a limit',
  'near-limit-1sigma': 'beyond one sigma',
  hugging: 'hugging the centre',
  mixture: 'mixture',
  'longest-run': 'long run',
  crossings: 'few crossings',
};

const DIRECTION_WORDS: Readonly<Record<string, string>> = {
  'higher-is-better': 'higher is better',
  'lower-is-better': 'lower is better',
  neutral: 'no preferred direction',
};

interface Section {
  readonly name: string | null;
  readonly measures: readonly MeasureRecord[];
}

/**
 * Measures in report order: sections in order of first appearance, measures in document order,
 * an S or R chart right after the X-bar chart it belongs to (and in that chart's section).
 */
export function reportSections(doc: ResultDocument): Section[] {
  const names = new Set(doc.measures.map((m) => m.measure));
  const ordered: MeasureRecord[] = [];
  for (const m of doc.measures) {
    if (m.companionOf !== undefined && names.has(m.companionOf)) continue;
    ordered.push(m);
    for (const c of doc.measures) if (c.companionOf === m.measure && c !== m) ordered.push(c);
  }
  const sectionOf = new Map<MeasureRecord, string | null>();
  for (const m of ordered) {
    const parent = m.companionOf !== undefined ? ordered.find((p) => p.measure === m.companionOf && p.companionOf === undefined) : undefined;
    sectionOf.set(m, (parent ?? m).section ?? null);
  }
  const out: { name: string | null; measures: MeasureRecord[] }[] = [];
  for (const m of ordered) {
    const name = sectionOf.get(m) ?? null;
    let s = out.find((x) => x.name === name);
    if (!s) out.push((s = { name, measures: [] }));
    s.measures.push(m);
  }
  return out;
}

function sectionTitle(s: Section, all: readonly Section[]): string {
  if (s.name !== null) return s.name;
  return all.some((x) => x.name !== null) ? 'Other measures' : 'Measures';
}

/** The observed point the summary's latest period refers to. */
function latestPoint(m: MeasureRecord): PointRecord | null {
  for (let i = m.points.length - 1; i >= 0; i--) if (m.points[i].value !== null) return m.points[i];
  return null;
}

function periodText(m: MeasureRecord, p: PointRecord | null): string {
  return p === null ? '-' : periodName(p, measureFrequency(m));
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

/** The distinct rule sets of the document (in order of first use), with the measures using each. */
function ruleSets(doc: ResultDocument): { rules: RuleSet; measures: MeasureRecord[] }[] {
  const out: { key: string; rules: RuleSet; measures: MeasureRecord[] }[] = [];
  for (const m of doc.measures) {
    const key = JSON.stringify(m.rules);
    const hit = out.find((x) => x.key === key);
    if (hit) hit.measures.push(m);
    else out.push({ key, rules: m.rules, measures: [m] });
  }
  return out;
}

/** The parameters of a rule set in words: those in use, and the names of those off. */
function ruleWords(r: RuleSet): { on: [string, string][]; off: string[] } {
  const all = describeRules(r);
  return { on: all.filter(([, v]) => v !== 'off'), off: all.filter(([, v]) => v === 'off').map(([k]) => k) };
}

const round2 = (x: number) => String(Number(x.toFixed(2)));

/** "about 2.41 points flagged by chance on a stable XmR chart of 60 points (7 measures)", per chart length. */
function falseSignalLines(measures: readonly MeasureRecord[]): string[] {
  const groups: { chart: string; n: number; value: number; names: string[] }[] = [];
  for (const m of measures) {
    const v = m.summary.expectedFalseSignals;
    if (v === undefined || v === null) continue;
    const hit = groups.find((g) => g.chart === m.chart && g.n === m.summary.n && g.value === v);
    if (hit) hit.names.push(m.measure);
    else groups.push({ chart: m.chart, n: m.summary.n, value: v, names: [m.measure] });
  }
  return groups.map((g) => {
    const who = g.names.length <= 2 ? g.names.join(', ') : `${g.names.length} measures`;
    return `${chartTypeName(g.chart)} of ${g.n} points, about ${round2(g.value)} flagged point${g.value === 1 ? '' : 's'} (${who})`;
  });
}

function newIntro(opts: ReportOptions): string {
  const recent = opts.recent ?? DEFAULT_RECENT;
  if (opts.previous) {
    const latest = opts.previous.measures.map(latestPoint).filter((p): p is PointRecord => p !== null);
    const last = latest.reduce<PointRecord | null>((a, p) => (a === null || p.date > a.date ? p : a), null);
    const m = last ? opts.previous.measures.find((x) => latestPoint(x) === last)! : null;
    const when = last && m ? ` (data to ${periodText(m, last)})` : '';
    return `Compared with the previous report${when}: a signal is marked New when it involves a period after that report's latest period, or that report did not have it.`;
  }
  if (recent === 0) return 'No previous report was given and --recent is 0: no signal is marked new or recent.';
  return `No previous report was given: a signal is marked Recent when it touches one of the last ${recent} period${recent === 1 ? '' : 's'} of its measure.`;
}

function markWord(mark: SignalMark): string {
  return mark === 'new' ? 'New' : mark === 'recent' ? 'Recent' : '';
}

/** The summary's new/recent entries of a measure: "trend (from July 2018)". */
function markedSummary(m: MeasureRecord, marked: readonly MarkedGroup[]): string[] {
  const words = measureFrequency(m);
  return marked
    .filter((x) => x.mark !== null)
    .map((x) => `${RULE_NAMES[x.group.rule]} (${x.group.from === x.group.to ? '' : 'from '}${periodName(m.points[x.group.from], words)})`);
}

function limitsText(m: MeasureRecord): string {
  const s = m.summary;
  if (s.lcl === null && s.ucl === null) return m.chart.toLowerCase() === 'run' ? 'none (run chart)' : 'none';
  if (s.lcl === null) return `up to ${formatValue(s.ucl, m.unit)}`;
  if (s.ucl === null) return `from ${formatValue(s.lcl, m.unit)}`;
  return `${formatValue(s.lcl, m.unit)} to ${formatValue(s.ucl, m.unit)}`;
}

function measureMeta(m: MeasureRecord): string[] {
  const parts = [chartTypeName(m.chart)];
  if (m.companionOf) parts.push(`companion to the X\u0304 chart of ${m.companionOf}`);
  parts.push(DIRECTION_WORDS[m.direction] ?? m.direction);
  if (m.unit) parts.push(`unit: ${m.unit}`);
  parts.push(`rules: ${m.rules.preset}`);
  if (m.summary.target !== null) parts.push(`target: ${formatValue(m.summary.target, m.unit)}`);
  return parts;
}

/** Each phase with its dates and lines: "Phase 2 "New recording standard": April 2018 to March 2021; average 409, limits 335.3 to 482.7". */
function phaseLines(m: MeasureRecord): string[] {
  const freq = measureFrequency(m);
  const centre = centreWord(m);
  return m.phases.map((ph) => {
    const idx = m.points.flatMap((p, i) => (p.phase === ph.index ? [i] : []));
    const dates = idx.length ? `${periodName(m.points[idx[0]], freq)} to ${periodName(m.points[idx[idx.length - 1]], freq)}` : `${ph.start} to ${ph.end}`;
    const lines: string[] = [];
    if (ph.centre !== null) lines.push(`${centre} ${formatValue(ph.centre, m.unit)}`);
    if (ph.limitsVary) lines.push('limits vary with the size of each point');
    else if (ph.lcl !== null && ph.ucl !== null) lines.push(`limits ${formatValue(ph.lcl, m.unit)} to ${formatValue(ph.ucl, m.unit)}`);
    else if (m.chart.toLowerCase() !== 'run') lines.push('no limits');
    return `Phase ${ph.index + 1}${ph.label ? ` "${ph.label}"` : ''}: ${dates}${lines.length ? `; ${lines.join(', ')}` : ''}.`;
  });
}

/** Annotations with their periods. */
function annotations(m: MeasureRecord): { period: string; note: string }[] {
  const freq = measureFrequency(m);
  return m.points.filter((p) => p.note).map((p) => ({ period: periodName(p, freq), note: p.note! }));
}

interface Explained {
  readonly sentence: string;
  readonly mark: SignalMark;
  readonly continues: boolean;
  readonly meaning: string;
}

function explanations(m: MeasureRecord, marked: readonly MarkedGroup[]): Explained[] {
  if (marked.length === 0) return explainMeasure(m).map((sentence) => ({ sentence, mark: null, continues: false, meaning: 'common-cause' }));
  return marked.map((x) => ({ sentence: explainGroup(m, x.group), mark: x.mark, continues: x.continues, meaning: groupMeaning(m, x.group) }));
}

// ---------------------------------------------------------------------------------------------
// HTML

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f1f1f; background: #ffffff; margin: 0 auto; max-width: 1020px; padding: 24px 28px 48px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.75rem; margin: 0 0 .4rem; line-height: 1.2; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .7rem; padding-bottom: .2rem; border-bottom: 2px solid #d0d0d0; }
h3 { font-size: 1.12rem; margin: 0 0 .2rem; }
h4 { font-size: .95rem; margin: .8rem 0 .25rem; }
p { margin: .35rem 0; }
a { color: #005a9c; }
.muted, .measure-meta { color: #595959; }
.measure-meta { font-size: .9rem; margin: 0 0 .4rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .4rem 0 .6rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid #c4c4c4; padding: .3rem .45rem; text-align: left; vertical-align: middle; }
thead th { background: #f0f0f0; font-weight: 600; }
tbody th { font-weight: 600; }
tr.section-row th { background: #e6edf3; font-size: .92rem; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.icon-cell { white-space: nowrap; }
.icon { vertical-align: middle; margin-right: .3rem; flex: none; }
table.rules { width: auto; font-size: .82rem; }
table.rules th, table.rules td { padding: .15rem .45rem; }
td.period { white-space: nowrap; }
table.summary tbody th[scope="row"] { min-width: 10.5em; }
table.rules th { background: #f7f7f7; font-weight: 600; white-space: nowrap; }
.badge { display: inline-block; border: 1.5px solid currentColor; border-radius: 3px; padding: 0 .3em; margin-right: .3em; font-size: .72rem; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; line-height: 1.4; vertical-align: .05em; }
.badge.new { color: #8f3a00; background: #fff0e3; }
.badge.recent { color: #303030; background: #eeeeee; }
.none { color: #6b6b6b; }
ul.key { list-style: none; padding: 0; margin: .4rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1.4rem; font-size: .88rem; }
ul.key li { display: flex; align-items: center; }
section.measure { margin: 1.4rem 0 2rem; padding-top: .6rem; border-top: 1px solid #e2e2e2; }
figure.chart { margin: .4rem 0 .5rem; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 780px; }
ul.explain { margin: .3rem 0 .5rem; padding-left: 1.2rem; }
ul.explain li { margin: .25rem 0; }
ul.plain { margin: .2rem 0 .4rem; padding-left: 1.2rem; }
.no-chart { font-style: italic; color: #595959; }
footer { margin-top: 2.5rem; font-size: .85rem; color: #595959; border-top: 1px solid #d0d0d0; padding-top: .6rem; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { margin-top: 1.2rem; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 8pt; }
  th, td { padding: .15rem .3rem; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  section.measure { break-inside: avoid; page-break-inside: avoid; margin: .6rem 0 1rem; }
  figure.chart svg { max-width: 100%; max-height: 118mm; }
  a { color: inherit; text-decoration: none; }
  .badge.new, .badge.recent, tr.section-row th, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * Makes a chart SVG fit for inlining: drops the root's xmlns declarations (HTML puts inline SVG in
 * the SVG namespace itself, and the report then names no URL in any attribute) and gives every id
 * a per-chart prefix so that charts never share an id.
 */
export function inlineSvg(svg: string, prefix: string): string {
  const out = svg
    .replace(/^\s*<\?xml[^>]*\?>\s*/, '')
    .replace(/^\s*<svg\b[^>]*>/, (root) => root.replace(/\s+xmlns(?::\w+)?="[^"]*"/g, ''));
  const ids = [...out.matchAll(/\sid="([^"]+)"/g)].map((x) => x[1]);
  if (ids.length === 0) return out;
  const known = new Set(ids);
  const p = (id: string) => (known.has(id) ? `${prefix}-${id}` : id);
  return out
    .replace(/(\sid=")([^"]+)"/g, (_a, pre: string, id: string) => `${pre}${p(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_a, id: string) => `url(#${p(id)})`)
    .replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, (_a, pre: string, id: string) => `${pre}#${p(id)}"`);
}

function marksHtml(x: Explained): string {
  if (x.mark === null) return '';
  const title = x.mark === 'new' ? (x.continues ? 'New: continues a signal from the previous report' : 'New since the previous report') : 'Recent: touches the latest periods';
  return `<span class="badge ${x.mark}" title="${title}">${markWord(x.mark)}</span>`;
}

function summaryTableHtml(doc: ResultDocument, sections: readonly Section[], slugs: ReadonlyMap<MeasureRecord, string>, marks: ReadonlyMap<string, readonly MarkedGroup[]>, opts: ReportOptions): string {
  const withTarget = doc.measures.some((m) => m.summary.target !== null || m.summary.assuranceIcon !== 'none');
  const markHeader = opts.previous ? 'New since the previous report' : recentHeader(opts.recent ?? DEFAULT_RECENT);
  const heads = ['Measure', 'Latest period', 'Latest value', 'Centre', 'Limits', 'Variation', ...(withTarget ? ['Assurance'] : []), 'Signals in the latest period', markHeader];
  const cols = heads.length;
  const out: string[] = [];
  out.push('<table class="summary">');
  out.push('<caption>Summary of the measures, by section: the latest point of each, its variation and its signals</caption>');
  out.push(`<thead><tr>${heads.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`);
  for (const s of sections) {
    out.push('<tbody>');
    out.push(`<tr class="section-row"><th scope="rowgroup" colspan="${cols}">${escapeHtml(sectionTitle(s, sections))}</th></tr>`);
    for (const m of s.measures) {
      const sm = m.summary;
      const latest = latestPoint(m);
      const variation = `<td class="icon-cell">${variationIconSvg(sm.variationIcon)}<span>${variationLabel(sm.variationIcon)}</span></td>`;
      const assurance = withTarget
        ? sm.assuranceIcon === 'none'
          ? `<td class="icon-cell"><span class="none">${sm.target === null ? 'no target' : 'none'}</span></td>`
          : `<td class="icon-cell">${assuranceIconSvg(sm.assuranceIcon)}<span>${assuranceLabel(sm.assuranceIcon)}</span></td>`
        : '';
      const latestSignals = sm.latestSignals.length ? escapeHtml(sm.latestSignals.map((r) => RULE_NAMES[r] ?? r).join(', ')) : '<span class="none">none</span>';
      const marked = markedSummary(m, marks.get(m.measure) ?? []);
      const mark = opts.previous ? 'new' : 'recent';
      const markCell = marked.length ? `<span class="badge ${mark}">${markWord(mark)}</span>${escapeHtml(marked.join('; '))}` : '<span class="none">none</span>';
      out.push(
        '<tr class="measure-row">' +
          `<th scope="row"><a href="#m-${slugs.get(m)}">${escapeHtml(m.measure)}</a></th>` +
          `<td class="period">${escapeHtml(periodText(m, latest))}</td>` +
          `<td class="num">${escapeHtml(formatValue(sm.latestValue, m.unit))}</td>` +
          `<td class="num">${escapeHtml(formatValue(sm.centre, m.unit))}</td>` +
          `<td class="num">${escapeHtml(limitsText(m))}</td>` +
          variation +
          assurance +
          `<td>${latestSignals}</td>` +
          `<td>${markCell}</td>` +
          '</tr>',
      );
    }
    out.push('</tbody>');
  }
  out.push('</table>');
  return out.join('\n');
}

function keyHtml(doc: ResultDocument): string {
  const icons = ['common-cause', 'improvement-high', 'improvement-low', 'concern-high', 'concern-low', 'neutral-high', 'neutral-low'] as const;
  const items = icons.map((i) => `<li>${variationIconSvg(i, { size: 26 })}${variationLabel(i)}</li>`);
  if (doc.measures.some((m) => m.summary.assuranceIcon !== 'none')) {
    for (const a of ['pass', 'fail', 'hit-or-miss'] as const) items.push(`<li>${assuranceIconSvg(a, { size: 26 })}Target: ${assuranceLabel(a).toLowerCase()}</li>`);
  }
  return `<ul class="key" aria-label="Key to the icons">${items.join('')}</ul>`;
}

function rulesHtml(doc: ResultDocument): string {
  const sets = ruleSets(doc);
  const out: string[] = [];
  for (const set of sets) {
    const { on, off } = ruleWords(set.rules);
    const who = sets.length > 1 ? ` (${set.measures.map((m) => escapeHtml(m.measure)).join(', ')})` : '';
    const desc = PRESET_DESCRIPTIONS[set.rules.preset];
    out.push(`<p><strong>Rules: ${escapeHtml(set.rules.preset)}</strong>${who}${desc ? ` &mdash; ${escapeHtml(desc)}` : ''}</p>`);
    out.push(`<table class="rules"><caption>Parameters of the ${escapeHtml(set.rules.preset)} rules</caption><tbody>`);
    for (const [k, v] of on) out.push(`<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`);
    if (off.length) out.push(`<tr><th scope="row">off</th><td>${escapeHtml(off.join(', '))}</td></tr>`);
    out.push('</tbody></table>');
    const fs = falseSignalLines(set.measures);
    out.push(
      fs.length
        ? `<p><strong>Expected false signals:</strong> even a stable process gives some signals by chance. Under these rules: ${escapeHtml(fs.join('; '))}.</p>`
        : '<p><strong>Expected false signals:</strong> not computed for this run.</p>',
    );
  }
  return out.join('\n');
}

function measureHtml(m: MeasureRecord, slug: string, marked: readonly MarkedGroup[], opts: ReportOptions): string {
  const out: string[] = [];
  const id = `m-${slug}`;
  out.push(`<section class="measure" id="${id}" aria-labelledby="${id}-h">`);
  out.push(`<h3 id="${id}-h">${escapeHtml(m.measure)}</h3>`);
  out.push(`<p class="measure-meta">${measureMeta(m).map(escapeHtml).join(' &middot; ')}</p>`);
  const svg = opts.charts.get(m.measure);
  out.push(
    svg
      ? `<figure class="chart" aria-describedby="${id}-signals">${inlineSvg(svg, `c-${slug}`)}</figure>`
      : '<p class="no-chart">No chart was drawn for this measure.</p>',
  );
  const ex = explanations(m, marked);
  out.push('<h4>Signals</h4>');
  out.push(`<ul class="explain" id="${id}-signals">${ex.map((x) => `<li class="${x.meaning}">${marksHtml(x)}${escapeHtml(x.sentence)}</li>`).join('')}</ul>`);
  out.push('<h4>Phases</h4>');
  out.push(`<ul class="plain">${phaseLines(m).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
  const notes = annotations(m);
  if (notes.length) {
    out.push('<h4>Annotations</h4>');
    out.push(`<ul class="plain">${notes.map((n) => `<li><strong>${escapeHtml(n.period)}:</strong> ${escapeHtml(n.note)}</li>`).join('')}</ul>`);
  }
  if (m.warnings.length) {
    out.push('<h4>Data warnings</h4>');
    out.push(`<ul class="plain">${m.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`);
  }
  out.push('</section>');
  return out.join('\n');
}

/** Slugs for in-page anchors, one per measure, unique. */
function measureSlugs(doc: ResultDocument): Map<MeasureRecord, string> {
  const slugs = uniqueSlugs(doc.measures.map((m) => m.measure));
  return new Map(doc.measures.map((m, i) => [m, slugs[i]]));
}

/** The report as one self-contained HTML page. */
export function reportHtml(doc: ResultDocument, opts: ReportOptions): string {
  const sections = reportSections(doc);
  const slugs = measureSlugs(doc);
  const marks = newSignals(doc, opts.previous, opts.recent ?? DEFAULT_RECENT);
  const n = doc.measures.length;
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push('<html lang="en-GB">');
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<meta name="generator" content="${escapeHtml(`${doc.tool.name} ${doc.tool.version}`)}">`);
  out.push(`<title>${escapeHtml(opts.title)}</title>`);
  out.push(`<style>${CSS}</style>`);
  out.push('</head>');
  out.push('<body>');
  out.push('<header>');
  out.push(`<h1>${escapeHtml(opts.title)}</h1>`);
  out.push('<dl class="facts">');
  out.push(`<dt>Period covered</dt><dd>${escapeHtml(periodCovered(doc))}</dd>`);
  out.push(`<dt>Generated</dt><dd>${escapeHtml(opts.generated)}</dd>`);
  out.push(`<dt>Measures</dt><dd>${n} measure${n === 1 ? '' : 's'} in ${sections.length} section${sections.length === 1 ? '' : 's'}</dd>`);
  out.push(`<dt>What is new</dt><dd>${escapeHtml(newIntro(opts))}</dd>`);
  out.push('</dl>');
  out.push(rulesHtml(doc));
  out.push('</header>');
  out.push('<main>');
  out.push('<h2 id="summary">Summary</h2>');
  out.push(
    '<p>Variation between the control limits is expected and is not in itself a cause for concern; a signal is a reason to look for a cause and respond. ' +
      'The variation icon describes the latest point; the explanations below each chart describe every signal.</p>',
  );
  out.push(keyHtml(doc));
  out.push(summaryTableHtml(doc, sections, slugs, marks, opts));
  for (const s of sections) {
    out.push(`<h2>${escapeHtml(sectionTitle(s, sections))}</h2>`);
    for (const m of s.measures) out.push(measureHtml(m, slugs.get(m)!, marks.get(m.measure) ?? [], opts));
  }
  out.push('</main>');
  out.push(`<footer><p>Made by ${escapeHtml(doc.tool.name)} ${escapeHtml(doc.tool.version)} on ${escapeHtml(opts.generated)}. Icons follow the meaning of the NHS Making Data Count icons.</p></footer>`);
  out.push('</body>');
  out.push('</html>');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** A relative path as a Markdown link destination: each segment percent-encoded where needed. */
function mdPath(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The report as Markdown: header, summary tables by section, and each measure's chart and explanations. */
export function reportMarkdown(doc: ResultDocument, opts: ReportOptions): string {
  const sections = reportSections(doc);
  const marks = newSignals(doc, opts.previous, opts.recent ?? DEFAULT_RECENT);
  const e = escapeMarkdown;
  const out: string[] = [];
  out.push(`# ${e(opts.title)}`, '');
  out.push(`- **Period covered:** ${e(periodCovered(doc))}`);
  out.push(`- **Generated:** ${e(opts.generated)}`);
  out.push(`- **Measures:** ${doc.measures.length} in ${sections.length} section${sections.length === 1 ? '' : 's'}`);
  out.push(`- **What is new:** ${e(newIntro(opts))}`);
  out.push('');
  const sets = ruleSets(doc);
  for (const set of sets) {
    const { on, off } = ruleWords(set.rules);
    const who = sets.length > 1 ? ` (${set.measures.map((m) => e(m.measure)).join(', ')})` : '';
    const desc = PRESET_DESCRIPTIONS[set.rules.preset];
    out.push(`**Rules: ${e(set.rules.preset)}**${who}${desc ? ` — ${e(desc)}` : ''}`, '');
    for (const [k, v] of on) out.push(`- ${e(k, true)}: ${e(v)}`);
    if (off.length) out.push(`- off: ${e(off.join(', '))}`);
    out.push('');
    const fs = falseSignalLines(set.measures);
    out.push(fs.length ? `**Expected false signals:** even a stable process gives some signals by chance. Under these rules: ${e(fs.join('; '))}.` : '**Expected false signals:** not computed for this run.');
    out.push('');
  }

  out.push('## Summary', '');
  out.push('Variation between the control limits is expected and is not in itself a cause for concern; a signal is a reason to look for a cause and respond.', '');
  const withTarget = doc.measures.some((m) => m.summary.target !== null || m.summary.assuranceIcon !== 'none');
  const markHeader = opts.previous ? 'New since the previous report' : recentHeader(opts.recent ?? DEFAULT_RECENT);
  const heads = ['Measure', 'Latest period', 'Latest value', 'Centre', 'Limits', 'Variation', ...(withTarget ? ['Assurance'] : []), 'Signals in the latest period', markHeader];
  const align = heads.map((h) => (h === 'Latest value' || h === 'Centre' || h === 'Limits' ? '---:' : '---'));
  for (const s of sections) {
    out.push(`### ${e(sectionTitle(s, sections))}`, '');
    out.push(mdRow(heads), mdRow(align));
    for (const m of s.measures) {
      const sm = m.summary;
      const marked = markedSummary(m, marks.get(m.measure) ?? []);
      const mark = opts.previous ? '**New**' : '**Recent**';
      out.push(
        mdRow([
          e(m.measure),
          e(periodText(m, latestPoint(m))),
          e(formatValue(sm.latestValue, m.unit)),
          e(formatValue(sm.centre, m.unit)),
          e(limitsText(m)),
          e(variationLabel(sm.variationIcon)),
          ...(withTarget ? [sm.assuranceIcon === 'none' ? (sm.target === null ? 'no target' : 'none') : e(assuranceLabel(sm.assuranceIcon))] : []),
          sm.latestSignals.length ? e(sm.latestSignals.map((r) => RULE_NAMES[r] ?? r).join(', ')) : 'none',
          marked.length ? `${mark} ${e(marked.join('; '))}` : 'none',
        ]),
      );
    }
    out.push('');
  }

  for (const s of sections) {
    out.push(`## ${e(sectionTitle(s, sections))}`, '');
    for (const m of s.measures) {
      out.push(`### ${e(m.measure)}`, '');
      out.push(`*${measureMeta(m).map((x) => e(x)).join(' · ')}*`, '');
      const path = opts.chartPaths.get(m.measure);
      if (path) out.push(`![Chart: ${e(m.measure)}](${mdPath(path)})`, '');
      for (const x of explanations(m, marks.get(m.measure) ?? [])) out.push(`- ${x.mark ? `**${markWord(x.mark)}:** ${e(x.sentence)}` : e(x.sentence, true)}`);
      out.push('');
      out.push('Phases:', '');
      for (const l of phaseLines(m)) out.push(`- ${e(l, true)}`);
      out.push('');
      const notes = annotations(m);
      if (notes.length) {
        out.push('Annotations:', '');
        for (const n of notes) out.push(`- **${e(n.period)}:** ${e(n.note)}`);
        out.push('');
      }
      if (m.warnings.length) {
        out.push('Data warnings:', '');
        for (const w of m.warnings) out.push(`- ${e(w, true)}`);
        out.push('');
      }
    }
  }
  out.push(`*Made by ${e(doc.tool.name)} ${e(doc.tool.version)} on ${e(opts.generated)}.*`);
  return out.join('\n') + '\n';
}
