/** Escaping text for the report's HTML and Markdown, and chart SVGs for inlining in HTML. */

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/**
 * Escapes text for Markdown: `&`, `<` and `>` as HTML entities (renderers pass raw HTML through),
 * the inline punctuation (backslash, backtick, `*`, `_`, `[`, `]`, `|`, `~`) with a backslash,
 * line breaks as spaces; with `lineStart` (text that starts a line or a list item) also a leading
 * block marker (`#`, `-`, `+`, `1.`). Other text is left as it is, so the Markdown stays readable.
 */
export function escapeMarkdown(s: string, lineStart = false): string {
  const out = s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
  if (!lineStart) return out;
  return out.replace(/^(\s*)([#+-]|\d+(?=[.)]))/, (_a, sp: string, c: string) => (/^\d/.test(c) ? `${sp}${c}\\` : `${sp}\\${c}`));
}

/** A relative path as a Markdown link destination: each segment percent-encoded where needed. */
export function markdownPath(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/**
 * Makes a chart SVG fit for inlining: drops the root's xmlns declarations (HTML puts inline SVG in
 * the SVG namespace itself, and the report then names no URL in any attribute) and gives every id
 * a per-chart prefix so that charts never share an id.
 */
export function inlineSvg(svg: string, prefix: string): string {
  const out = svg
    .replace(/^\s*<\?xml[^>]*\?>\s*/, '')
    .replace(/^\s*<svg\b[^>]*>/, (root) => root.replace(/\s+xmlns(?::\w+)?="[^"]*"/g, ''));
  const ids = [...out.matchAll(/\sid="([^"]+)"/g)].map((x) => x[1]);
  if (ids.length === 0) return out;
  const known = new Set(ids);
  const p = (id: string) => (known.has(id) ? `${prefix}-${id}` : id);
  return out
    .replace(/(\sid=")([^"]+)"/g, (_a, pre: string, id: string) => `${pre}${p(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_a, id: string) => `url(#${p(id)})`)
    .replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, (_a, pre: string, id: string) => `${pre}#${p(id)}"`);
}
