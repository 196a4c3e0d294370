/** The width of chart text, from a fixed table of font metrics: the same on every machine. */
import { describe, expect, it } from 'vitest';
import { textWidth } from './chart-text-width.js';

describe('textWidth', () => {
  it('is a fixed estimate that depends only on text, size and weight', () => {
    const ab = textWidth({ fontSize: 10 }, 'ab');
    expect(ab).toBeGreaterThan(10); // two 0.556 em glyphs at 10 px, plus a little headroom
    expect(ab).toBeLessThan(12.5);
    expect(textWidth({ fontSize: 20 }, 'ab')).toBeCloseTo(2 * ab, 1);
    expect(textWidth({ fontSize: 10 }, ' ab ')).toBe(ab);
    expect(textWidth({ fontSize: 10 }, 'iii')).toBeLessThan(textWidth({ fontSize: 10 }, 'WWW'));
    expect(textWidth({ fontSize: 10, fontWeight: 'bold' }, 'ab')).toBeGreaterThan(ab);
    expect(textWidth({ fontSize: 10 }, '')).toBe(0);
    expect(textWidth({ fontSize: 10, limit: 5 }, 'abcdef')).toBe(5);
    // Combining marks take no room: the X-bar of chart titles is as wide as an X.
    expect(textWidth({ fontSize: 10 }, 'X\u0304')).toBe(textWidth({ fontSize: 10 }, 'X'));
  });
});
