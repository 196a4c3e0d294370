/**
 * Atomic output: every file is written to a temporary file in the same directory and renamed into
 * place, so a reader (or a run that fails half-way) never sees a half-written file.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Writes a set of files below `dir`; refuses any relative path that would leave it. */
export function writeOutputs(dir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  const root = resolve(dir);
  const written: string[] = [];
  const dirs = new Set([root, ...[...files.keys()].map((rel) => dirname(resolve(root, rel)))]);
  for (const d of dirs) removeStaleTemporaries(d);
  for (const [rel, data] of files) {
    const target = resolve(root, rel);
    if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside ${dir}: ${rel}`);
    writeFileAtomic(target, data);
    written.push(target);
  }
  return written;
}
