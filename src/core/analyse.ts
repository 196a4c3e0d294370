/**
 * Analysis of one measure on an XmR chart: phases, limits, every rule, each point's variation and
 * the summary icons. Pure: values in, plain data out.
 */
import { RULE_IDS } from './types.js';
import type {
  Analysis,
  AnalysisOptions,
  CoreWarning,
  PhaseResult,
  PointResult,
  RuleId,
  Side,
} from './types.js';
import { xmrLimits } from './xmr.js';
import { HIGH, LOW, alternating, nearLimit, outsideLimits, shift, trend, type Flags, type RuleFrame } from './rules.js';
import { assuranceIcon, classifyPoint, variationIcon, type SignalHit } from './variation.js';

interface PhasePlan {
  readonly start: number;
  readonly end: number;
}

/** Splits 0..n-1 into phases at the given starts (sorted, deduplicated; 0 and out-of-range ignored). */
export function planPhases(n: number, starts: readonly number[]): PhasePlan[] {
  const cuts = [...new Set(starts)].filter((s) => s > 0 && s < n).sort((a, b) => a - b);
  const bounds = [0, ...cuts, n];
  const out: PhasePlan[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) out.push({ start: bounds[k], end: bounds[k + 1] - 1 });
  return out;
}

export function analyseXmr(values: readonly (number | null)[], options: AnalysisOptions): Analysis {
  const { rules, direction } = options;
  const n = values.length;
  const target = options.target ?? null;
  const baseline = options.baseline ?? null;
  const excluded = new Uint8Array(n);
  for (const i of options.excluded ?? []) if (i >= 0 && i < n) excluded[i] = 1;
  const warnings: CoreWarning[] = [];

  let starts = options.phaseStarts ?? [];
  if (baseline !== null && rules.baselineOverridesPhases && starts.length > 0) {
    // MDC: "limits from the first N points are applied to the whole chart; a recalculation is ignored".
    warnings.push({ kind: 'baseline-overrides-phases', phases: starts.length });
    starts = [];
  }
  const plans = planPhases(n, starts);

  for (let i = 0; i < n; i++) if (values[i] === null) warnings.push({ kind: 'missing-value', index: i });

  // Per point lines, filled phase by phase.
  const phaseOf = new Int32Array(n);
  const inBaseline = new Uint8Array(n);
  const centre: (number | null)[] = new Array(n).fill(null);
  const sigma: (number | null)[] = new Array(n).fill(null);
  const ucl: (number | null)[] = new Array(n).fill(null);
  const lcl: (number | null)[] = new Array(n).fill(null);

  const phases: PhaseResult[] = plans.map((plan, index) => {
    let observed = 0;
    for (let i = plan.start; i <= plan.end; i++) if (values[i] !== null) observed++;
    const baselineN = baseline === null ? observed : Math.min(baseline, observed);
    if (baseline !== null && baseline > observed) {
      warnings.push({ kind: 'baseline-exceeds-phase', phase: index, baseline, n: observed });
    }
    // Limit-setting sequence: baseline window in order; excluded points removed (joined over);
    // missing values kept as gaps so that no moving range spans them.
    const sequence: (number | null)[] = [];
    let seen = 0;
    let limitN = 0;
    for (let i = plan.start; i <= plan.end && seen < baselineN; i++) {
      const v = values[i];
      if (v === null) {
        sequence.push(null);
        continue;
      }
      seen++;
      inBaseline[i] = 1;
      if (excluded[i]) continue;
      sequence.push(v);
      limitN++;
    }
    const limits = xmrLimits(sequence, { sigma: rules.xmrSigma, screenMovingRanges: rules.screenMovingRanges, screenFactor: rules.screenFactor });
    let withLimits = limits.sigma !== null && limits.halfWidth !== null;
    if (observed < rules.minPoints) {
      warnings.push({ kind: 'too-few-points', phase: index, n: observed, min: rules.minPoints });
      withLimits = false;
    } else if (!withLimits && limitN > 0) {
      warnings.push({ kind: 'no-moving-range', phase: index });
    }
    const c = limits.centre;
    const phase: PhaseResult = {
      index,
      start: plan.start,
      end: plan.end,
      n: observed,
      baselineN,
      limitN,
      movingRanges: limits.movingRanges,
      screenedMovingRanges: limits.screenedMovingRanges,
      centre: c,
      mrBar: limits.mrBar,
      sigma: withLimits ? limits.sigma : null,
      ucl: withLimits && c !== null ? c + limits.halfWidth! : null,
      lcl: withLimits && c !== null ? c - limits.halfWidth! : null,
    };
    for (let i = plan.start; i <= plan.end; i++) {
      phaseOf[i] = index;
      if (values[i] === null) continue;
      centre[i] = phase.centre;
      sigma[i] = phase.sigma;
      ucl[i] = phase.ucl;
      lcl[i] = phase.lcl;
    }
    return phase;
  });

  // Tested points: observed points whose phase has limits.
  const tested: number[] = [];
  for (let i = 0; i < n; i++) if (values[i] !== null && sigma[i] !== null) tested.push(i);
  const frame = buildFrame(values, tested, phaseOf, centre, sigma, ucl, lcl, rules.runsCrossPhases);
  const fired: [RuleId, Flags][] = [];
  if (rules.outsideLimits) fired.push(['outside-limits', outsideLimits(frame)]);
  if (rules.trend !== null) fired.push(['trend', trend(frame, rules.trend)]);
  if (rules.shift !== null) fired.push(['shift', shift(frame, rules.shift)]);
  if (rules.alternating !== null) fired.push(['alternating', alternating(frame, rules.alternating)]);
  if (rules.nearLimit !== null) fired.push(['near-limit', nearLimit(frame, rules.nearLimit)]);
  fired.sort((a, b) => RULE_IDS.indexOf(a[0]) - RULE_IDS.indexOf(b[0]));

  const hitsAt: SignalHit[][] = Array.from({ length: n }, () => []);
  for (const [rule, flags] of fired) {
    for (let k = 0; k < tested.length; k++) {
      if (flags[k] & HIGH) hitsAt[tested[k]].push({ rule, side: 'high' });
      if (flags[k] & LOW) hitsAt[tested[k]].push({ rule, side: 'low' });
    }
  }

  const signalCounts: Partial<Record<RuleId, number>> = {};
  const points: PointResult[] = values.map((value, index) => {
    const hits = hitsAt[index];
    for (const h of hits) signalCounts[h.rule] = (signalCounts[h.rule] ?? 0) + 1;
    const { variation, side } = classifyPoint(hits, direction, rules);
    return {
      index,
      value,
      phase: phaseOf[index],
      baseline: inBaseline[index] === 1,
      excluded: excluded[index] === 1,
      centre: centre[index],
      sigma: sigma[index],
      ucl: ucl[index],
      lcl: lcl[index],
      signals: [...new Set(hits.map((h) => h.rule))],
      side: side as Side | null,
      variation,
    };
  });

  let latestIndex: number | null = null;
  for (let i = n - 1; i >= 0; i--) if (values[i] !== null) { latestIndex = i; break; }
  const latest = latestIndex === null ? null : points[latestIndex];
  const latestPhase = latest === null ? null : phases[latest.phase];
  let observed = 0;
  for (const v of values) if (v !== null) observed++;

  return {
    rules,
    direction,
    target,
    phases,
    points,
    summary: {
      n: observed,
      missing: n - observed,
      latestIndex,
      latestValue: latest?.value ?? null,
      signalCounts,
      variationIcon: variationIcon(latest, latest !== null && latest.sigma !== null),
      assuranceIcon: assuranceIcon(target, direction, { ucl: latestPhase?.ucl ?? null, lcl: latestPhase?.lcl ?? null }),
    },
    warnings,
  };
}

/**
 * Packs the tested points into typed columns for the rules. A run may not continue across a
 * phase start (unless the preset lets runs cross phases) nor across points that were not tested.
 */
function buildFrame(
  values: readonly (number | null)[],
  tested: readonly number[],
  phaseOf: Int32Array,
  centre: readonly (number | null)[],
  sigma: readonly (number | null)[],
  ucl: readonly (number | null)[],
  lcl: readonly (number | null)[],
  runsCrossPhases: boolean,
): RuleFrame {
  const m = tested.length;
  const frame = {
    length: m,
    value: new Float64Array(m),
    centre: new Float64Array(m),
    sigma: new Float64Array(m),
    ucl: new Float64Array(m),
    lcl: new Float64Array(m),
    breakBefore: new Uint8Array(m),
  };
  for (let k = 0; k < m; k++) {
    const i = tested[k];
    frame.value[k] = values[i]!;
    frame.centre[k] = centre[i]!;
    frame.sigma[k] = sigma[i]!;
    frame.ucl[k] = ucl[i]!;
    frame.lcl[k] = lcl[i]!;
    if (k > 0) {
      const prev = tested[k - 1];
      // Was any observed point between prev and i left untested (a phase without limits)?
      let gapOfUntested = false;
      for (let j = prev + 1; j < i; j++) if (values[j] !== null) { gapOfUntested = true; break; }
      const newPhase = phaseOf[i] !== phaseOf[prev];
      frame.breakBefore[k] = gapOfUntested || (newPhase && !runsCrossPhases) ? 1 : 0;
    }
  }
  return frame;
}
