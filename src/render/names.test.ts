/** Safe file names from measure names. */
import { describe, expect, it } from 'vitest';
import { slug, uniqueSlugs } from './names.js';

describe('file names from measure names', () => {
  it.each([
    ['Most serious violence', 'most-serious-violence'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['..', 'measure'],
    ['CON', 'con-measure'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
  ])('%s -> %s', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });
  it('limits length and keeps names unique', () => {
    expect(slug('x'.repeat(200))).toHaveLength(80);
    expect(uniqueSlugs(['A b', 'a-b', 'A  B'])).toEqual(['a-b', 'a-b-2', 'a-b-3']);
  });
});
