/**
 * The Vega-Lite (v6) spec of one measure's chart, written from the chart's model
 * (chart-model.ts): the inline data rows, the y domain and the places of the text labels computed
 * there (rather than by Vega, so that labels keep clear of each other, of the points and of the
 * edges), the shared encodings and the layers (chart-layers.ts), and the top-level spec.
 */
import type { TopLevelSpec } from 'vega-lite';
import { DATE_PARSE, type ChartOptions } from './chart-data.js';
import {
  edgeLabelLayers,
  encodings,
  lineLayers,
  noteLayers,
  phaseLabelLayers,
  phaseRuleLayers,
  seriesLayers,
  targetLayers,
  type Layer,
} from './chart-layers.js';
import { chartModel } from './chart-model.js';
import type { ChartModel } from './chart-model-types.js';
import { CHART_CONFIG, PLOT_HEIGHT, PLOT_WIDTH } from './chart-style.js';
import type { MeasureRecord } from '../model/document.js';

/** The layers in drawing order. */
function layers(model: ChartModel): Layer[] {
  const enc = encodings(model.yAxis.domain, model.xAxis.format, model.yAxis.title, model.step);
  return [
    ...phaseRuleLayers(model.phaseStarts, enc),
    ...lineLayers(model.drawn, enc),
    ...targetLayers(model.target?.value ?? null, enc),
    ...seriesLayers(model.legendEntries, enc),
    ...noteLayers(model.notes, enc),
    ...phaseLabelLayers(model.phaseLabels, enc),
    ...edgeLabelLayers(model.edgeLabels, enc),
  ];
}

/** The spec of a chart's model. */
export function specOfModel(model: ChartModel): TopLevelSpec {
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: model.description,
    title: { text: model.title.fullText, subtitle: model.title.fullSubtitle, anchor: 'start', limit: PLOT_WIDTH },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    background: 'white',
    padding: 8,
    data: { values: model.rows, format: { parse: { date: DATE_PARSE } } },
    layer: layers(model),
    resolve: { scale: { y: 'shared' } },
    config: CHART_CONFIG,
  };
  return spec as unknown as TopLevelSpec;
}

/**
 * The Vega-Lite (v6) spec of the chart: series line and points coloured and shaped by variation,
 * centre line, dashed control limits and faint two-sigma lines drawn per phase (as steps when they
 * vary from point to point), the target, annotations and phase labels.
 */
export function chartSpec(m: MeasureRecord, opts: ChartOptions = {}): TopLevelSpec {
  return specOfModel(chartModel(m, opts));
}
