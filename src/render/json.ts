/**
 * JSON text in pieces: exactly the text of `JSON.stringify(value, null, 2)`, produced as a sequence
 * of strings so that a large document (the 1,000-measure result document is ~80 MB) can be written
 * out piece by piece instead of as one string.
 *
 * The outer levels are laid out here; each value below them is handed to
 * `JSON.stringify(v, null, 2)` at its depth. That is exact because pretty-printed JSON has a line
 * break only between tokens (a line break inside a string is written `\n`), so a nested value's text
 * is its own text with every line after the first indented by its depth.
 */

/** Whether `v` is laid out here: an array, or a plain object, without a `toJSON` of its own. */
function laidOutHere(v: unknown): v is Record<string, unknown> | unknown[] {
  if (typeof v !== 'object' || v === null) return false;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  return Array.isArray(v) || Object.prototype.toString.call(v) === '[object Object]';
}

/**
 * The text of a value below the laid-out levels, `depth` levels in; undefined where JSON.stringify
 * omits it. An array or object is stringified inside `depth` arrays, which indents it as it stands
 * in the document, and taken out of them (no second pass over its text); a value with `toJSON` is
 * stringified alone and re-indented.
 */
function leafText(v: unknown, depth: number): string | undefined {
  if (depth > 0 && typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
    let wrapped = v;
    for (let k = 0; k < depth; k++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    // '[\n' plus 2k spaces for k = 1..depth before it; '\n' plus 2k spaces and ']' for k = depth-1..0 after.
    return text.slice(2 * depth + depth * (depth + 1), text.length - (2 * depth + depth * (depth - 1)));
  }
  const text = JSON.stringify(v, null, 2) as string | undefined;
  if (text === undefined || depth === 0 || text.indexOf('\n') < 0) return text;
  return text.replaceAll('\n', '\n' + '  '.repeat(depth));
}

/**
 * An array or object laid out over lines, `levels` levels deep (1: its members are leaves), one
 * member at a time (a leaf's text is made only when it is reached).
 */
function* containerPieces(v: Record<string, unknown> | unknown[], depth: number, levels: number): Generator<string> {
  const indent = '  '.repeat(depth);
  const inner = indent + '  ';
  const keys = Array.isArray(v) ? null : Object.keys(v);
  const [open, close] = keys === null ? ['[', ']'] : ['{', '}'];
  const n = keys === null ? (v as unknown[]).length : keys.length;
  let first = true;
  for (let k = 0; k < n; k++) {
    const key = keys === null ? null : keys[k];
    const x = key === null ? (v as unknown[])[k] : (v as Record<string, unknown>)[key];
    const container = levels > 1 && laidOutHere(x);
    const text = container ? '' : leafText(x, depth + 1);
    // An object member JSON.stringify omits (undefined, a function) is left out; in an array it is null.
    if (text === undefined && key !== null) continue;
    yield (first ? open : ',') + '\n' + inner + (key === null ? '' : JSON.stringify(key) + ': ');
    first = false;
    if (container) yield* containerPieces(x, depth + 1, levels - 1);
    else yield text ?? 'null';
  }
  yield first ? open + close : '\n' + indent + close;
}

/**
 * The pieces of `JSON.stringify(value, null, 2)`, in order (nothing for a value JSON.stringify
 * gives no text for, such as undefined). Arrays and plain objects `levels` levels deep are laid
 * out here and each value below them is one piece (levels 2 on the result document: the document,
 * its measures array, then one piece per measure). A value with a `toJSON` method is handed to
 * JSON.stringify, which calls it with the key ''.
 */
export function* jsonPieces(value: unknown, levels = 2): Generator<string> {
  if (laidOutHere(value)) yield* containerPieces(value, 0, Math.max(1, levels));
  else {
    const text = leafText(value, 0);
    if (text !== undefined) yield text;
  }
}

/** Pieces joined into chunks of about `size` characters (fewer, larger writes). */
export function* chunked(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let buffer = '';
  for (const p of pieces) {
    buffer += p;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** A result document as results.json has it: its JSON text in pieces and a final newline. */
export function* documentJsonPieces(doc: unknown): Generator<string> {
  yield* jsonPieces(doc);
  yield '\n';
}
