/**
 * The report: `report.html` (self-contained: inline CSS, inline SVG charts and icons, no script,
 * no request to any address; prints to A4) and `report.md` (the same summary and explanations in
 * Markdown, with relative links to the chart SVGs). See docs/report.md.
 *
 * One `ReportModel` (report-model.ts) is built per run from the result document and the options;
 * report-html.ts and report-md.ts lay it out. Pure: the caller reads the files, renders the charts,
 * picks the title and passes the date; the same inputs always give the same text.
 */
import type { ResultDocument } from '../model/document.js';
import { buildReport, type ReportOptions } from './report-model.js';
import { formatReportHtml } from './report-html.js';
import { formatReportMarkdown } from './report-md.js';

export { buildReport, ruleLabel, type ReportModel, type ReportOptions, type MeasureView, type Explanation } from './report-model.js';
export { formatReportHtml, reportHtmlPieces } from './report-html.js';
export { formatReportMarkdown } from './report-md.js';
export { reportSections, sectionTitle, type Section } from './report-sections.js';
export { escapeHtml, escapeMarkdown, inlineSvg } from './escape.js';
export { DEFAULT_RECENT, markSignals, type MarkedSignal, type SignalMark } from './signal-marks.js';

/**
 * The default title from the input files: "Community safety: SPC report" for
 * `fixtures/community-safety.csv`; "SPC report" for standard input or several files.
 */
export function defaultTitle(inputs: readonly string[]): string {
  const files = inputs.filter((f) => f !== '-' && f !== 'stdin');
  if (files.length !== 1 || files.length !== inputs.length) return 'SPC report';
  const base = files[0].split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const words = base.replace(/[-_.]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}: SPC report` : 'SPC report';
}

/** report.html from a document (builds the model; use buildReport + formatReportHtml to share one). */
export function reportHtml(doc: ResultDocument, opts: ReportOptions): string {
  return formatReportHtml(buildReport(doc, opts));
}

/** report.md from a document (builds the model; use buildReport + formatReportMarkdown to share one). */
export function reportMarkdown(doc: ResultDocument, opts: ReportOptions): string {
  return formatReportMarkdown(buildReport(doc, opts));
}

