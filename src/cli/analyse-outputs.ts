/**
 * `spc analyse --out DIR`: the result document, the tables, the charts and the report, each staged
 * (written to a temporary file) as soon as it is ready, the document, the points table and
 * report.html piece by piece as they are made; all of them are renamed into place together at the
 * end, or none is.
 */
import { join } from 'node:path';
import { stageOutputs, type StagedOutputs } from '../io/write.js';
import type { ResultDocument } from '../model/document.js';
import { pointsCsvPieces, summaryCsv } from '../render/csv.js';
import { documentJsonPieces } from '../render/json.js';
import { uniqueSlugs } from '../render/names.js';
import { buildReport, defaultTitle, formatReportMarkdown, reportHtmlPieces, type MarkedSignal } from '../render/report.js';
import type { AnalyseFlags, RunOptions } from './analyse-flags.js';
import type { CliIo } from './cli-io.js';

/** Writes every output into --out DIR, then says so on stderr (unless quiet or stdout carries results). */
export async function writeOutputs(
  out: string,
  doc: ResultDocument,
  files: readonly string[],
  flags: AnalyseFlags,
  io: CliIo,
  run: RunOptions,
  marks: ReadonlyMap<string, readonly MarkedSignal[]> | undefined,
): Promise<void> {
  const staged = stageOutputs(out);
  try {
    staged.stagePieces('results.json', documentJsonPieces(doc));
    staged.stagePieces('points.csv', pointsCsvPieces(doc.measures));
    staged.stage('summary.csv', summaryCsv(doc.measures));
    const { charts, chartPaths } = await stageCharts(staged, doc, flags, io, run.jobs);
    const { previous, recent } = run;
    const report = buildReport(doc, { title: flags.title ?? defaultTitle(files), generated: run.generated, charts, chartPaths, previous, recent, marks });
    staged.stagePieces('report.html', reportHtmlPieces(report));
    staged.stage('report.md', formatReportMarkdown(report));
    staged.commit();
  } catch (e) {
    staged.abort();
    throw e;
  }
  if (!flags.quiet && !flags.json && !flags.csv) {
    io.err(`Wrote ${out}/: report.html, report.md, results.json, points.csv, summary.csv and ${doc.measures.length} chart${doc.measures.length === 1 ? '' : 's'} in charts/\n`);
  }
}

/**
 * Renders every measure's chart (on worker threads, with progress on a terminal) and stages its
 * SVG, and with --vega-lite its spec and with --png its PNG; returns the SVGs and their paths for the report.
 */
async function stageCharts(
  staged: StagedOutputs,
  doc: ResultDocument,
  flags: AnalyseFlags,
  io: CliIo,
  jobs: number | undefined,
): Promise<{ charts: Map<string, string>; chartPaths: Map<string, string> }> {
  const { chartSpec } = await import('../render/chart.js');
  const { renderCharts } = await import('../render/chart-pool.js');
  const slugs = uniqueSlugs(doc.measures.map((m) => m.measure));
  const progress = createProgress('charts', doc.measures.length, !flags.quiet && io.errIsTTY === true, io.err);
  const rendered = await renderCharts(doc.measures, { jobs, png: flags.png, renderer: flags.renderer ?? 'svg', onChart: () => progress.tick() });
  progress.done();
  const charts = new Map<string, string>();
  const chartPaths = new Map<string, string>();
  for (const [k, m] of doc.measures.entries()) {
    const { svg, png } = rendered[k];
    charts.set(m.measure, svg);
    chartPaths.set(m.measure, `charts/${slugs[k]}.svg`);
    staged.stage(join('charts', `${slugs[k]}.svg`), svg);
    if (flags.vegaLite) staged.stage(join('charts', `${slugs[k]}.vl.json`), JSON.stringify(chartSpec(m), null, 2) + '\n');
    if (png) staged.stage(join('charts', `${slugs[k]}.png`), png);
  }
  rendered.length = 0;
  return { charts, chartPaths };
}

/** A progress line with count and ETA on a terminal; nothing otherwise (or for a few items). */
export function createProgress(label: string, total: number, enabled: boolean, write: (s: string) => void, now = () => Date.now()) {
  const on = enabled && total > 20;
  const start = now();
  let count = 0;
  let last = -1;
  return {
    tick() {
      count++;
      if (!on) return;
      const pct = Math.floor((100 * count) / total);
      if (pct === last && count !== total) return;
      last = pct;
      const elapsed = (now() - start) / 1000;
      const eta = count ? (elapsed / count) * (total - count) : 0;
      write(`\r${label} ${count}/${total} (${pct}%) ETA ${eta.toFixed(0)}s `);
    },
    done() {
      if (on) write('\n');
    },
  };
}
