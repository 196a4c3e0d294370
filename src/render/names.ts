/**
 * Safe, unique file names from measure names: names come from data and never become paths
 * unchecked. A slug has only [a-z0-9-], no separators, no `..`, no reserved device names, and at
 * most 80 characters; clashes get -2, -3, ...
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function slug(name: string, max = 80): string {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  if (s === '') s = 'measure';
  if (RESERVED.test(s)) s = `${s}-measure`;
  return s;
}

/** One unique slug per name, in order. */
export function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = slug(n);
    let s = base;
    for (let k = 2; used.has(s); k++) s = `${base}-${k}`;
    used.add(s);
    return s;
  });
}
