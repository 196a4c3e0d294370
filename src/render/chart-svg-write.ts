/**
 * Small pieces of SVG text for the direct chart writer: numbers rounded once to 0.01 px, escaped
 * text, polylines as path data, and text elements.
 */
import type { XY } from './chart-model-types.js';

/** A coordinate rounded to 0.01 px (far below what a print or a zoom can show), without "-0". */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? '0' : String(r);
}

/** Text and attribute values escaped for XML. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/** Path data of polylines, each a subpath; runs of fewer than two points draw nothing and are left out. */
export function polylines(lines: readonly (readonly XY[])[]): string {
  let d = '';
  for (const line of lines) {
    if (line.length < 2) continue;
    d += `M${num(line[0].x)},${num(line[0].y)}`;
    for (let i = 1; i < line.length; i++) {
      const p = line[i];
      const q = line[i - 1];
      // Horizontal and vertical stretches (most of a chart's lines) are written short.
      if (p.y === q.y) d += `H${num(p.x)}`;
      else if (p.x === q.x) d += `V${num(p.y)}`;
      else d += `L${num(p.x)},${num(p.y)}`;
    }
  }
  return d;
}

/** A path element, or nothing when its data is empty (no empty elements). */
export function pathEl(d: string, attrs: string): string {
  return d ? `<path d="${d}"${attrs}/>` : '';
}

/** A group of elements sharing attributes, or nothing when it is empty (no empty groups). */
export function group(attrs: string, body: string): string {
  return body ? `<g${attrs}>${body}</g>` : '';
}

/** A text element at (x, y): its baseline starts (or is centred, or ends) there. */
export function textEl(x: number, y: number, text: string, attrs = ''): string {
  return `<text x="${num(x)}" y="${num(y)}"${attrs}>${esc(text)}</text>`;
}
