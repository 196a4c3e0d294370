/**
 * What --json and --csv write to stdout: the same bytes as results.json and points.csv (the command
 * writes them in chunks as bytes; in process, with a stdout that takes text only, as text).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'spc.js');
const fixture = join(root, 'fixtures', 'community-safety.csv');
const work = mkdtempSync(join(tmpdir(), 'spc-stdout-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('stdout of --json and --csv', () => {
  it('--json and --csv on stdout are the bytes of results.json and points.csv, as bytes or as text', async () => {
    const out = join(work, 'stdout-vs-out');
    const json = spawnSync(process.execPath, [bin, 'analyse', fixture, '--json', '--out', out, '--date', '2026-01-01'], { cwd: work });
    expect(json.status).toBe(0);
    const results = readFileSync(join(out, 'results.json'));
    expect(json.stdout.equals(results)).toBe(true);
    expect(results.toString('utf8')).toBe(JSON.stringify(JSON.parse(results.toString('utf8')), null, 2) + '\n');
    const csv = spawnSync(process.execPath, [bin, 'analyse', fixture, '--csv'], { cwd: work });
    expect(csv.stdout.equals(readFileSync(join(out, 'points.csv')))).toBe(true);
    // In process, with a stdout that takes text only (no outBytes), the same text.
    const { main } = await import('../src/cli/main.js');
    let text = '';
    const io = { out: (s: string) => void (text += s), err: () => undefined };
    expect(await main(['analyse', fixture, '--json'], io)).toBe(0);
    expect(text).toBe(results.toString('utf8'));
  });
});
