/** The plot's coordinates: the y domain widened to round tick steps, as Vega's `nice` would. */
import { describe, expect, it } from 'vitest';
import { niceDomain } from './chart-frame.js';

describe('niceDomain', () => {
  it('widens a domain to round steps like d3', () => {
    expect(niceDomain(0.1, 0.236)).toEqual([0.1, 0.24]);
    expect(niceDomain(3, 97)).toEqual([0, 100]);
    expect(niceDomain(-0.006, 0.3)).toEqual([-0.05, 0.3]);
  });
});
