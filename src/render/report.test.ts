/**
 * The report (src/render/report.ts): report.md of the bundled fixture as a file snapshot, the
 * HTML's structure (self-contained, accessible, escaped), and what is marked new or recent.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeries, type RawSeries } from '../io/read.js';
import { analyseAll } from '../model/analyse-all.js';
import type { AnalyseSettings } from '../model/settings.js';
import type { MeasureRecord, ResultDocument } from '../model/document.js';
import { renderChartSvg } from './chart.js';
import { uniqueSlugs } from './names.js';
import {
  defaultTitle,
  escapeHtml,
  escapeMarkdown,
  inlineSvg,
  markSignals,
  reportHtml,
  reportMarkdown,
  reportSections,
  type ReportOptions,
} from './report.js';
import { previousFromJson } from '../model/previous.js';
import { assuranceIconSvg, variationIconSvg } from './icons.js';

const csvPath = fileURLToPath(new URL('../../fixtures/community-safety.csv', import.meta.url));
const series = readSeries(readFileSync(csvPath, 'utf8'), 'community-safety.csv', { dateOrder: 'dmy' });

/**
 * A stand-in for the simulated expected false signals (the real one, src/core/simulate.ts, takes
 * about a second): the values `spc analyse` gives the fixture's 60- and 59-point charts.
 */
const settings: AnalyseSettings = { flags: {}, dateOrder: 'dmy', falseSignals: (_rules, _chart, n) => (n === 60 ? 2.414 : 2.497) };

const doc = analyseAll(series, settings, '0.1.0');
/** The previous run: the same data without its last three months. */
const cut = (s: readonly RawSeries[]) => s.map((x) => ({ ...x, rows: x.rows.slice(0, -3) }));
const previous = analyseAll(cut(series), settings, '0.1.0');

const TREATMENT = 'People in drug and alcohol treatment';

function options(d: ResultDocument, extra: Partial<ReportOptions> = {}): ReportOptions {
  const slugs = uniqueSlugs(d.measures.map((m) => m.measure));
  return {
    title: 'Community safety performance',
    generated: '2021-04-20',
    charts: new Map(),
    chartPaths: new Map(d.measures.map((m, i) => [m.measure, `charts/${slugs[i]}.svg`])),
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// A small HTML tokenizer for the checks: every start tag with its attributes.

interface Tag {
  readonly name: string;
  readonly attrs: readonly [string, string][];
}

function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const tagRe = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
  const attrRe = /([^\s=>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
  for (const t of html.matchAll(tagRe)) {
    const attrs: [string, string][] = [];
    for (const a of (t[2] ?? '').matchAll(attrRe)) attrs.push([a[1].toLowerCase(), (a[2] ?? '').replace(/^["']|["']$/g, '')]);
    out.push({ name: t[1].toLowerCase(), attrs });
  }
  return out;
}

/** The text of the HTML with every tag removed (entities left as they are). */
const textOf = (html: string) => html.replace(/<[^>]*>/g, '');

function expectSafe(html: string): void {
  const all = tags(html);
  const names = new Set(all.map((t) => t.name));
  for (const bad of ['script', 'img', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'input', 'image', 'foreignobject']) {
    expect(names.has(bad), `<${bad}>`).toBe(false);
  }
  for (const t of all) {
    for (const [k, v] of t.attrs) {
      expect(k.startsWith('on'), `${t.name} ${k}`).toBe(false);
      expect(/^(src|srcset|action|formaction)$/.test(k), `${t.name} ${k}`).toBe(false);
      expect(/https?:|javascript:|data:/i.test(v), `${t.name} ${k}="${v}"`).toBe(false);
      if (k === 'href' || k === 'xlink:href') expect(v.startsWith('#'), `${t.name} ${k}="${v}"`).toBe(true);
    }
  }
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/url\(\s*['"]?(?!#)/i);
  expect(html).not.toMatch(/@import/i);
}

// ---------------------------------------------------------------------------------------------

describe('report.md of the bundled fixture', () => {
  it('matches the file snapshot', async () => {
    await expect(reportMarkdown(doc, options(doc))).toMatchFileSnapshot('./__snapshots__/report-fixture.md');
  });

  it('marks new signals against a previous report', () => {
    const md = reportMarkdown(doc, options(doc, { previous }));
    expect(md).toContain('| New since the previous report |');
    expect(md).toContain('- **New:** Eleven months in a row above the average (882.5), from May 2020 to March 2021');
    expect(md.match(/\*\*New\*\*/g)).toHaveLength(1);
    expect(md).toContain('Compared with the previous report (data to December 2020)');
  });

  it('links each chart relatively and escapes Markdown in names', () => {
    const md = reportMarkdown(doc, options(doc));
    expect(md).toContain('![Chart: Knife crime](charts/knife-crime.svg)');
    expect(escapeMarkdown('a|b *c* [d](e) <f> & _g_')).toBe('a\\|b \\*c\\* \\[d\\](e) &lt;f&gt; &amp; \\_g\\_');
    expect(escapeMarkdown('- 1. # x', true)).toBe('\\- 1. # x');
    expect(escapeMarkdown('2021. x', true)).toBe('2021\\. x');
  });
});

describe('report.html', () => {
  let html = '';
  const drawn = ['Most serious violence', TREATMENT];
  beforeAll(async () => {
    const charts = new Map<string, string>();
    for (const m of doc.measures) if (drawn.includes(m.measure)) charts.set(m.measure, await renderChartSvg(m));
    html = reportHtml(doc, options(doc, { charts }));
  });

  it('is self-contained: no script, no request, no URL outside text', () => {
    expectSafe(html);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  it('has headings in order, none skipped', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i], `heading ${i}`).toBeLessThanOrEqual(levels[i - 1] + 1);
    const h2 = [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(['Summary', 'A. Violence', 'C. Early intervention and prevention', 'B. Substance misuse']);
  });

  it('gives every table header cells, and the summary one row per measure', () => {
    const tables = html.split('<table').slice(1).map((t) => t.slice(0, t.indexOf('</table>')));
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const t of tables) expect(t).toMatch(/<th\b/);
    const summary = tables.find((t) => t.startsWith(' class="summary"'))!;
    const rows = summary.match(/<tr class="measure-row">/g) ?? [];
    expect(rows).toHaveLength(doc.measures.length);
    expect(summary.match(/<th scope="row">/g)).toHaveLength(doc.measures.length);
    expect(summary).toContain('<caption>');
  });

  it('states the header facts', () => {
    const text = textOf(html);
    expect(text).toContain('Period covered');
    expect(text).toContain('April 2016 to March 2021');
    expect(text).toContain('2021-04-20');
    expect(text).toContain('Rules: default');
    expect(text).toContain('6 points each strictly higher (or lower) than the one before');
    expect(text).toContain('XmR chart of 60 points, about 2.41 flagged points (7 measures); XmR chart of 59 points, about 2.5 flagged points (Knife crime)');
  });

  it('inlines each chart with a title and a description of its signals', () => {
    const svgs = [...html.matchAll(/<figure class="chart"[^>]*>(<svg[\s\S]*?<\/svg>)<\/figure>/g)].map((m) => m[1]);
    expect(svgs).toHaveLength(drawn.length);
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg[^>]*role="img"/);
      expect(svg).toMatch(/<title>[^<]+<\/title><desc>[^<]*Signals: [^<]+<\/desc>/);
      expect(svg).not.toContain('xmlns');
    }
    expect(svgs[0]).toContain('concern: trend');
    expect(html.match(/class="no-chart"/g)).toHaveLength(doc.measures.length - drawn.length);
  });

  it('draws icons with text alternatives and writes a label beside them', () => {
    const icon = variationIconSvg('concern-high');
    expect(icon).toMatch(/^<svg class="icon"[^>]*role="img" aria-label="Special cause variation: concern, high"><title>Special cause variation: concern, high<\/title>/);
    expect(icon).toContain('#E46C0A');
    expect(icon).toContain('>H</text>');
    expect(variationIconSvg('improvement-low')).toContain('#00B0F0');
    expect(variationIconSvg('neutral-low')).toContain('#490092');
    expect(variationIconSvg('common-cause')).toContain('#A6A6A6');
    expect(assuranceIconSvg('pass')).toContain('>P</text>');
    expect(assuranceIconSvg('fail')).toContain('>F</text>');
    expect(assuranceIconSvg('hit-or-miss')).toContain('>?</text>');
    expect(assuranceIconSvg('none')).toBe('');
    expect(html).toContain('<span>Improvement (high)</span>');
    for (const t of tags(html).filter((x) => x.name === 'svg')) expect(t.attrs.some(([k, v]) => k === 'role' && v === 'img')).toBe(true);
  });

  it('lists the explanations, phases and annotations of each measure', () => {
    const text = textOf(html);
    expect(text).toContain('Seven months in a row rising, from July 2018 (22) to January 2019 (38): a rising trend (a concern, as lower is better).');
    expect(text).toContain('Phase 2 &quot;New recording standard&quot;: April 2018 to March 2021; average 409, limits 335.3 to 482.7.');
    expect(text).toContain('April 2020: First national lockdown');
    expect(html).toContain('<span class="badge recent"');
  });

  it('has print CSS for A4', () => {
    expect(html).toContain('@page { size: A4; margin: 12mm; }');
    expect(html).toMatch(/figure\.chart \{[^}]*break-inside: avoid/);
    expect(html).toMatch(/tr, li \{ break-inside: avoid/);
  });

  it('is deterministic', () => {
    expect(reportHtml(doc, options(doc))).toBe(reportHtml(doc, options(doc)));
  });
});

describe('names from the data are text, never markup', () => {
  const NAMES = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
  const hostile = (): ResultDocument => {
    const base = doc.measures;
    const evil = (m: MeasureRecord, name: string): MeasureRecord => ({
      ...m,
      measure: name,
      section: `${name} section`,
      unit: `<b>u</b>`,
      points: m.points.map((p, i) => (i === 5 ? { ...p, note: name } : p)),
      phases: m.phases.map((ph) => ({ ...ph, label: name })),
      warnings: [name],
    });
    return { ...doc, measures: [evil(base[0], NAMES[0]), evil(base[6], NAMES[1])] };
  };

  it('in the HTML, with real charts', async () => {
    const d = hostile();
    const charts = new Map<string, string>();
    for (const m of d.measures) charts.set(m.measure, await renderChartSvg(m));
    const html = reportHtml(d, { ...options(d, { charts }), title: NAMES[1] });
    expectSafe(html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(escapeHtml(NAMES[1]));
    expect(html).not.toContain('<b>u</b>');
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });

  it('in the Markdown', () => {
    const d = hostile();
    const md = reportMarkdown(d, { ...options(d), title: NAMES[0] });
    expect(md).not.toMatch(/<script|<img|<b>/i);
    expect(md).toContain('# &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('"&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('what is new', () => {
  const marked = (map: ReturnType<typeof markSignals>) =>
    [...map].flatMap(([name, gs]) => {
      const m = doc.measures.find((x) => x.measure === name)!;
      return gs.filter((g) => g.mark !== null).map((g) => `${name}: ${g.signal.rule} ${m.points[g.signal.from].period}..${m.points[g.signal.to].period} ${g.mark}${g.continues ? ' (continues)' : ''}`);
    });

  it('with a previous report: only the signal that reaches the new months', () => {
    const map = markSignals(doc, previous, 3);
    expect(marked(map)).toEqual([`${TREATMENT}: shift 2020-05..2021-03 new (continues)`]);
    // The others were in the previous report, over the same periods.
    expect([...map.values()].flat().filter((g) => g.mark === null)).toHaveLength(4);
  });

  it('a signal the previous report did not have is new', () => {
    const before = analyseAll(cut(series), { ...settings, flags: { ruleOverrides: ['trend=off'] } }, '0.1.0');
    expect(marked(markSignals(doc, before, 3))).toEqual([
      'Most serious violence: trend 2018-07..2019-01 new',
      `${TREATMENT}: shift 2020-05..2021-03 new (continues)`,
    ]);
  });

  it('a measure the previous report did not have: all its signals are new', () => {
    const before: ResultDocument = { ...previous, measures: previous.measures.filter((m) => m.measure !== 'Anti-social behaviour incidents') };
    expect(marked(markSignals(doc, before, 3))).toContain('Anti-social behaviour incidents: outside-limits 2020-04..2020-04 new');
  });

  it('reads the previous results.json and rejects anything else', () => {
    const back = previousFromJson(JSON.stringify(previous));
    expect(marked(markSignals(doc, back, 3))).toEqual(marked(markSignals(doc, previous, 3)));
    expect(() => previousFromJson('not json')).toThrow(/not JSON/);
    expect(() => previousFromJson('{"schemaVersion":1}')).toThrow(/no "measures" list/);
    expect(() => previousFromJson('{"schemaVersion":2,"measures":[]}')).toThrow(/schemaVersion 2/);
    expect(() => previousFromJson('{"schemaVersion":1,"measures":[{"measure":"x","points":[],"rules":null}]}')).toThrow(/without a name, points or rules/);
  });

  it('a previous results.json of spc 0.1 (no spans, no granularity) is compared point by point', () => {
    const old: ResultDocument = { ...previous, measures: previous.measures.map(({ spans: _s, granularity: _g, ...m }) => m) };
    const back = previousFromJson(JSON.stringify(old));
    // The granularity is inferred from the labels, as spc 0.1's report did.
    expect(back.measures.map((m) => m.granularity)).toEqual(previous.measures.map((m) => m.granularity));
    // A signal is had before when the old run flagged one of its periods with the same rule: the same marks here.
    expect(marked(markSignals(doc, back, 3))).toEqual(marked(markSignals(doc, previous, 3)));
  });

  it('without one: the signals touching the last N periods are recent', () => {
    expect(marked(markSignals(doc, null, 3))).toEqual([`${TREATMENT}: shift 2020-05..2021-03 recent`]);
    expect(marked(markSignals(doc, null, 0))).toEqual([]);
    expect(marked(markSignals(doc, null, 12))).toEqual([
      'Anti-social behaviour incidents: outside-limits 2020-04..2020-04 recent',
      `${TREATMENT}: shift 2020-05..2021-03 recent`,
    ]);
  });
});

describe('report order and chart embedding', () => {
  it('keeps sections in order of first appearance and puts an S chart right after its X-bar chart', () => {
    const [a, b, c] = doc.measures;
    const xbar: MeasureRecord = { ...a, measure: 'X', chart: 'xbar-s', section: 'B. Two' };
    const s: MeasureRecord = { ...a, measure: 'X (S)', chart: 's', companionOf: 'X', section: 'B. Two' };
    const d: ResultDocument = { ...doc, measures: [s, { ...b, section: 'A. One' }, xbar, { ...c, section: undefined }] };
    const sections = reportSections(d).map((x) => [x.name, x.measures.map((m) => m.measure)]);
    expect(sections).toEqual([
      ['A. One', [b.measure]],
      ['B. Two', ['X', 'X (S)']],
      [null, [c.measure]],
    ]);
  });

  it('takes a default title from the input file', () => {
    expect(defaultTitle(['fixtures/community-safety.csv'])).toBe('Community safety: SPC report');
    expect(defaultTitle(['-'])).toBe('SPC report');
    expect(defaultTitle(['a.csv', 'b.csv'])).toBe('SPC report');
  });

  it('drops xmlns declarations and prefixes ids so charts never share one', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10"><defs><clipPath id="clip1"><rect/></clipPath></defs>' +
      '<g clip-path="url(#clip1)"><use xlink:href="#clip1"/></g></svg>';
    expect(inlineSvg(svg, 'c-knife')).toBe(
      '<svg width="10"><defs><clipPath id="c-knife-clip1"><rect/></clipPath></defs><g clip-path="url(#c-knife-clip1)"><use xlink:href="#c-knife-clip1"/></g></svg>',
    );
  });
});
