#!/usr/bin/env node
/**
 * `npm run bench`: the benchmark suite of docs/performance.md. Generates its seeded inputs when
 * missing (bench/gen.mjs), times each case (median of RUNS runs), measures peak RSS of the CLI runs
 * with GNU time when available, and rewrites the results table in docs/performance.md.
 *
 *   node bench/run.mjs [--runs 5] [--rows 2000000] [--quick] [--only 7]
 *   (--quick: 2 runs, 200k rows, no 5,000; --only: just these numbered cases, their rows of the
 *   table replaced and the others kept)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, openSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = join(root, 'bench', 'data');
const bin = join(root, 'bin', 'spc.js');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const opt = (name, dflt) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : dflt);
const RUNS = opt('runs', quick ? 2 : 5);
const ROWS = opt('rows', quick ? 200_000 : 2_000_000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hasTime = existsSync('/usr/bin/time');
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',').map(Number)) : null;
const runs = (n) => only === null || only.has(n);
const work = mkdtempSync(join(tmpdir(), 'spc-bench-'));

function gen(flags) {
  const r = spawnSync(process.execPath, [join(root, 'bench', 'gen.mjs'), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('bench/gen.mjs failed');
}
if ((runs(2) || runs(3) || runs(5) || runs(6)) && !existsSync(join(data, 'measures-1000.csv'))) gen(['--only', 'a']);
if (runs(1) && !existsSync(join(data, 'series.f64'))) gen(['--only', 'c']);
if (runs(4) && (!existsSync(join(data, 'street.csv')) || Math.abs(statSync(join(data, 'street.csv')).size / 196 - ROWS) > ROWS * 0.2)) gen(['--only', 'b', '--rows', String(ROWS)]);
if (runs(6)) for (const n of quick ? [10, 100] : [10, 100, 5000]) if (!existsSync(join(data, `measures-${n}.csv`))) gen(['--only', 'a', '--measures', String(n)]);
if (runs(7) && !existsSync(join(data, 'wide-50mb.csv'))) gen(['--only', 'd']);
if (runs(7) && !existsSync(join(data, 'wide-20mb.xlsx'))) gen(['--only', 'e']);

/** Runs the CLI `runs` times: median wall seconds and peak RSS (MB). `toFile`: stdout goes to that file (else nowhere). */
function cli(argv, runs = RUNS, toFile = null, { allowFailure = false } = {}) {
  const walls = [];
  const rss = [];
  for (let r = 0; r < runs; r++) {
    const stdout = toFile === null ? 'ignore' : openSync(toFile, 'w');
    const t = performance.now();
    const p = hasTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...argv], { encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 30 })
      : spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 30 });
    walls.push((performance.now() - t) / 1000);
    if (toFile !== null) closeSync(stdout);
    if (hasTime) rss.push(Number(p.stderr.trim().split('\n').pop()) / 1024);
    if (p.status !== 0 && p.status !== 3) {
      if (!allowFailure) throw new Error(`spc ${argv.join(' ')} failed: ${p.stderr}`);
      // Out of memory: V8's report on stderr; GNU time says the signal.
      const oom = /heap out of memory/.test(p.stderr);
      return { wall: walls[walls.length - 1], rss: rss.length ? Math.max(...rss) : null, failed: oom ? 'out of memory' : `exit ${p.status ?? p.signal}` };
    }
  }
  return { wall: median(walls), rss: rss.length ? Math.max(...rss) : null };
}

const results = [];
const row = (what, value, target, ok) => results.push({ what, value, target, ok });
const fmt = (x, d = 2) => x.toFixed(d);

// 1. Core throughput: XmR limits + every rule of the default preset over 10^7 points.
if (runs(1)) {
  const { analyseColumns, preset } = await import(join(root, 'dist', 'core', 'index.js'));
  const buf = readFileSync(join(data, 'series.f64'));
  const x = new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8);
  const rates = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    analyseColumns({ values: x }, { rules: preset('default'), direction: 'neutral' });
    rates.push(x.length / ((performance.now() - t) / 1000));
  }
  const rate = median(rates);
  row('1. core: XmR + default rules, 10^7 points', `${fmt(rate / 1e6, 1)} M points/s`, '>= 50 M/s', rate >= 50e6);
}

// 2-3. 1,000 measures x 120 points, with and without charts.
if (runs(2) || runs(3)) {
  const out = join(work, 'out');
  const a = cli(['analyse', join(data, 'measures-1000.csv'), '--out', out, '--quiet']);
  row('2. analyse 1,000 x 120 with --out (1,000 SVG charts, report)', `${fmt(a.wall)} s, ${a.rss ? fmt(a.rss, 0) + ' MB' : 'RSS n/a'}`, '<= 3 s, <= 500 MB', a.wall <= 3 && (a.rss ?? 0) <= 500);
  const bytes = spawnSync('du', ['-sb', join(out, 'charts')], { encoding: 'utf8' }).stdout.split('\t')[0];
  row('   SVG size', `${fmt(Number(bytes) / 1000 / 1000, 1)} KB per chart`, '', true);
  // The full-size determinism check: one worker gives the same bytes as the pool.
  const single = join(work, 'single');
  const s1 = cli(['analyse', join(data, 'measures-1000.csv'), '--out', single, '--quiet', '--jobs', '1'], 1);
  const same = spawnSync('diff', ['-r', '-q', out, single]).status === 0;
  row('   --jobs 1 (one thread)', `${fmt(s1.wall)} s; outputs ${same ? 'byte-identical to' : 'DIFFERENT from'} the pool's`, 'identical', same);
  const b = cli(['analyse', join(data, 'measures-1000.csv'), '--json', '--quiet'], RUNS, join(work, 'results.json'));
  row('3. the same without charts (--json to a file)', `${fmt(b.wall)} s, ${b.rss ? fmt(b.rss, 0) + ' MB' : 'RSS n/a'}`, '<= 0.5 s', b.wall <= 0.5);
  const c = cli(['analyse', join(data, 'measures-1000.csv'), '--csv', '--quiet'], RUNS, join(work, 'points.csv'));
  row('   without charts or simulation (--csv to a file)', `${fmt(c.wall)} s`, '', true);
  stageRows(join(data, 'measures-1000.csv'));
}

/** Runs bench/stages.mjs (each stage of one analyse run, timed in one process): ms per stage. */
function stages(argv) {
  const p = spawnSync(process.execPath, [join(root, 'bench', 'stages.mjs'), ...argv], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (p.status !== 0) throw new Error(`bench/stages.mjs failed: ${p.stderr}`);
  return JSON.parse(p.stdout.trim().split('\n').pop());
}

/** The 1,000-measure run split by stage: medians of RUNS runs without charts, and one run with them. */
function stageRows(file) {
  const runs = Array.from({ length: RUNS }, () => stages([file]));
  const ms = (stage) => median(runs.map((r) => r[stage]));
  const names = { reading: 'reading', analysis: 'analysis', simulation: 'simulation', document: 'document', json: 'JSON', csvs: 'CSVs', report: 'report' };
  const s = (x) => `${fmt(x / 1000)} s`;
  const split = Object.entries(names).map(([k, name]) => `${name} ${s(ms(k))}`).join(', ');
  const under = Object.keys(names).every((k) => ms(k) < 300);
  row('   its stages, timed in one process (bench/stages.mjs)', split, 'each < 0.3 s', under);
  const charts = stages([file, '--charts']);
  row('   with --out (2.): the charts, and the report with them inlined', `charts ${s(charts.charts)}, report ${s(charts.report)}`, '', true);
}

// 4. Aggregate on the street-level export, beside a plain read and csv-parse alone.
if (runs(4)) {
  const file = join(data, 'street.csv');
  const mb = statSync(file).size / 1e6;
  const plain = [];
  const csv = [];
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    let n = 0;
    for await (const c of createReadStream(file, { highWaterMark: 1 << 20 })) for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) n++;
    plain.push(mb / ((performance.now() - t) / 1000));
    if (r < Math.min(RUNS, 3)) {
      t = performance.now();
      for await (const rec of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ relax_column_count: true }))) n += rec.length > 0 ? 0 : 1;
      csv.push(mb / ((performance.now() - t) / 1000));
    }
  }
  const a = cli(['aggregate', file, '--quiet']);
  const rate = mb / a.wall;
  const plainRate = median(plain);
  row(`4. aggregate ${fmt(mb, 0)} MB street-level export`, `${fmt(rate, 0)} MB/s (${fmt((100 * rate) / plainRate, 0)} % of plain read), ${a.rss ? fmt(a.rss, 0) + ' MB RSS' : ''}`, '>= 150 MB/s and >= 40 %; RSS <= 200 MB', rate >= 150 && rate >= 0.4 * plainRate && (a.rss ?? 0) <= 200);
  row('   plain read counting newlines', `${fmt(plainRate, 0)} MB/s`, '', true);
  row('   csv-parse alone', `${fmt(median(csv), 0)} MB/s`, '', true);
  // Flat memory: the same on a quarter of the file.
  const quarter = join(work, 'quarter.csv');
  const text = readFileSync(file);
  writeFileSync(quarter, text.subarray(0, text.indexOf(10, Math.floor(text.length / 4)) + 1));
  const q = cli(['aggregate', quarter, '--quiet'], 1);
  row('   peak RSS on a quarter of the file', q.rss ? `${fmt(q.rss, 0)} MB (full file: ${fmt(a.rss, 0)} MB)` : 'n/a', 'flat', q.rss === null || a.rss <= q.rss * 1.5);
}

// 5. Start-up.
if (runs(5)) {
  const help = cli(['--help'], RUNS);
  row('5. spc --help', `${fmt(help.wall * 1000, 0)} ms`, '<= 100 ms', help.wall <= 0.1);
  const one = join(work, 'one.csv');
  const lines = readFileSync(join(data, 'measures-1000.csv'), 'utf8').split('\n');
  writeFileSync(one, [lines[0], ...lines.slice(1, 61)].join('\n') + '\n');
  const a = cli(['analyse', one], RUNS);
  row('   spc analyse of one 60-point measure to the terminal', `${fmt(a.wall * 1000, 0)} ms`, '<= 200 ms', a.wall <= 0.2);
}

// 6. Scaling, end to end with --out.
if (runs(6)) {
  const sizes = quick ? [10, 100, 1000] : [10, 100, 1000, 5000];
  const per = [];
  for (const n of sizes) {
    const a = cli(['analyse', join(data, `measures-${n}.csv`), '--out', join(work, `s${n}`), '--quiet'], n >= 5000 ? Math.min(RUNS, 3) : RUNS);
    per.push(`${n}: ${fmt(a.wall)} s (${fmt((a.wall * 1000) / n, 1)} ms/measure)`);
  }
  row('6. scaling, end to end with --out', per.join('; '), 'linear', true);
}

// 7. Wide tables: a 50 MB CSV and a 20 MB workbook to the terminal (the table on stdout, discarded).
if (runs(7)) {
  const WIDE_RUNS = Math.min(RUNS, 3);
  const wide = (file, label, budget) => {
    const mb = statSync(file).size / 1e6;
    const a = cli(['analyse', file, '--quiet'], WIDE_RUNS, null, { allowFailure: true });
    const value = a.failed
      ? `did not finish: ${a.failed} after ${fmt(a.wall, 1)} s, ${a.rss ? fmt(a.rss, 0) + ' MB' : 'RSS n/a'}`
      : `${fmt(a.wall, 1)} s (${fmt(mb / a.wall, 1)} MB/s), ${a.rss ? fmt(a.rss, 0) + ' MB' : 'RSS n/a'}`;
    row(label.replace('MB', `${fmt(mb, 0)} MB`), value, `<= ${budget.s} s, <= ${budget.mb / 1000} GB`, !a.failed && a.wall <= budget.s && (a.rss ?? 0) <= budget.mb);
  };
  wide(join(data, 'wide-50mb.csv'), '7. analyse a wide CSV, MB (400 measures x 28,000 days), to the terminal', { s: 10, mb: 1500 });
  wide(join(data, 'wide-20mb.xlsx'), '   the same from a MB workbook (300 measures x 12,800 days)', { s: 10, mb: 1500 });
}

rmSync(work, { recursive: true, force: true });

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);
const table = [
  `Measured ${date} on ${cpu} (${cpus().length} cores), Node ${process.version}, median of ${RUNS} runs${quick ? ' (--quick)' : ''}${only ? ` (cases ${[...only].join(', ')})` : ''}.`,
  '',
  '| benchmark | result | target | met |',
  '|---|---|---|---|',
  ...results.map((r) => `| ${r.what} | ${r.value} | ${r.target} | ${r.target ? (r.ok ? 'yes' : '**no**') : ''} |`),
].join('\n');
console.log(table);
const doc = join(root, 'docs', 'performance.md');
const BEGIN = '<!-- bench:begin -->';
const END = '<!-- bench:end -->';
if (existsSync(doc)) {
  const text = readFileSync(doc, 'utf8');
  if (text.includes(BEGIN) && text.includes(END)) {
    const inner = text.slice(text.indexOf(BEGIN) + BEGIN.length, text.indexOf(END));
    writeFileSync(doc, text.slice(0, text.indexOf(BEGIN) + BEGIN.length) + '\n' + (only ? merged(inner) : table) + '\n' + text.slice(text.indexOf(END)));
    console.log(`updated ${doc}`);
  }
}

/**
 * With --only: the table as it was, with the rows of the cases run replaced (a case is its numbered
 * row and the indented rows under it) and a line saying when they were measured.
 */
function merged(inner) {
  const lines = inner.trim().split('\n');
  const caseOf = [];
  let current = 0;
  for (const l of lines) {
    const m = /^\| (\d+)\./.exec(l);
    if (m) current = Number(m[1]);
    caseOf.push(l.startsWith('| ') && !l.startsWith('| benchmark') ? current : -1);
  }
  const fresh = (n) => table.split('\n').filter((l) => /^\| /.test(l) && !l.startsWith('| benchmark')).filter((_, i, all) => caseNumber(all, i) === n);
  const out = [];
  const done = new Set();
  for (let i = 0; i < lines.length; i++) {
    const n = caseOf[i];
    if (n > 0 && only.has(n)) {
      if (!done.has(n)) out.push(...fresh(n));
      done.add(n);
      continue;
    }
    out.push(lines[i]);
  }
  for (const n of [...only].sort((a, b) => a - b)) if (!done.has(n)) out.push(...fresh(n));
  out.push('', `Case${only.size > 1 ? 's' : ''} ${[...only].join(', ')} measured ${date} on ${cpu} (${cpus().length} cores), Node ${process.version}, median of ${Math.min(RUNS, 3)} runs (\`--only\`); the others as above.`);
  return out.join('\n');
}

/** The case number of the i-th row of a table's rows (an indented row belongs to the case above). */
function caseNumber(rows, i) {
  for (let k = i; k >= 0; k--) {
    const m = /^\| (\d+)\./.exec(rows[k]);
    if (m) return Number(m[1]);
  }
  return 0;
}
