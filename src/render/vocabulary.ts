/**
 * The words and colours that people see for the core's categories, in one place: the colour and
 * label of each kind of variation, the words for a measure's direction, and the display name of
 * each chart type and the kind of its centre line (read from the chart registry). Charts, icons and reports read them from here,
 * so a chart's legend, a report's icon and its label always agree.
 */
import { CHARTS } from '../core/charts/index.js';
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

/** The terminal summary's words for a variation icon (lower case; a neutral signal reads as "special cause"). */
const TERMINAL_ICON_WORDS: Readonly<Record<VariationIcon, string>> = {
  none: 'no limits',
  'common-cause': 'common cause',
  'improvement-high': 'improvement (high)',
  'improvement-low': 'improvement (low)',
  'concern-high': 'concern (high)',
  'concern-low': 'concern (low)',
  'neutral-high': 'special cause (high)',
  'neutral-low': 'special cause (low)',
};

export function terminalIconWords(icon: VariationIcon): string {
  return TERMINAL_ICON_WORDS[icon] ?? String(icon);
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

/** "XmR chart", "p′ chart (Laney)", "X̄ chart (with S)", ... (the chart registry's names); an unknown id as "<id> chart". */
export function chartName(id: string): string {
  return (CHARTS as Readonly<Record<string, { readonly name: string } | undefined>>)[id.toLowerCase()]?.name ?? `${id} chart`;
}

/** The name at the start of a sentence: "Run chart"; symbols such as p, u, np keep their case. */
export function chartSentenceName(id: string): string {
  const name = chartName(id);
  return name.startsWith('run ') ? `R${name.slice(1)}` : name;
}

/**
 * Whether a chart type's centre line is a median (the chart registry's `centre`): the run chart
 * (Anhoej & Olesen 2014) and the g chart (drawn at the median, as qicharts2 does).
 */
export function hasMedianCentre(id: string): boolean {
  return (CHARTS as Readonly<Record<string, { readonly centre: string } | undefined>>)[id.toLowerCase()]?.centre === 'median';
}
