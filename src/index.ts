/**
 * spc as a library: the pure core (charts, rules, presets, simulation), the readers, the model
 * (settings to the result document) and the renderers, for scripts that want the numbers without
 * the command line.
 *
 *   import { readSeries, analyseAll, reportHtml } from 'spc';
 */
export * from './core/index.js';
export { falseAlarmRates, expectedFalseSignals, inControlArl } from './core/simulate.js';
export { readSeries, readCsvTable, readGridTable, LAYOUTS, MEASURE_JOIN, type Layout, type RawSeries, type ReadOptions, type TableRead } from './io/read.js';
export { readWorkbookTable, type WorkbookReadOptions } from './io/read-workbook.js';
export { parsePeriod, periodOf, type PeriodInfo } from './io/periods.js';
export { decodeFile } from './io/decode.js';
export { parseConfig } from './io/config.js';
export { Aggregator, type AggregateOptions } from './io/aggregate.js';
export { SpcError } from './io/errors.js';
export type { MeasureSettings } from './io/user-settings.js';
export { analyseAll } from './model/analyse-all.js';
export { analyseMeasure } from './model/measure.js';
export type { AnalyseSettings } from './model/settings.js';
export { buildMeasureRecord, scaleRecord, type ResultDocument, type MeasureRecord, type PointRecord } from './model/document.js';
export { pointsCsv, summaryCsv } from './render/csv.js';
export { chartSpec, chartModel, chartSvg, chartSvgFor, renderChartSvg, renderChartVega } from './render/chart.js';
export { reportHtml, reportMarkdown, buildReport, formatReportHtml, formatReportMarkdown, markSignals } from './render/report.js';
