/**
 * Small pieces of SVG text for the direct chart writer: numbers rounded once to 0.01 px, escaped
 * text, polylines as path data, and text elements.
 */
import type { XY } from './chart-model-types.js';

/**
 * A coordinate rounded to 0.01 px (far below what a print or a zoom can show), without "-0".
 * Rounded as `toFixed` rounds (by the exact decimal value), as the Vega render's coordinates are
 * rounded (chart.ts `roundCoordinates`), so that both land on the same hundredth.
 */
export function num(v: number): string {
  if (Number.isInteger(v)) return v === 0 ? '0' : String(v);
  const r = Number(v.toFixed(2));
  return r === 0 ? '0' : String(r);
}

/**
 * A vertex of a line path: d3-shape writes line paths to 0.001 px (d3-shape `withPath`, 3 digits;
 * d3-path `appendRound`) before the Vega render's coordinates are rounded to 0.01 px, so the
 * vertices are taken to 0.001 px first here too. Dashes run along the whole path, so a vertex
 * 0.01 px off moves every dash after it.
 */
export function vertex(v: number): string {
  return num(Math.round(v * 1000) / 1000);
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
    d += `M${vertex(line[0].x)},${vertex(line[0].y)}`;
    for (let i = 1; i < line.length; i++) {
      const p = line[i];
      const q = line[i - 1];
      // Horizontal and vertical stretches (most of a chart's lines) are written short.
      if (p.y === q.y) d += `H${vertex(p.x)}`;
      else if (p.x === q.x) d += `V${vertex(p.y)}`;
      else d += `L${vertex(p.x)},${vertex(p.y)}`;
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
