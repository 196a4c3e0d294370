/**
 * fixtures/community-safety.csv: synthetic, seeded (scripts/gen-fixture.mjs). Pins which of the
 * plan's five signals each measure shows under the default preset, where the planted ones are,
 * and that the generator reproduces the committed file byte for byte.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseXmr, preset, RULE_IDS } from '../src/core/index.js';
import type { Direction, RuleId } from '../src/core/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const csvPath = fileURLToPath(new URL('../fixtures/community-safety.csv', import.meta.url));
const csv = readFileSync(csvPath, 'utf8');

interface Row {
  readonly phase: string;
  readonly period: string;
  readonly value: number | null;
  readonly note: string;
}

/** Long format, no quoted fields: measure,section,direction,phase,period,value,note. */
const series = new Map<string, Row[]>();
const directions = new Map<string, string>();
const [header, ...lines] = csv.trimEnd().split('\n');
for (const line of lines) {
  const [measure, , direction, phase, period, value, note] = line.split(',');
  directions.set(measure, direction);
  if (!series.has(measure)) series.set(measure, []);
  series.get(measure)!.push({ phase, period, value: value === '' ? null : Number(value), note });
}

/** Suggested directions (they do not change which rules fire, only how points are coloured). */
const DIRECTION: Record<string, Direction> = {
  'Most serious violence': 'lower-is-better',
  'Domestic abuse incidents': 'neutral',
  'Domestic violence protection notices': 'neutral',
  'Knife crime': 'lower-is-better',
  'Anti-social behaviour incidents': 'lower-is-better',
  'Drug-related deaths': 'lower-is-better',
  'People in drug and alcohol treatment': 'higher-is-better',
  'First-time entrants to youth justice': 'lower-is-better',
};

it('carries each measure\'s direction in its direction column', () => {
  expect(Object.fromEntries(directions)).toEqual(DIRECTION);
});

function analyse(measure: string, usePhases = true) {
  const rows = series.get(measure);
  if (!rows) throw new Error(`no measure ${measure}`);
  const phaseStarts: number[] = [];
  if (usePhases) for (let i = 1; i < rows.length; i++) if (rows[i].phase !== rows[i - 1].phase) phaseStarts.push(i);
  const analysis = analyseXmr(
    rows.map((r) => r.value),
    { rules: preset('default'), direction: DIRECTION[measure], phaseStarts },
  );
  return { rows, analysis };
}

/** Rule ids that fire anywhere on the measure, in contract order. */
function fired(measure: string, usePhases = true): RuleId[] {
  const { analysis } = analyse(measure, usePhases);
  const seen = new Set(analysis.points.flatMap((p) => p.signals));
  return RULE_IDS.filter((id) => seen.has(id));
}

/** Periods flagged by one rule. */
function flagged(measure: string, rule: RuleId): string[] {
  const { rows, analysis } = analyse(measure);
  return analysis.points.filter((p) => p.signals.includes(rule)).map((p) => rows[p.index].period);
}

/** Consecutive monthly labels from..to inclusive. */
function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    out.push(label);
    if (label === to) return out;
    if (++m > 12) [y, m] = [y + 1, 1];
    if (out.length > 1000) throw new Error('bad range');
  }
}

describe('community-safety fixture', () => {
  it('has 8 measures x 60 months, 2016-04 to 2021-03, whole numbers, one missing value', () => {
    expect(header).toBe('measure,section,direction,phase,period,value,note');
    expect(csv.includes('\r')).toBe(false);
    expect([...series.keys()]).toEqual(Object.keys(DIRECTION));
    for (const rows of series.values()) expect(rows.map((r) => r.period)).toEqual(months('2016-04', '2021-03'));
    const all = [...series.values()].flat();
    expect(all.every((r) => r.value === null || (Number.isInteger(r.value) && r.value >= 0))).toBe(true);
    const missing = [...series].flatMap(([m, rows]) => rows.filter((r) => r.value === null).map((r) => `${m} ${r.period}`));
    expect(missing).toEqual(['Knife crime 2017-10']);
    const withPhase = [...series].filter(([, rows]) => rows.some((r) => r.phase !== '')).map(([m]) => m);
    expect(withPhase).toEqual(['Domestic abuse incidents']);
    expect(analyse('Domestic abuse incidents').analysis.phases.map((p) => p.start)).toEqual([0, 24]);
    expect(all.filter((r) => r.note !== '').length).toBe(3);
  });

  it('fires exactly the planted signals per measure (default preset)', () => {
    expect(fired('Most serious violence')).toEqual(['trend']);
    expect(fired('Domestic abuse incidents')).toEqual([]);
    expect(fired('Domestic violence protection notices')).toEqual(['alternating']);
    expect(fired('Knife crime')).toEqual(['near-limit']);
    expect(fired('Anti-social behaviour incidents')).toEqual(['outside-limits']);
    expect(fired('Drug-related deaths')).toEqual([]);
    expect(fired('People in drug and alcohol treatment')).toEqual(['shift']);
    expect(fired('First-time entrants to youth justice')).toEqual([]);
  });

  it('places the planted signals where the generator says', () => {
    expect(flagged('Most serious violence', 'trend')).toEqual(months('2018-07', '2019-01'));
    expect(flagged('Domestic violence protection notices', 'alternating')).toEqual(months('2018-09', '2019-10'));
    expect(flagged('Knife crime', 'near-limit')).toEqual(months('2019-06', '2019-08'));
    expect(flagged('Anti-social behaviour incidents', 'outside-limits')).toEqual(['2020-04']);
    expect(flagged('People in drug and alcohol treatment', 'shift')).toEqual(months('2020-05', '2021-03'));
  });

  it('needs the recalculation: without phases the recording change is a shift', () => {
    expect(fired('Domestic abuse incidents', false)).toContain('shift');
  });

  it('regenerates byte for byte', () => {
    const out = spawnSync(process.execPath, ['scripts/gen-fixture.mjs'], { cwd: root });
    expect(out.status).toBe(0);
    expect(out.stderr.toString()).toBe('');
    expect(Buffer.compare(out.stdout, readFileSync(csvPath))).toBe(0);
  });
});
