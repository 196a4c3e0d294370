/**
 * Atomic output: every file is written to a temporary file in the same directory and renamed into
 * place, so a reader (or a run that fails half-way) never sees a half-written file.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

let counter = 0;
const TEMP = /^\.\d+-[0-9a-z]+-\d+\.spc\.tmp$/;

/** Removes temporary files that a killed run left in `dir` (they are never complete outputs). */
export function removeStaleTemporaries(dir: string): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (TEMP.test(name)) {
      rmSync(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${process.pid}-${Date.now().toString(36)}-${counter++}.spc.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes all of `buf` (a write may take only part of it). */
function writeAll(fd: number, buf: Uint8Array): void {
  for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at, buf.length - at);
}

/**
 * The UTF-8 bytes of a text given in pieces, in chunks of at most `size` bytes (a piece longer than
 * a chunk is a chunk of its own): no piece is joined with another into a string. Each chunk is a
 * buffer of its own, so a chunk handed to an asynchronous writer stays intact.
 */
export function* utf8Chunks(pieces: Iterable<string>, size = 1 << 20): Generator<Uint8Array> {
  let buf = Buffer.allocUnsafe(size);
  let used = 0;
  for (const piece of pieces) {
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    if (used + piece.length * 3 > size && used > 0) {
      yield buf.subarray(0, used);
      buf = Buffer.allocUnsafe(size);
      used = 0;
    }
    if (piece.length * 3 > size) yield Buffer.from(piece, 'utf8');
    else used += buf.write(piece, used, 'utf8');
  }
  if (used > 0) yield buf.subarray(0, used);
}

/** Writes text given in pieces to an open file as UTF-8, a chunk of `size` bytes at a time. */
export function writePieces(fd: number, pieces: Iterable<string>, size = 1 << 20): void {
  for (const chunk of utf8Chunks(pieces, size)) writeAll(fd, chunk);
}

/**
 * Outputs staged one by one and published together: each file is written to a temporary file in
 * its directory as soon as it is ready (so its text can be dropped from memory), and `commit`
 * renames them all into place. Until then no output is replaced; `abort` removes the temporaries
 * (and a killed run's leftovers are removed by the next run). Every output file is therefore
 * either the previous complete version or the new complete one.
 */
export interface StagedOutputs {
  stage(rel: string, data: string | Uint8Array): void;
  /** Stages a text written piece by piece as the pieces are made (a large text is never held whole). */
  stagePieces(rel: string, pieces: Iterable<string>): void;
  commit(): string[];
  abort(): void;
}

export function stageOutputs(dir: string): StagedOutputs {
  const root = resolve(dir);
  const staged: { tmp: string; target: string }[] = [];
  const cleaned = new Set<string>();
  /** The temporary file of an output, listed before it is written so that abort removes it. */
  const temporary = (rel: string): string => {
    const target = resolve(root, rel);
    if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside ${dir}: ${rel}`);
    const d = dirname(target);
    mkdirSync(d, { recursive: true });
    if (!cleaned.has(d)) {
      removeStaleTemporaries(d);
      cleaned.add(d);
    }
    const tmp = join(d, `.${process.pid}-${Date.now().toString(36)}-${counter++}.spc.tmp`);
    staged.push({ tmp, target });
    return tmp;
  };
  return {
    stage(rel, data) {
      writeFileSync(temporary(rel), data);
    },
    stagePieces(rel, pieces) {
      const fd = openSync(temporary(rel), 'w');
      try {
        writePieces(fd, pieces);
      } finally {
        closeSync(fd);
      }
    },
    commit() {
      for (const { tmp, target } of staged) renameSync(tmp, target);
      const written = staged.map((s) => s.target);
      staged.length = 0;
      return written;
    },
    abort() {
      for (const { tmp } of staged) rmSync(tmp, { force: true });
      staged.length = 0;
    },
  };
}
