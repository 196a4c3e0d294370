/**
 * The width of text on a chart, from a fixed table of font metrics: Vega measures text with it
 * (instead of a `canvas` package) and the label layout uses it too, so labels are placed the same
 * on every machine.
 */

/**
 * Advance widths of ASCII 32..126 in Helvetica / Arial (1/1000 em, the standard AFM metrics).
 * Bold text is estimated from these with a fixed factor.
 */
// prettier-ignore
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];
const OTHER_WIDTH = 600;
const WIDE_WIDTH = 1000;
const BOLD_FACTOR = 1.08;
/** Headroom for fonts a little wider than Arial (e.g. DejaVu Sans where Arial is missing). */
const SAFETY = 1.05;

/** The properties of a Vega text item that its width depends on. */
export interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/** Width in 1/1000 em of one code point. */
function charWidth(cp: number): number {
  if (cp >= 32 && cp <= 126) return ASCII_WIDTHS[cp - 32];
  if (cp >= 0x300 && cp <= 0x36f) return 0; // combining marks (the macron of X\u0304) take no room
  if (cp === 0xb7 || cp === 0x2022) return 278; // middle dot, bullet (approximately)
  if (cp === 0x2032) return 278; // prime (approximately; p\u2032, u\u2032)
  if (cp === 0x2026) return 1000; // ellipsis
  if (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd))) {
    return WIDE_WIDTH;
  }
  return OTHER_WIDTH;
}

/**
 * Deterministic replacement for Vega's text measurement (installed as `vega.textMetrics.width`):
 * same numbers on every machine, whether or not a `canvas` package is installed.
 */
export function textWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const s = text == null ? '' : String(text).trim();
  if (size <= 0 || !s) return 0;
  let units = 0;
  for (const ch of s) units += charWidth(ch.codePointAt(0) ?? 0);
  const w = item.fontWeight;
  const bold = w === 'bold' || w === 'bolder' || (w != null && +w >= 600);
  const width = Math.round(((units * size) / 1000) * (bold ? BOLD_FACTOR : 1) * SAFETY * 100) / 100;
  // Vega truncates text longer than `limit` itself (asking this function for the pieces); the
  // width of text that will be truncated is at most the limit.
  const limit = item.limit ?? 0;
  return limit > 0 && width > limit ? limit : width;
}

/** `text` cut (ending in an ellipsis) to fit `max` pixels at `fontSize`; '' if nothing fits. */
export function truncate(text: string, fontSize: number, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (textWidth({ fontSize }, t) <= max) return t;
  const chars = [...t];
  const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}\u2026`;
  // The longest prefix that fits, by bisection (widths grow with the prefix).
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth({ fontSize }, cut(mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? cut(lo) : '';
}
