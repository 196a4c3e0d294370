/**
 * The words and colours that people see for the core's categories, in one place: the colour and
 * label of each kind of variation, the words for a measure's direction, the display name of
 * each chart type and the name of its centre line. Charts, icons and reports read them from here,
 * so a chart's legend, a report's icon and its label always agree.
 */
import type { ChartType } from '../core/charts.js';
import type { Direction, Side, Variation, VariationIcon } from '../core/types.js';

/** Every kind of variation, in the order legends list them. */
export const VARIATIONS: readonly Variation[] = ['common-cause', 'improvement', 'concern', 'neutral'];

/**
 * The NHS "Making Data Count" colours (NHS England, "Making Data Count: SPC icons"): common cause
 * grey, improvement blue, concern orange, neither purple.
 */
export const VARIATION_COLOURS: Readonly<Record<Variation, string>> = {
  'common-cause': '#A6A6A6',
  improvement: '#00B0F0',
  concern: '#E46C0A',
  neutral: '#490092',
};

/** The Making Data Count colour of a kind of variation. */
export function variationColour(v: Variation): string {
  return VARIATION_COLOURS[v];
}

const VARIATION_LABELS: Readonly<Record<Variation, string>> = {
  'common-cause': 'Common cause',
  improvement: 'Improvement',
  concern: 'Concern',
  neutral: 'Neutral',
};

/**
 * The short label of a kind of variation and, for a signal, the side it is on: "Common cause",
 * "Improvement (high)", "Concern (low)", "Neutral". Common cause has no side.
 */
export function variationLabel(v: Variation, side: Side | null = null): string {
  if (v === 'common-cause' || !side) return VARIATION_LABELS[v];
  return `${VARIATION_LABELS[v]} (${side})`;
}

/** The variation and side a variation icon stands for; null for `none` (no limits). */
export function iconVariation(icon: VariationIcon): { variation: Variation; side: Side | null } | null {
  if (icon === 'common-cause') return { variation: 'common-cause', side: null };
  const m = /^(improvement|concern|neutral)-(high|low)$/.exec(icon);
  return m ? { variation: m[1] as Variation, side: m[2] as Side } : null;
}

/** The short label of a variation icon: its variation's label, or "No limits" for `none`. */
export function variationIconLabel(icon: VariationIcon): string {
  if (icon === 'none') return 'No limits';
  const v = iconVariation(icon);
  return v ? variationLabel(v.variation, v.side) : String(icon);
}

const DIRECTION_WORDS: Readonly<Record<Direction, string>> = {
  'higher-is-better': 'higher is better',
  'lower-is-better': 'lower is better',
  neutral: 'no preferred direction',
};

/** "higher is better", "lower is better", "no preferred direction"; an unknown value as itself. */
export function directionWords(d: Direction): string {
  return DIRECTION_WORDS[d] ?? String(d);
}

// to be read from CHARTS[id].name once the chart registry carries it
/** The name of each chart type, as written in titles, subtitles and descriptions. */
export const CHART_NAMES: Readonly<Record<ChartType, string>> = {
  xmr: 'XmR chart',
  mr: 'MR chart',
  run: 'run chart',
  p: 'p chart',
  pp: 'p\u2032 chart (Laney)',
  u: 'u chart',
  up: 'u\u2032 chart (Laney)',
  c: 'c chart',
  np: 'np chart',
  g: 'g chart',
  t: 't chart',
  'xbar-s': 'X\u0304 chart (with S)',
  'xbar-r': 'X\u0304 chart (with R)',
  s: 'S chart',
  r: 'R chart',
};

/** "XmR chart", "p′ chart (Laney)", "X̄ chart (with S)", ...; an unknown id as "<id> chart". */
export function chartName(id: string): string {
  return (CHART_NAMES as Readonly<Record<string, string>>)[id.toLowerCase()] ?? `${id} chart`;
}

/** The name at the start of a sentence: "Run chart"; symbols such as p, u, np keep their case. */
export function chartSentenceName(id: string): string {
  const name = chartName(id);
  return name.startsWith('run ') ? `R${name.slice(1)}` : name;
}

/**
 * Chart types whose centre line is a median rather than a mean: the run chart (Anhoej & Olesen
 * 2014) and the g chart (drawn at the median, as qicharts2 does).
 */
export const MEDIAN_CENTRE: ReadonlySet<ChartType> = new Set<ChartType>(['run', 'g']);

/** Whether a chart type's centre line is a median. */
export function hasMedianCentre(id: string): boolean {
  return (MEDIAN_CENTRE as ReadonlySet<string>).has(id.toLowerCase());
}
