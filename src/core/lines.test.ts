/** The one list of line keys, and the builders that must follow it. */
import { describe, expect, it } from 'vitest';
import { LINE_KEYS, LIMIT_LINE_KEYS, LOWER_LINE_KEYS, RULE_LINE_KEYS, linesOf, ruleLinesOf } from './lines.js';

describe('lines', () => {
  it('linesOf builds every line, in LINE_KEYS order', () => {
    expect(Object.keys(linesOf((k) => k))).toEqual([...LINE_KEYS]);
    expect(Object.values(linesOf((k) => k))).toEqual([...LINE_KEYS]);
  });

  it('ruleLinesOf builds every line but sigma, in RULE_LINE_KEYS order', () => {
    expect(Object.keys(ruleLinesOf((k) => k))).toEqual([...RULE_LINE_KEYS]);
    expect(RULE_LINE_KEYS).toEqual(LINE_KEYS.filter((k) => k !== 'sigma'));
  });

  it('the limit lines are all but the centre line; the lower lines are those a floor raises', () => {
    expect(LIMIT_LINE_KEYS).toEqual(LINE_KEYS.filter((k) => k !== 'centre'));
    expect(LOWER_LINE_KEYS).toEqual(['lcl', 'lower1', 'lower2']);
  });
});
