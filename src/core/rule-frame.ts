/**
 * The rule frame of an analysis: the tested points packed into typed columns, and the rules of
 * the registry run over it. Flags and spans come back per point of the series.
 */
import type { LineArrays } from './charts/index.js';
import { ruleLinesOf } from './lines.js';
import { HIGH, LOW, RULES, makeFrame, phaseRuns, type Flags, type RuleFrame, type RunLocation } from './rules/index.js';
import { RULE_IDS, type RuleId, type RuleSet, type RunsAnalysis, type SignalSpan } from './types.js';

/**
 * Packs the tested points (`idx`, in order) into typed columns for the rules. A run may not
 * continue across a phase start (unless the preset lets runs cross phases) nor across observed
 * points that were not tested (a phase without limits).
 */
export function buildFrame(
  plotted: ArrayLike<number | null>,
  idx: readonly number[],
  observed: Uint8Array,
  phaseOf: Int32Array,
  lines: LineArrays,
  runsCrossPhases: boolean,
): RuleFrame {
  const m = idx.length;
  // Every point tested, in order (the common case): the frame is the lines themselves, no copies.
  const identity = m === plotted.length;
  const col = <A extends Float64Array | Int32Array>(src: A): A => {
    if (identity) return src;
    const out = new (src.constructor as new (n: number) => A)(m);
    for (let k = 0; k < m; k++) out[k] = src[idx[k]];
    return out;
  };
  let value: Float64Array;
  if (identity && plotted instanceof Float64Array) value = plotted;
  else {
    value = new Float64Array(m);
    for (let k = 0; k < m; k++) value[k] = plotted[idx[k]]!;
  }
  const breakBefore = new Uint8Array(m);
  for (let k = 1; k < m; k++) {
    const i = idx[k];
    const prev = idx[k - 1];
    if (i !== prev + 1) {
      // Was any observed point between prev and i left untested (a phase without limits)?
      for (let j = prev + 1; j < i; j++) if (observed[j]) { breakBefore[k] = 1; break; }
    }
    if (!runsCrossPhases && phaseOf[i] !== phaseOf[prev]) breakBefore[k] = 1;
  }
  return makeFrame(value, ruleLinesOf((k) => col(lines[k])), breakBefore, col(phaseOf));
}

/** A span found by a rule, in frame positions, before it is mapped to the series. */
interface FrameSpan {
  readonly rule: RuleId;
  readonly from: number;
  readonly to: number;
  readonly side: number;
  readonly run?: RunLocation;
}

export interface RuleResults {
  /** Each rule that ran, in contract order, with its flags per point (HIGH/LOW bits). */
  readonly flags: readonly (readonly [RuleId, Uint8Array])[];
  /** Every signal found, ordered by first point, then rule (contract order), then last point. */
  readonly spans: readonly SignalSpan[];
  /** Anhoej's run analysis per phase, when the preset asks for it. */
  readonly runs: ReadonlyMap<number, RunsAnalysis>;
}

/**
 * Runs every enabled rule of the registry over the frame; results per point of the series. Without
 * `withSpans` (the simulation, which counts flags only) no span is collected.
 */
export function runRules(frame: RuleFrame, idx: readonly number[], n: number, rules: RuleSet, withSpans = true): RuleResults {
  const found: FrameSpan[] = [];
  const sink = (rule: RuleId) => ({ add: (from: number, to: number, side: number, run?: RunLocation) => found.push({ rule, from, to, side, run }) });
  const fired: (readonly [RuleId, Flags])[] = [];
  for (const d of RULES) if (d.enabled(rules)) fired.push(...d.test(frame, rules, withSpans ? sink : undefined));
  fired.sort((a, b) => RULE_IDS.indexOf(a[0]) - RULE_IDS.indexOf(b[0]));
  const identity = idx.length === n;
  const flags = fired.map(([rule, f]) => {
    if (identity) return [rule, f] as const;
    const perPoint = new Uint8Array(n);
    for (let k = 0; k < idx.length; k++) perPoint[idx[k]] = f[k];
    return [rule, perPoint] as const;
  });
  const runs = new Map<number, RunsAnalysis>();
  if (rules.runsAnalysis) {
    for (const p of phaseRuns(frame)) {
      const { useful, longestRun, longestRunMax, crossings, crossingsMin } = p.runs;
      runs.set(p.phase, { useful, longestRun, longestRunMax, crossings, crossingsMin });
    }
  }
  return { flags, spans: toSeries(found, idx, flags), runs };
}

/** Spans in series indices, with the number of points their rule flagged in them. */
function toSeries(found: readonly FrameSpan[], idx: readonly number[], flags: RuleResults['flags']): SignalSpan[] {
  const flagsOf = new Map(flags);
  const spans = found.map((s): SignalSpan => {
    const from = idx[s.from];
    const to = idx[s.to];
    const f = flagsOf.get(s.rule)!;
    const mask = s.side > 0 ? HIGH : s.side < 0 ? LOW : HIGH | LOW;
    let points = 0;
    for (let i = from; i <= to; i++) if (f[i] & mask) points++;
    const side = s.side > 0 ? 'high' : s.side < 0 ? 'low' : null;
    const run = s.run ? { from: idx[s.run.from], to: idx[s.run.to], length: s.run.length } : undefined;
    return run ? { rule: s.rule, side, from, to, points, run } : { rule: s.rule, side, from, to, points };
  });
  return spans.sort((a, b) => a.from - b.from || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) || a.to - b.to);
}
