/**
 * How much room each drawn thing takes, by Vega's conventions, so that the direct SVG writer lays
 * out axes, legend and title exactly where Vega puts them: a mutable bounding box, the box of a
 * text item (Vega's own baseline offsets, not the font's), Vega's cut of text that is too long,
 * and the room a stroke adds.
 */
import { textWidth } from './chart-text-width.js';

/** A bounding box that grows; empty until something is added (as vega-scenegraph's Bounds). */
export class Bounds {
  x1 = Number.MAX_VALUE;
  y1 = Number.MAX_VALUE;
  x2 = -Number.MAX_VALUE;
  y2 = -Number.MAX_VALUE;

  static of(x1: number, y1: number, x2: number, y2: number): Bounds {
    return new Bounds().add(x1, y1).add(x2, y2);
  }

  empty(): boolean {
    return this.x1 === Number.MAX_VALUE && this.x2 === -Number.MAX_VALUE;
  }

  add(x: number, y: number): this {
    if (x < this.x1) this.x1 = x;
    if (y < this.y1) this.y1 = y;
    if (x > this.x2) this.x2 = x;
    if (y > this.y2) this.y2 = y;
    return this;
  }

  union(b: Bounds): this {
    if (b.x1 < this.x1) this.x1 = b.x1;
    if (b.y1 < this.y1) this.y1 = b.y1;
    if (b.x2 > this.x2) this.x2 = b.x2;
    if (b.y2 > this.y2) this.y2 = b.y2;
    return this;
  }

  expand(d: number): this {
    this.x1 -= d;
    this.y1 -= d;
    this.x2 += d;
    this.y2 += d;
    return this;
  }

  translate(dx: number, dy: number): this {
    this.x1 += dx;
    this.x2 += dx;
    this.y1 += dy;
    this.y2 += dy;
    return this;
  }

  width(): number {
    return this.x2 - this.x1;
  }

  height(): number {
    return this.y2 - this.y1;
  }

  clone(): Bounds {
    return new Bounds().union(this);
  }
}

/**
 * The room a stroke adds round a mark: half its width, or two widths where a path may have
 * miter joins (Vega assumes the default miter limit of 4 for paths and symbols:
 * vega-scenegraph bound/boundStroke.js).
 */
export function strokeRoom(width: number, miter: boolean): number {
  return miter ? Math.max(width / 2, (4 * width) / 2) : width / 2;
}

export type Baseline = 'top' | 'middle' | 'bottom' | 'alphabetic';
export type Align = 'left' | 'center' | 'right';

/** The properties of a text item its width and box depend on. */
export interface TextStyle {
  readonly fontSize: number;
  readonly bold?: boolean;
  /** Vega's `limit`: text wider than this is cut with an ellipsis. */
  readonly limit?: number;
}

const item = (s: TextStyle) => ({ fontSize: s.fontSize, fontWeight: s.bold ? 'bold' : undefined, limit: s.limit });

/** Width of text as Vega measures it (the fixed table, capped at the limit). */
export function measure(s: TextStyle, text: string): number {
  return textWidth(item(s), text);
}

/**
 * Vega's own vertical offset of a baseline from the anchor, in whole pixels (it does not use the
 * font's metrics: vega-scenegraph util/text.js `offset`).
 */
export function baselineOffset(baseline: Baseline, fontSize: number): number {
  const k = baseline === 'top' ? 0.79 : baseline === 'middle' ? 0.3 : baseline === 'bottom' ? -0.21 : 0;
  return Math.round(k * fontSize);
}

/**
 * The box of a one-line text item anchored at (x, y), as Vega bounds it: the baseline offset, less
 * four fifths of the font size above, the font size tall (vega-scenegraph marks/text.js `bound`).
 * `text` is the full text: a text that Vega cuts counts as wide as its limit.
 */
export function textBox(s: TextStyle, text: string, x: number, y: number, align: Align, baseline: Baseline): Bounds {
  const h = s.fontSize;
  const w = measure(s, text);
  const left = align === 'center' ? x - w / 2 : align === 'right' ? x - w : x;
  const top = y + baselineOffset(baseline, h) - Math.round(0.8 * h);
  return Bounds.of(left, top, left + w, top + h);
}

/**
 * A text box rotated by `degrees` about its anchor, as Vega rotates bounds (vega-scenegraph
 * Bounds.js `rotatedPoints`; the same arithmetic, so the same rounding).
 */
export function rotatedBox(b: Bounds, degrees: number, x: number, y: number): Bounds {
  const a = degrees * (Math.PI / 180);
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = x - x * cos + y * sin;
  const cy = y - x * sin - y * cos;
  const out = new Bounds();
  for (const [px, py] of [[b.x1, b.y1], [b.x1, b.y2], [b.x2, b.y1], [b.x2, b.y2]]) {
    out.add(cos * px - sin * py + cx, sin * px + cos * py + cy);
  }
  return out;
}

/**
 * Text as Vega draws it: trimmed, and when a limit is set and the text does not fit, the longest
 * start (in UTF-16 units, found by bisection) that fits with an ellipsis after it
 * (vega-scenegraph util/text.js `textValue` and `truncate`, measured with the fixed width table).
 */
export function fitText(s: TextStyle, text: string): string {
  const t = text.trim();
  const limit = s.limit ?? 0;
  if (!(limit > 0) || !t.length) return t;
  const width = (x: string) => measure(s, x);
  if (width(t) < limit) return t;
  const room = limit - width('\u2026');
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (width(t.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return `${t.slice(0, lo)}\u2026`;
}
