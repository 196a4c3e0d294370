/**
 * The report in a real browser: headless Chromium (playwright-core, the system's /usr/bin/chromium)
 * opens report.html from disk. Nothing may fail or be requested from any address, every chart and
 * icon must render with a size, the summary has one row per measure, and hostile measure names
 * show as text without running anything. Skipped (with a warning) where Chromium is not installed.
 *
 * It needs the build in dist/ (`npm test` builds first). A full-page screenshot is written to
 * test-output/report.png (git-ignored).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** DOM globals exist only inside page.evaluate callbacks (the tests' tsconfig has no DOM lib). */
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/browser.test.ts: skipped: no Chromium at ${CHROMIUM} (install it, e.g. apt-get install chromium, to run the browser checks)`);

const TIMEOUT = 60_000;
const bin = fileURLToPath(new URL('../bin/spc.js', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/community-safety.csv', import.meta.url));
const screenshotDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const SCRIPT_NAME = '<script>alert(1)</script>';
const IMG_NAME = '"><img src=x onerror=alert(1)>';

function spc(args: string[], cwd: string): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.SOURCE_DATE_EPOCH;
    const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

interface Visit {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  failed: string[];
  /** Requests to anything but file: or data: (aborted). */
  foreign: string[];
  /** Every request seen. */
  requests: string[];
  dialogs: string[];
}

interface SvgBox {
  kind: 'chart' | 'icon' | 'other';
  label: string | null;
  width: number;
  height: number;
  namespace: string;
  shapes: number;
}

describe.skipIf(!hasChromium)('report.html in Chromium', () => {
  let work: string;
  let browser: Browser;
  let main: Visit;
  let hostile: Visit;
  let mainDir: string;
  let hostileDir: string;

  async function visit(dir: string): Promise<Visit> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const v: Visit = { page, consoleErrors: [], pageErrors: [], failed: [], foreign: [], requests: [], dialogs: [] };
    page.on('console', (m) => {
      if (m.type() === 'error') v.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => v.pageErrors.push(String(e)));
    page.on('requestfailed', (r) => v.failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
    page.on('request', (r) => v.requests.push(r.url()));
    page.on('dialog', (d) => {
      v.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      v.foreign.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
    return v;
  }

  /** Every svg element of the page: its kind, rendered size, namespace and number of drawn shapes. */
  function svgBoxes(page: Page): Promise<SvgBox[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll('svg')].map((s: any) => {
        const r = s.getBoundingClientRect();
        const cls = s.getAttribute('class') ?? '';
        return {
          kind: s.closest('figure.chart') && !s.parentElement.closest('svg') ? 'chart' : /\bicon\b/.test(cls) ? 'icon' : 'other',
          label: s.getAttribute('aria-label'),
          width: r.width,
          height: r.height,
          namespace: s.namespaceURI,
          shapes: s.querySelectorAll('path, line, circle, rect, text, polyline, polygon').length,
        };
      }),
    ) as Promise<SvgBox[]>;
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'spc-browser-'));
    mainDir = join(work, 'main');
    hostileDir = join(work, 'hostile');
    const rows: string[][] = [['measure', 'period', 'value', 'note']];
    for (const name of [SCRIPT_NAME, IMG_NAME, 'Plain measure']) {
      for (let i = 0; i < 24; i++) {
        const period = `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
        rows.push([name, period, String(10 + ((i * 7) % 5) + (i === 20 ? 30 : 0)), i === 3 ? '<img src=y onerror=alert(2)>' : '']);
      }
    }
    const hostileCsv = join(work, 'hostile.csv');
    writeFileSync(hostileCsv, stringify(rows));
    const [a, b, launched] = await Promise.all([
      spc(['analyse', fixture, '--out', mainDir, '--date', '2026-11-26', '-q'], work),
      spc(['analyse', hostileCsv, '--out', hostileDir, '--date', '2026-11-26', '-q'], work),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
        timeout: TIMEOUT,
      }),
    ]);
    browser = launched;
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    [main, hostile] = await Promise.all([visit(mainDir), visit(hostileDir)]);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  }, TIMEOUT);

  it('loads with no console error, page error, failed or outside request', () => {
    for (const v of [main, hostile]) {
      expect(v.consoleErrors).toEqual([]);
      expect(v.pageErrors).toEqual([]);
      expect(v.failed).toEqual([]);
      expect(v.foreign).toEqual([]);
      // The page itself is the only request: charts and icons are inline.
      expect(v.requests.filter((u) => !u.startsWith('data:'))).toEqual([v.page.url()]);
    }
  });

  it('renders every chart and every icon with a size', async () => {
    const boxes = await svgBoxes(main.page);
    const charts = boxes.filter((b) => b.kind === 'chart');
    const icons = boxes.filter((b) => b.kind === 'icon');
    // 8 charts; icons: 7 in the key and one per measure in the summary.
    expect(charts).toHaveLength(8);
    expect(icons).toHaveLength(7 + 8);
    expect(boxes.filter((b) => b.kind === 'other')).toEqual([]);
    for (const b of boxes) {
      expect(b.namespace, `${b.kind} ${b.label}`).toBe('http://www.w3.org/2000/svg');
      expect(b.width, `${b.kind} ${b.label}`).toBeGreaterThan(0);
      expect(b.height, `${b.kind} ${b.label}`).toBeGreaterThan(0);
      expect(b.shapes, `${b.kind} ${b.label}`).toBeGreaterThan(0);
      expect(b.label, b.kind).toBeTruthy();
    }
    for (const c of charts) {
      // Scaled to the column width (at most 780 px), with the chart's proportions.
      expect(c.width).toBeGreaterThan(400);
      expect(c.width).toBeLessThanOrEqual(780.5);
      expect(c.height).toBeGreaterThan(200);
    }
    for (const i of icons) {
      expect(i.width).toBeGreaterThanOrEqual(20);
      expect(i.width).toBeLessThanOrEqual(40);
    }
    // The chart's drawn marks themselves have a size (not only the svg box).
    const marks = await main.page.evaluate(() =>
      [...document.querySelectorAll('figure.chart svg')].map((s: any) => {
        const shapes = [...s.querySelectorAll('path, circle, rect, line, text')] as any[];
        return shapes.filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 || r.height > 0;
        }).length;
      }),
    );
    for (const n of marks) expect(n).toBeGreaterThan(20);
  });

  it('the summary has one row per measure, grouped by section', async () => {
    const table = main.page.locator('table.summary');
    expect(await table.count()).toBe(1);
    expect(await table.locator('caption').innerText()).toMatch(/^Summary of the measures/);
    const rows = table.locator('tbody tr.measure-row');
    expect(await rows.count()).toBe(8);
    const names = await rows.locator('th[scope="row"]').allInnerTexts();
    expect(names).toEqual([
      'Most serious violence',
      'Domestic abuse incidents',
      'Domestic violence protection notices',
      'Knife crime',
      'Anti-social behaviour incidents',
      'First-time entrants to youth justice',
      'Drug-related deaths',
      'People in drug and alcohol treatment',
    ]);
    expect(await table.locator('tbody tr.section-row th').allInnerTexts()).toEqual(['A. Violence', 'C. Early intervention and prevention', 'B. Substance misuse']);
    // Each row links to its measure, which is in the page.
    for (const href of await rows.locator('th a').evaluateAll((as: any[]) => as.map((a) => a.getAttribute('href')))) {
      expect(await main.page.locator(href).count(), href).toBe(1);
    }
    // Headings: one h1, h3 per measure.
    expect(await main.page.locator('h1').allInnerTexts()).toEqual(['Community safety: SPC report']);
    expect(await main.page.locator('section.measure h3').count()).toBe(8);
  });

  it('shows hostile names as text and runs nothing', async () => {
    const page = hostile.page;
    expect(hostile.dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script, img, iframe, object, embed').length)).toBe(0);
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((e: any) => [...e.attributes].filter((a: any) => /^on/i.test(a.name)).map((a: any) => `${e.tagName} ${a.name}`)),
    );
    expect(handlers).toEqual([]);
    expect(await page.getByRole('heading', { level: 3, name: SCRIPT_NAME, exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 3, name: IMG_NAME, exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(SCRIPT_NAME, { exact: true }).count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByText(SCRIPT_NAME, { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByText(IMG_NAME, { exact: true }).first().isVisible()).toBe(true);
    // The note of each measure: in its chart (as SVG text) and in its annotations list.
    expect(await page.getByText('<img src=y onerror=alert(2)>', { exact: true }).count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('section.measure li', { hasText: '<img src=y onerror=alert(2)>' }).count()).toBe(3);
    // Summary rows and charts, named by their accessible names.
    const rows = await page.locator('table.summary tbody tr.measure-row th[scope="row"]').allInnerTexts();
    expect(rows).toEqual([SCRIPT_NAME, IMG_NAME, 'Plain measure']);
    expect(await page.getByRole('img', { name: SCRIPT_NAME, exact: true }).count()).toBe(1);
    expect(await page.getByRole('img', { name: IMG_NAME, exact: true }).count()).toBe(1);
    // Give any injected handler a moment to fire.
    await page.waitForTimeout(200);
    expect(hostile.dialogs).toEqual([]);
    expect(hostile.consoleErrors).toEqual([]);
    expect(hostile.pageErrors).toEqual([]);
  });

  it('takes a full-page screenshot to test-output/report.png', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, 'report.png');
    const png = await main.page.screenshot({ path, fullPage: true });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The whole page: much taller than the viewport.
    expect(png.readUInt32BE(20)).toBeGreaterThan(3000);
    console.log(`screenshot: ${path}`);
  });
});
