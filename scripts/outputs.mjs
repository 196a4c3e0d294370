#!/usr/bin/env node
/**
 * Writes the outputs that must not change across a refactor (results.json, points.csv,
 * summary.csv, report.md) for a matrix of cases, or compares two such trees.
 *
 *   node scripts/outputs.mjs write DIR [--bench]   run every case with dist/ into DIR/<case>/
 *   node scripts/outputs.mjs diff A B              compare two trees, ignoring the additive fields
 *   node scripts/outputs.mjs digests DIR           SHA-256 of each normalised output (test/golden/outputs.json)
 *
 * The additive fields of issue 9 (a measure's `spans` and `granularity`) and the tool's version are
 * removed from results.json before comparing; everything else must be byte-identical. `--bench` adds the
 * 1,000-measure benchmark input (bench/data/measures-1000.csv; `node bench/gen.mjs --only a`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Relative to the project root (the CLI runs there), so that `source` is the same in every clone.
const FIXTURE = 'fixtures/community-safety.csv';
const PACK = 'test/fixtures/pack';

/** Every case: a name and the arguments after `spc analyse`. */
export const CASES = [
  ['default', [FIXTURE]],
  ['mdc', [FIXTURE, '--rules', 'mdc']],
  ['ptd', [FIXTURE, '--rules', 'ptd', '--direction', 'higher-is-better']],
  ['nelson', [FIXTURE, '--rules', 'nelson', '--direction', 'lower-is-better']],
  ['western-electric', [FIXTURE, '--rules', 'western-electric']],
  ['anhoej', [FIXTURE, '--rules', 'anhoej']],
  ['run', [FIXTURE, '--chart', 'run']],
  ['mr-baseline', [FIXTURE, '--chart', 'mr', '--baseline', '20']],
  ['c', [FIXTURE, '--chart', 'c', '--lcl-floor', '0']],
  ['g', [FIXTURE, '--chart', 'g']],
  ['t', [FIXTURE, '--chart', 't', '--keep-going']],
  ['median-mr', [FIXTURE, '--sigma', 'median-mr', '--screen-mr', '--phase', '2019-04', '--exclude', '2017-01']],
  ['baseline', [FIXTURE, '--baseline', '24', '--target', '100', '--multiply', '100']],
  ['overrides', [FIXTURE, '--rule', 'alternating-mode=updown', '--rule', 'hugging=12', '--rule', 'mixture=6', '--rule', 'near-limit-1sigma=4of5', '--rule', 'conflict=precedence', '--rule', 'runs-cross-phases=yes']],
  ['pack', [join(PACK, 'pack.csv'), '--config', join(PACK, 'spc.config.yaml')]],
];

function write(dir, bench = false) {
  const cli = join(root, 'bin/spc.js');
  const cases = [...CASES];
  const benchInput = 'bench/data/measures-1000.csv';
  if (bench) {
    if (!existsSync(join(root, benchInput))) throw new Error('no bench/data/measures-1000.csv: run node bench/gen.mjs --only a');
    cases.push(['bench', [benchInput]]);
  }
  for (const [name, args] of cases) {
    const out = join(dir, name);
    mkdirSync(out, { recursive: true });
    const r = spawnSync(process.execPath, [cli, 'analyse', ...args, '--out', out, '--date', '2026-01-01', '--jobs', '1'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    // --keep-going exits 1 after writing what it could; anything else without results is a failure.
    if (!existsSync(join(out, 'results.json'))) throw new Error(`${name}: no results.json\n${r.stderr}`);
  }
}

const FILES = ['results.json', 'points.csv', 'summary.csv', 'report.md'];

/** results.json without the additive fields. */
export function normalise(file, text) {
  if (file !== 'results.json') return text;
  const doc = JSON.parse(text);
  doc.tool.version = 'any';
  for (const m of doc.measures) {
    delete m.spans;
    delete m.granularity;
  }
  return JSON.stringify(doc, null, 2);
}

function diff(a, b) {
  let differences = 0;
  for (const name of readdirSync(a).sort()) {
    for (const file of FILES) {
      const pa = join(a, name, file);
      const pb = join(b, name, file);
      if (!existsSync(pb)) {
        console.log(`${name}/${file}: missing in ${b}`);
        differences++;
        continue;
      }
      const ta = normalise(file, readFileSync(pa, 'utf8'));
      const tb = normalise(file, readFileSync(pb, 'utf8'));
      if (ta !== tb) {
        const la = ta.split('\n');
        const lb = tb.split('\n');
        const at = la.findIndex((l, i) => l !== lb[i]);
        console.log(`${name}/${file}: differs from line ${at + 1}\n  - ${la[at]}\n  + ${lb[at]}`);
        differences++;
      }
    }
  }
  console.log(differences === 0 ? 'outputs identical (apart from the additive fields)' : `${differences} file(s) differ`);
  return differences;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, x, y] = process.argv.slice(2);
  if (cmd === 'write') write(x, process.argv.includes('--bench'));
  else if (cmd === 'digests') digests(x).then((d) => process.stdout.write(JSON.stringify(d, null, 2) + '\n'));
  else if (cmd === 'diff') process.exitCode = diff(x, y) ? 1 : 0;
  else {
    console.error('usage: outputs.mjs write DIR [--bench] | diff A B');
    process.exitCode = 2;
  }
}

/** SHA-256 of each normalised output of each case under DIR: { case: { file: hex } }. */
export async function digests(dir, names = CASES.map(([n]) => n)) {
  const { createHash } = await import('node:crypto');
  const out = {};
  for (const name of names) {
    out[name] = {};
    for (const file of FILES) {
      const text = normalise(file, readFileSync(join(dir, name, file), 'utf8'));
      out[name][file] = createHash('sha256').update(text).digest('hex');
    }
  }
  return out;
}

export { write, diff, FILES };
