/**
 * The words of a chart: its subtitle, and the description for screen readers (the chart type,
 * the measure, the signalled points, the target, each phase's lines and the annotations).
 */
import { CHARTS } from '../core/charts/index.js';
import { fmt, scaler, type ChartOptions } from './chart-data.js';
import type { MeasureRecord, PhaseRecord } from '../model/document.js';
import { chartSentenceName, directionWords, hasMedianCentre } from './vocabulary.js';

/** "companion to the X̄ chart of NAME" for the S or R chart beside an x-bar chart, else ''. */
function companionText(m: MeasureRecord): string {
  return m.companionOf ? `companion to the X\u0304 chart of ${m.companionOf}` : '';
}

/** Whether the chart type draws no control limits (the run chart): the chart registry says. */
export function withoutLimits(m: MeasureRecord): boolean {
  return CHARTS[m.chart]?.hasLimits === false;
}

/** "Section · XmR chart · lower is better · preset default · values × 100". */
export function chartSubtitle(m: MeasureRecord, k: number): string {
  const parts = [chartSentenceName(m.chart)];
  const companion = companionText(m);
  if (companion) parts.push(companion);
  parts.push(directionWords(m.direction), `preset ${m.rules.preset}`);
  if (k !== 1) parts.push(`values \u00d7 ${k}`);
  if (m.section) parts.unshift(m.section);
  return parts.join(' \u00b7 ');
}

/** The limit a clamped phase was clamped at: its own, or the most extreme of its points'. */
function clampedAt(m: MeasureRecord, ph: PhaseRecord, side: 'lcl' | 'ucl', s: (v: number | null) => number | null): number | null {
  const own = s(ph[side]);
  if (own !== null) return own;
  const vals = m.points.filter((p) => p.phase === ph.index && p[side] !== null).map((p) => s(p[side])!);
  if (!vals.length) return null;
  return vals.reduce((a, b) => (side === 'lcl' ? Math.min(a, b) : Math.max(a, b)));
}

/** A phase's limits: "limits 3 to 9", "limits vary from point to point", "lower limit clamped at 0", ... */
function limitsText(m: MeasureRecord, ph: PhaseRecord, s: (v: number | null) => number | null): string[] {
  const parts: string[] = [];
  const lcl = s(ph.lcl);
  const ucl = s(ph.ucl);
  const pointLimits = m.points.some((p) => p.phase === ph.index && (p.ucl !== null || p.lcl !== null));
  if (ph.limitsVary && pointLimits) parts.push('limits vary from point to point');
  else if (lcl !== null && ucl !== null) parts.push(`limits ${fmt(lcl)} to ${fmt(ucl)}`);
  else if (ucl !== null) parts.push(`upper limit ${fmt(ucl)}`);
  else if (lcl !== null) parts.push(`lower limit ${fmt(lcl)}`);
  else parts.push('no limits');
  for (const side of ['lcl', 'ucl'] as const) {
    if (!(side === 'lcl' ? ph.lclClamped : ph.uclClamped)) continue;
    const at = clampedAt(m, ph, side, s);
    parts.push(`${side === 'lcl' ? 'lower' : 'upper'} limit clamped${at === null ? '' : ` at ${fmt(at)}`}`);
  }
  return parts;
}

/** One phase for the description: its periods, centre line, limits, clamps and run analysis. */
function describePhase(m: MeasureRecord, ph: PhaseRecord, k: number, first: boolean): string {
  const s = scaler(k);
  const centreWord = hasMedianCentre(m.chart) ? 'median' : 'centre';
  const head = `${first ? 'Phase' : 'phase'} ${ph.index + 1}${ph.label ? ` "${ph.label}"` : ''} (${ph.start} to ${ph.end})`;
  const parts: string[] = [];
  const centre = s(ph.centre);
  if (centre !== null) parts.push(`${centreWord} ${fmt(centre)}`);
  if (!withoutLimits(m)) parts.push(...limitsText(m, ph, s));
  if (ph.runs) {
    const r = ph.runs;
    parts.push(
      `longest run ${r.longestRun} (a signal above ${r.longestRunMax}), ` +
        `${r.crossings} crossing${r.crossings === 1 ? '' : 's'} (a signal below ${r.crossingsMin})`,
    );
  }
  return parts.length ? `${head}: ${parts.join(', ')}` : head;
}

/** "Run chart of NAME: 48 observed points from 2020-01 to 2023-12, 2 phases, lower is better." */
function descriptionHead(m: MeasureRecord): string {
  const n = m.summary.n;
  const companion = companionText(m);
  return (
    `${chartSentenceName(m.chart)} of ${m.measure}${companion ? ` (${companion})` : ''}: ${n} observed point${n === 1 ? '' : 's'}` +
    (m.points.length ? ` from ${m.points[0].period} to ${m.points[m.points.length - 1].period}` : '') +
    `, ${m.phases.length} phase${m.phases.length === 1 ? '' : 's'}, ${directionWords(m.direction)}.`
  );
}

/**
 * A description for screen readers: the chart type, the measure, the signalled points, the
 * target, each phase's lines and the annotations.
 */
export function chartDescription(m: MeasureRecord, opts: ChartOptions = {}): string {
  const k = opts.multiply ?? 1;
  const s = scaler(k);
  const out = [descriptionHead(m)];
  const signalled = m.points.filter((p) => p.signals.length > 0);
  if (signalled.length === 0) {
    out.push('No signals: common-cause variation only.');
  } else {
    const parts = signalled.map((p) => {
      const v = s(p.value);
      return `${p.period}${v === null ? '' : ` (${fmt(v)})`} ${p.variation === 'common-cause' ? 'signal' : p.variation}: ${p.signals.join(', ')}`;
    });
    out.push(`Signals: ${parts.join('; ')}.`);
  }
  const target = s(m.summary.target);
  if (target !== null) out.push(`Target: ${fmt(target)}.`);
  if (m.phases.length) out.push(`${m.phases.map((ph, i) => describePhase(m, ph, k, i === 0)).join('; ')}.`);
  const notes = m.points.filter((p) => p.note);
  if (notes.length) out.push(`Notes: ${notes.map((p) => `${p.period}: ${p.note}`).join('; ')}.`);
  return out.join(' ');
}
