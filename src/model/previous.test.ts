/** The result document read back (`--previous`): what model/previous.ts accepts and refuses. */
import { describe, expect, it } from 'vitest';
import { previousFromJson } from './previous.js';

describe('previousFromJson', () => {
  it('accepts a result document of schema version 1', () => {
    const doc = { schemaVersion: 1, tool: { name: 'spc', version: 'x' }, measures: [{ measure: 'A', rules: {}, points: [{ date: '2020-01-01', signals: [] }] }] };
    // A document without granularity (spc 0.1) gets it from its periods: one dated point, a day.
    expect(previousFromJson(JSON.stringify(doc))).toEqual({ ...doc, measures: [{ ...doc.measures[0], granularity: 'day' }] });
    const withIt = { ...doc, measures: [{ ...doc.measures[0], granularity: 'month' }] };
    expect(previousFromJson(JSON.stringify(withIt))).toEqual(withIt);
  });

  it('infers the granularity of an spc 0.1 document from its period labels', () => {
    const points = ['2020-Q1', '2020-Q2', '2020-Q3'].map((period, i) => ({ period, date: `2020-${String(3 * i + 1).padStart(2, '0')}-01`, signals: [] }));
    const doc = { schemaVersion: 1, tool: { name: 'spc', version: '0.1.0' }, measures: [{ measure: 'A', rules: {}, points }] };
    expect(previousFromJson(JSON.stringify(doc)).measures[0].granularity).toBe('quarter');
  });

  it('refuses what is not one, saying why', () => {
    expect(() => previousFromJson('not json')).toThrow(/not JSON/);
    expect(() => previousFromJson('null')).toThrow(/no "measures" list/);
    expect(() => previousFromJson('{"schemaVersion":1}')).toThrow(/no "measures" list/);
    expect(() => previousFromJson('{"schemaVersion":2,"measures":[]}')).toThrow(/^schemaVersion 2: expected 1$/);
    expect(() => previousFromJson('{"schemaVersion":1,"measures":[{"measure":"x","points":[],"rules":null}]}')).toThrow(/without a name, points or rules/);
    expect(() => previousFromJson('{"schemaVersion":1,"measures":[{"measure":"x","points":[{"date":"2020-01-01"}],"rules":{}}]}')).toThrow(
      'measure "x": a point without a date or signals',
    );
  });
});
