/**
 * The layers of issue 9 import one way only (core < io < model < render < cli < index.ts, with
 * version.ts a leaf anyone may import), and no files import each other in a cycle. The checker is
 * test/layers.ts; the first block holds it to a small example so that it can fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, layerOf, relativeImports, showPath, unlayeredFiles, upwardImports } from './layers.js';

describe('the layer checker', () => {
  const example = new Map([
    ['src/version.ts', 'export const v = 1;\n'],
    // A comment or a string that looks like an import is not one.
    ['src/core/a.ts', "// import { x } from '../cli/x.js';\nconst s = \"import '../cli/x.js'\";\nimport { b } from '../io/b.js';\n"],
    ['src/io/b.ts', "import type { C } from './c.js';\nimport { v } from '../version.js';\nexport const b = 1;\n"],
    ['src/io/c.ts', "export * from './b.js';\nexport type C = number;\n"],
    ['src/model/m.ts', "import {\n  b,\n} from '../io/b.js';\nimport './missing.js';\n"],
    ['src/cli/x.ts', "export async function run() {\n  return import('../model/m.js');\n}\n"],
    ['src/render/loop.ts', "import { self } from './loop.js';\nexport const self = 1;\n"],
    ['src/stray.ts', "import { run } from './cli/x.js';\n"],
  ]);

  it('finds static, type-only, re-exported and dynamic imports', () => {
    expect(relativeImports(example.get('src/io/b.ts')!)).toEqual(['./c.js', '../version.js']);
    expect(relativeImports(example.get('src/io/c.ts')!)).toEqual(['./b.js']);
    expect(relativeImports(example.get('src/model/m.ts')!)).toEqual(['../io/b.js', './missing.js']);
    expect(relativeImports(example.get('src/cli/x.ts')!)).toEqual(['../model/m.js']);
    expect(relativeImports(example.get('src/core/a.ts')!)).toEqual(['../io/b.js']);
  });

  it('assigns layers by top directory', () => {
    expect(['src/index.ts', 'src/version.ts', 'src/core/a.ts', 'src/model/m.ts', 'src/cli/x.ts', 'src/stray.ts'].map(layerOf)).toEqual([
      'index',
      'leaf',
      'core',
      'model',
      'cli',
      null,
    ]);
  });

  it('catches an upward import, a cycle, a file in no layer and an import of no file', () => {
    const { graph, unresolved } = importGraph(example);
    expect(upwardImports(graph)).toEqual(['src/core/a.ts → src/io/b.ts', 'src/stray.ts → src/cli/x.ts']);
    expect(importCycles(graph).map((c) => showPath(c.path))).toEqual([
      'src/io/b.ts → src/io/c.ts → src/io/b.ts',
      'src/render/loop.ts → src/render/loop.ts',
    ]);
    expect(unlayeredFiles(graph)).toEqual(['src/stray.ts']);
    expect(unresolved).toEqual(['src/model/m.ts → ./missing.js']);
  });

  it('reports one cycle per group of files that import each other', () => {
    const ring = new Map([
      ['src/core/p.ts', "import './q.js';\nimport './s.js';"],
      ['src/core/q.ts', "import './r.js';"],
      ['src/core/r.ts', "import './p.js';"],
      ['src/core/s.ts', "import './p.js';"],
    ]);
    const cycles = importCycles(importGraph(ring).graph);
    expect(cycles).toHaveLength(1);
    expect(cycles[0].files).toEqual(['src/core/p.ts', 'src/core/q.ts', 'src/core/r.ts', 'src/core/s.ts']);
    expect(showPath(cycles[0].path)).toBe('src/core/p.ts → src/core/s.ts → src/core/p.ts');
  });
});

describe('the layers of src/', () => {
  const root = new URL('../src/', import.meta.url);
  const sources = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const path = entry.split('\\').join('/');
    if (path.endsWith('.ts') && !path.endsWith('.test.ts')) sources.set(`src/${path}`, readFileSync(new URL(path, root), 'utf8'));
  }
  const { graph, unresolved } = importGraph(sources);

  it('every file is in a layer and every relative import names a file', () => {
    expect(graph.size).toBeGreaterThan(30);
    expect(unlayeredFiles(graph), 'files outside core, io, model, render and cli').toEqual([]);
    expect(unresolved, 'imports of no file').toEqual([]);
  });

  it('no file imports a layer above its own', () => {
    const upward = upwardImports(graph);
    expect(upward, `imports from a higher layer:\n${upward.join('\n')}`).toEqual([]);
  });

  it('no files import each other in a cycle', () => {
    const cycles = importCycles(graph).map((c) => showPath(c.path));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });
});
