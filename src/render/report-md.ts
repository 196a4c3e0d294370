/**
 * report.md: the report model in Markdown (the same summary and explanations as the HTML page,
 * with relative links to the chart SVGs). Every text from the data is escaped.
 */
import { escapeMarkdown as e, markdownPath } from './escape.js';
import { assuranceLabel, variationLabel } from './icons.js';
import type { MeasureView, ReportModel } from './report-model.js';

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const markWord = (mark: 'new' | 'recent') => (mark === 'new' ? 'New' : 'Recent');

function headerMd(r: ReportModel): string[] {
  const out = [`# ${e(r.title)}`, ''];
  out.push(`- **Period covered:** ${e(r.periodCovered)}`);
  out.push(`- **Generated:** ${e(r.generated)}`);
  out.push(`- **Measures:** ${r.measureCount} in ${r.sections.length} section${r.sections.length === 1 ? '' : 's'}`);
  out.push(`- **What is new:** ${e(r.whatIsNew)}`);
  out.push('');
  for (const set of r.ruleSets) {
    const who = set.measures ? ` (${set.measures.map((m) => e(m)).join(', ')})` : '';
    out.push(`**Rules: ${e(set.preset)}**${who}${set.description ? ` — ${e(set.description)}` : ''}`, '');
    for (const [k, v] of set.on) out.push(`- ${e(k, true)}: ${e(v)}`);
    if (set.off.length) out.push(`- off: ${e(set.off.join(', '))}`);
    out.push('');
    out.push(
      set.falseSignals.length
        ? `**Expected false signals:** even a stable process gives some signals by chance. Under these rules: ${e(set.falseSignals.join('; '))}.`
        : '**Expected false signals:** not computed for this run.',
    );
    out.push('');
  }
  return out;
}

function summaryRowMd(r: ReportModel, v: MeasureView): string {
  return row([
    e(v.record.measure),
    e(v.latestPeriod),
    e(v.latestValue),
    e(v.centre),
    e(v.limits),
    e(variationLabel(v.variationIcon)),
    ...(r.withTarget ? [v.assuranceIcon === 'none' ? (v.hasTarget ? 'none' : 'no target') : e(assuranceLabel(v.assuranceIcon))] : []),
    v.latestSignals.length ? e(v.latestSignals.join(', ')) : 'none',
    v.marked.length ? `**${markWord(r.markKind)}** ${e(v.marked.join('; '))}` : 'none',
  ]);
}

function summaryMd(r: ReportModel): string[] {
  const out = ['## Summary', ''];
  out.push('Variation between the control limits is expected and is not in itself a cause for concern; a signal is a reason to look for a cause and respond.', '');
  const heads = ['Measure', 'Latest period', 'Latest value', 'Centre', 'Limits', 'Variation', ...(r.withTarget ? ['Assurance'] : []), 'Signals in the latest period', r.markHeader];
  const align = heads.map((h) => (h === 'Latest value' || h === 'Centre' || h === 'Limits' ? '---:' : '---'));
  for (const s of r.sections) {
    out.push(`### ${e(s.title)}`, '');
    out.push(row(heads), row(align));
    for (const v of s.measures) out.push(summaryRowMd(r, v));
    out.push('');
  }
  return out;
}

function listMd(heading: string, items: readonly string[]): string[] {
  return items.length ? [`${heading}:`, '', ...items, ''] : [];
}

function measureMd(v: MeasureView): string[] {
  const out = [`### ${e(v.record.measure)}`, ''];
  out.push(`*${v.meta.map((x) => e(x)).join(' · ')}*`, '');
  if (v.chartPath) out.push(`![Chart: ${e(v.record.measure)}](${markdownPath(v.chartPath)})`, '');
  for (const x of v.explanations) out.push(`- ${x.mark ? `**${markWord(x.mark)}:** ${e(x.sentence)}` : e(x.sentence, true)}`);
  out.push('');
  out.push('Phases:', '');
  for (const l of v.phases) out.push(`- ${e(l, true)}`);
  out.push('');
  out.push(...listMd('Annotations', v.annotations.map((n) => `- **${e(n.period)}:** ${e(n.note)}`)));
  out.push(...listMd('Data warnings', v.warnings.map((w) => `- ${e(w, true)}`)));
  return out;
}

/** The report model as Markdown: header, summary tables by section, each measure's chart and explanations. */
export function formatReportMarkdown(r: ReportModel): string {
  const out = [...headerMd(r), ...summaryMd(r)];
  for (const s of r.sections) {
    out.push(`## ${e(s.title)}`, '');
    for (const v of s.measures) out.push(...measureMd(v));
  }
  out.push(`*Made by ${e(r.tool.name)} ${e(r.tool.version)} on ${e(r.generated)}.*`);
  return out.join('\n') + '\n';
}
