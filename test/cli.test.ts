/**
 * End to end: `bin/spc.js` run as a process (it needs the build in dist/; `npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'spc.js');
const fixture = join(root, 'fixtures', 'community-safety.csv');
const work = mkdtempSync(join(tmpdir(), 'spc-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function spc(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, cwd: work, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, text: string): string {
  const p = join(work, name);
  writeFileSync(p, text);
  return p;
}

describe('spc analyse', () => {
  it('--json writes the contract document for the fixture', () => {
    const r = spc(['analyse', fixture, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool.name).toBe('spc');
    expect(doc.measures).toHaveLength(8);
    const dap = doc.measures.find((m: { measure: string }) => m.measure === 'Domestic abuse incidents');
    // The fixture's phase column starts a second phase at 2018-04.
    expect(dap.phases.map((p: { start: string; end: string; label: string }) => [p.start, p.end, p.label])).toEqual([
      ['2016-04', '2018-03', 'Before new recording standard'],
      ['2018-04', '2021-03', 'New recording standard'],
    ]);
    const treatment = doc.measures.find((m: { measure: string }) => m.measure === 'People in drug and alcohol treatment');
    expect(treatment.direction).toBe('higher-is-better');
    expect(treatment.summary.variationIcon).toBe('improvement-high');
    const p = treatment.points.at(-1);
    // The contract's fields first, in its order; our extensions after them.
    expect(Object.keys(p)).toEqual([
      'period', 'date', 'value', 'denominator', 'phase', 'baseline', 'excluded', 'centre', 'lcl', 'ucl', 'sigma', 'signals', 'side', 'variation',
      'lower1sigma', 'upper1sigma', 'lower2sigma', 'upper2sigma',
    ]);
    expect(p).toMatchObject({ period: '2021-03', date: '2021-03-01', signals: ['shift'], side: 'high', variation: 'improvement' });
  });

  it('numbers in JSON are not rounded', () => {
    const input = 'measure,period,value\nA,2020-01,1\nA,2020-02,2\nA,2020-03,2\n';
    const doc = JSON.parse(spc(['analyse', '-', '--json'], input).out);
    // centre 5/3, MR-bar 0.5, UCL = 5/3 + 3 * 0.5 / 1.128
    expect(doc.measures[0].phases[0].centre).toBe(5 / 3);
    expect(doc.measures[0].phases[0].ucl).toBe(5 / 3 + (3 * 0.5) / 1.128);
  });

  it('--csv writes the flagged points table with the contract columns', () => {
    const r = spc(['analyse', fixture, '--csv']);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'measure,period,date,value,denominator,phase,baseline,excluded,centre,lcl,ucl,lower_2sigma,upper_2sigma,lower_1sigma,upper_1sigma,signals,side,variation',
    );
    expect(lines).toHaveLength(1 + 8 * 60);
    const asb = lines.find((l) => l.startsWith('Anti-social behaviour incidents,2020-04'))!;
    expect(asb.endsWith(',outside-limits,high,concern')).toBe(true);
  });

  it('--out writes results.json, points.csv, summary.csv and one SVG per measure, byte-identical on a second run', () => {
    const out1 = join(work, 'report1');
    const out2 = join(work, 'report2');
    const r1 = spc(['analyse', fixture, '--out', out1]);
    expect(r1.code).toBe(0);
    expect(r1.err).toContain('report1');
    expect(readdirSync(out1).sort()).toEqual(['charts', 'points.csv', 'report.html', 'report.md', 'results.json', 'summary.csv']);
    const charts = readdirSync(join(out1, 'charts')).sort();
    expect(charts).toEqual([
      'anti-social-behaviour-incidents.svg',
      'domestic-abuse-incidents.svg',
      'domestic-violence-protection-notices.svg',
      'drug-related-deaths.svg',
      'first-time-entrants-to-youth-justice.svg',
      'knife-crime.svg',
      'most-serious-violence.svg',
      'people-in-drug-and-alcohol-treatment.svg',
    ]);
    expect(readFileSync(join(out1, 'charts', 'knife-crime.svg'), 'utf8')).toMatch(/^<svg/);
    spc(['analyse', fixture, '--out', out2]);
    for (const f of ['results.json', 'points.csv', 'summary.csv', ...charts.map((c) => join('charts', c))]) {
      expect(readFileSync(join(out2, f)).equals(readFileSync(join(out1, f))), f).toBe(true);
    }
    const summary = readFileSync(join(out1, 'summary.csv'), 'utf8').split('\n');
    expect(summary[0]).toBe(
      'measure,chart,direction,preset,n,missing,latest_period,latest_value,centre,lcl,ucl,latest_signals,signal_counts,variation_icon,assurance_icon,target',
    );
    expect(summary.find((l) => l.startsWith('Knife crime,'))).toContain(',59,1,2021-03,15,');
  });

  it('prints a summary table by default', () => {
    const r = spc(['analyse', fixture]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^Measure\s+Chart\s+Latest\s+Value\s+Centre\s+LCL\s+UCL/);
    expect(r.out).toContain('People in drug and alcohol treatment');
    expect(r.out).not.toContain('\u001b['); // no colour when stdout is not a terminal
    expect(r.err).toContain('warning: Knife crime: 2017-10: missing value');
  });

  it('--quiet silences warnings', () => {
    expect(spc(['analyse', fixture, '--quiet']).err).toBe('');
  });

  it('reads stdin and names the measure "stdin" when there is no measure column', () => {
    const doc = JSON.parse(spc(['analyse', '--json'], 'period,value\n2020-01,1\n2020-02,3\n').out);
    expect(doc.measures[0].measure).toBe('stdin');
  });

  it('--phase, --exclude, --baseline, --target, --rules mdc and --rule reach the analysis', () => {
    const values = [20, 24, 20, 26, 22, 16, 18, 16, 31, 28, 34, 26, 30, 19, 18];
    // The MDC "Process limits - 15" series, one point a day.
    const daily = 'period,value\n' + values.map((v, i) => `2023-01-${String(i + 1).padStart(2, '0')},${v}`).join('\n') + '\n';
    const f = file('limits15.csv', daily);
    const mdc = JSON.parse(spc(['analyse', f, '--json', '--rules', 'mdc', '--direction', 'higher-is-better', '--target', '40']).out);
    // MDC test document: mean 23.20, limits 8.76 / 37.64; a target of 40 above the upper limit fails.
    const m = mdc.measures[0];
    expect(m.rules.preset).toBe('mdc');
    expect(m.phases[0].ucl).toBeCloseTo(37.64, 2);
    expect(m.summary.assuranceIcon).toBe('fail');
    const phased = JSON.parse(spc(['analyse', f, '--json', '--phase', '2023-01-08', '--exclude', '2023-01-02', '--baseline', '5']).out).measures[0];
    expect(phased.phases.map((p: { start: string; n: number; baselineN: number; limitN: number }) => [p.start, p.n, p.baselineN, p.limitN])).toEqual([
      ['2023-01-01', 7, 5, 4],
      ['2023-01-08', 8, 5, 5],
    ]);
    // Phase 1 limits from 20, 20, 26, 22 (24 excluded): mean 22, ranges 0, 6, 4 (excluded joined over).
    expect(phased.phases[0].centre).toBe(22);
    expect(phased.phases[0].mrBar).toBeCloseTo(10 / 3, 12);
    expect(phased.points[1].excluded).toBe(true);
    const override = JSON.parse(spc(['analyse', f, '--json', '--rule', 'trend=3', '--rule', 'near-limit=off']).out).measures[0];
    expect(override.rules.trend).toBe(3);
    expect(override.rules.nearLimit).toBeNull();
    // With trend=3 the falling run 26, 22, 16 (points 4-6) is a trend; the rises 16, 18 and 16, 31 are too short.
    expect(override.points.slice(3, 6).map((p: { signals: string[] }) => p.signals)).toEqual([['trend'], ['trend'], ['trend']]);
    expect(override.points[2].signals).toEqual([]);
  });

  it('--multiply scales values and lines for display only', () => {
    const input = 'measure,period,value\nA,2020-01,0.1\nA,2020-02,0.3\nA,2020-03,0.2\n';
    const m = JSON.parse(spc(['analyse', '-', '--json', '--multiply', '100'], input).out).measures[0];
    const scaled = m.points.map((p: { value: number }) => p.value);
    [10, 30, 20].forEach((v, i) => expect(scaled[i]).toBeCloseTo(v, 12));
    // Signals and classification are those of the unscaled data: 3 points, no signal.
    expect(m.points.every((p: { variation: string }) => p.variation === 'common-cause')).toBe(true);
    expect(m.phases[0].centre).toBeCloseTo(20, 10);
  });

  it('a denominator column makes each value a ratio on XmR', () => {
    const input = 'measure,period,value,denominator\nA,2020-01,5,100\nA,2020-02,9,300\n';
    const m = JSON.parse(spc(['analyse', '-', '--json'], input).out).measures[0];
    expect(m.points.map((p: { value: number; denominator: number }) => [p.value, p.denominator])).toEqual([
      [0.05, 100],
      [0.03, 300],
    ]);
  });
});

describe('errors and exit codes', () => {
  it.each([
    ['missing file', ['analyse', 'nope.csv'], 1, 'error: nope.csv: no such file'],
    ['directory', ['analyse', '.'], 1, 'error: .: is a directory, not a CSV file'],
    ['unknown option', ['analyse', '--bogus'], 2, "error: unknown option '--bogus'"],
    ['bad chart', ['analyse', '--chart', 'pie'], 2, "error: option '--chart <type>' argument 'pie' is invalid"],
    ['unknown preset', ['analyse', 'x.csv', '--rules', 'bogus'], 2, 'error: unknown rule preset "bogus"; choose one of: default, mdc'],
    ['bad rule', ['analyse', 'x.csv', '--rule', 'trend=1'], 2, 'error: --rule trend=1: expected a whole number >= 2, or off'],
    ['phase not in data', ['analyse', 'x.csv', '--phase', '2021-01'], 2, 'error: --phase 2021-01: measure "A" has no such period (it runs from 2020-01 to 2020-03)'],
    ['exclude not in data', ['analyse', 'x.csv', '--exclude', '2019-12'], 2, 'error: --exclude 2019-12: measure "A" has no such period'],
    ['bad target', ['analyse', 'x.csv', '--target', 'high'], 2, 'error: --target high: expected a number'],
    ['bad baseline', ['analyse', 'x.csv', '--baseline', '1.5'], 2, 'error: --baseline 1.5: expected a whole number of points >= 1'],
    ['json and csv', ['analyse', 'x.csv', '--json', '--csv'], 2, 'error: --json and --csv both write to stdout'],
  ])('%s', (_name, args, code, message) => {
    file('x.csv', 'measure,period,value\nA,2020-01,1\nA,2020-02,2\nA,2020-03,3\n');
    const r = spc(args as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it.each([
    ['empty.csv', '', 'error: empty.csv: the file is empty'],
    ['header-only.csv', 'measure,period,value\n', 'error: header-only.csv:1: no data rows after the header'],
    ['text-value.csv', 'measure,period,value\nA,2020-01,1\nA,2020-02,lots\n', 'error: text-value.csv:3:3: value "lots" is not a number'],
    ['bad-period.csv', 'measure,period,value\nA,2020-01,1\nA,Feb,2\n', 'error: bad-period.csv:3:2: period "Feb" is not a date or period'],
    ['dup.csv', 'measure,period,value\nA,2020-01,1\nA,2020-02,2\nA,2020-01,3\n', 'error: dup.csv:4:2: duplicate period "2020-01" for measure "A" (already on line 2)'],
    ['cols.csv', 'name,when,value\nA,2020-01,1\n', 'error: cols.csv:1: no period column: expected one of period, date, month, quarter, week, year, timeperiod (or name it with --period-col); the columns are: name, when, value'],
  ])('bad input %s: one clear line, exit 1, no output files', (name, text, message) => {
    const out = join(work, `out-${name}`);
    file(name, text);
    const r = spc(['analyse', name, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err.startsWith(message)).toBe(true);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('spc rules, --version, --help', () => {
  it('lists both presets with every parameter', () => {
    const r = spc(['rules']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('default: ');
    expect(r.out).toContain('mdc: ');
    expect(r.out).toMatch(/mdc:[\s\S]*limits \(XmR\)\s+centre \+\/- 2\.66 x mean moving range/);
    expect(r.out).toMatch(/default:[\s\S]*shift\s+8 points strictly on one side/);
  });
  it('shows one preset', () => {
    const r = spc(['rules', 'mdc']);
    expect(r.out.startsWith('mdc: ')).toBe(true);
    expect(r.out).not.toContain('default: ');
  });
  it('rejects an unknown preset with exit 2', () => {
    expect(spc(['rules', 'nope']).code).toBe(2);
  });
  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(spc(['--version']).out.trim()).toBe(pkg.version);
  });
  it('help shows examples', () => {
    const r = spc(['help', 'analyse']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Examples:');
    expect(r.out).toContain('--screen-mr');
  });
});

describe('--config: a mixed pack of counts, rates and proportions', () => {
  const pack = join(root, 'test', 'fixtures', 'pack');
  const args = ['analyse', join(pack, 'pack.csv'), '--config', join(pack, 'spc.config.yaml'), '--json'];
  it('applies each measure\'s chart, direction, unit, section, target, phases, notes, baseline, exclude and floor', () => {
    const r = spc(args);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const by = Object.fromEntries(doc.measures.map((m: { measure: string }) => [m.measure, m]));
    expect(doc.measures.map((m: { measure: string; chart: string; direction: string }) => [m.measure, m.chart, m.direction])).toEqual([
      ['Drug-related deaths', 'c', 'lower-is-better'],
      ['Violence against the person (per 1000)', 'u', 'lower-is-better'],
      ['Proven reoffending', 'p', 'lower-is-better'],
      ['First-time entrants', 'xmr', 'lower-is-better'],
    ]);
    const u = by['Violence against the person (per 1000)'];
    expect(u.unit).toBe('crimes per 1,000 people');
    expect(u.section).toBe('A. Violence');
    expect(u.summary.target).toBe(7.5);
    // u chart: value = count / denominator (thousands of people), e.g. the first row 1786 / 215.
    expect(u.points[0].value).toBeCloseTo(1786 / 215, 12);
    expect(u.points[0].numerator).toBe(1786);
    const p = by['Proven reoffending'];
    expect(p.phases.map((ph: { start: string; label?: string }) => [ph.start, ph.label ?? null])).toEqual([
      ['2017-Q1', null],
      ['2019-Q1', 'New probation model'],
    ]);
    expect(p.points.find((pt: { period: string }) => pt.period === '2018-Q3').note).toBe('Data system change');
    const fte = by['First-time entrants'];
    expect(fte.phases[0]).toMatchObject({ baselineN: 8, limitN: 7 });
    expect(fte.points[1].excluded).toBe(true);
    expect(fte.points.every((pt: { lcl: number }) => pt.lcl >= 0)).toBe(true);
    // The c chart of small counts has its lower limit clamped at 0.
    expect(by['Drug-related deaths'].phases[0].lclClamped).toBe(true);
  });
  it('command-line flags override the file', () => {
    const doc = JSON.parse(spc([...args, '--direction', 'higher-is-better', '--chart', 'xmr']).out);
    expect(doc.measures.map((m: { chart: string; direction: string }) => `${m.chart} ${m.direction}`)).toEqual(new Array(4).fill('xmr higher-is-better'));
  });
  it.each([
    ['unknown key', 'measures:\n  Drug-related deaths:\n    colour: red\n', 'error: bad.yaml: measures."Drug-related deaths".colour: unknown key; expected one of chart, rules, rule'],
    ['unknown measure', 'measures:\n  Burglary:\n    chart: c\n', 'error: bad.yaml: measures."Burglary" is not in the data; the measures are: Drug-related deaths,'],
    ['bad chart', 'defaults:\n  chart: pie\n', 'error: bad.yaml: defaults.chart: "pie" is not a chart type; choose one of xmr, mr, run'],
    ['bad direction', 'defaults:\n  direction: up\n', 'error: bad.yaml: defaults.direction: "up" is not one of higher-is-better, lower-is-better, neutral'],
    ['bad YAML', 'defaults: [\n', 'error: bad.yaml:'],
    ['missing period', 'measures:\n  Proven reoffending:\n    exclude: [2030-Q1]\n', 'error: bad.yaml: measures."Proven reoffending".exclude[0]: 2030-Q1: measure "Proven reoffending" has no such period'],
  ])('%s', (_name, yaml, message) => {
    file('bad.yaml', yaml);
    const r = spc(['analyse', join(pack, 'pack.csv'), '--config', 'bad.yaml', '--json']);
    expect(r.code).not.toBe(0);
    expect(r.err.startsWith(message)).toBe(true);
    expect(r.out).toBe('');
  });
});

describe('chart types from the command line', () => {
  it('xbar-s writes the x-bar chart and its S chart', () => {
    const rows = ['measure,period,value'];
    [[1, 2, 3], [2, 3, 4], [3, 4, 5]].forEach((g, i) => g.forEach((v) => rows.push(`W,2020-0${i + 1},${v}`)));
    const doc = JSON.parse(spc(['analyse', '-', '--chart', 'xbar-s', '--json'], rows.join('\n') + '\n').out);
    expect(doc.measures.map((m: { measure: string; chart: string }) => [m.measure, m.chart])).toEqual([
      ['W', 'xbar-s'],
      ['W (S)', 's'],
    ]);
    expect(doc.measures[0].points.map((p: { value: number; subgroupSize: number }) => [p.value, p.subgroupSize])).toEqual([
      [2, 3],
      [3, 3],
      [4, 3],
    ]);
  });
  it.each([
    ['p without a denominator', ['--chart', 'p'], 'measure,period,value\nA,2020-01,1\n', 'needs a denominator column'],
    ['value above denominator', ['--chart', 'p'], 'measure,period,value,n\nA,2020-01,5,4\n', 'stdin:2:3: measure "A" at 2020-01: value 5 is above its denominator 4'],
    ['zero denominator', ['--chart', 'u'], 'measure,period,value,n\nA,2020-01,5,0\n', 'stdin:2:4: measure "A" at 2020-01: denominator 0 must be greater than 0'],
    ['negative count', ['--chart', 'c'], 'measure,period,value\nA,2020-01,-1\n', 'stdin:2:3: measure "A" at 2020-01: negative count -1'],
    ['t chart zero', ['--chart', 't'], 'measure,period,value\nA,2020-01,0\n', 'stdin:2:3: measure "A" at 2020-01: time between events 0 must be greater than 0'],
    ['duplicate on xmr', [], 'measure,period,value\nA,2020-01,1\nA,2020-01,2\n', 'stdin:3:2: duplicate period "2020-01" for measure "A" (already on line 2)'],
  ])('data error: %s', (_name, extra, input, message) => {
    const r = spc(['analyse', '-', '--json', ...(extra as string[])], input as string);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
  });
  it('--chart run uses the anhoej preset by default and reports the runs per phase', () => {
    const doc = JSON.parse(spc(['analyse', fixture, '--chart', 'run', '--json']).out);
    const m = doc.measures[0];
    expect(m.rules.preset).toBe('anhoej');
    expect(Object.keys(m.phases[0].runs)).toEqual(['useful', 'longestRun', 'longestRunMax', 'crossings', 'crossingsMin']);
  });
});

describe('no dynamic code', () => {
  it('the whole run, charts included, works with code generation from strings disallowed', () => {
    // Vega's expressions go through vega-interpreter; nothing calls eval or new Function.
    const out = join(work, 'no-eval');
    const r = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', bin, 'analyse', fixture, '--out', out, '--quiet'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(join(out, 'charts'))).toHaveLength(8);
  });
});

describe('scheduled-job ergonomics', () => {
  const good = () =>
    file('good.csv', 'measure,period,value\n' + Array.from({ length: 20 }, (_, i) => `Good,${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${10 + (i % 3)}`).join('\n') + '\n');
  const bad = () => file('broken.csv', 'measure,period,value\nBad,2020-01,oops\n');
  const badLine = 'error: broken.csv:2:3: value "oops" is not a number';

  it('without --keep-going a bad file stops the run: exit 1, no outputs', () => {
    good();
    bad();
    const out = join(work, 'stop');
    const r = spc(['analyse', 'good.csv', 'broken.csv', '--out', out, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.err.startsWith(badLine)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });
  it('--keep-going reports the bad file by name, writes the rest and exits 1 at the end', () => {
    good();
    bad();
    const out = join(work, 'keep');
    const r = spc(['analyse', 'good.csv', 'broken.csv', '--out', out, '--quiet', '--keep-going']);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines[0].startsWith(badLine)).toBe(true);
    expect(lines[1]).toBe('error: 1 input error (--keep-going analysed the rest)');
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).measures.map((m: { measure: string }) => m.measure)).toEqual(['Good']);
  });
  it('--fail-on any / concern exit 3 and name the measures on stderr; stdout stays valid JSON', () => {
    const any = spc(['analyse', fixture, '--json', '--fail-on', 'any', '--quiet']);
    expect(any.code).toBe(3);
    expect(JSON.parse(any.out).measures).toHaveLength(8);
    // Fixture: trend, alternating, near-limit, outside-limits, shift, and the recalculated measure's phases.
    expect(any.err).toBe(
      '--fail-on any: 5 measures: Most serious violence; Domestic violence protection notices; Knife crime; Anti-social behaviour incidents; People in drug and alcohol treatment\n',
    );
    const concern = spc(['analyse', fixture, '--json', '--fail-on', 'concern', '--quiet']);
    expect(concern.code).toBe(3);
    // Violence's trend is a rise with lower is better; ASB's spike likewise; the others are improvement or neutral.
    expect(concern.err).toBe('--fail-on concern: 3 measures: Most serious violence; Knife crime; Anti-social behaviour incidents\n');
    const none = spc(['analyse', '-', '--json', '--fail-on', 'any'], 'period,value\n2020-01,1\n2020-02,2\n2020-03,1\n');
    expect(none.code).toBe(0);
  });
  it('finds spc.config.yaml in the working directory and says so once', () => {
    const dir = join(work, 'discover');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'spc.config.yaml'), 'defaults:\n  chart: run\n');
    const r = spawnSync(process.execPath, [bin, 'analyse', fixture, '--json'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('using spc.config.yaml from the working directory');
    expect((r.stderr.match(/using spc.config.yaml/g) ?? []).length).toBe(1);
    expect(JSON.parse(r.stdout).measures.every((m: { chart: string }) => m.chart === 'run')).toBe(true);
  });
  it('shows progress on a terminal only', () => {
    // Thirty measures, stderr a pseudo-terminal (util-linux `script`), stdout to a file.
    const rows = ['measure,period,value'];
    for (let m = 0; m < 30; m++) for (let i = 0; i < 15; i++) rows.push(`M${m},2020-${String((i % 12) + 1).padStart(2, '0')}-${String(Math.floor(i / 12) + 1).padStart(2, '0')},${(i * 7 + m) % 11}`);
    const input = file('thirty.csv', rows.join('\n') + '\n');
    const piped = spc(['analyse', input, '--out', join(work, 'p1')]);
    expect(piped.err).not.toContain('charts 30/30');
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${bin} analyse ${input} --out ${join(work, 'p2')} > /dev/null`, '/dev/null'], { encoding: 'utf8' });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toContain('charts 30/30 (100%)');
  });
});

describe('--jobs', () => {
  // Direct SVGs are drawn in this thread; Vega charts (and PNGs) go to worker threads.
  for (const renderer of ['svg', 'vega']) {
    it(`outputs are byte-identical with --jobs 1 and --jobs 2 (40 measures, --renderer ${renderer})`, () => {
      const rows = ['measure,period,value'];
      for (let m = 0; m < 40; m++) for (let i = 0; i < 24; i++) rows.push(`Area ${m},${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${(i * 13 + m * 7) % 29}`);
      const input = file(`forty-${renderer}.csv`, rows.join('\n') + '\n');
      const one = join(work, `jobs1-${renderer}`);
      const two = join(work, `jobs2-${renderer}`);
      const args = ['--quiet', '--date', '2026-11-26', '--renderer', renderer];
      expect(spc(['analyse', input, '--out', one, '--jobs', '1', ...args]).code).toBe(0);
      expect(spc(['analyse', input, '--out', two, '--jobs', '2', ...args]).code).toBe(0);
      const list = (d: string) => readdirSync(join(d, 'charts')).sort();
      expect(list(two)).toEqual(list(one));
      expect(list(one)).toHaveLength(40);
      for (const f of ['report.html', 'report.md', 'results.json', ...list(one).map((c) => join('charts', c))]) {
        expect(readFileSync(join(two, f)).equals(readFileSync(join(one, f))), f).toBe(true);
      }
    }, 120_000);
  }
  it('--jobs 0 is a usage error', () => {
    expect(spc(['analyse', fixture, '--out', join(work, 'j0'), '--jobs', '0']).code).toBe(2);
  });
});

describe('--renderer', () => {
  it('draws directly by default, with a tooltip per point; vega draws the same charts with Vega', () => {
    const direct = join(work, 'renderer-svg');
    const vega = join(work, 'renderer-vega');
    expect(spc(['analyse', fixture, '--out', direct, '--quiet', '--date', '2026-11-26']).code).toBe(0);
    expect(spc(['analyse', fixture, '--out', vega, '--renderer', 'vega', '--quiet', '--date', '2026-11-26']).code).toBe(0);
    const charts = readdirSync(join(direct, 'charts')).sort();
    expect(readdirSync(join(vega, 'charts')).sort()).toEqual(charts);
    const knife = (d: string) => readFileSync(join(d, 'charts', 'knife-crime.svg'), 'utf8');
    // The fixture's Knife crime: 60 months, one missing (2017-10): 59 markers, each with its
    // tooltip, plus the chart's own title; June to August 2019 are its near-limit signals.
    expect(knife(direct).match(/<title>/g)).toHaveLength(60);
    expect(knife(direct)).toContain('<title>2019-06: 27, concern (near-limit)</title>');
    expect(knife(direct)).not.toContain('class="mark-');
    expect(knife(vega)).toContain('class="mark-');
    // Only the charts differ: the numbers and the report's words are the renderer's no matter.
    for (const f of ['results.json', 'points.csv', 'summary.csv', 'report.md']) {
      expect(readFileSync(join(vega, f)).equals(readFileSync(join(direct, f))), f).toBe(true);
    }
  }, 120_000);

  it('an unknown renderer is a usage error', () => {
    expect(spc(['analyse', fixture, '--out', join(work, 'renderer-x'), '--renderer', 'canvas']).code).toBe(2);
  });
});

describe('every analyse option reaches the analysis', () => {
  const json = (args: string[], input: string) => {
    const r = spc(['analyse', '-', '--json', '--quiet', ...args], input);
    expect(r.err).toBe('');
    return JSON.parse(r.out).measures;
  };
  // Ranges of [1, 2, 4, 7, 11, 12]: 1, 2, 3, 4, 1 -> mean 2.2, median 2; the 30 adds a range of 18.
  const series = 'measure,period,value\n' + [1, 2, 4, 7, 11, 12, 30].map((v, i) => `A,2020-0${i + 1},${v}`).join('\n') + '\n';
  it('--sigma median-mr: limits at 3.145 x the median moving range', () => {
    const [m] = json(['--sigma', 'median-mr'], series);
    // Ranges 1, 2, 3, 4, 1, 18: median 2.5; mean of the points 67/7.
    expect(m.phases[0].mrMedian).toBe(2.5);
    expect(m.phases[0].ucl).toBeCloseTo(67 / 7 + 3.145 * 2.5, 12);
  });
  it('--screen-mr: drops ranges >= 3.267 x their mean once', () => {
    const [m] = json(['--screen-mr'], series);
    // Mean range 29/6 = 4.833, limit 15.79: the 18 goes; the rest average 11/5 = 2.2.
    expect(m.phases[0].screenedMovingRanges).toBe(1);
    expect(m.phases[0].mrBar).toBeCloseTo(2.2, 12);
  });
  it('column options, --date-order mdy and the note and section columns', () => {
    const input = 'Indicator name,When,Count,People,Priority,Comment\nX,01/02/2020,5,100,B. Substance misuse,\nX,02/02/2020,7,100,B. Substance misuse,Half term\nX,01/03/2020,6,100,B. Substance misuse,\n';
    const [m] = json(
      ['--measure-col', 'Indicator name', '--period-col', 'When', '--value-col', 'Count', '--denominator-col', 'People', '--section-col', 'Priority', '--note-col', 'Comment', '--date-order', 'mdy'],
      input,
    );
    expect(m.measure).toBe('X');
    expect(m.section).toBe('B. Substance misuse');
    // mdy: 01/02/2020 is 2 January, 02/02/2020 is 2 February, 01/03/2020 is 3 January.
    expect(m.points.map((p: { date: string; value: number; note?: string }) => [p.date, p.value, p.note ?? null])).toEqual([
      ['2020-01-02', 0.05, null],
      ['2020-01-03', 0.06, null],
      ['2020-02-02', 0.07, 'Half term'],
    ]);
  });
  it('--fill-missing zero fills a gap in a count series; without it the gap is a warning', () => {
    const gap = 'measure,period,value\nA,2020-01,3\nA,2020-02,4\nA,2020-05,2\n';
    const filled = json(['--fill-missing', 'zero'], gap)[0];
    expect(filled.points.map((p: { period: string; value: number }) => [p.period, p.value])).toEqual([
      ['2020-01', 3],
      ['2020-02', 4],
      ['2020-03', 0],
      ['2020-04', 0],
      ['2020-05', 2],
    ]);
    const r = spc(['analyse', '-', '--json'], gap);
    expect(r.err).toContain('warning: A: gap: no row for 2020-03, 2020-04 (a month series)');
    expect(spc(['analyse', '-', '--json', '--strict'], gap).code).toBe(1);
  });
});

describe('remaining flags', () => {
  it('--lcl-floor 0 clamps the lower limit from the command line', () => {
    // [1, 10, 1, 10]: mean 5.5, MR-bar 9: LCL 5.5 - 3 x 9 / 1.128 < 0.
    const input = 'period,value\n2020-01,1\n2020-02,10\n2020-03,1\n2020-04,10\n';
    const m = JSON.parse(spc(['analyse', '-', '--json', '--lcl-floor', '0'], input).out).measures[0];
    expect(m.phases[0]).toMatchObject({ lcl: 0, lclClamped: true });
  });
  it('--no-color keeps the table plain on a terminal, where it is coloured otherwise', () => {
    const run = (extra: string) =>
      spawnSync('script', ['-qec', `NO_COLOR= ${process.execPath} ${bin} analyse ${fixture} --quiet ${extra}`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } }).stdout;
    expect(run('')).toContain('\u001b[');
    expect(run('--no-color')).not.toContain('\u001b[');
  });
  it('aggregate --date-col names the date column', () => {
    const input = 'Ref,Reported on,Category\n1,03/01/2021,Theft\n2,15/01/2021,Theft\n3,02/03/2021,Theft\n';
    const r = spc(['aggregate', '-', '--date-col', 'Reported on', '--by', 'Category', '--quiet'], input);
    expect(r.code).toBe(0);
    expect(r.out).toBe('measure,period,value\nTheft,2021-01,2\nTheft,2021-02,0\nTheft,2021-03,1\n');
  });
});
