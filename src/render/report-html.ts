/**
 * report.html: the report model laid out as one self-contained page (inline CSS, inline SVG
 * charts and icons, no script, no request to any address; prints to A4). Every text from the data
 * is escaped; the chart SVGs are embedded as our chart renderer wrote them.
 */
import { escapeHtml, inlineSvg } from './escape.js';
import { assuranceIconSvg, assuranceLabel, variationIconSvg, variationLabel } from './icons.js';
import { REPORT_CSS } from './report-css.js';
import type { Explanation, MeasureView, ReportModel } from './report-model.js';

const markWord = (mark: 'new' | 'recent') => (mark === 'new' ? 'New' : 'Recent');

function marksHtml(x: Explanation): string {
  if (x.mark === null) return '';
  const title = x.mark === 'new' ? (x.continues ? 'New: continues a signal from the previous report' : 'New since the previous report') : 'Recent: touches the latest periods';
  return `<span class="badge ${x.mark}" title="${title}">${markWord(x.mark)}</span>`;
}

function summaryRowHtml(r: ReportModel, v: MeasureView): string {
  const variation = `<td class="icon-cell">${variationIconSvg(v.variationIcon)}<span>${variationLabel(v.variationIcon)}</span></td>`;
  const assurance = !r.withTarget
    ? ''
    : v.assuranceIcon === 'none'
      ? `<td class="icon-cell"><span class="none">${v.hasTarget ? 'none' : 'no target'}</span></td>`
      : `<td class="icon-cell">${assuranceIconSvg(v.assuranceIcon)}<span>${assuranceLabel(v.assuranceIcon)}</span></td>`;
  const latestSignals = v.latestSignals.length ? escapeHtml(v.latestSignals.join(', ')) : '<span class="none">none</span>';
  const markCell = v.marked.length ? `<span class="badge ${r.markKind}">${markWord(r.markKind)}</span>${escapeHtml(v.marked.join('; '))}` : '<span class="none">none</span>';
  return (
    '<tr class="measure-row">' +
    `<th scope="row"><a href="#m-${v.slug}">${escapeHtml(v.record.measure)}</a></th>` +
    `<td class="period">${escapeHtml(v.latestPeriod)}</td>` +
    `<td class="num">${escapeHtml(v.latestValue)}</td>` +
    `<td class="num">${escapeHtml(v.centre)}</td>` +
    `<td class="num">${escapeHtml(v.limits)}</td>` +
    variation +
    assurance +
    `<td>${latestSignals}</td>` +
    `<td>${markCell}</td>` +
    '</tr>'
  );
}

function summaryTableHtml(r: ReportModel): string {
  const heads = ['Measure', 'Latest period', 'Latest value', 'Centre', 'Limits', 'Variation', ...(r.withTarget ? ['Assurance'] : []), 'Signals in the latest period', r.markHeader];
  const out: string[] = [];
  out.push('<table class="summary">');
  out.push('<caption>Summary of the measures, by section: the latest point of each, its variation and its signals</caption>');
  out.push(`<thead><tr>${heads.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`);
  for (const s of r.sections) {
    out.push('<tbody>');
    out.push(`<tr class="section-row"><th scope="rowgroup" colspan="${heads.length}">${escapeHtml(s.title)}</th></tr>`);
    for (const v of s.measures) out.push(summaryRowHtml(r, v));
    out.push('</tbody>');
  }
  out.push('</table>');
  return out.join('\n');
}

function keyHtml(r: ReportModel): string {
  const icons = ['common-cause', 'improvement-high', 'improvement-low', 'concern-high', 'concern-low', 'neutral-high', 'neutral-low'] as const;
  const items = icons.map((i) => `<li>${variationIconSvg(i, { size: 26 })}${variationLabel(i)}</li>`);
  if (r.withAssuranceIcons) {
    for (const a of ['pass', 'fail', 'hit-or-miss'] as const) items.push(`<li>${assuranceIconSvg(a, { size: 26 })}Target: ${assuranceLabel(a).toLowerCase()}</li>`);
  }
  return `<ul class="key" aria-label="Key to the icons">${items.join('')}</ul>`;
}

function rulesHtml(r: ReportModel): string {
  const out: string[] = [];
  for (const set of r.ruleSets) {
    const who = set.measures ? ` (${set.measures.map(escapeHtml).join(', ')})` : '';
    const preset = escapeHtml(set.preset);
    out.push(`<p><strong>Rules: ${preset}</strong>${who}${set.description ? ` &mdash; ${escapeHtml(set.description)}` : ''}</p>`);
    out.push(`<table class="rules"><caption>Parameters of the ${preset} rules</caption><tbody>`);
    for (const [k, v] of set.on) out.push(`<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`);
    if (set.off.length) out.push(`<tr><th scope="row">off</th><td>${escapeHtml(set.off.join(', '))}</td></tr>`);
    out.push('</tbody></table>');
    out.push(
      set.falseSignals.length
        ? `<p><strong>Expected false signals:</strong> even a stable process gives some signals by chance. Under these rules: ${escapeHtml(set.falseSignals.join('; '))}.</p>`
        : '<p><strong>Expected false signals:</strong> not computed for this run.</p>',
    );
  }
  return out.join('\n');
}

function listHtml(heading: string, items: readonly string[]): string[] {
  return items.length ? [`<h4>${heading}</h4>`, `<ul class="plain">${items.join('')}</ul>`] : [];
}

function measureHtml(v: MeasureView): string {
  const id = `m-${v.slug}`;
  const out: string[] = [];
  out.push(`<section class="measure" id="${id}" aria-labelledby="${id}-h">`);
  out.push(`<h3 id="${id}-h">${escapeHtml(v.record.measure)}</h3>`);
  out.push(`<p class="measure-meta">${v.meta.map(escapeHtml).join(' &middot; ')}</p>`);
  out.push(
    v.chartSvg
      ? `<figure class="chart" aria-describedby="${id}-signals">${inlineSvg(v.chartSvg, `c-${v.slug}`)}</figure>`
      : '<p class="no-chart">No chart was drawn for this measure.</p>',
  );
  out.push('<h4>Signals</h4>');
  out.push(`<ul class="explain" id="${id}-signals">${v.explanations.map((x) => `<li class="${x.meaning}">${marksHtml(x)}${escapeHtml(x.sentence)}</li>`).join('')}</ul>`);
  out.push('<h4>Phases</h4>');
  out.push(`<ul class="plain">${v.phases.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
  out.push(...listHtml('Annotations', v.annotations.map((n) => `<li><strong>${escapeHtml(n.period)}:</strong> ${escapeHtml(n.note)}</li>`)));
  out.push(...listHtml('Data warnings', v.warnings.map((w) => `<li>${escapeHtml(w)}</li>`)));
  out.push('</section>');
  return out.join('\n');
}

function headHtml(r: ReportModel): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(`${r.tool.name} ${r.tool.version}`)}">`,
    `<title>${escapeHtml(r.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
  ];
}

function headerHtml(r: ReportModel): string[] {
  const n = r.measureCount;
  const k = r.sections.length;
  return [
    '<header>',
    `<h1>${escapeHtml(r.title)}</h1>`,
    '<dl class="facts">',
    `<dt>Period covered</dt><dd>${escapeHtml(r.periodCovered)}</dd>`,
    `<dt>Generated</dt><dd>${escapeHtml(r.generated)}</dd>`,
    `<dt>Measures</dt><dd>${n} measure${n === 1 ? '' : 's'} in ${k} section${k === 1 ? '' : 's'}</dd>`,
    `<dt>What is new</dt><dd>${escapeHtml(r.whatIsNew)}</dd>`,
    '</dl>',
    rulesHtml(r),
    '</header>',
  ];
}

/** The report model as one self-contained HTML page. */
export function formatReportHtml(r: ReportModel): string {
  return [...reportHtmlPieces(r)].join('');
}

/**
 * The page in pieces, each ending in a line break: the head, the summary, then each measure with
 * its inline chart (for writing as they are made; the page of 1,000 charts is ~50 MB).
 */
export function* reportHtmlPieces(r: ReportModel): Generator<string> {
  const line = (s: string) => s + '\n';
  yield* [...headHtml(r), '<body>', ...headerHtml(r)].map(line);
  yield line('<main>');
  yield line('<h2 id="summary">Summary</h2>');
  yield line(
    '<p>Variation between the control limits is expected and is not in itself a cause for concern; a signal is a reason to look for a cause and respond. ' +
      'The variation icon describes the latest point; the explanations below each chart describe every signal.</p>',
  );
  yield line(keyHtml(r));
  yield line(summaryTableHtml(r));
  for (const s of r.sections) {
    yield line(`<h2>${escapeHtml(s.title)}</h2>`);
    for (const v of s.measures) yield line(measureHtml(v));
  }
  yield line('</main>');
  yield line(`<footer><p>Made by ${escapeHtml(r.tool.name)} ${escapeHtml(r.tool.version)} on ${escapeHtml(r.generated)}. Icons follow the meaning of the NHS Making Data Count icons.</p></footer>`);
  yield line('</body>');
  yield line('</html>');
}
