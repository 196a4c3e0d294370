/**
 * Atomic output (write.ts): a file is replaced whole, staged outputs replace nothing until commit,
 * and a killed run's temporaries are removed. The CLI killed part-way is test/atomic.test.ts.
 */
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleTemporaries, stageOutputs, utf8Chunks, writeFileAtomic, writePieces } from './write.js';

const fixture = fileURLToPath(new URL('../../fixtures/community-safety.csv', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'spc-write-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

describe('atomic outputs', () => {
  it('writeFileAtomic replaces a file whole and leaves no temporary file', () => {
    const p = join(work, 'a.txt');
    writeFileAtomic(p, 'one');
    writeFileAtomic(p, 'two');
    expect(readFileSync(p, 'utf8')).toBe('two');
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('staged outputs replace nothing until commit; abort leaves the old files and no temporaries', () => {
    const d = join(work, 'staged');
    const keep = join(d, 'results.json');
    writeFileAtomic(keep, 'old');
    const a = stageOutputs(d);
    a.stage('results.json', 'new');
    a.stage('charts/x.svg', '<svg/>');
    expect(readFileSync(keep, 'utf8')).toBe('old');
    a.abort();
    expect(readFileSync(keep, 'utf8')).toBe('old');
    expect(existsSync(join(d, 'charts', 'x.svg'))).toBe(false);
    expect(files(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const b = stageOutputs(d);
    b.stage('results.json', 'new');
    b.stage('charts/x.svg', '<svg/>');
    b.commit();
    expect(readFileSync(keep, 'utf8')).toBe('new');
    expect(files(d)).toEqual(['charts/x.svg', 'results.json']);
    expect(() => stageOutputs(d).stage('../escape.txt', 'x')).toThrow(/outside/);
  });

  it('stale temporaries of a killed run are removed', () => {
    const d = join(work, 'stale');
    cpSync(fixture, join(d, 'keep.csv'), { recursive: true });
    writeFileSync(join(d, '.123-abc-0.spc.tmp'), 'half');
    expect(removeStaleTemporaries(d)).toBe(1);
    expect(readdirSync(d)).toEqual(['keep.csv']);
  });
});

describe('writing in pieces', () => {
  it('writePieces writes the pieces as the UTF-8 of their joined text, across buffer boundaries', () => {
    const pieces = ['plain ', 'é漢😀', 'x'.repeat(40), '\ud800 lone', '', '😀'.repeat(30), 'end\n'];
    for (const size of [8, 13, 64, 1 << 20]) {
      const p = join(work, `pieces-${size}.txt`);
      const fd = openSync(p, 'w');
      writePieces(fd, pieces, size);
      closeSync(fd);
      expect(readFileSync(p).equals(Buffer.from(pieces.join(''), 'utf8')), `buffer of ${size} bytes`).toBe(true);
    }
  });

  it('utf8Chunks gives chunks of at most the size, each its own buffer, a long piece whole', () => {
    const pieces = ['ab', 'é', 'x'.repeat(30), 'cd', '😀😀', 'e'];
    const chunks = [...utf8Chunks(pieces, 12)];
    // Kept chunks are still intact after the later ones were made (no buffer is reused).
    expect(Buffer.concat(chunks).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect(chunks.map((c) => Buffer.from(c).toString('utf8'))).toEqual(['abé', 'x'.repeat(30), 'cd', '😀😀e']);
    expect([...utf8Chunks([], 8)]).toEqual([]);
  });

  it('a file staged in pieces replaces nothing until commit; a failure part-way leaves no temporary after abort', () => {
    const d = join(work, 'pieces');
    const keep = join(d, 'results.json');
    writeFileAtomic(keep, 'old');
    const a = stageOutputs(d);
    function* failing() {
      yield 'half';
      throw new Error('no more');
    }
    expect(() => a.stagePieces('results.json', failing())).toThrow('no more');
    a.abort();
    expect(readFileSync(keep, 'utf8')).toBe('old');
    expect(files(d)).toEqual(['results.json']);
    const b = stageOutputs(d);
    b.stagePieces('results.json', ['{', '"a": ', '"é"', '}\n']);
    expect(readFileSync(keep, 'utf8')).toBe('old');
    b.commit();
    expect(readFileSync(keep, 'utf8')).toBe('{"a": "é"}\n');
    expect(files(d)).toEqual(['results.json']);
  });
});
