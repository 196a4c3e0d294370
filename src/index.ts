/**
 * spc as a library: the pure core (charts, rules, presets, simulation), the readers and the
 * renderers, for scripts that want the numbers without the command line.
 *
 *   import { readSeries, analyseAll, reportHtml } from 'spc';
 */
export * from './core/index.js';
export { falseAlarmRates, expectedFalseSignals, inControlArl } from './core/simulate.js';
export { readSeries, type RawSeries, type ReadOptions } from './io/read.js';
export { parsePeriod, periodOf, type PeriodInfo } from './io/periods.js';
export { decodeFile } from './io/decode.js';
export { parseConfig } from './io/config.js';
export { Aggregator, type AggregateOptions } from './io/aggregate.js';
export { SpcError } from './io/errors.js';
export { analyseAll, analyseMeasure, type AnalyseSettings, type MeasureSettings } from './pipeline.js';
export { buildMeasureRecord, scaleRecord, type ResultDocument, type MeasureRecord, type PointRecord } from './render/document.js';
export { pointsCsv, summaryCsv } from './render/csv.js';
export { chartSpec, renderChartSvg } from './render/chart.js';
export { reportHtml, reportMarkdown, newSignals } from './render/report.js';
