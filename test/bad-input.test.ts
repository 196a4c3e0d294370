/**
 * The malformed-input corpus: every file under test/fixtures/bad/ is one kind of mistake, and
 * test/fixtures/bad/cases.json says what `spc` must answer. Each case runs `bin/spc.js` as a
 * process (it needs the build in dist/; `npm test` builds first) with the fixture folder as the
 * working directory, so the file names in the messages are the short relative ones.
 *
 * The contract checked for every case: the exit code; a first stderr line equal to the expected
 * one (or starting with it, when the expectation ends with "…"); nothing else on stderr (no stack
 * trace) but the lines the case lists in `stderrRest`; no control characters in the message;
 * nothing on stdout; and, for cases with `out`, no output directory. Cases marked `knownBug`
 * describe the behaviour we want and are skipped until src/ is fixed (their `bug` says what
 * happens today); docs/errors.md explains every message to analysts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

interface BadCase {
  readonly id: string;
  readonly command: 'analyse' | 'aggregate';
  /** Relative to test/fixtures/bad. */
  readonly file: string;
  /** Extra arguments after the file. */
  readonly args: readonly string[];
  readonly exit: 1 | 2;
  /** The whole first line of stderr, or its beginning followed by "…". */
  readonly stderr: string;
  /** The kind of mistake. */
  readonly why: string;
  /** Lines expected after the first (commander's usage hint). */
  readonly stderrRest?: readonly string[];
  /** Also pass `--out DIR` and check that DIR is not created. */
  readonly out?: boolean;
  /** The file must not exist (missing-file cases). */
  readonly absent?: boolean;
  /** The expectation is the behaviour we want; today's behaviour is described in `bug`. */
  readonly knownBug?: boolean;
  readonly bug?: string;
}

const bin = fileURLToPath(new URL('../bin/spc.js', import.meta.url));
const dir = fileURLToPath(new URL('./fixtures/bad/', import.meta.url));
const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as BadCase[];
const work = mkdtempSync(join(tmpdir(), 'spc-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ELLIPSIS = '…';
/** C0 controls other than tab and newline, DEL, and C1 controls: none belongs in a message. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function run(args: readonly string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('the bad-input manifest', () => {
  it('has at least 40 distinct cases, each naming its kind of mistake', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.id, JSON.stringify(c)).toMatch(/^[a-z0-9-]+$/);
      expect(['analyse', 'aggregate']).toContain(c.command);
      expect([1, 2]).toContain(c.exit);
      expect(c.stderr.startsWith('error: '), c.id).toBe(true);
      expect(c.why.length, c.id).toBeGreaterThan(0);
      if (c.knownBug) expect(c.bug, `${c.id}: a knownBug case says what happens today`).toBeTruthy();
    }
  });

  it('names files that exist (except the missing-file cases) and uses every fixture', () => {
    const used = new Set<string>(['cases.json', '.gitattributes']);
    for (const c of cases) {
      expect(existsSync(join(dir, c.file)), `${c.id}: ${c.file}`).toBe(!c.absent);
      used.add(c.file);
      for (const a of c.args) used.add(a);
    }
    const unused = readdirSync(dir).filter((f) => !used.has(f));
    expect(unused, 'fixtures no case uses').toEqual([]);
  });
});

describe.concurrent('spc on malformed input', () => {
  const active = cases.filter((c) => !c.knownBug);
  const known = cases.filter((c) => c.knownBug);

  const check = async ({ id, command, file, args, exit, stderr, stderrRest = [], out }: BadCase) => {
    const outDir = join(work, id, 'out');
    const r = await run([command, file, ...args, ...(out ? ['--out', outDir] : [])]);
    const lines = r.err.split('\n');
    // The message ends with a newline; nothing follows it.
    expect(lines.pop(), 'stderr ends with a newline').toBe('');
    const [first, ...rest] = lines;
    if (stderr.endsWith(ELLIPSIS)) expect(first.startsWith(stderr.slice(0, -ELLIPSIS.length)), `stderr: ${r.err}`).toBe(true);
    else expect(first).toBe(stderr);
    expect(rest, 'nothing after the message (no stack trace)').toEqual(stderrRest);
    expect(CONTROL.test(r.err), `control characters in stderr: ${JSON.stringify(r.err)}`).toBe(false);
    expect(r.code, r.err).toBe(exit);
    expect(r.out, 'nothing on stdout').toBe('');
    if (out) expect(existsSync(outDir), 'no output directory after an error').toBe(false);
  };

  it.each(active.map((c) => [c.id, c] as const))('%s', async (_id, c) => check(c));
  if (known.length) it.skip.each(known.map((c) => [c.id, c] as const))('%s (known bug)', async (_id, c) => check(c));
});
