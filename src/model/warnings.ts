/** The words for the core's warnings, naming periods rather than the core's point indices. */
import type { Analysis, CoreWarning } from '../core/types.js';
import type { PeriodInfo } from '../io/periods.js';

/** Words a core warning for a reader; `periods` are the measure's periods, one per point. */
export function describeWarning(w: CoreWarning, periods: readonly PeriodInfo[], a: Pick<Analysis, 'phases' | 'rules'>): string {
  const period = (i: number) => periods[i]?.text ?? `#${i + 1}`;
  const phaseName = (p: number) => {
    const ph = a.phases[p];
    return ph ? `phase ${p + 1} (${period(ph.start)} to ${period(ph.end)})` : `phase ${p + 1}`;
  };
  switch (w.kind) {
    case 'missing-value':
      return `${period(w.index)}: missing value (plotted as a gap; no limit, moving range or run uses it)`;
    case 'too-few-points':
      return `${phaseName(w.phase)} has ${w.n} observed point${w.n === 1 ? '' : 's'}; limits need at least ${w.min} (preset ${a.rules.preset}): no limits and no signals there`;
    case 'no-moving-range':
      return `${phaseName(w.phase)}: no moving range between adjacent observed baseline points, so no sigma and no limits`;
    case 'baseline-overrides-phases':
      return `the baseline sets the limits for the whole chart in preset ${a.rules.preset}: ${w.phases} phase start${w.phases === 1 ? '' : 's'} ignored`;
    case 'baseline-exceeds-phase':
      return `${phaseName(w.phase)} has ${w.n} observed points, fewer than the baseline of ${w.baseline}: all of them set its limits`;
    case 'short-phase':
      return `${phaseName(w.phase)} has only ${w.n} points (fewer than ${w.below}): its limits are not yet reliable (preset ${a.rules.preset})`;
  }
}

