/**
 * The outputs that a refactor must not change: results.json, points.csv, summary.csv and report.md
 * of every case in scripts/outputs.mjs (the fixture under every preset and several chart types,
 * and the config-driven pack), compared by SHA-256 with test/golden/outputs.json after removing
 * the additive fields (a measure's `spans` and `granularity`) and the tool's version.
 *
 * The reference digests were written by the code before the issue-9 redesign (commit 5e688c3) and
 * changed since only where a documented fix changed a number (see test/golden/README.md). When a
 * digest differs, `node scripts/outputs.mjs write DIR` on both versions and `diff A B` shows where.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { CASES, digests, write } from '../scripts/outputs.mjs';

const expected = JSON.parse(readFileSync(new URL('./golden/outputs.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;

describe('outputs are unchanged on the fixture cases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spc-golden-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every case matches its reference digests', async () => {
    write(dir);
    const actual = await digests(dir);
    expect(Object.keys(actual).sort()).toEqual((CASES as [string][]).map(([n]) => n).sort());
    for (const [name, files] of Object.entries(actual as Record<string, Record<string, string>>)) {
      for (const [file, digest] of Object.entries(files)) expect(`${name}/${file} ${digest}`).toBe(`${name}/${file} ${expected[name]?.[file]}`);
    }
  }, 180_000);
});
