/** report.html in pieces: whole lines, one piece per measure with its chart, the same page as formatReportHtml. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeries } from '../io/read.js';
import { analyseAll } from '../model/analyse-all.js';
import { buildReport } from './report-model.js';
import { formatReportHtml, reportHtmlPieces } from './report-html.js';

const text = readFileSync(new URL('../../fixtures/community-safety.csv', import.meta.url), 'utf8');
const doc = analyseAll(readSeries(text, 'community-safety.csv'), { flags: {}, dateOrder: 'dmy' }, '0.1.0');

describe('reportHtmlPieces', () => {
  it('gives the page as whole lines, the head first, one piece per measure with its inline chart', () => {
    const first = doc.measures[0].measure;
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title><rect id="r" width="1" height="1"/></svg>';
    const model = buildReport(doc, { title: 'T', generated: '2021-04-20', charts: new Map([[first, svg]]), chartPaths: new Map(), recent: 3 });
    const pieces = [...reportHtmlPieces(model)];
    expect(pieces.join('')).toBe(formatReportHtml(model));
    for (const p of pieces) expect(p.endsWith('\n')).toBe(true);
    expect(pieces.slice(0, 2)).toEqual(['<!DOCTYPE html>\n', '<html lang="en-GB">\n']);
    expect(pieces.slice(-3)).toEqual([expect.stringMatching(/^<footer>/), '</body>\n', '</html>\n']);
    const sections = pieces.filter((p) => p.startsWith('<section class="measure"'));
    expect(sections.length).toBe(doc.measures.length);
    const drawn = sections.filter((p) => p.includes('<svg'));
    expect(drawn.length).toBe(1);
    // Inlined as escape.ts's inlineSvg does it: no xmlns, ids prefixed by the measure's slug.
    expect(drawn[0]).toContain('<h3 id="m-most-serious-violence-h">Most serious violence</h3>');
    expect(drawn[0]).toContain('<svg viewBox="0 0 10 10"><title>t</title><rect id="c-most-serious-violence-r" width="1" height="1"/></svg>');
  });
});
