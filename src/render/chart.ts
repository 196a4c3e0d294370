/**
 * The SPC chart of one measure, in the NHS "Making Data Count" style. Everything about a chart
 * that is not drawing is its model (`chartModel`, chart-model.ts), computed once as plain data;
 * two renderers draw it:
 *
 * - the direct SVG writer (`chartSvg`, chart-svg.ts), the default: a compact SVG string written
 *   straight from the model, synchronously, without Vega;
 * - Vega (`renderChartVega`): the model written as a Vega-Lite spec (`chartSpec`, pure, data
 *   inline; chart-spec.ts), compiled by Vega-Lite and rendered headless by Vega.
 *
 * Both draw the same picture (test/chart-conformance.test.ts rasterises both). Vega and Vega-Lite
 * are imported lazily, on the first Vega render, so the default path never loads them. Rendering
 * is deterministic: text is measured with a fixed width table (chart-text-width.ts, never a
 * `canvas` package), every scale and date format is UTC, and nothing depends on the current time,
 * locale or time zone.
 */
import type { ChartOptions } from './chart-data.js';
import { chartModel } from './chart-model.js';
import { specOfModel } from './chart-spec.js';
import { chartSvg } from './chart-svg.js';
import { textWidth, type TextItem } from './chart-text-width.js';
import type { MeasureRecord } from '../model/document.js';

export type { ChartOptions } from './chart-data.js';
export { niceDomain } from './chart-frame.js';
export { chartSpec } from './chart-spec.js';
export { chartModel } from './chart-model.js';
export type { ChartModel } from './chart-model-types.js';
export { chartSvg } from './chart-svg.js';
export { FONT_FAMILY, TARGET_COLOUR } from './chart-style.js';
export { chartDescription } from './chart-text.js';
export { textWidth } from './chart-text-width.js';
export { chartName as chartTypeName, VARIATION_COLOURS } from './vocabulary.js';

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');

type Interpreter = typeof import('vega-interpreter')['expressionInterpreter'];
let modules: Promise<{ vega: VegaModule; vl: VegaLiteModule; interpreter: Interpreter }> | null = null;

/**
 * Load Vega and Vega-Lite once, on first use, and install the fixed text metrics. Vega's
 * expressions run through vega-interpreter (Vega's own CSP-safe evaluator) instead of generated
 * JavaScript, so no code is ever generated from strings: the CLI runs under
 * `node --disallow-code-generation-from-strings`.
 */
function load(): Promise<{ vega: VegaModule; vl: VegaLiteModule; interpreter: Interpreter }> {
  modules ??= Promise.all([import('vega'), import('vega-lite'), import('vega-interpreter')]).then(([vega, vl, vi]) => {
    const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
    metrics.width = textWidth;
    return { vega, vl, interpreter: vi.expressionInterpreter };
  });
  return modules;
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Which renderer draws a chart: the direct SVG writer (default) or Vega. */
export type ChartRenderer = 'svg' | 'vega';

/** The chart as a standalone SVG document, written directly from its model (no Vega). */
export function chartSvgFor(m: MeasureRecord, opts: ChartOptions = {}): string {
  return chartSvg(chartModel(m, opts));
}

/**
 * The chart as a standalone SVG document, by the direct writer (`renderer: 'svg'`, the default)
 * or by Vega (`renderer: 'vega'`, see `renderChartVega`).
 */
export async function renderChartSvg(m: MeasureRecord, opts: ChartOptions & { renderer?: ChartRenderer } = {}): Promise<string> {
  const { renderer = 'svg', ...chart } = opts;
  return renderer === 'vega' ? renderChartVega(m, chart) : chartSvgFor(m, chart);
}

/**
 * The chart as a standalone SVG document drawn by Vega from its Vega-Lite spec. The root `<svg>`
 * carries `role="img"`, an `aria-label` with the title, and `<title>`/`<desc>` children with the
 * description sentence.
 */
export async function renderChartVega(m: MeasureRecord, opts: ChartOptions = {}): Promise<string> {
  const { vega, vl, interpreter } = await load();
  const model = chartModel(m, opts);
  const compiled = vl.compile(specOfModel(model)).spec;
  const view = new vega.View(vega.parse(compiled, undefined, { ast: true }), { renderer: 'none', expr: interpreter } as ConstructorParameters<VegaModule['View']>[1]);
  let svg: string;
  try {
    vega.resetSVGDefIds();
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const a11y =
    `<title>${escapeXml(m.measure)}</title><desc>${escapeXml(model.description)}</desc>`;
  return roundCoordinates(svg).replace(/^<svg\b([^>]*)>/, (_all, attrs: string) =>
    `<svg${attrs} role="img" aria-label="${escapeXml(m.measure)}">${a11y}`,
  );
}

/**
 * Rounds the numbers inside the SVG's tags (coordinates, path data, transforms) to 2 decimals:
 * 0.01 px is far below what a printed or zoomed chart can show, and it roughly halves the file.
 * Text between tags (labels, the description) is left exactly as written.
 */
export function roundCoordinates(svg: string): string {
  return svg.replace(/<[^>]+>/g, (tag) => tag.replace(/-?\d+\.\d{3,}(?:e-?\d+)?/g, (num) => {
    const r = Number(Number(num).toFixed(2));
    return String(Object.is(r, -0) ? 0 : r);
  }));
}
