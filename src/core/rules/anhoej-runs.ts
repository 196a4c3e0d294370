/**
 * Anhoej's run chart rules (Anhoej & Olesen 2014, "Run charts revisited", PLoS ONE 9(11)), which
 * judge each phase as a whole: an unusually long run (longest run > round(log2(n) + 3)) and
 * unusually few crossings of the centre line (fewer than the 5th percentile of
 * Binomial(n - 1, 0.5)), n being the useful points (those not on the centre line). A signal
 * applies to every tested point of the phase. qicharts2 applies the same two rules.
 */
import type { RunsAnalysis } from '../types.js';
import type { OnlineTest, RuleDefinition } from './definition.js';
import { HIGH, LOW, sideOf, type Flags, type RuleFrame, type RunLocation } from './frame.js';
import { onOff } from './values.js';

/** Longest run limit (Anhoej & Olesen 2014): round(log2(n) + 3). */
export function longestRunMax(useful: number): number {
  return Math.round(Math.log2(useful) + 3);
}

/**
 * Crossings limit (Anhoej & Olesen 2014; qicharts2 `qbinom(0.05, n - 1, 0.5)`): the smallest c
 * with P(X <= c) >= 0.05 for X ~ Binomial(useful - 1, 0.5).
 */
export function crossingsMin(useful: number): number {
  const trials = useful - 1;
  if (trials < 1) return 0;
  // P(X = k) in log space to stay exact for large n.
  let logP = trials * Math.log(0.5); // k = 0
  let cumulative = Math.exp(logP);
  let k = 0;
  while (cumulative < 0.05 && k < trials) {
    logP += Math.log((trials - k) / (k + 1));
    k++;
    cumulative += Math.exp(logP);
  }
  return k;
}

/**
 * The run counting, one point at a time: a point on the centre line (side 0) neither breaks nor
 * extends a run; a run is a sequence of useful points on one side; a crossing is a change of side
 * between consecutive useful points. The first longest run is remembered with where it lies.
 */
export class RunCounter {
  useful = 0;
  longest = 0;
  longestSide = 0;
  longestFrom = -1;
  longestTo = -1;
  crossings = 0;
  private current = 0;
  private currentFrom = -1;
  private prevSide = 0;

  reset(): void {
    this.useful = this.longest = this.longestSide = this.crossings = this.current = this.prevSide = 0;
    this.longestFrom = this.longestTo = this.currentFrom = -1;
  }

  /** Counts a point on `side` (+1, -1 or 0) at position `at`. */
  add(side: number, at: number): void {
    if (side === 0) return;
    this.useful++;
    if (side === this.prevSide) this.current++;
    else {
      if (this.prevSide !== 0) this.crossings++;
      this.current = 1;
      this.currentFrom = at;
      this.prevSide = side;
    }
    if (this.current > this.longest) {
      this.longest = this.current;
      this.longestSide = side;
      this.longestFrom = this.currentFrom;
      this.longestTo = at;
    }
  }
}

/** The run analysis of frame positions from..to (inclusive), with where the longest run lies. */
export function runsOf(frame: RuleFrame, from: number, to: number): RunsAnalysis & { longestSide: number; longestAt: RunLocation | null } {
  const c = new RunCounter();
  for (let j = from; j <= to; j++) c.add(sideOf(frame, j), j);
  return {
    useful: c.useful,
    longestRun: c.longest,
    longestRunMax: c.useful > 0 ? longestRunMax(c.useful) : 0,
    crossings: c.crossings,
    crossingsMin: crossingsMin(c.useful),
    longestSide: c.longestSide,
    longestAt: c.longest > 0 ? { from: c.longestFrom, to: c.longestTo, length: c.longest } : null,
  };
}

/** The frame's phases as runs of consecutive frame positions, each with its run analysis. */
export function phaseRuns(frame: RuleFrame): { phase: number; from: number; to: number; runs: ReturnType<typeof runsOf> }[] {
  const out: { phase: number; from: number; to: number; runs: ReturnType<typeof runsOf> }[] = [];
  const phaseAt = (k: number) => frame.phase?.[k] ?? 0;
  let from = 0;
  for (let k = 1; k <= frame.length; k++) {
    if (k < frame.length && phaseAt(k) === phaseAt(k - 1)) continue;
    out.push({ phase: phaseAt(from), from, to: k - 1, runs: runsOf(frame, from, k - 1) });
    from = k;
  }
  return out;
}

function test(frame: RuleFrame, spans?: (id: 'longest-run' | 'crossings') => { add: (from: number, to: number, side: number, run?: RunLocation) => void }) {
  const longest: Flags = new Uint8Array(frame.length);
  const crossings: Flags = new Uint8Array(frame.length);
  for (const { from, to, runs: r } of phaseRuns(frame)) {
    if (r.useful === 0) continue;
    if (r.longestRun > r.longestRunMax) {
      longest.fill(r.longestSide > 0 ? HIGH : LOW, from, to + 1);
      spans?.('longest-run').add(from, to, r.longestSide, r.longestAt ?? undefined);
    }
    if (r.crossings < r.crossingsMin) {
      for (let j = from; j <= to; j++) crossings[j] = frame.value[j] >= frame.centre[j] ? HIGH : LOW;
      spans?.('crossings').add(from, to, 0);
    }
  }
  return [
    ['longest-run', longest],
    ['crossings', crossings],
  ] as const;
}

/** The rules re-applied to the series so far at each new point (an analyst re-analysing the chart). */
function online(): OnlineTest {
  const c = new RunCounter();
  const minCrossings: number[] = [];
  let at = 0;
  return {
    reset: () => {
      c.reset();
      at = 0;
    },
    add(value, centre) {
      const side = value > centre ? 1 : value < centre ? -1 : 0;
      c.add(side, at++);
      if (side === 0) return false;
      const min = (minCrossings[c.useful] ??= crossingsMin(c.useful));
      return c.longest > longestRunMax(c.useful) || c.crossings < min;
    },
  };
}

const OFF = { runsAnalysis: false };

export const ANHOEJ_RUNS: RuleDefinition<'runsAnalysis'> = {
  name: 'anhoej-runs',
  signals: [
    { id: 'longest-run', label: 'long run', directional: true },
    { id: 'crossings', label: 'few crossings', directional: false },
  ],
  presets: { default: OFF, mdc: OFF, ptd: OFF, 'western-electric': OFF, nelson: OFF, anhoej: { runsAnalysis: true } },
  enabled: (r) => r.runsAnalysis,
  window: () => null,
  test: (frame, _r, spans) => test(frame, spans),
  online,
  describe: (r) => (r.runsAnalysis ? 'longest run > round(log2(n) + 3); crossings < 5th percentile of Binomial(n - 1, 0.5)' : 'off'),
  overrides: [{ name: 'anhoej-runs', values: 'on | off (longest run and crossings)', apply: (r, v) => ({ ...r, runsAnalysis: onOff('anhoej-runs', v) }) }],
};
