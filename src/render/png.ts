/**
 * PNG from a chart SVG with resvg (a Rust SVG renderer shipped as a prebuilt Node binding). resvg
 * draws no text without fonts, so the DejaVu Sans Condensed files bundled by the dejavu-fonts-ttf
 * package are loaded explicitly and system fonts are not: the picture is the same on every machine.
 * Its widths are close to Arial's, which the chart layout assumes. Rendered at 2x for print.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = ['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf'].map((f) => join(fontDir, f));

function rasterise(svg: string, scale: number) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render();
}

export function svgToPng(svg: string, scale = 2): Uint8Array {
  return rasterise(svg, scale).asPng();
}

/** The picture's pixels, 4 bytes (RGBA) each, row by row: to compare two renderings of a chart. */
export function svgToPixels(svg: string, scale = 1): { width: number; height: number; pixels: Uint8Array } {
  const image = rasterise(svg, scale);
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}
