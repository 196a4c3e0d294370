/**
 * The chart-type registry. Every chart type has the same shape: `plot` turns the measure's data
 * into the plotted statistic, `phase` computes the centre line, sigma and the 1/2/3-sigma lines
 * of every point of one phase from that phase's limit-setting points. Rules never see chart types:
 * they read the lines by name.
 *
 * Formulas and sources (docs/methods.md has worked examples):
 * - xmr: Montgomery (Introduction to SQC, 7th ed.) 6.4; Wheeler's E2; median moving range 3.145.
 * - mr: Montgomery eq. 6.34 (D3 = 0, D4 = 3.267 for n = 2).
 * - run: median centre line (Anhoej & Olesen 2014), no limits.
 * - p, np, c, u: Montgomery 7.2-7.3 (eqs. 7.8, 7.13, 7.17, 7.19).
 * - pp, up: Laney (2002), "Improved control charts for attributes", Quality Engineering 14(4).
 * - g: Benneyan (2001); Montgomery p. 319 (sigma = sqrt(g(g+1))); centre line drawn at the median
 *   (qicharts2), limits from the mean.
 * - t: Montgomery 7.3.5 / Minitab T chart: y^(1/3.6) is near normal; XmR there, lines back-transformed.
 * - xbar-s, xbar-r, s, r: Montgomery 6.2-6.3 (eqs. 6.4-6.5, 6.27-6.31).
 */
import { a3, b3, b4, c4, d2, d3 } from './constants.js';
import { mean, median, movingRanges, screenMovingRanges } from './stats.js';
import type { XmrSigma } from './types.js';

export const CHART_TYPES = ['xmr', 'mr', 'run', 'p', 'pp', 'u', 'up', 'c', 'np', 'g', 't', 'xbar-s', 'xbar-r'] as const;
/** A chart type a user asks for, plus the companion charts drawn beside x-bar charts. */
export type ChartType = (typeof CHART_TYPES)[number] | 's' | 'r';

/** The data of one measure, in period order. */
export interface SeriesData {
  /** The value column: a measurement, a count or a numerator (a Float64Array may use NaN for missing). For subgroup charts, ignored. */
  readonly values: ArrayLike<number | null>;
  /** Denominators / subgroup sizes (p, np, u, pp, up). */
  readonly sizes?: readonly (number | null)[] | null;
  /** Observations of each subgroup (x-bar, s and r charts). */
  readonly subgroups?: readonly (readonly number[] | null)[] | null;
}

export interface ChartSettings {
  readonly xmrSigma: XmrSigma;
  readonly screenMovingRanges: boolean;
  readonly screenFactor: number;
}

/** Per-point lines, NaN where a line does not exist. */
export interface LineArrays {
  readonly centre: Float64Array;
  readonly sigma: Float64Array;
  readonly ucl: Float64Array;
  readonly lcl: Float64Array;
  readonly upper1: Float64Array;
  readonly lower1: Float64Array;
  readonly upper2: Float64Array;
  readonly lower2: Float64Array;
}

export function emptyLines(n: number): LineArrays {
  const f = () => new Float64Array(n).fill(NaN);
  return { centre: f(), sigma: f(), ucl: f(), lcl: f(), upper1: f(), lower1: f(), upper2: f(), lower2: f() };
}

export interface PhaseInput {
  readonly start: number;
  readonly end: number;
  /** Full-length masks: 1 where the point is observed / sets the limits (baseline, not excluded). */
  readonly observed: Uint8Array;
  readonly limit: Uint8Array;
}

/** Phase-level statistics a chart reports (null where they do not apply). */
export interface PhaseStats {
  readonly centre: number | null;
  /** Sigma of the plotted statistic when it is the same for every point, else null. */
  readonly sigma: number | null;
  readonly mrBar?: number | null;
  readonly mrMedian?: number | null;
  readonly movingRanges?: number;
  readonly screenedMovingRanges?: number;
  /** Mean of the plotted values (g charts: the limits' centre, while the line is the median). */
  readonly mean?: number | null;
  readonly sBar?: number | null;
  readonly rBar?: number | null;
  readonly sigmaZ?: number | null;
  /** Laney or transformed scales: the sigma used before scaling or back-transforming. */
  readonly sigmaWithin?: number | null;
  readonly limitsVary: boolean;
}

export interface ChartContext {
  readonly data: SeriesData;
  readonly plotted: ArrayLike<number | null>;
  readonly phase: PhaseInput;
  readonly settings: ChartSettings;
  readonly lines: LineArrays;
}

export interface ChartDefinition {
  readonly id: ChartType;
  readonly title: string;
  /** What the input must carry besides values. */
  readonly needs: 'values' | 'sizes' | 'subgroups';
  readonly hasLimits: boolean;
  /** The plotted statistic per point (null: not observed). `phaseOf` for charts whose plot depends on phases. */
  plot(data: SeriesData, phaseOf: Int32Array): ArrayLike<number | null>;
  phase(ctx: ChartContext): PhaseStats;
}

/** Writes centre +/- k sigma for one point, the lines clamped to [floor, cap]. */
function symmetric(lines: LineArrays, i: number, centre: number, sigma: number, floor = -Infinity, cap = Infinity): void {
  const clamp = (v: number) => Math.min(cap, Math.max(floor, v));
  lines.centre[i] = centre;
  lines.sigma[i] = sigma;
  lines.ucl[i] = clamp(centre + 3 * sigma);
  lines.lcl[i] = clamp(centre - 3 * sigma);
  lines.upper2[i] = clamp(centre + 2 * sigma);
  lines.lower2[i] = clamp(centre - 2 * sigma);
  lines.upper1[i] = clamp(centre + sigma);
  lines.lower1[i] = clamp(centre - sigma);
}

function centreOnly(lines: LineArrays, phase: PhaseInput, centre: number | null): void {
  if (centre === null) return;
  for (let i = phase.start; i <= phase.end; i++) lines.centre[i] = centre;
}

/** Indices of the phase's limit-setting points. */
function limitIndices(phase: PhaseInput): number[] {
  const out: number[] = [];
  for (let i = phase.start; i <= phase.end; i++) if (phase.limit[i]) out.push(i);
  return out;
}

/** The values of the phase's limit-setting points, in order. */
function limitValues(values: ArrayLike<number | null>, phase: PhaseInput): number[] {
  return limitIndices(phase).map((i) => values[i]!);
}

/**
 * The phase's limit-setting values as a sequence for moving ranges: in order up to the last
 * limit-setting point, `null` for a missing value (no moving range spans it), excluded points left
 * out (the moving range joins the points either side of them).
 */
function limitSequence(values: ArrayLike<number | null>, phase: PhaseInput): (number | null)[] {
  let last = -1;
  for (let i = phase.start; i <= phase.end; i++) if (phase.limit[i]) last = i;
  const seq: (number | null)[] = [];
  for (let i = phase.start; i <= last; i++) {
    if (!phase.observed[i]) seq.push(null);
    else if (phase.limit[i]) seq.push(values[i]);
  }
  return seq;
}

/** Sigma of individual values from their moving ranges (XmR), with the half-width of the limits. */
interface IndividualSigma {
  readonly sigma: number | null;
  readonly halfWidth: number | null;
  readonly mrBar: number | null;
  readonly mrMedian: number | null;
  readonly movingRanges: number;
  readonly screenedMovingRanges: number;
}

function individualSigma(sequence: readonly (number | null)[], settings: ChartSettings): IndividualSigma {
  const all = movingRanges(sequence);
  const used = settings.screenMovingRanges ? screenMovingRanges(all, settings.screenFactor) : all;
  const screened = all.length - used.length;
  if (used.length === 0) {
    return { sigma: null, halfWidth: null, mrBar: null, mrMedian: null, movingRanges: 0, screenedMovingRanges: screened };
  }
  const mrBar = mean(used);
  const method = settings.xmrSigma;
  if (method.method === 'd2') {
    const sigma = mrBar / method.d2; // Montgomery eq. 6.33: sigma-hat = MR-bar / d2
    return { sigma, halfWidth: 3 * sigma, mrBar, mrMedian: null, movingRanges: used.length, screenedMovingRanges: screened };
  }
  if (method.method === 'e2') {
    const halfWidth = method.e2 * mrBar; // Wheeler / MDC: limits at 2.66 x MR-bar
    return { sigma: halfWidth / 3, halfWidth, mrBar, mrMedian: null, movingRanges: used.length, screenedMovingRanges: screened };
  }
  // Wheeler (Understanding SPC, 2nd ed., 5.2): limits at 3.145 x median moving range.
  const mrMedian = median(used);
  const halfWidth = method.factor * mrMedian;
  return { sigma: halfWidth / 3, halfWidth, mrBar, mrMedian, movingRanges: used.length, screenedMovingRanges: screened };
}

/** Constant lines over a phase: centre +/- k sigma. */
function fillPhase(lines: LineArrays, phase: PhaseInput, centre: number, sigma: number): void {
  const from = phase.start;
  const to = phase.end + 1;
  lines.centre.fill(centre, from, to);
  lines.sigma.fill(sigma, from, to);
  lines.ucl.fill(centre + 3 * sigma, from, to);
  lines.lcl.fill(centre - 3 * sigma, from, to);
  lines.upper2.fill(centre + 2 * sigma, from, to);
  lines.lower2.fill(centre - 2 * sigma, from, to);
  lines.upper1.fill(centre + sigma, from, to);
  lines.lower1.fill(centre - sigma, from, to);
}

function xmrGeneral(plotted: ArrayLike<number | null>, phase: PhaseInput, settings: ChartSettings) {
  const pts = limitValues(plotted, phase);
  return { centre: pts.length ? mean(pts) : null, s: individualSigma(limitSequence(plotted, phase), settings) };
}

/**
 * Mean and mean moving range of the limit-setting points in one pass, with the same conventions
 * as the general path: a missing value breaks the moving ranges, an excluded point is joined over.
 */
function xmrOnePass(plotted: ArrayLike<number | null>, phase: PhaseInput, settings: ChartSettings) {
  let sum = 0;
  let count = 0;
  let mrSum = 0;
  let mrCount = 0;
  let prev = NaN;
  for (let i = phase.start; i <= phase.end; i++) {
    if (!phase.observed[i]) {
      prev = NaN;
      continue;
    }
    if (!phase.limit[i]) continue;
    const v = plotted[i] as number;
    sum += v;
    count++;
    if (prev === prev) {
      mrSum += Math.abs(v - prev);
      mrCount++;
    }
    prev = v;
  }
  const centre = count ? sum / count : null;
  if (!mrCount) return { centre, s: { sigma: null, halfWidth: null, mrBar: null, mrMedian: null, movingRanges: 0, screenedMovingRanges: 0 } };
  const mrBar = mrSum / mrCount;
  const m = settings.xmrSigma;
  const sigma = m.method === 'd2' ? mrBar / m.d2 : ((m as { e2: number }).e2 * mrBar) / 3;
  const halfWidth = m.method === 'd2' ? 3 * sigma : (m as { e2: number }).e2 * mrBar;
  return { centre, s: { sigma, halfWidth, mrBar, mrMedian: null, movingRanges: mrCount, screenedMovingRanges: 0 } };
}

const identity = (data: SeriesData): ArrayLike<number | null> => (data.values instanceof Float64Array ? data.values : Array.from(data.values));

const xmr: ChartDefinition = {
  id: 'xmr',
  title: 'XmR',
  needs: 'values',
  hasLimits: true,
  plot: identity,
  phase({ plotted, phase, settings, lines }) {
    const fast = !settings.screenMovingRanges && settings.xmrSigma.method !== 'median';
    // One pass (the common case) or the general path through the limit sequence (screening, median).
    const { centre, s } = fast ? xmrOnePass(plotted, phase, settings) : xmrGeneral(plotted, phase, settings);
    centreOnly(lines, phase, centre);
    if (centre !== null && s.sigma !== null && s.halfWidth !== null) {
      fillPhase(lines, phase, centre, s.sigma);
      // Exact 3-sigma half-width (2.66 x MR-bar is not 3 x (2.66 x MR-bar / 3) in floating point).
      lines.ucl.fill(centre + s.halfWidth, phase.start, phase.end + 1);
      lines.lcl.fill(centre - s.halfWidth, phase.start, phase.end + 1);
    }
    return { centre, sigma: s.sigma, mrBar: s.mrBar, mrMedian: s.mrMedian, movingRanges: s.movingRanges, screenedMovingRanges: s.screenedMovingRanges, limitsVary: false };
  },
};

const mr: ChartDefinition = {
  id: 'mr',
  title: 'MR',
  needs: 'values',
  hasLimits: true,
  plot(data, phaseOf) {
    // |x_i - x_(i-1)| between adjacent observed points of the same phase.
    return Array.from(data.values, (v, i) => {
      const prev = i > 0 ? data.values[i - 1] : null;
      return v === null || prev === null || phaseOf[i] !== phaseOf[i - 1] ? null : Math.abs(v - prev);
    });
  },
  phase({ plotted, phase, lines }) {
    // The plotted points are the moving ranges: those in the phase's baseline, not excluded, set the limits.
    const used = limitValues(plotted, phase);
    const centre = used.length ? mean(used) : null;
    if (centre === null) return { centre: null, sigma: null, movingRanges: 0, limitsVary: false };
    // UCL = D4 MR-bar = 3.267 MR-bar, LCL = D3 MR-bar = 0 (Montgomery eq. 6.34): sigma = (D4 - 1) MR-bar / 3.
    const sigma = ((3.267 - 1) * centre) / 3;
    for (let i = phase.start; i <= phase.end; i++) {
      symmetric(lines, i, centre, sigma, 0);
      lines.ucl[i] = 3.267 * centre;
    }
    return { centre, sigma, mrBar: centre, movingRanges: used.length, limitsVary: false };
  },
};

const run: ChartDefinition = {
  id: 'run',
  title: 'Run chart',
  needs: 'values',
  hasLimits: false,
  plot: identity,
  phase({ plotted, phase, lines }) {
    const pts = limitValues(plotted, phase);
    const centre = pts.length ? median(pts) : null;
    centreOnly(lines, phase, centre);
    return { centre, sigma: null, limitsVary: false };
  },
};

/** Sum of values and of sizes over the limit-setting points. */
function pooledRate(data: SeriesData, phase: PhaseInput): number | null {
  let y = 0;
  let n = 0;
  for (const i of limitIndices(phase)) {
    y += data.values[i]!;
    n += data.sizes![i]!;
  }
  return n > 0 ? y / n : null;
}

const ratio = (data: SeriesData) =>
  Array.from(data.values, (v, i) => {
    const n = data.sizes?.[i];
    return v === null || n === null || n === undefined || n === 0 ? null : v / n;
  });

/**
 * Laney's sigma_z: the moving ranges of the z-scores of the limit-setting points (in order,
 * missing values breaking, excluded points joined over) / 1.128 (Laney 2002).
 */
function sigmaZ(plotted: ArrayLike<number | null>, phase: PhaseInput, centre: number, sigmaOf: (i: number) => number): number | null {
  const z = Array.from(plotted, (v, i) => (v === null ? null : (v - centre) / sigmaOf(i)));
  const ranges = movingRanges(limitSequence(z, phase));
  return ranges.length ? mean(ranges) / 1.128 : null;
}

function attribute(id: ChartType, title: string, kind: 'p' | 'u', laney: boolean): ChartDefinition {
  return {
    id,
    title,
    needs: 'sizes',
    hasLimits: true,
    plot: ratio,
    phase({ data, plotted, phase, lines }) {
      const centre = pooledRate(data, phase);
      centreOnly(lines, phase, centre);
      if (centre === null) return { centre: null, sigma: null, limitsVary: true };
      // Montgomery eq. 7.8 (p: sqrt(p(1-p)/n_i)) and eq. 7.19 (u: sqrt(u/n_i)).
      const within = (i: number) => Math.sqrt((kind === 'p' ? centre * (1 - centre) : centre) / data.sizes![i]!);
      const z = laney ? sigmaZ(plotted, phase, centre, within) : 1;
      if (z === null) return { centre, sigma: null, sigmaZ: null, limitsVary: true };
      for (let i = phase.start; i <= phase.end; i++) {
        if (data.sizes![i] === null || !(data.sizes![i]! > 0)) continue;
        symmetric(lines, i, centre, within(i) * z, 0, kind === 'p' ? 1 : Infinity);
      }
      return { centre, sigma: null, ...(laney ? { sigmaZ: z } : {}), limitsVary: true };
    },
  };
}

const np: ChartDefinition = {
  id: 'np',
  title: 'np chart',
  needs: 'sizes',
  hasLimits: true,
  plot: identity,
  phase({ data, phase, lines }) {
    const p = pooledRate(data, phase);
    if (p === null) return { centre: null, sigma: null, limitsVary: true };
    // Montgomery eq. 7.13: centre n p-bar, sigma sqrt(n p-bar (1 - p-bar)).
    for (let i = phase.start; i <= phase.end; i++) {
      const n = data.sizes![i];
      if (n === null || !(n > 0)) continue;
      symmetric(lines, i, n * p, Math.sqrt(n * p * (1 - p)), 0, n);
    }
    return { centre: null, sigma: null, mean: p, limitsVary: true };
  },
};

const c: ChartDefinition = {
  id: 'c',
  title: 'c chart',
  needs: 'values',
  hasLimits: true,
  plot: identity,
  phase({ plotted, phase, lines }) {
    const pts = limitValues(plotted, phase);
    if (!pts.length) return { centre: null, sigma: null, limitsVary: false };
    const centre = mean(pts);
    const sigma = Math.sqrt(centre); // Montgomery eq. 7.17
    for (let i = phase.start; i <= phase.end; i++) symmetric(lines, i, centre, sigma, 0);
    return { centre, sigma, limitsVary: false };
  },
};

const g: ChartDefinition = {
  id: 'g',
  title: 'g chart',
  needs: 'values',
  hasLimits: true,
  plot: identity,
  phase({ plotted, phase, lines }) {
    const pts = limitValues(plotted, phase);
    if (!pts.length) return { centre: null, sigma: null, limitsVary: false };
    const gBar = mean(pts);
    const sigma = Math.sqrt(gBar * (gBar + 1)); // geometric: Benneyan 2001; Montgomery p. 319
    const centre = median(pts); // the line drawn: the distribution is skewed (qicharts2)
    for (let i = phase.start; i <= phase.end; i++) {
      symmetric(lines, i, gBar, sigma, 0);
      lines.centre[i] = centre;
    }
    return { centre, sigma, mean: gBar, limitsVary: false };
  },
};

/** t chart: 1/3.6 power transform (Nelson 1994, as Minitab's T chart), XmR, lines back-transformed. */
export const T_POWER = 3.6;
const t: ChartDefinition = {
  id: 't',
  title: 't chart',
  needs: 'values',
  hasLimits: true,
  plot: identity,
  phase({ plotted, phase, settings, lines }) {
    const w = Array.from(plotted, (v) => (v === null ? null : Math.pow(v, 1 / T_POWER)));
    const pts = limitValues(w, phase);
    if (!pts.length) return { centre: null, sigma: null, limitsVary: false };
    const cw = mean(pts);
    const s = individualSigma(limitSequence(w, phase), settings);
    const back = (x: number) => Math.pow(Math.max(0, x), T_POWER);
    for (let i = phase.start; i <= phase.end; i++) {
      lines.centre[i] = back(cw);
      if (s.sigma === null || s.halfWidth === null) continue;
      lines.ucl[i] = back(cw + s.halfWidth);
      lines.lcl[i] = back(cw - s.halfWidth);
      lines.upper2[i] = back(cw + 2 * s.sigma);
      lines.lower2[i] = back(cw - 2 * s.sigma);
      lines.upper1[i] = back(cw + s.sigma);
      lines.lower1[i] = back(cw - s.sigma);
      // Sigma has no single value on the original scale; the transformed one is in the phase stats.
    }
    return {
      centre: back(cw),
      sigma: null,
      sigmaWithin: s.sigma,
      mrBar: s.mrBar,
      mrMedian: s.mrMedian,
      movingRanges: s.movingRanges,
      screenedMovingRanges: s.screenedMovingRanges,
      limitsVary: false,
    };
  },
};

/** Subgroup sizes, means, standard deviations and ranges. */
function subgroupStat(data: SeriesData, stat: 'mean' | 'sd' | 'range'): (number | null)[] {
  return (data.subgroups ?? []).map((xs) => {
    if (!xs || xs.length === 0) return null;
    const m = mean(xs);
    if (stat === 'mean') return m;
    if (xs.length < 2) return null;
    if (stat === 'range') return Math.max(...xs) - Math.min(...xs);
    let ss = 0;
    for (const x of xs) ss += (x - m) ** 2;
    return Math.sqrt(ss / (xs.length - 1));
  });
}

/**
 * Sigma within subgroups from the limit-setting subgroups.
 * - s: equal sizes: s-bar = mean s_i, sigma = s-bar / c4(n) (Montgomery eq. 6.27);
 *   unequal sizes: pooled s = sqrt(sum (n_i - 1) s_i^2 / (sum n_i - m)) (Montgomery eq. 6.31),
 *   used as s-bar with each subgroup's own A3, B3, B4.
 * - r: equal sizes: R-bar / d2(n); unequal: mean of R_i / d2(n_i).
 * Returns s-bar or R-bar "at size n" through `centreAt(n)` and sigma of one observation `sigmaAt(n)`.
 */
function withinSigma(data: SeriesData, phase: PhaseInput, kind: 's' | 'r') {
  const idx = limitIndices(phase).filter((i) => (data.subgroups?.[i]?.length ?? 0) >= 2);
  const sizes = idx.map((i) => data.subgroups![i]!.length);
  const equal = sizes.every((n) => n === sizes[0]);
  if (!idx.length) return null;
  if (kind === 's') {
    const s = subgroupStat(data, 'sd');
    if (equal) {
      const sBar = mean(idx.map((i) => s[i]!));
      return { bar: sBar, equal, sigmaAt: (_n: number) => sBar / c4(sizes[0]) };
    }
    let num = 0;
    let den = 0;
    idx.forEach((i, k) => {
      num += (sizes[k] - 1) * s[i]! ** 2;
      den += sizes[k] - 1;
    });
    const pooled = Math.sqrt(num / den);
    return { bar: pooled, equal, sigmaAt: (n: number) => pooled / c4(n) };
  }
  const r = subgroupStat(data, 'range');
  if (equal) {
    const rBar = mean(idx.map((i) => r[i]!));
    return { bar: rBar, equal, sigmaAt: (_n: number) => rBar / d2(sizes[0]) };
  }
  const sigma = mean(idx.map((i, k) => r[i]! / d2(sizes[k])));
  return { bar: null, equal, sigmaAt: (_n: number) => sigma };
}

function xbar(id: ChartType, kind: 's' | 'r'): ChartDefinition {
  return {
    id,
    title: kind === 's' ? 'X-bar chart (with S)' : 'X-bar chart (with R)',
    needs: 'subgroups',
    hasLimits: true,
    plot: (data) => subgroupStat(data, 'mean'),
    phase({ data, plotted, phase, lines }) {
      // Grand mean weighted by subgroup size (Montgomery eq. 6.30); equal sizes: the mean of means.
      let sum = 0;
      let count = 0;
      for (const i of limitIndices(phase)) {
        const n = data.subgroups![i]!.length;
        sum += plotted[i]! * n;
        count += n;
      }
      const centre = count ? sum / count : null;
      centreOnly(lines, phase, centre);
      const w = withinSigma(data, phase, kind);
      if (centre === null || w === null) return { centre, sigma: null, limitsVary: false };
      let sizesVary = false;
      let first = -1;
      for (let i = phase.start; i <= phase.end; i++) {
        const n = data.subgroups?.[i]?.length ?? 0;
        if (n === 0) continue;
        if (first < 0) first = n;
        else if (n !== first) sizesVary = true;
        // x-bar +/- A3(n) s-bar = x-bar +/- 3 sigma / sqrt(n) (Montgomery eqs. 6.28, 6.4).
        const sigma = kind === 's' && w.bar !== null ? (a3(n) * w.bar) / 3 : w.sigmaAt(n) / Math.sqrt(n);
        if (Number.isFinite(sigma)) symmetric(lines, i, centre, sigma);
      }
      return { centre, sigma: null, ...(kind === 's' ? { sBar: w.bar } : { rBar: w.bar }), sigmaWithin: w.sigmaAt(first), limitsVary: sizesVary };
    },
  };
}

function spread(id: ChartType, kind: 's' | 'r'): ChartDefinition {
  return {
    id,
    title: kind === 's' ? 'S chart' : 'R chart',
    needs: 'subgroups',
    hasLimits: true,
    plot: (data) => subgroupStat(data, kind === 's' ? 'sd' : 'range'),
    phase({ data, phase, lines }) {
      const w = withinSigma(data, phase, kind);
      if (w === null) return { centre: null, sigma: null, limitsVary: false };
      let sizesVary = false;
      let first = -1;
      let firstCentre: number | null = null;
      for (let i = phase.start; i <= phase.end; i++) {
        const n = data.subgroups?.[i]?.length ?? 0;
        if (n < 2) continue;
        if (first < 0) first = n;
        else if (n !== first) sizesVary = true;
        let centre: number;
        let sigma: number;
        if (kind === 's' && w.bar !== null) {
          // Centre s-bar, limits B3 s-bar and B4 s-bar (Montgomery eq. 6.29): sigma_s = s-bar sqrt(1 - c4^2) / c4.
          centre = w.bar;
          sigma = (w.bar * Math.sqrt(1 - c4(n) ** 2)) / c4(n);
          symmetric(lines, i, centre, sigma, 0);
          lines.ucl[i] = b4(n) * w.bar;
          lines.lcl[i] = b3(n) * w.bar;
        } else {
          // Centre d2 sigma (= R-bar for equal sizes), sigma_R = d3 sigma: limits D3 R-bar, D4 R-bar (eq. 6.5).
          const s = w.sigmaAt(n);
          centre = w.equal && w.bar !== null ? w.bar : d2(n) * s;
          sigma = d3(n) * s;
          symmetric(lines, i, centre, sigma, 0);
        }
        firstCentre ??= centre;
      }
      const stats = kind === 's' ? { sBar: w.bar } : { rBar: w.bar };
      return { centre: sizesVary ? null : firstCentre, sigma: null, ...stats, sigmaWithin: w.sigmaAt(first), limitsVary: sizesVary };
    },
  };
}

export const CHARTS: Readonly<Record<ChartType, ChartDefinition>> = {
  xmr,
  mr,
  run,
  p: attribute('p', 'p chart', 'p', false),
  pp: attribute('pp', "p' chart (Laney)", 'p', true),
  u: attribute('u', 'u chart', 'u', false),
  up: attribute('up', "u' chart (Laney)", 'u', true),
  c,
  np,
  g,
  t,
  'xbar-s': xbar('xbar-s', 's'),
  'xbar-r': xbar('xbar-r', 'r'),
  s: spread('s', 's'),
  r: spread('r', 'r'),
};

/** The companion chart written beside an x-bar chart. */
export function companionOf(chart: ChartType): ChartType | null {
  return chart === 'xbar-s' ? 's' : chart === 'xbar-r' ? 'r' : null;
}
