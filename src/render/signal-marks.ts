/**
 * Which signals are new since the previous report, or recent: computed once per run (the report
 * and `--fail-on new` read the same marks).
 *
 * With a previous result document, a signal is `new` when one of its flagged periods is later
 * than the previous run's latest period of that measure, or when the previous run had no signal
 * of the same rule and side sharing a flagged period with it (a measure absent from the previous
 * run has only new signals). A previous document written before spans were recorded (spc 0.1) is
 * compared point by point: it "had" the signal when it flagged one of its periods with the same
 * rule. Without a previous document, a signal is `recent` when it reaches one of the measure's
 * last `recent` periods.
 */
import type { MeasureRecord, ResultDocument } from '../model/document.js';
import { measureSignals, type Signal } from './signal-words.js';

export const DEFAULT_RECENT = 3;

/** `new`: not in the previous report, or involving a later period; `recent`: touches the last N periods. */
export type SignalMark = 'new' | 'recent' | null;

export interface MarkedSignal {
  readonly signal: Signal;
  readonly mark: SignalMark;
  /** With a previous report: it had this signal and the signal now reaches a later period. */
  readonly continues: boolean;
}

/** The date of a measure's latest observed point, or null. */
function latestDate(m: MeasureRecord): string | null {
  for (let i = m.points.length - 1; i >= 0; i--) if (m.points[i].value !== null) return m.points[i].date;
  return null;
}

/** Dates of the points the signal's rule flagged. */
function flaggedDates(m: MeasureRecord, g: Signal): Set<string> {
  const out = new Set<string>();
  for (let i = g.from; i <= g.to; i++) if (m.points[i].signals.includes(g.rule)) out.add(m.points[i].date);
  return out;
}

/** Whether the previous measure had a signal like `g` (same rule and side) on one of `dates`. */
function hadBefore(pm: MeasureRecord | undefined, previous: readonly { g: Signal; dates: Set<string> }[] | null, g: Signal, dates: Set<string>): boolean {
  if (!pm) return false;
  if (previous === null) return pm.points.some((p) => dates.has(p.date) && p.signals.includes(g.rule));
  return previous.some((p) => p.g.rule === g.rule && p.g.side === g.side && [...p.dates].some((d) => dates.has(d)));
}

function markAgainst(m: MeasureRecord, pm: MeasureRecord | undefined): MarkedSignal[] {
  const prevLatest = pm ? latestDate(pm) : null;
  const previous = !pm ? [] : pm.spans === undefined ? null : measureSignals(pm).map((g) => ({ g, dates: flaggedDates(pm, g) }));
  return measureSignals(m).map((signal) => {
    const dates = flaggedDates(m, signal);
    const later = prevLatest === null || [...dates].some((d) => d > prevLatest);
    const had = hadBefore(pm, previous, signal, dates);
    return { signal, mark: later || !had ? 'new' : null, continues: later && had };
  });
}

/** For each measure (by name), its signals with a mark. */
export function markSignals(doc: ResultDocument, previous: ResultDocument | null | undefined, recent: number = DEFAULT_RECENT): ReadonlyMap<string, readonly MarkedSignal[]> {
  const out = new Map<string, MarkedSignal[]>();
  const before = new Map<string, MeasureRecord>();
  for (const pm of previous?.measures ?? []) if (!before.has(pm.measure)) before.set(pm.measure, pm);
  const last = Number.isFinite(recent) ? Math.max(0, Math.floor(recent)) : DEFAULT_RECENT;
  for (const m of doc.measures) {
    if (previous) {
      out.set(m.measure, markAgainst(m, before.get(m.measure)));
      continue;
    }
    const first = m.points.length - last;
    out.set(m.measure, measureSignals(m).map((signal) => ({ signal, mark: last > 0 && signal.to >= first ? 'recent' : null, continues: false })));
  }
  return out;
}
