/** The result document read back (`--previous`): what model/previous.ts accepts and refuses. */
import { describe, expect, it } from 'vitest';
import { previousFromJson } from './previous.js';

describe('previousFromJson', () => {
  it('accepts a result document of schema version 1', () => {
    const doc = { schemaVersion: 1, tool: { name: 'spc', version: 'x' }, measures: [{ measure: 'A', rules: {}, points: [{ date: '2020-01-01', signals: [] }] }] };
    expect(previousFromJson(JSON.stringify(doc))).toEqual(doc);
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
