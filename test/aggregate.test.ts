/**
 * `spc aggregate` end to end, run as a process (`bin/spc.js` needs the build in dist/; `npm test`
 * builds first), on the synthetic street-level fixture (test/fixtures/street/, written by
 * scripts/gen-street.mjs) and, when it is there, on the real City of London data in
 * ../shared/data/police-uk/.
 *
 * Every expected count is computed here from the CSV files with a few lines of code of our own,
 * never with the project's reader or aggregator.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/spc.js', import.meta.url));
const generator = fileURLToPath(new URL('../scripts/gen-street.mjs', import.meta.url));
const STREET = 'test/fixtures/street';
const REAL = fileURLToPath(new URL('../../shared/data/police-uk/city-of-london-2017-2021', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'spc-aggregate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs a command (asynchronously, so the tests below can run side by side); `input` goes to stdin. */
function run(command: string, args: readonly string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input ?? '');
  });
}
const spc = (args: readonly string[], input?: string) => run(process.execPath, [bin, ...args], input);

/** `spc aggregate` runs shared by several tests (same arguments, one process). */
const aggregates = new Map<string, Promise<Run>>();
function aggregate(args: readonly string[]): Promise<Run> {
  const key = JSON.stringify(args);
  if (!aggregates.has(key)) aggregates.set(key, spc(['aggregate', ...args]));
  return aggregates.get(key)!;
}

/** One CSV line into fields: commas outside double quotes split, `""` inside quotes is a quote. */
function fields(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

type Rec = Record<string, string>;

/** Every record of the files, as header name -> field (no field of these files spans lines). */
function readRecords(paths: readonly string[]): Rec[] {
  return paths.flatMap((p) => {
    const [head, ...lines] = readFileSync(p, 'utf8').split('\n').filter((l) => l !== '');
    const names = fields(head);
    return lines.map((l) => Object.fromEntries(fields(l).map((f, i) => [names[i], f])));
  });
}

/** Month labels from `first` to `last` inclusive (YYYY-MM). */
function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    if (label > last) return out;
    out.push(label);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
}
const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(+month.slice(5) / 3)}`;
function financialQuarterOf(month: string): string {
  const y = +month.slice(0, 4);
  const m = +month.slice(5);
  const fy = m >= 4 ? y : y - 1;
  return `${fy}/${String((fy + 1) % 100).padStart(2, '0')} Q${Math.floor(((m + 8) % 12) / 3) + 1}`;
}
const yearOf = (month: string) => month.slice(0, 4);
const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/**
 * The CSV `spc aggregate` should write: a count per measure and period, measures in code-point
 * order, every period of `periods` for every measure (0 where there is no record).
 */
function expectedCsv(recs: readonly Rec[], measureOf: (r: Rec) => string, periodOf: (r: Rec) => string, periods: readonly string[]): string {
  const counts = new Map<string, Map<string, number>>();
  for (const r of recs) {
    const m = measureOf(r);
    const p = periodOf(r);
    if (!counts.has(m)) counts.set(m, new Map());
    counts.get(m)!.set(p, (counts.get(m)!.get(p) ?? 0) + 1);
  }
  const names = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = names.flatMap((n) => periods.map((p) => `${q(n)},${p},${counts.get(n)!.get(p) ?? 0}`));
  return ['measure,period,value', ...rows].join('\n') + '\n';
}

/** The rows of a long-format CSV (no quoted fields needed by the callers). */
const csvRows = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => fields(l));

interface Point {
  period: string;
  value: number;
  signals: string[];
  side: string | null;
  lcl: number;
  lower2sigma: number;
}
interface Measure {
  measure: string;
  points: Point[];
}

const streetNames = readdirSync(join(root, STREET))
  .filter((f) => f.endsWith('.csv'))
  .sort();
const streetFiles = streetNames.map((f) => `${STREET}/${f}`);
const streetByFile = new Map(streetNames.map((f) => [f, readRecords([join(root, STREET, f)])]));
const street = [...streetByFile.values()].flat();
const MONTHS = monthRange('2019-01', '2021-12');
const FORCES = ['Hampshire Constabulary', 'Surrey Police', 'Thames Valley Police'];
const byType = (r: Rec) => r['Crime type'];
const byMonth = (r: Rec) => r.Month;

describe.concurrent('the synthetic street-level fixture (scripts/gen-street.mjs)', () => {
  it('regenerates byte for byte', async () => {
    const dir = join(work, 'regenerated');
    const r = await run(process.execPath, [generator, dir]);
    expect(r.code, r.err).toBe(0);
    const names = readdirSync(dir).sort();
    expect(names).toEqual(streetNames);
    for (const name of names) expect(readFileSync(join(dir, name)).equals(readFileSync(join(root, STREET, name))), name).toBe(true);
  });

  it('is one small file per force per month in the police.uk layout, with its quirks', () => {
    expect(streetNames).toHaveLength(108);
    expect(streetNames.slice(0, 3)).toEqual(['2019-01-hampshire-street.csv', '2019-01-surrey-street.csv', '2019-01-thames-valley-street.csv']);
    const bytes = streetNames.reduce((s, f) => s + statSync(join(root, STREET, f)).size, 0);
    expect(bytes).toBeLessThan(1_000_000);
    expect(street.length).toBeGreaterThan(3000);
    expect(street.length).toBeLessThan(5000);
    for (const name of streetNames) {
      const text = readFileSync(join(root, STREET, name), 'utf8');
      expect(text.split('\n')[0]).toBe(
        'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context',
      );
      expect(text.endsWith('\n') && !text.includes('\r')).toBe(true);
      // Each file holds one month and one force, the ones its name says.
      const recs = streetByFile.get(name)!;
      expect(unique(recs.map(byMonth))).toEqual([name.slice(0, 7)]);
      expect(unique(recs.map((r) => r['Falls within']))).toHaveLength(1);
    }
    expect(unique(street.map((r) => r['Falls within'])).sort()).toEqual(FORCES);
    expect(unique(street.map(byMonth)).sort()).toEqual(MONTHS);
    expect(unique(street.map(byType))).toHaveLength(14);
    const odd = street.filter((r) => {
      const asb = r['Crime type'] === 'Anti-social behaviour';
      const located = r.Location !== 'No Location';
      return (
        Object.keys(r).length !== 12 ||
        r.Context !== '' ||
        r['Reported by'] !== r['Falls within'] ||
        !(asb ? r['Crime ID'] === '' : /^[0-9a-f]{64}$/.test(r['Crime ID'])) ||
        (r['Last outcome category'] === '') !== asb ||
        !(located ? /^E01\d{6}$/.test(r['LSOA code']) : [r.Longitude, r.Latitude, r['LSOA code'], r['LSOA name']].join('') === '')
      );
    });
    expect(odd).toEqual([]);
    const noLocation = street.filter((r) => r.Location === 'No Location').length;
    expect(noLocation / street.length).toBeGreaterThan(0.03);
    expect(street.filter((r) => r['Crime type'] === 'Anti-social behaviour').length / street.length).toBeGreaterThan(0.1);
    // A few quoted locations with a comma in them.
    const commas = street.filter((r) => r.Location.includes(','));
    expect(commas.length).toBeGreaterThan(5);
    expect(commas.length).toBeLessThan(street.length / 20);
  });

  it('has the planted absences', () => {
    const count = (force: string | null, type: string, month: string) =>
      street.filter((r) => (force === null || r['Falls within'] === force) && r['Crime type'] === type && r.Month === month).length;
    expect(count('Surrey Police', 'Criminal damage and arson', '2019-09')).toBe(0);
    expect(count('Surrey Police', 'Criminal damage and arson', '2019-08')).toBeGreaterThan(0);
    expect(count(null, 'Possession of weapons', '2019-01')).toBe(0);
    expect(count(null, 'Possession of weapons', '2021-12')).toBe(0);
  });
});

describe.concurrent('spc aggregate on the street-level fixture', () => {
  it('counts per crime type and month by default, with zero rows for absent types', async () => {
    const r = await aggregate(streetFiles);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe('measure,period,value');
    expect(r.out).toBe(expectedCsv(street, byType, byMonth, MONTHS));
    expect(r.err).toBe(`aggregated ${street.length} of ${street.length} records into 14 measures x 36 month periods\n`);
    const rows = csvRows(r.out);
    expect(rows).toHaveLength(14 * 36);
    expect(rows.reduce((s, row) => s + Number(row[2]), 0)).toBe(street.length);
    // Possession of weapons has no record in the first or the last month: zero rows, not missing ones.
    expect(r.out).toContain('\nPossession of weapons,2019-01,0\n');
    expect(r.out).toContain('\nPossession of weapons,2021-12,0\n');
    expect(rows.filter((row) => row[2] === '0').length).toBeGreaterThan(2);
  });

  it('reads the files from standard input as one stream too (one file)', async () => {
    const file = streetFiles[0];
    const r = await spc(['aggregate', '-', '-q'], readFileSync(join(root, file), 'utf8'));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const recs = readRecords([join(root, file)]);
    expect(r.out).toBe(expectedCsv(recs, byType, byMonth, ['2019-01']));
  });

  it('--period quarter, financial-quarter, year and financial-year sum the months', async () => {
    const cases: [string, (m: string) => string][] = [
      ['quarter', quarterOf],
      ['financial-quarter', financialQuarterOf],
      ['year', yearOf],
      ['financial-year', (m) => financialQuarterOf(m).slice(0, 7)],
    ];
    const runs = await Promise.all(cases.map(([period]) => spc(['aggregate', ...streetFiles, '--period', period, '-q'])));
    cases.forEach(([period, of], k) => {
      const r = runs[k];
      expect(r.code, `${period}: ${r.err}`).toBe(0);
      expect(r.out, period).toBe(expectedCsv(street, byType, (rec) => of(rec.Month), unique(MONTHS.map(of))));
    });
    expect(unique(MONTHS.map(financialQuarterOf))).toHaveLength(12);
    expect(runs[1].out).toContain('\nAnti-social behaviour,2018/19 Q4,');
    expect(runs[1].out).toContain('\nAnti-social behaviour,2021/22 Q3,');
    expect(csvRows(runs[2].out).filter((row) => row[0] === 'Shoplifting').map((row) => row[1])).toEqual(['2019', '2020', '2021']);
  });

  it('--period week is refused for monthly records', async () => {
    const r = await spc(['aggregate', ...streetFiles, '--period', 'week']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `error: ${STREET}/2019-01-hampshire-street.csv:2:2: "2019-01" is a month: it cannot be counted by week (choose a period that contains it)\n`,
    );
  });

  it('--by "Falls within,Crime type" names each measure by force and crime type', async () => {
    const r = await aggregate([...streetFiles, '--by', 'Falls within,Crime type']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(expectedCsv(street, (rec) => `${rec['Falls within']} / ${rec['Crime type']}`, byMonth, MONTHS));
    expect(r.out).toContain('\nSurrey Police / Criminal damage and arson,2019-09,0\n');
    const measures = unique(csvRows(r.out).map((row) => row[0]));
    expect(measures.length).toBeGreaterThan(36);
    expect(measures.length).toBeLessThanOrEqual(42);
  });

  it('--by Location quotes the names with a comma', async () => {
    const surrey = street.filter((rec) => rec['Falls within'] === 'Surrey Police');
    const r = await spc(['aggregate', ...streetFiles, '--by', 'Location', '--where', 'Falls within=Surrey Police', '-q']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(expectedCsv(surrey, (rec) => rec.Location, byMonth, MONTHS));
    expect(r.out).toMatch(/\n"On or near [^"]+, [^"]+",2019-01,\d+\n/);
  });

  it('--where keeps the matching records; repeated, all must hold', async () => {
    const [one, two] = await Promise.all([
      spc(['aggregate', ...streetFiles, '--where', 'Falls within=Surrey Police']),
      spc(['aggregate', ...streetFiles, '--where', 'Falls within=Surrey Police', '--where', 'Crime type=Criminal damage and arson']),
    ]);
    const surrey = street.filter((rec) => rec['Falls within'] === 'Surrey Police');
    expect(one.code, one.err).toBe(0);
    expect(one.out).toBe(expectedCsv(surrey, byType, byMonth, MONTHS));
    expect(one.out).toContain('\nCriminal damage and arson,2019-09,0\n');
    expect(one.err).toMatch(new RegExp(`^aggregated ${surrey.length} of ${street.length} records into \\d+ measures x 36 month periods\n$`));

    const damage = surrey.filter((rec) => rec['Crime type'] === 'Criminal damage and arson');
    expect(two.code, two.err).toBe(0);
    expect(two.out).toBe(expectedCsv(damage, byType, byMonth, MONTHS));
    expect(two.out).toContain('\nCriminal damage and arson,2019-09,0\n');
    expect(two.err).toBe(`aggregated ${damage.length} of ${street.length} records into 1 measure x 36 month periods\n`);
  });

  it('--where with an unknown column or no = is an error', async () => {
    const [column, syntax] = await Promise.all([
      spc(['aggregate', ...streetFiles, '--where', 'Force=Surrey Police']),
      spc(['aggregate', ...streetFiles, '--where', 'Surrey Police']),
    ]);
    expect(column.code).toBe(1);
    expect(column.err).toMatch(/^error: test\/fixtures\/street\/2019-01-hampshire-street\.csv:1: no column "Force" \(--where\); the columns are: Crime ID, Month/);
    expect(syntax.code).toBe(2);
    expect(syntax.err).toBe('error: --where Surrey Police: expected COLUMN=VALUE\n');
  });

  // BUG (src/io/aggregate.ts, Aggregator.add): the zero-filled range is that of the records KEPT by
  // --where, not of the records read, so a filtered series loses its zero rows at either end:
  // Possession of weapons has no record in 2019-01..2019-04 or 2021-12, and the output runs
  // 2019-05..2021-11 (31 rows) instead of 2019-01..2021-12 (36 rows, five of them 0).
  it('--where keeps the zero rows at both ends of the range the files cover', async () => {
    const r = await spc(['aggregate', ...streetFiles, '--where', 'Crime type=Possession of weapons', '-q']);
    expect(r.code, r.err).toBe(0);
    const weapons = street.filter((rec) => rec['Crime type'] === 'Possession of weapons');
    expect(r.out).toBe(expectedCsv(weapons, byType, byMonth, MONTHS));
  });

  // BUG (src/cli/aggregate.ts, readDenominators): every --denominator-file is refused with exit 1,
  // `error: FILE:1:2: column "denominator" cannot be both the value and the denominator`, because
  // readSeries is told to read the `denominator` column as the value and still finds the same
  // column by its default name for the denominator role.
  it('--denominator-file adds the denominator of each period (blank, with a warning, where it has none)', async () => {
    const file = join(work, 'population.csv');
    // Every month but the last; the population in thousands.
    writeFileSync(file, ['period,denominator', ...MONTHS.slice(0, -1).map((m, i) => `${m},${1200 + i}`)].join('\n') + '\n');
    const r = await spc(['aggregate', ...streetFiles, '--where', 'Falls within=Surrey Police', '--denominator-file', file]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('measure,period,value,denominator');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(14 * 36);
    for (const [, period, , denominator] of rows) {
      const i = MONTHS.indexOf(period);
      expect(denominator, period).toBe(i === 35 ? '' : String(1200 + i));
    }
    expect(r.err).toContain(`warning: 14 rows have no denominator in ${file}\n`);
  });
});

describe.concurrent('spc aggregate | spc analyse - on the street-level fixture', () => {
  /** aggregate, then its stdout as analyse's stdin. */
  async function pipeline(aggregateArgs: readonly string[]): Promise<Measure[]> {
    const a = await aggregate([...streetFiles, ...aggregateArgs]);
    expect(a.code, a.err).toBe(0);
    const b = await spc(['analyse', '-', '--json', '-q'], a.out);
    expect(b.code, b.err).toBe(0);
    return (JSON.parse(b.out) as { measures: Measure[] }).measures;
  }
  const highIn2021 = (m: Measure) => m.points.filter((p) => p.period >= '2021-01' && p.side === 'high' && p.signals.length > 0);

  it('shows the planted rise (Hampshire shoplifting from 2021-01) in that force and crime type only', async () => {
    const measures = await pipeline(['--by', 'Falls within,Crime type']);
    const get = (name: string) => measures.find((m) => m.measure === name)!;
    const rise = get('Hampshire Constabulary / Shoplifting');
    expect(rise.points).toHaveLength(36);
    const high = highIn2021(rise);
    expect(high.length).toBeGreaterThanOrEqual(8);
    expect(high.some((p) => p.signals.includes('shift'))).toBe(true);
    expect(rise.points.filter((p) => p.period < '2021-01' && p.side === 'high' && p.signals.length > 0)).toEqual([]);
    for (const force of ['Surrey Police', 'Thames Valley Police']) expect(highIn2021(get(`${force} / Shoplifting`)), force).toEqual([]);
    // The only sustained rise in 2021: no other measure has a high shift then.
    const shifts = measures.filter((m) => highIn2021(m).some((p) => p.signals.includes('shift'))).map((m) => m.measure);
    expect(shifts).toEqual(['Hampshire Constabulary / Shoplifting']);
  });

  it('shows the lockdown dip (2020-04) in every force and in violence', async () => {
    const [forces, types] = await Promise.all([pipeline(['--by', 'Falls within']), pipeline([])]);
    expect(forces.map((m) => m.measure)).toEqual(FORCES);
    for (const m of forces) {
      const lowest = [...m.points].sort((a, b) => a.value - b.value)[0];
      expect(lowest.period, m.measure).toBe('2020-04');
      expect(lowest.value, m.measure).toBeLessThan(lowest.lower2sigma);
    }
    const violence = types.find((m) => m.measure === 'Violence and sexual offences')!;
    const april = violence.points.find((p) => p.period === '2020-04')!;
    expect(april.signals).toContain('outside-limits');
    expect(april.side).toBe('low');
  });
});

const realMissing = !existsSync(REAL);
if (realMissing) console.warn(`aggregate.test.ts: skipping the real police.uk tests: ${REAL} is not there`);

describe.skipIf(realMissing).concurrent('spc aggregate on the real City of London street-level files (2017-2021)', () => {
  const files = realMissing ? [] : readdirSync(REAL).filter((f) => f.endsWith('.csv')).sort().map((f) => join(REAL, f));

  it('counts all 38,215 records of the 60 files into 14 crime types; April and May 2020 are the lowest months', async () => {
    expect(files).toHaveLength(60);
    const r = await spc(['aggregate', ...files]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('aggregated 38215 of 38215 records into 14 measures x 60 month periods\n');
    const recs = readRecords(files);
    expect(recs).toHaveLength(38215);
    expect(r.out).toBe(expectedCsv(recs, byType, byMonth, monthRange('2017-01', '2021-12')));
    const totals = new Map<string, number>();
    for (const [, period, value] of csvRows(r.out)) totals.set(period, (totals.get(period) ?? 0) + Number(value));
    expect([...totals.values()].reduce((s, v) => s + v, 0)).toBe(38215);
    const lowest = [...totals].sort((a, b) => a[1] - b[1]).slice(0, 2).map(([p]) => p);
    expect(lowest.sort()).toEqual(['2020-04', '2020-05']);
  });

  it('the monthly total (--by "Falls within", one force) is outside the limits, low, in 2020-04', async () => {
    const a = await spc(['aggregate', ...files, '--by', 'Falls within', '-q']);
    expect(a.code, a.err).toBe(0);
    const b = await spc(['analyse', '-', '--json', '-q'], a.out);
    expect(b.code, b.err).toBe(0);
    const measures = (JSON.parse(b.out) as { measures: Measure[] }).measures;
    expect(measures.map((m) => m.measure)).toEqual(['City of London Police']);
    expect(measures[0].points).toHaveLength(60);
    const april = measures[0].points.find((p) => p.period === '2020-04')!;
    expect(april.value).toBe(236);
    expect(april.signals).toContain('outside-limits');
    expect(april.side).toBe('low');
  });
});
