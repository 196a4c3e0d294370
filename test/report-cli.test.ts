/**
 * The report end to end: `node bin/spc.js analyse ... --out DIR` as a process (it needs the build in
 * dist/; `npm test` builds first). Covers --out (report.html, report.md), --date and
 * SOURCE_DATE_EPOCH (byte-identical reruns), --title, --previous with --fail-on new, --recent,
 * --png, --vega-lite, hostile measure names, and that report.html names no URL. See docs/report.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { compile, type TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/spc.js', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/community-safety.csv', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'spc-report-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TIMEOUT = 60_000;
const TREATMENT = 'People in drug and alcohol treatment';
const ASB = 'Anti-social behaviour incidents';
const SCRIPT_NAME = '<script>alert(1)</script>';
const IMG_NAME = '"><img src=x onerror=alert(1)>';

/** The environment of every run: no colour, and no SOURCE_DATE_EPOCH unless a test sets one. */
function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  if (!('SOURCE_DATE_EPOCH' in extra)) delete env.SOURCE_DATE_EPOCH;
  return env;
}

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `node bin/spc.js ARGS` in the temp dir (so no spc.config.* is discovered). */
function spc(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: work, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

let dirCount = 0;
/** A fresh, not yet existing output folder under the temp dir. */
function outDir(name: string): string {
  return join(work, `${name}-${++dirCount}`);
}

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** Every file under a folder, as relative path -> bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

function expectSameTree(a: string, b: string) {
  const ta = tree(a);
  const tb = tree(b);
  expect([...tb.keys()]).toEqual([...ta.keys()]);
  for (const [k, v] of ta) expect(tb.get(k)!.equals(v), `${k} differs between ${a} and ${b}`).toBe(true);
}

/** The fixture's rows up to and including `last` (YYYY-MM), written as a CSV file in the temp dir. */
function fixtureUpTo(last: string, name: string): string {
  const rows = parse(readFileSync(fixture, 'utf8'), { columns: true }) as Record<string, string>[];
  const kept = rows.filter((r) => r.period <= last);
  expect(kept.length).toBeLessThan(rows.length);
  const p = join(work, name);
  writeFileSync(p, stringify(kept, { header: true, columns: Object.keys(rows[0]) }));
  return p;
}

/** Markdown lines of the measures' explanations that carry a mark ("- **New:** ..."). */
function markedLines(md: string, word: 'New' | 'Recent'): string[] {
  return md.split('\n').filter((l) => l.startsWith(`- **${word}:**`));
}

/** The summary table's Markdown row of a measure (split into cells). */
function summaryRow(md: string, measure: string): string[] {
  const row = md.split('\n').find((l) => l.startsWith(`| ${measure} |`));
  expect(row, `summary row of ${measure}`).toBeDefined();
  return row!.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '').trim());
}

/** The start tags of an HTML (or SVG) text, with their attribute names (values skipped, quotes respected). */
function startTags(html: string): { name: string; attrs: string[]; raw: string }[] {
  const out: { name: string; attrs: string[]; raw: string }[] = [];
  for (const t of html.matchAll(/<([a-zA-Z][^\s/>]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g)) {
    const attrs = [...t[2].matchAll(/\s+([^\s=>"'/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?/g)].map((a) => a[1].toLowerCase());
    out.push({ name: t[1].toLowerCase(), attrs, raw: t[0] });
  }
  return out;
}

/** Attribute values (name, value) of every start tag. */
function attributeValues(html: string): [string, string][] {
  const out: [string, string][] = [];
  for (const t of html.matchAll(/<[a-zA-Z][^\s/>]*((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g)) {
    for (const a of t[1].matchAll(/\s+([^\s=>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
      out.push([a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']);
    }
  }
  return out;
}

// The main run on the bundled fixture, shared by several tests: default title, default --recent,
// PNGs and Vega-Lite specs beside the charts.
let main: string;
let mainRun: Run;
beforeAll(async () => {
  main = outDir('main');
  mainRun = await spc(['analyse', fixture, '--out', main, '--date', '2026-11-26', '--png', '--vega-lite']);
}, TIMEOUT);

describe('spc analyse --out: the report files', () => {
  it('writes report.html and report.md beside results.json, the CSVs and the charts', () => {
    expect(mainRun.code, mainRun.err).toBe(0);
    expect(mainRun.err).toMatch(/^Wrote .*: report\.html, report\.md, results\.json, points\.csv, summary\.csv and 8 charts in charts\/$/m);
    const files = readdirSync(main).sort();
    expect(files).toEqual(['charts', 'points.csv', 'report.html', 'report.md', 'results.json', 'summary.csv']);
    const html = read(main, 'report.html');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const md = read(main, 'report.md');
    expect(md.startsWith('# Community safety: SPC report\n')).toBe(true);
    // Every measure of the fixture is in both.
    const doc = JSON.parse(read(main, 'results.json')) as { measures: { measure: string }[] };
    expect(doc.measures).toHaveLength(8);
    for (const { measure } of doc.measures) {
      expect(md).toContain(`### ${measure}\n`);
      expect(html).toContain(`>${measure}</h3>`);
    }
  });

  it('--date: the date appears in the report; two runs are byte-identical', async () => {
    const [a, b] = [outDir('date-a'), outDir('date-b')];
    const runs = await Promise.all([a, b].map((d) => spc(['analyse', fixture, '--out', d, '--date', '2026-11-26', '-q'])));
    for (const r of runs) expect(r.code, r.err).toBe(0);
    expectSameTree(a, b);
    for (const f of ['report.html', 'report.md', 'results.json']) expect(existsSync(join(a, f))).toBe(true);
    const html = read(a, 'report.html');
    const md = read(a, 'report.md');
    expect(html).toContain('<dt>Generated</dt><dd>2026-11-26</dd>');
    expect(html).toContain('on 2026-11-26.');
    expect(md).toContain('- **Generated:** 2026-11-26\n');
    expect(md.trimEnd().endsWith('on 2026-11-26.*')).toBe(true);
    // The date is the only thing that varies: it is the one the main run (also --date 2026-11-26) has.
    expect(html).toBe(read(main, 'report.html'));
    expect(md).toBe(read(main, 'report.md'));
  }, TIMEOUT);

  it('SOURCE_DATE_EPOCH (without --date): the date is that day (UTC); two runs are byte-identical', async () => {
    // 1764115200 s = 2025-11-26T00:00:00Z.
    const [a, b, c, d] = [outDir('epoch-a'), outDir('epoch-b'), outDir('epoch-date'), outDir('epoch-both')];
    const env = { SOURCE_DATE_EPOCH: '1764115200' };
    const runs = await Promise.all([
      spc(['analyse', fixture, '--out', a, '-q'], env),
      spc(['analyse', fixture, '--out', b, '-q'], env),
      spc(['analyse', fixture, '--out', c, '--date', '2025-11-26', '-q']),
      // --date wins over SOURCE_DATE_EPOCH.
      spc(['analyse', fixture, '--out', d, '--date', '2026-11-26', '-q'], env),
    ]);
    for (const r of runs) expect(r.code, r.err).toBe(0);
    expectSameTree(a, b);
    expectSameTree(a, c);
    expect(read(a, 'report.html')).toContain('<dt>Generated</dt><dd>2025-11-26</dd>');
    expect(read(a, 'report.md')).toContain('- **Generated:** 2025-11-26\n');
    expect(read(d, 'report.md')).toContain('- **Generated:** 2026-11-26\n');
    expect(read(d, 'report.md')).not.toContain('2025-11-26');
  }, TIMEOUT);

  it('a bad --date or SOURCE_DATE_EPOCH is a usage error (exit 2) and writes nothing', async () => {
    const dirs = [outDir('bad-date'), outDir('bad-date'), outDir('bad-date'), outDir('bad-epoch')];
    const [month13, feb30, format, epoch] = await Promise.all([
      spc(['analyse', fixture, '--out', dirs[0], '--date', '2026-13-01']),
      spc(['analyse', fixture, '--out', dirs[1], '--date', '2026-02-30']),
      spc(['analyse', fixture, '--out', dirs[2], '--date', '26/11/2026']),
      spc(['analyse', fixture, '--out', dirs[3]], { SOURCE_DATE_EPOCH: 'yesterday' }),
    ]);
    expect(month13.code).toBe(2);
    expect(month13.err).toContain('--date 2026-13-01: expected a date YYYY-MM-DD');
    expect(feb30.code).toBe(2);
    expect(feb30.err).toContain('--date 2026-02-30');
    expect(format.code).toBe(2);
    expect(epoch.code).toBe(2);
    expect(epoch.err).toContain('SOURCE_DATE_EPOCH=yesterday');
    for (const d of dirs) expect(existsSync(d)).toBe(false);
  }, TIMEOUT);
});

describe('--title', () => {
  it('is the page title and the h1 of report.html and the heading of report.md', async () => {
    const d = outDir('title');
    const r = await spc(['analyse', fixture, '--out', d, '--date', '2026-11-26', '--title', 'Quarterly board pack', '-q']);
    expect(r.code, r.err).toBe(0);
    const html = read(d, 'report.html');
    expect(html).toContain('<title>Quarterly board pack</title>');
    expect(html).toContain('<h1>Quarterly board pack</h1>');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(read(d, 'report.md').startsWith('# Quarterly board pack\n')).toBe(true);
    expect(html).not.toContain('Community safety: SPC report');
  }, TIMEOUT);

  it('defaults to one from the input file name', async () => {
    const html = read(main, 'report.html');
    expect(html).toContain('<title>Community safety: SPC report</title>');
    expect(html).toContain('<h1>Community safety: SPC report</h1>');
    expect(read(main, 'report.md').startsWith('# Community safety: SPC report\n')).toBe(true);
    // Another file name: separators become spaces, the first letter is capitalised.
    const input = join(work, 'quarterly_pack-2021.csv');
    writeFileSync(input, readFileSync(fixture));
    const d = outDir('title-default');
    const r = await spc(['analyse', input, '--out', d, '--date', '2026-11-26', '-q']);
    expect(r.code, r.err).toBe(0);
    expect(read(d, 'report.html')).toContain('<h1>Quarterly pack 2021: SPC report</h1>');
    expect(read(d, 'report.md').startsWith('# Quarterly pack 2021: SPC report\n')).toBe(true);
  }, TIMEOUT);

  it('is escaped', async () => {
    const d = outDir('title-escaped');
    const r = await spc(['analyse', fixture, '--out', d, '--date', '2026-11-26', '--title', '<i>Q4</i> & "board"', '-q']);
    expect(r.code, r.err).toBe(0);
    const html = read(d, 'report.html');
    expect(html).toContain('<h1>&lt;i&gt;Q4&lt;/i&gt; &amp; &quot;board&quot;</h1>');
    expect(html).not.toContain('<i>Q4');
    expect(read(d, 'report.md').startsWith('# &lt;i&gt;Q4&lt;/i&gt; &amp; "board"\n')).toBe(true);
  }, TIMEOUT);
});

describe('--previous and --fail-on new', () => {
  // The previous run: the fixture cut to end at 2020-12. Then the full fixture against it.
  let first: string;
  let againstCut: Run;
  let againstCutDir: string;
  beforeAll(async () => {
    // fixture-to-2020-12.csv, so that the default titles differ; the comparison is by measure name.
    const cut = fixtureUpTo('2020-12', 'fixture-to-2020-12.csv');
    first = outDir('previous-first');
    const r = await spc(['analyse', cut, '--out', first, '--date', '2026-11-26', '-q']);
    expect(r.code, r.err).toBe(0);
    againstCutDir = outDir('previous-second');
    againstCut = await spc(['analyse', fixture, '--out', againstCutDir, '--date', '2026-11-26', '--previous', join(first, 'results.json'), '--fail-on', 'new']);
  }, TIMEOUT);

  it('the previous run had the treatment shift (to December 2020) and the ASB spike (April 2020)', () => {
    const md = read(first, 'report.md');
    expect(md).toContain('- **Generated:** 2026-11-26');
    expect(md).toContain('- **Recent:** Eight months in a row above the average (881.6), from May 2020 to December 2020');
    expect(md).toContain('- April 2020 (780) was above the upper control limit');
  });

  it('marks New exactly the signals that start or extend after 2020-12', () => {
    const md = read(againstCutDir, 'report.md');
    expect(md).toContain('- **What is new:** Compared with the previous report (data to December 2020)');
    expect(md).toContain('| New since the previous report |');
    expect(md).not.toContain('Recent');
    // Explanations: only the treatment shift (May 2020 to March 2021, extended) is New.
    expect(markedLines(md, 'New')).toEqual([
      '- **New:** Eleven months in a row above the average (882.5), from May 2020 to March 2021: a sustained rise (an improvement, as higher is better).',
    ]);
    // The ASB spike of April 2020 was in the previous report: listed, not marked.
    expect(md).toContain('\n- April 2020 (780) was above the upper control limit (671.4)');
    // Summary: the New column names the treatment shift and nothing else.
    const rows = md.split('\n').filter((l) => /^\| (?!Measure |---)/.test(l));
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      const last = row.split(' | ').at(-1)!.replace(/ \|$/, '');
      expect(last, row).toBe(row.startsWith(`| ${TREATMENT} |`) ? '**New** shift (from May 2020)' : 'none');
    }
    expect(summaryRow(md, ASB).at(-1)).toBe('none');
    // The HTML says the same, and that the shift continues a signal of the previous report.
    const html = read(againstCutDir, 'report.html');
    expect(html.match(/class="badge new"/g)).toHaveLength(2);
    expect(html).toContain('<span class="badge new" title="New: continues a signal from the previous report">New</span>Eleven months in a row above the average');
    expect(html).toContain('<th scope="col">New since the previous report</th>');
    expect(html).not.toContain('badge recent');
  });

  it('--fail-on new exits 3 naming the measure with a new signal', () => {
    expect(againstCut.code, againstCut.err).toBe(3);
    expect(againstCut.err).toMatch(new RegExp(`^--fail-on new: 1 measure: ${TREATMENT}$`, 'm'));
    expect(againstCut.err).not.toMatch(/^--fail-on.*Anti-social/m);
    // The outputs are written before the exit code is decided.
    expect(existsSync(join(againstCutDir, 'report.html'))).toBe(true);
  });

  it('with the same full run as the previous one nothing is new and --fail-on new exits 0', async () => {
    const full = outDir('previous-full');
    const r1 = await spc(['analyse', fixture, '--out', full, '--date', '2026-11-26', '-q']);
    expect(r1.code, r1.err).toBe(0);
    const again = outDir('previous-again');
    const r2 = await spc(['analyse', fixture, '--out', again, '--date', '2026-11-26', '--previous', join(full, 'results.json'), '--fail-on', 'new']);
    expect(r2.code, r2.err).toBe(0);
    expect(r2.err).not.toContain('--fail-on');
    const md = read(again, 'report.md');
    expect(md).toContain('Compared with the previous report (data to March 2021)');
    expect(markedLines(md, 'New')).toEqual([]);
    expect(md).not.toContain('**New**');
    expect(read(again, 'report.html')).not.toContain('badge new');
  }, TIMEOUT);

  it('--fail-on new without --previous is a usage error (exit 2)', async () => {
    const d = outDir('fail-on-new');
    const r = await spc(['analyse', fixture, '--out', d, '--fail-on', 'new', '--date', '2026-11-26']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--fail-on new needs --previous');
    expect(existsSync(d)).toBe(false);
  }, TIMEOUT);

  it('a --previous file that is not a results document is an input error (exit 1) naming the file', async () => {
    const notDoc = join(work, 'not-results.json');
    writeFileSync(notDoc, JSON.stringify({ hello: 'world' }));
    const csv = join(work, 'not-json.csv');
    writeFileSync(csv, 'measure,period,value\nA,2020-01,1\n');
    const missing = join(work, 'no-such-dir', 'results.json');
    const dirs = [outDir('prev-bad'), outDir('prev-bad'), outDir('prev-bad'), outDir('prev-bad')];
    const [a, b, c, e] = await Promise.all([
      spc(['analyse', fixture, '--out', dirs[0], '--date', '2026-11-26', '--previous', notDoc]),
      spc(['analyse', fixture, '--out', dirs[1], '--date', '2026-11-26', '--previous', csv]),
      spc(['analyse', fixture, '--out', dirs[2], '--date', '2026-11-26', '--previous', missing]),
      spc(['analyse', fixture, '--out', dirs[3], '--date', '2026-11-26', '--previous', work]),
    ]);
    expect(a.code).toBe(1);
    expect(a.err).toContain(`error: ${notDoc}: not a result document`);
    expect(b.code).toBe(1);
    expect(b.err).toContain(`error: ${csv}: not JSON`);
    expect(c.code).toBe(1);
    expect(c.err).toContain(`error: ${missing}: no such file`);
    expect(e.code).toBe(1);
    expect(e.err).toContain(`error: ${work}: is a directory`);
    for (const d of dirs) expect(existsSync(d)).toBe(false);
  }, TIMEOUT);
});

describe('--recent', () => {
  it('default 3 marks the treatment shift Recent; 0 marks nothing; 12 also reaches the ASB spike', async () => {
    const [zero, twelve] = [outDir('recent-0'), outDir('recent-12')];
    const runs = await Promise.all([
      spc(['analyse', fixture, '--out', zero, '--date', '2026-11-26', '--recent', '0', '-q']),
      spc(['analyse', fixture, '--out', twelve, '--date', '2026-11-26', '--recent', '12', '-q']),
    ]);
    for (const r of runs) expect(r.code, r.err).toBe(0);

    const md3 = read(main, 'report.md');
    expect(md3).toContain('touches one of the last 3 periods of its measure');
    expect(md3).toContain('| Recent (last 3 periods) |');
    expect(markedLines(md3, 'Recent')).toEqual([
      '- **Recent:** Eleven months in a row above the average (882.5), from May 2020 to March 2021: a sustained rise (an improvement, as higher is better).',
    ]);
    expect(summaryRow(md3, TREATMENT).at(-1)).toBe('**Recent** shift (from May 2020)');
    expect(summaryRow(md3, ASB).at(-1)).toBe('none');
    expect(read(main, 'report.html').match(/class="badge recent"/g)).toHaveLength(2);

    const md0 = read(zero, 'report.md');
    expect(md0).toContain('| Recent (last 0 periods) |');
    expect(markedLines(md0, 'Recent')).toEqual([]);
    expect(md0).not.toContain('**Recent**');
    expect(summaryRow(md0, TREATMENT).at(-1)).toBe('none');
    // The signals are still explained, only unmarked.
    expect(md0).toContain('\n- Eleven months in a row above the average (882.5), from May 2020 to March 2021');
    expect(read(zero, 'report.html')).not.toContain('badge recent');

    const md12 = read(twelve, 'report.md');
    expect(md12).toContain('| Recent (last 12 periods) |');
    const marked12 = markedLines(md12, 'Recent');
    expect(marked12).toHaveLength(2);
    expect(marked12[0].startsWith('- **Recent:** April 2020 (780) was above the upper control limit (671.4)')).toBe(true);
    expect(marked12[1].startsWith('- **Recent:** Eleven months in a row above the average (882.5)')).toBe(true);
    expect(summaryRow(md12, ASB).at(-1)).toBe('**Recent** outside the limits (April 2020)');
  }, TIMEOUT);

  it('a bad --recent is a usage error (exit 2)', async () => {
    const [a, b] = await Promise.all([
      spc(['analyse', fixture, '--out', outDir('recent-bad'), '--recent', '1.5']),
      spc(['analyse', fixture, '--out', outDir('recent-bad'), '--recent', 'many']),
    ]);
    expect(a.code).toBe(2);
    expect(a.err).toContain('--recent 1.5');
    expect(b.code).toBe(2);
  }, TIMEOUT);
});

describe('--png and --vega-lite', () => {
  const svgSize = (svg: string) => {
    const root = svg.match(/<svg\b[^>]*>/)![0];
    return { width: Number(root.match(/\swidth="([\d.]+)"/)![1]), height: Number(root.match(/\sheight="([\d.]+)"/)![1]) };
  };

  it('--png: a PNG beside each chart SVG, at twice its size', () => {
    const charts = readdirSync(join(main, 'charts')).sort();
    const svgs = charts.filter((f) => f.endsWith('.svg'));
    expect(svgs).toHaveLength(8);
    expect(charts.filter((f) => f.endsWith('.png')).map((f) => f.replace(/\.png$/, '.svg'))).toEqual(svgs);
    for (const f of svgs) {
      const { width, height } = svgSize(read(join(main, 'charts'), f));
      expect(width).toBeGreaterThan(100);
      expect(height).toBeGreaterThan(100);
      const png = readFileSync(join(main, 'charts', f.replace(/\.svg$/, '.png')));
      expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), f).toBe(true);
      // The first chunk is IHDR: length 13, then width and height (big-endian).
      expect(png.readUInt32BE(8)).toBe(13);
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], f).toEqual([2 * Math.round(width), 2 * Math.round(height)]);
      expect(png.length).toBeGreaterThan(5_000);
    }
  });

  it('--vega-lite: each charts/*.vl.json compiles with vega-lite and carries its data inline', () => {
    const specs = readdirSync(join(main, 'charts')).filter((f) => f.endsWith('.vl.json')).sort();
    expect(specs.map((f) => f.replace(/\.vl\.json$/, '.svg'))).toEqual(readdirSync(join(main, 'charts')).filter((f) => f.endsWith('.svg')).sort());
    const doc = JSON.parse(read(main, 'results.json')) as { measures: { measure: string; points: unknown[] }[] };
    for (const f of specs) {
      const spec = JSON.parse(read(join(main, 'charts'), f)) as TopLevelSpec & { data?: { values?: unknown[]; url?: string } };
      expect(spec.$schema).toMatch(/^https:\/\/vega\.github\.io\/schema\/vega-lite\/v6(\.\d+)*\.json$/);
      expect(Array.isArray(spec.data?.values), f).toBe(true);
      const measure = doc.measures.find((m) => (spec as { title?: { text?: string } }).title?.text === m.measure);
      expect(measure, `${f}: title names a measure`).toBeDefined();
      expect(spec.data!.values!.length).toBe(measure!.points.length);
      // No data comes from an address: no "url" key anywhere.
      expect(JSON.stringify(spec)).not.toMatch(/"url"\s*:/);
      const errors: unknown[] = [];
      const warnings: unknown[] = [];
      const logger = {
        level: (..._a: unknown[]) => logger as never,
        error: (...a: unknown[]) => (errors.push(a), logger as never),
        warn: (...a: unknown[]) => (warnings.push(a), logger as never),
        info: () => logger as never,
        debug: () => logger as never,
      };
      const compiled = compile(spec, { logger: logger as never });
      expect(errors, f).toEqual([]);
      expect(warnings, f).toEqual([]);
      expect(compiled.spec.marks?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('--png or --vega-lite without --out is a usage error (exit 2)', async () => {
    const [png, vl] = await Promise.all([spc(['analyse', fixture, '--png']), spc(['analyse', fixture, '--vega-lite'])]);
    expect(png.code).toBe(2);
    expect(png.err).toContain('--png writes files beside the charts: give --out DIR');
    expect(png.out).toBe('');
    expect(vl.code).toBe(2);
    expect(vl.err).toContain('--vega-lite writes files beside the charts: give --out DIR');
  }, TIMEOUT);
});

describe('hostile measure names', () => {
  let dir: string;
  let run: Run;
  beforeAll(async () => {
    const rows: string[][] = [['measure', 'section', 'period', 'value', 'note']];
    for (const name of [SCRIPT_NAME, IMG_NAME]) {
      for (let i = 0; i < 24; i++) {
        const period = `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
        rows.push([name, '</table><script>alert(3)</script>', period, String(10 + ((i * 7) % 5) + (i === 20 ? 30 : 0)), i === 3 ? '<img src=y onerror=alert(2)>' : '']);
      }
    }
    const mkdir = join(work, 'hostile');
    mkdirSync(mkdir, { recursive: true });
    const input = join(mkdir, 'hostile.csv');
    writeFileSync(input, stringify(rows));
    dir = outDir('hostile');
    run = await spc(['analyse', input, '--out', dir, '--date', '2026-11-26', '--png', '--vega-lite', '-q']);
  }, TIMEOUT);

  it('the run succeeds and reads the names as written', () => {
    expect(run.code, run.err).toBe(0);
    const doc = JSON.parse(read(dir, 'results.json')) as { measures: { measure: string; section: string }[] };
    expect(doc.measures.map((m) => m.measure)).toEqual([SCRIPT_NAME, IMG_NAME]);
    expect(doc.measures[0].section).toBe('</table><script>alert(3)</script>');
  });

  it('report.html has them only escaped: no script or img element, no event-handler attribute', () => {
    const html = read(dir, 'report.html');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<\/table><script/i);
    const tags = startTags(html);
    expect(tags.length).toBeGreaterThan(100);
    expect(tags.filter((t) => ['script', 'img', 'iframe', 'object', 'embed', 'foreignobject'].includes(t.name)).map((t) => t.raw)).toEqual([]);
    expect(tags.filter((t) => t.attrs.some((a) => a.startsWith('on'))).map((t) => t.raw)).toEqual([]);
    // The names as headings, in the summary and in the charts' accessible names.
    expect(html).toContain('>&lt;script&gt;alert(1)&lt;/script&gt;</h3>');
    expect(html).toContain('>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h3>');
    expect(html).toContain('aria-label="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('<h2>&lt;/table&gt;&lt;script&gt;alert(3)&lt;/script&gt;</h2>');
    expect(html).toContain('&lt;img src=y onerror=alert(2)&gt;');
    // In-page anchors use the slugs.
    expect(html).toContain('<a href="#m-script-alert-1-script">');
    expect(html).toContain('<a href="#m-img-src-x-onerror-alert-1">');
  });

  it('report.md escapes them too', () => {
    const md = read(dir, 'report.md');
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/<img/i);
    expect(md).toContain('\n### &lt;script&gt;alert(1)&lt;/script&gt;\n');
    expect(md).toContain('\n### "&gt;&lt;img src=x onerror=alert(1)&gt;\n');
    expect(md).toContain('| &lt;script&gt;alert(1)&lt;/script&gt; |');
    expect(md).toContain('![Chart: &lt;script&gt;alert(1)&lt;/script&gt;](charts/script-alert-1-script.svg)');
    expect(md).toContain('![Chart: "&gt;&lt;img src=x onerror=alert(1)&gt;](charts/img-src-x-onerror-alert-1.svg)');
    expect(md).toContain('## &lt;/table&gt;&lt;script&gt;alert(3)&lt;/script&gt;\n');
    expect(md).toContain('&lt;img src=y onerror=alert(2)&gt;');
  });

  it('chart files get safe slug names and escaped contents', () => {
    const charts = readdirSync(join(dir, 'charts')).sort();
    expect(charts).toEqual([
      'img-src-x-onerror-alert-1.png',
      'img-src-x-onerror-alert-1.svg',
      'img-src-x-onerror-alert-1.vl.json',
      'script-alert-1-script.png',
      'script-alert-1-script.svg',
      'script-alert-1-script.vl.json',
    ]);
    for (const f of charts) expect(f).toMatch(/^[a-z0-9-]+\.(svg|png|vl\.json)$/);
    for (const f of charts.filter((x) => x.endsWith('.svg'))) {
      const svg = read(join(dir, 'charts'), f);
      expect(svg).not.toMatch(/<script|<img|<foreignObject/i);
      expect(startTags(svg).filter((t) => t.attrs.some((a) => a.startsWith('on')))).toEqual([]);
    }
    // Nothing was written outside the output folder.
    expect(readdirSync(dir).sort()).toEqual(['charts', 'points.csv', 'report.html', 'report.md', 'results.json', 'summary.csv']);
  });

  it('report.html names no URL here either', () => {
    const html = read(dir, 'report.html');
    expect(html).not.toMatch(/https?:/i);
    expect(attributeValues(html).filter(([n, v]) => /^(src|href|xlink:href|action|formaction|srcset|poster|data)$/.test(n) && !v.startsWith('#'))).toEqual([]);
  });
});

describe('report.html loads nothing', () => {
  it('names no http(s) URL and no xmlns; links only to its own anchors', () => {
    const html = read(main, 'report.html');
    // "http" occurs only as the http-equiv of the Content-Security-Policy meta element: no URL in
    // any attribute or text, and the inlined charts lost their xmlns declarations.
    expect([...html.matchAll(/https?[^\s"'<>=]*/gi)].map((m) => m[0])).toEqual(['http-equiv']);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/xmlns/i);
    expect(html).not.toMatch(/www\.w3\.org/);
    expect(html).not.toMatch(/@import|<link\b|<base\b|\ssrc=|srcset=/i);
    // Attributes that can name a resource: only in-page fragments, each of an element in the page.
    const ids = new Set(attributeValues(html).filter(([n]) => n === 'id').map(([, v]) => v));
    const refs = attributeValues(html).filter(([n]) => /^(src|href|xlink:href|action|formaction|srcset|poster|data|background)$/.test(n));
    expect(refs.length).toBe(8); // the summary's links to the measures
    for (const [n, v] of refs) {
      expect(v, n).toMatch(/^#/);
      expect(ids.has(v.slice(1)), `${n}="${v}" points to an id in the page`).toBe(true);
    }
    // url(...) in styles or presentation attributes: only fragments.
    for (const m of html.matchAll(/url\(\s*([^)]*)\)/gi)) expect(m[1].replace(/^["']/, '')).toMatch(/^#/);
    // The ids of the inlined charts are unique in the page.
    const allIds = attributeValues(html).filter(([n]) => n === 'id').map(([, v]) => v);
    expect(new Set(allIds).size).toBe(allIds.length);
  });
});
