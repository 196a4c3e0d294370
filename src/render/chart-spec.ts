/**
 * The Vega-Lite (v6) spec of one measure's chart, built in stages: the inline data rows
 * (chart-data.ts), the layout (the y domain and the places of the text labels, computed here
 * rather than by Vega so that labels keep clear of each other, of the points and of the edges),
 * the shared encodings and the layers (chart-layers.ts), and the top-level spec.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartRows, DATE_PARSE, legendEntries, limitsVary, LINE_FIELDS, scaler, type ChartOptions, type ChartRow, type LegendEntry } from './chart-data.js';
import { chartFrame, dateFormat, type Frame } from './chart-frame.js';
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
import { layoutEdgeLabels, layoutNotes, layoutPhaseLabels, type EdgeLabel, type NoteLabel, type PhaseLabel } from './chart-labels.js';
import { obstacles } from './chart-obstacles.js';
import { CHART_CONFIG, PLOT_HEIGHT, PLOT_WIDTH, type LineField } from './chart-style.js';
import { chartDescription, chartSubtitle, withoutLimits } from './chart-text.js';
import type { MeasureRecord } from '../model/document.js';

/** Everything placed before the spec is written: what is drawn, where, and the labels' places. */
interface ChartLayout {
  readonly target: number | null;
  /** The lines drawn: a run chart has its median centre line only. */
  readonly drawn: readonly LineField[];
  /** Whether the lines are drawn as steps (they vary from point to point). */
  readonly step: boolean;
  readonly frame: Frame;
  readonly legend: readonly LegendEntry[];
  readonly phaseLabels: readonly PhaseLabel[];
  readonly notes: readonly NoteLabel[];
  readonly edgeLabels: readonly EdgeLabel[];
}

/** The layout stage: the frame, then the phase labels, the annotations and the edge labels. */
function layout(m: MeasureRecord, values: readonly ChartRow[], k: number): ChartLayout {
  const run = withoutLimits(m);
  const target = scaler(k)(m.summary.target);
  // Run charts have no limits: the median centre line only.
  const fields: readonly LineField[] = run ? ['centre'] : LINE_FIELDS;
  const drawn = fields.filter((f) => values.some((r) => r[f] !== null));
  const frame = chartFrame(m, values, drawn, target);
  const phaseLabels = layoutPhaseLabels(m, frame);
  const step = limitsVary(m, values);
  const notes = layoutNotes(values, frame, obstacles(values, frame, phaseLabels, drawn, step, target));
  const edgeLabels = layoutEdgeLabels(values, frame, target, run);
  return { target, drawn, step, frame, legend: legendEntries(values), phaseLabels, notes, edgeLabels };
}

/** The layers in drawing order. */
function layers(m: MeasureRecord, l: ChartLayout): Layer[] {
  const enc = encodings(l.frame, dateFormat(m), m.unit ? m.unit : 'Value', l.step);
  return [
    ...phaseRuleLayers(m, enc),
    ...lineLayers(l.drawn, enc),
    ...targetLayers(l.target, enc),
    ...seriesLayers(l.legend, enc),
    ...noteLayers(l.notes, enc),
    ...phaseLabelLayers(l.phaseLabels, enc),
    ...edgeLabelLayers(l.edgeLabels, enc),
  ];
}

/**
 * The Vega-Lite (v6) spec of the chart: series line and points coloured and shaped by variation,
 * centre line, dashed control limits and faint two-sigma lines drawn per phase (as steps when they
 * vary from point to point), the target, annotations and phase labels.
 */
export function chartSpec(m: MeasureRecord, opts: ChartOptions = {}): TopLevelSpec {
  const k = opts.multiply ?? 1;
  const values = chartRows(m, k);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: chartDescription(m, opts),
    title: { text: m.measure, subtitle: chartSubtitle(m, k), anchor: 'start', limit: PLOT_WIDTH },
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    background: 'white',
    padding: 8,
    data: { values, format: { parse: { date: DATE_PARSE } } },
    layer: layers(m, layout(m, values, k)),
    resolve: { scale: { y: 'shared' } },
    config: CHART_CONFIG,
  };
  return spec as unknown as TopLevelSpec;
}
