/**
 * The marker shapes of the chart, with Vega's sizes: a symbol's `size` is the area of its
 * bounding square, so its "radius" is half the square root (vega-scenegraph path/symbols.js). The
 * same vertices give the SVG path and the room the marker takes.
 */
import { Bounds, strokeRoom } from './chart-bounds.js';
import type { MarkerShape, XY } from './chart-model-types.js';

/** Half the side of the square of a symbol of this area. */
export const symbolRadius = (size: number): number => Math.sqrt(size) / 2;

const HALF_SQRT3 = Math.sqrt(3) / 2;

/** The corners of a polygonal marker about its centre (a triangle's height is √3/2 of its side). */
export function symbolVertices(shape: Exclude<MarkerShape, 'circle'>, size: number): XY[] {
  const r = symbolRadius(size);
  const h = HALF_SQRT3 * r;
  switch (shape) {
    case 'triangle-up':
      return [{ x: 0, y: -h }, { x: -r, y: h }, { x: r, y: h }];
    case 'triangle-down':
      return [{ x: 0, y: h }, { x: -r, y: -h }, { x: r, y: -h }];
    case 'diamond':
      return [{ x: -r, y: 0 }, { x: 0, y: -r }, { x: r, y: 0 }, { x: 0, y: r }];
  }
}

/**
 * The room a marker of this shape and area takes about its centre (x, y), its stroke included:
 * Vega bounds symbols as paths, so a stroke counts as if it had miter joins.
 */
export function symbolBounds(shape: MarkerShape, size: number, x: number, y: number, strokeWidth: number): Bounds {
  const b = new Bounds();
  if (shape === 'circle') {
    const r = symbolRadius(size);
    b.add(-r, -r).add(r, r);
  } else {
    for (const p of symbolVertices(shape, size)) b.add(p.x, p.y);
  }
  return b.expand(strokeRoom(strokeWidth, true)).translate(x, y);
}
