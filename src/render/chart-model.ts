/**
 * A chart's model: everything about one measure's chart that is not drawing, computed once as
 * plain data (chart-model-types.ts). Both renderers start from it: `chartSpec` writes it as a
 * Vega-Lite spec (drawn by Vega), `chartSvg` writes the same picture as SVG directly.
 *
 * In stages: the inline data rows (chart-data.ts); the frame, the y domain made nice with room
 * for labels (chart-frame.ts); the places of the text labels (chart-labels.ts); the marks in
 * pixels on Vega's scales (chart-geometry.ts); the axes (chart-axes.ts); and the legend, title
 * and size of the picture (chart-guides.ts), laid out the way Vega lays out the spec.
 */
import { chartRows, legendEntries, limitsVary, LINE_FIELDS, scaler, type ChartOptions } from './chart-data.js';
import { xAxis, yAxis, timeScale, valueScale } from './chart-axes.js';
import { chartFrame, dateFormat } from './chart-frame.js';
import { groupedBounds, marksBounds, phaseModels, phaseStarts, pointModels, ringCentres, seriesRuns, type Scales } from './chart-geometry.js';
import { guides } from './chart-guides.js';
import { layoutEdgeLabels, layoutNotes, layoutPhaseLabels } from './chart-labels.js';
import type { ChartModel } from './chart-model-types.js';
import { obstacles } from './chart-obstacles.js';
import type { LineField } from './chart-style.js';
import { chartDescription, chartSubtitle, withoutLimits } from './chart-text.js';
import type { MeasureRecord } from '../model/document.js';

export type { ChartModel } from './chart-model-types.js';

/** The model of one measure's chart, values and lines multiplied by `opts.multiply` for display. */
export function chartModel(m: MeasureRecord, opts: ChartOptions = {}): ChartModel {
  const k = opts.multiply ?? 1;
  const rows = chartRows(m, k);
  const run = withoutLimits(m);
  const target = scaler(k)(m.summary.target);
  // Run charts have no limits: the median centre line only.
  const fields: readonly LineField[] = run ? ['centre'] : LINE_FIELDS;
  const drawn = fields.filter((f) => rows.some((r) => r[f] !== null));
  const frame = chartFrame(m, rows, drawn, target);
  const phaseLabels = layoutPhaseLabels(m, frame);
  const step = limitsVary(m, rows);
  const notes = layoutNotes(rows, frame, () => obstacles(rows, frame, phaseLabels, drawn, step, target));
  const edgeLabels = layoutEdgeLabels(rows, frame, target, run);
  const entries = legendEntries(rows);

  const times = rows.map((r) => Date.parse(r.date));
  const time = timeScale(times);
  const value = valueScale(frame.domain);
  const s: Scales = { x: (t) => time(t), xs: times.map((t) => time(t)), y: value ? (v) => value(v) : null };
  const points = pointModels(m, rows, s);
  const series = seriesRuns(rows, s);
  const phases = phaseModels(m, rows, drawn, step, s);
  const starts = phaseStarts(m, s);
  const rings = ringCentres(notes, s);
  const targetModel = target !== null && s.y ? { value: target, y: s.y(target) } : null;
  const x = xAxis(time, dateFormat(m), rows.length > 0);
  const y = yAxis(value, frame.domain, m.unit ? m.unit : 'Value');
  const marks = marksBounds({ points, series, phaseStarts: starts, targetY: targetModel?.y ?? null, rings, notes, phaseLabels, edgeLabels });
  const layout = guides({ xAxis: x.bounds, yAxis: y.bounds, grouped: groupedBounds(phases), marks }, entries, m.measure, chartSubtitle(m, k));
  return {
    name: m.measure,
    description: chartDescription(m, opts),
    width: layout.width,
    height: layout.height,
    plot: layout.plot,
    title: layout.title,
    rows,
    points,
    series,
    phases,
    phaseStarts: starts,
    drawn,
    step,
    target: targetModel,
    xAxis: x.axis,
    yAxis: y.axis,
    legend: layout.legend,
    legendEntries: entries,
    phaseLabels,
    notes,
    rings,
    edgeLabels,
  };
}
