/**
 * The layer checker behind test/layers.test.ts. The layers of src/ import one way only:
 *
 *   version.ts (a leaf) < core < io < model < render < cli < index.ts
 *
 * A file may import its own layer and the layers below it. Pure: it takes the files' text by path
 * (`src/...`, forward slashes) and reads no disk; TypeScript's own pre-processor finds the imports,
 * so comments and strings that look like imports are not taken for them.
 */
import { posix } from 'node:path';
import ts from 'typescript';

/** The layers, lowest first. */
export const LAYERS = ['leaf', 'core', 'io', 'model', 'render', 'cli', 'index'] as const;
export type Layer = (typeof LAYERS)[number];

const DIRECTORIES: readonly Layer[] = ['core', 'io', 'model', 'render', 'cli'];

/** A file's layer: src/index.ts is the top, src/version.ts a leaf, any other its top directory; null for a file in none. */
export function layerOf(file: string): Layer | null {
  if (file === 'src/index.ts') return 'index';
  if (file === 'src/version.ts') return 'leaf';
  const top = /^src\/([^/]+)\//.exec(file)?.[1];
  return DIRECTORIES.find((d) => d === top) ?? null;
}

/** The relative modules a source imports: static imports and re-exports (type-only ones too) and dynamic `import()`. */
export function relativeImports(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('./') || name.startsWith('../'));
}

/** The file a specifier names among `files`: './x.js' is x.ts (ES module style), else x, x.ts or x/index.ts. */
export function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, `${base}/index.ts`];
  return candidates.find((c) => files.has(c)) ?? null;
}

export type Graph = ReadonlyMap<string, readonly string[]>;

/** Each file's imports resolved to files, and the imports that name no file ("src/x.ts → ./y.js"). */
export function importGraph(sources: ReadonlyMap<string, string>): { graph: Graph; unresolved: string[] } {
  const files = new Set(sources.keys());
  const graph = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const [file, text] of sources) {
    const targets: string[] = [];
    for (const specifier of relativeImports(text)) {
      const target = resolveImport(file, specifier, files);
      if (target === null) unresolved.push(`${file} → ${specifier}`);
      else if (!targets.includes(target)) targets.push(target);
    }
    graph.set(file, targets);
  }
  return { graph, unresolved };
}

/** Files of the graph in no layer (outside the layer directories, other than index.ts and version.ts). */
export function unlayeredFiles(graph: Graph): string[] {
  return [...graph.keys()].filter((f) => layerOf(f) === null).sort();
}

/** Every import of a file from a layer above its own, as "src/x.ts → src/y.ts". */
export function upwardImports(graph: Graph): string[] {
  const rank = (file: string) => {
    const layer = layerOf(file);
    return layer === null ? -1 : LAYERS.indexOf(layer);
  };
  const out: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) if (rank(target) > rank(file)) out.push(`${file} → ${target}`);
  }
  return out.sort();
}

export interface ImportCycle {
  /** The files of one strongly connected component, sorted. */
  readonly files: readonly string[];
  /** One cycle through its first file, ending where it starts. */
  readonly path: readonly string[];
}

/** One cycle for each group of files that import each other (a strongly connected component, or a file importing itself). */
export function importCycles(graph: Graph): ImportCycle[] {
  return components(graph)
    .filter((c) => c.length > 1 || (graph.get(c[0]) ?? []).includes(c[0]))
    .map((files) => ({ files, path: cycleThrough(files[0], new Set(files), graph) }))
    .sort((a, b) => (a.files[0] < b.files[0] ? -1 : 1));
}

/** Tarjan's strongly connected components, each sorted. */
function components(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    out.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** The shortest cycle from `start` back to it through `members` (breadth first). */
function cycleThrough(start: string, members: ReadonlySet<string>, graph: Graph): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let k = 0; k < queue.length; k++) {
    const v = queue[k];
    for (const w of graph.get(v) ?? []) {
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = parent.get(u)!) path.splice(1, 0, u);
        return [...path, start];
      }
      if (members.has(w) && !parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  throw new Error(`${start} is on no cycle`);
}

/** "a → b → a" */
export function showPath(path: readonly string[]): string {
  return path.join(' → ');
}
