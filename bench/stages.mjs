#!/usr/bin/env node
/**
 * Where the time of `spc analyse FILE --out DIR` goes: each stage of the run timed in one process,
 * in the order the command runs them, with the built library (dist/). Prints one JSON object of
 * milliseconds per stage. bench/run.mjs runs it on the 1,000-measure input.
 *
 *   node bench/stages.mjs FILE [--charts] [--jobs N]
 *
 * reading     the file decoded and read into series
 * analysis    settings, chart data and the core's analysis of every measure (the simulation apart)
 * simulation  the expected false signals (falseSignalEstimator, memoised per run)
 * document    the result document's records (buildMeasureRecord)
 * json        results.json written piece by piece to a file
 * csvs        points.csv and summary.csv written to files
 * charts      every chart's SVG on the worker pool (--charts only)
 * report      signal marks, the report model, report.html and report.md
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const lib = (path) => import(join(dist, path));
const { decodeFile } = await lib('io/decode.js');
const { readSeries } = await lib('io/read.js');
const { writePieces } = await lib('io/write.js');
const { analyseCharts } = await lib('model/measure.js');
const { buildMeasureRecord, SCHEMA_VERSION } = await lib('model/document.js');
const { falseSignalEstimator } = await lib('core/simulate.js');
const { pointsCsvPieces, summaryCsv } = await lib('render/csv.js');
const { documentJsonPieces } = await lib('cli/analyse-outputs.js');
const report = await lib('render/report.js');

const args = process.argv.slice(2);
const file = args[0];
if (!file || file.startsWith('--')) throw new Error('usage: node bench/stages.mjs FILE [--charts] [--jobs N]');
const jobs = args.includes('--jobs') ? Number(args[args.indexOf('--jobs') + 1]) : undefined;
const work = mkdtempSync(join(tmpdir(), 'spc-stages-'));
const ms = {};
const timed = async (stage, f) => {
  const t = performance.now();
  const out = await f();
  ms[stage] = (ms[stage] ?? 0) + (performance.now() - t);
  return out;
};

const series = await timed('reading', () => readSeries(decodeFile(readFileSync(file), file).text, file, { dateOrder: 'dmy' }));

// The simulation runs inside the analysis (once per rule set, chart and length): timed apart.
const estimator = falseSignalEstimator();
let simulation = 0;
const falseSignals = (...a) => {
  const t = performance.now();
  const v = estimator(...a);
  simulation += performance.now() - t;
  return v;
};
const settings = { flags: {}, dateOrder: 'dmy', falseSignals };
const charts = await timed('analysis', () => series.flatMap((s) => analyseCharts(s, settings)));
ms.analysis -= simulation;
ms.simulation = simulation;
const measures = await timed('document', () => charts.map((c) => buildMeasureRecord(c.context, c.analysis)));
charts.length = 0;
const doc = { schemaVersion: SCHEMA_VERSION, tool: { name: 'spc', version: 'bench' }, measures };

const toFile = (name, pieces) => {
  const fd = openSync(join(work, name), 'w');
  try {
    writePieces(fd, pieces);
  } finally {
    closeSync(fd);
  }
};
await timed('json', () => toFile('results.json', documentJsonPieces(doc)));
await timed('csvs', () => {
  toFile('points.csv', pointsCsvPieces(measures));
  writeFileSync(join(work, 'summary.csv'), summaryCsv(measures));
});
const svgs = new Map();
if (args.includes('--charts')) {
  const { renderCharts } = await lib('render/chart-pool.js');
  const rendered = await timed('charts', () => renderCharts(measures, { jobs }));
  measures.forEach((m, k) => svgs.set(m.measure, rendered[k].svg));
}
await timed('report', () => {
  const marks = report.markSignals(doc, null, report.DEFAULT_RECENT);
  const chartPaths = new Map([...svgs.keys()].map((name, k) => [name, `charts/${k}.svg`]));
  const model = report.buildReport(doc, { title: 'bench', generated: '2026-01-01', charts: svgs, chartPaths, previous: null, recent: report.DEFAULT_RECENT, marks });
  toFile('report.html', report.reportHtmlPieces(model));
  writeFileSync(join(work, 'report.md'), report.formatReportMarkdown(model));
});
rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify(Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)]))));
