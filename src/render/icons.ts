/**
 * Variation and assurance icons for the report, as small inline SVGs. They follow the meaning of
 * the NHS "Making Data Count" icons (colours: common cause grey, improvement blue, concern orange,
 * neutral purple; H or L for a signal on the high or low side; P, F or ? for an assurance) but are
 * drawn here from circles, lines and letters of our own.
 *
 * Colour is never the only cue: every icon has a letter or a shape (an arrow up or down, a
 * wandering line), a `<title>` and an `aria-label`, and the report writes a short label beside it.
 * The SVGs have no ids, so any number of them can sit in one HTML page.
 */
import type { AssuranceIcon, VariationIcon } from '../core/types.js';
import { FONT_FAMILY } from './chart-style.js';
import { iconVariation, variationColour, variationIconLabel } from './vocabulary.js';

export interface IconOptions {
  /** Width and height in CSS pixels (default 30). */
  readonly size?: number;
}

const VARIATION_TITLES: Readonly<Record<VariationIcon, string>> = {
  none: 'No limits: variation not judged',
  'common-cause': 'Common cause variation',
  'improvement-high': 'Special cause variation: improvement, high',
  'improvement-low': 'Special cause variation: improvement, low',
  'concern-high': 'Special cause variation: concern, high',
  'concern-low': 'Special cause variation: concern, low',
  'neutral-high': 'Special cause variation: neither improvement nor concern, high',
  'neutral-low': 'Special cause variation: neither improvement nor concern, low',
};

const ASSURANCE_TITLES: Readonly<Record<AssuranceIcon, string>> = {
  none: 'No target',
  pass: 'Assurance: the process will consistently pass the target',
  fail: 'Assurance: the process will consistently fail the target',
  'hit-or-miss': 'Assurance: the process will hit or miss the target by chance',
};

const ASSURANCE_LABELS: Readonly<Record<AssuranceIcon, string>> = {
  none: 'No target',
  pass: 'Pass',
  fail: 'Fail',
  'hit-or-miss': 'Hit or miss',
};

/** The full text alternative of a variation icon ("Special cause variation: concern, high"). */
export function variationTitle(icon: VariationIcon): string {
  return VARIATION_TITLES[icon] ?? String(icon);
}

/** The short label written beside a variation icon ("Concern (high)"). */
export function variationLabel(icon: VariationIcon): string {
  return variationIconLabel(icon);
}

/** The full text alternative of an assurance icon. */
export function assuranceTitle(icon: AssuranceIcon): string {
  return ASSURANCE_TITLES[icon] ?? String(icon);
}

/** The short label written beside an assurance icon ("Pass", "Fail", "Hit or miss"). */
export function assuranceLabel(icon: AssuranceIcon): string {
  return ASSURANCE_LABELS[icon] ?? String(icon);
}

function frame(title: string, size: number, body: string): string {
  // Titles are fixed strings of this module (no data), so they need no escaping.
  return (
    `<svg class="icon" width="${size}" height="${size}" viewBox="0 0 40 40" role="img" aria-label="${title}">` +
    `<title>${title}</title>${body}</svg>`
  );
}

function ring(colour: string, dashed = false): string {
  return `<circle cx="20" cy="20" r="17.5" fill="#ffffff" stroke="${colour}" stroke-width="3"${dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
}

function letter(text: string, colour: string, y: number, size: number): string {
  return `<text x="20" y="${y}" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="${size}" font-weight="bold" fill="${colour}">${text}</text>`;
}

/** A wandering line with dots: values varying about a level, nothing unusual. */
function wander(colour: string): string {
  const pts: [number, number][] = [
    [9, 21],
    [14.5, 16],
    [20, 23.5],
    [25.5, 17.5],
    [31, 21],
  ];
  const line = `<polyline points="${pts.map(([x, y]) => `${x},${y}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="1.6" stroke-linejoin="round"/>`;
  const dots = pts.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="2.3" fill="${colour}"/>`).join('');
  return line + dots;
}

/** A solid arrow head: pointing up for high, down for low. */
function arrow(colour: string, up: boolean): string {
  const points = up ? '13.5,32.5 26.5,32.5 20,25' : '13.5,25 26.5,25 20,32.5';
  return `<polygon points="${points}" fill="${colour}"/>`;
}

/**
 * A variation icon: common cause (grey ring, wandering dotted line), special cause improvement
 * (blue), concern (orange) or neither (purple) with the letter H or L and an arrow up or down;
 * `none` (no limits) a dashed grey ring with a dash.
 */
export function variationIconSvg(icon: VariationIcon, opts: IconOptions = {}): string {
  const size = opts.size ?? 30;
  const title = variationTitle(icon);
  const grey = variationColour('common-cause');
  const v = iconVariation(icon);
  if (v?.variation === 'common-cause') return frame(title, size, ring(grey) + wander(grey));
  if (!v) {
    return frame(title, size, ring(grey, true) + `<line x1="13" y1="20" x2="27" y2="20" stroke="${grey}" stroke-width="3" stroke-linecap="round"/>`);
  }
  const colour = variationColour(v.variation);
  const high = v.side === 'high';
  return frame(title, size, ring(colour) + letter(high ? 'H' : 'L', colour, 21, 17) + arrow(colour, high));
}

/**
 * An assurance icon: pass (blue ring, P), fail (orange ring, F), hit or miss (grey ring, ?),
 * each over a short dashed line standing for the target. `none` (no target) gives ''.
 */
export function assuranceIconSvg(icon: AssuranceIcon, opts: IconOptions = {}): string {
  if (icon === 'none') return '';
  const size = opts.size ?? 30;
  const colour = variationColour(icon === 'pass' ? 'improvement' : icon === 'fail' ? 'concern' : 'common-cause');
  const text = icon === 'pass' ? 'P' : icon === 'fail' ? 'F' : '?';
  const target = `<line x1="10" y1="29" x2="30" y2="29" stroke="${colour}" stroke-width="2.2" stroke-dasharray="3.5 2.5"/>`;
  return frame(assuranceTitle(icon), size, ring(colour) + letter(text, colour, 25, 19) + target);
}
