#!/usr/bin/env node
/**
 * gen-fixture.mjs: writes fixtures/community-safety.csv (via `npm run fixture`) to stdout.
 *
 * SYNTHETIC DATA. Nothing here is real Portsmouth data. The numbers are invented, at magnitudes
 * that look plausible for a city of about 215,000 people, so that the CLI and its tests have a
 * realistic long-format input with known, deliberately planted signals.
 *
 * Output: `measure,section,direction,phase,period,value,note`, one row per measure and month, April 2016
 * (2016-04) to March 2021 (2021-03): 60 months x 8 measures, `\n` line endings, no quoting
 * needed (no field contains a comma or a quote).
 *
 * Deterministic: a fixed seed (SEED) and a small PRNG (mulberry32) of our own; each measure draws
 * from its own stream (SEED mixed with the measure's `stream` number), so editing one measure
 * does not move the others. Normal deviates come from Box-Muller, counts from a Poisson sampler
 * (Knuth's product method, in chunks of mean <= 500 so large means do not underflow). No
 * Math.random, no dependencies. Every run prints the same bytes.
 *
 * Background: Poisson counts around a level, with a mild summer peak for violence and ASB and a
 * little extra-Poisson variation (a log-normal multiplier on the mean) for the large counts.
 * People in treatment is a caseload (a stock), drawn as a normal around a level.
 *
 * Planted signals, checked with the project's own core (analyseXmr with preset 'default': limits
 * centre +/- 3 x mean moving range / 1.128 per phase; test/fixture.test.ts pins the result):
 *  - Most serious violence: TREND. 2018-07 to 2019-01, seven points each strictly higher than
 *    the last (a ramp from about 1.4 sigma below the level to 1.6 sigma above), then back to
 *    the usual level.
 *  - Domestic abuse incidents: RECALCULATION. The only measure with a `phase` value: "Before new
 *    recording standard" to 2018-03, "New recording standard" from 2018-04, where the level
 *    steps from about 330 to about 410 a month (a recording change, not a change in abuse).
 *    Within each phase: common cause only. Ignoring the phases, the step is a shift.
 *  - Domestic violence protection notices: ALTERNATING. 2018-09 to 2019-10, fourteen points
 *    alternating strictly below / above the centre line (an invented fortnightly authorisation
 *    panel that met twice in one month and once in the next).
 *  - Knife crime: NEAR-LIMIT. 2019-06 to 2019-08, three points in a row between the upper two-sigma
 *    line and the upper control limit. One MISSING value: 2017-10 (empty value, with a note).
 *  - Anti-social behaviour incidents: OUTSIDE THE LIMITS. A single spike in 2020-04, the first
 *    national lockdown (breaches of the Covid rules were logged as ASB), about 1.5 x the level.
 *  - People in drug and alcohol treatment: SHIFT. From 2020-05 to 2021-03 (11 points) the caseload
 *    sits above the centre line, after rough sleepers housed under "Everyone In" entered treatment.
 *  - Drug-related deaths, First-time entrants to youth justice: common cause only.
 * Each measure's `stream` was chosen so that chance adds no signal beyond the planted one (the
 * common-cause measures fire nothing at all); the planted points are placed by rule, not tuned.
 *
 * Notes (the `note` column is otherwise empty): 2018-04 domestic abuse (recording standard),
 * 2020-04 ASB (lockdown), 2017-10 knife crime (the missing month).
 */

import { pathToFileURL } from 'node:url';

export const SEED = 20210401;
export const START_YEAR = 2016;
export const START_MONTH = 4; // April
export const MONTHS = 60;

/** mulberry32: a tiny 32-bit PRNG; returns uniforms in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes the global seed with a measure's stream number (a 32-bit integer hash). */
function mix(seed, stream) {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A random source: uniform, standard normal (Box-Muller), Poisson. */
function source(stream) {
  const uniform = mulberry32(mix(SEED, stream));
  let spare = null;
  const normal = () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    let u = 0;
    while (u === 0) u = uniform(); // log(0) guard
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const poisson = (lambda) => {
    let total = 0;
    let rest = lambda;
    while (rest > 0) {
      const chunk = Math.min(rest, 500);
      rest -= chunk;
      const limit = Math.exp(-chunk);
      let k = 0;
      let p = uniform();
      while (p > limit) {
        k++;
        p *= uniform();
      }
      total += k;
    }
    return total;
  };
  return { uniform, normal, poisson };
}

/** Period label of month index i (0 = 2016-04). */
export function period(i) {
  const m = START_MONTH - 1 + i;
  const y = START_YEAR + Math.floor(m / 12);
  return `${y}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** Index of a period label. */
function at(label) {
  for (let i = 0; i < MONTHS; i++) if (period(i) === label) return i;
  throw new Error(`period ${label} out of range`);
}

/** Seasonal multiplier peaking in July (calendar month 7) with relative amplitude `amp`. */
function season(i, amp) {
  const month = ((START_MONTH - 1 + i) % 12) + 1;
  return 1 + amp * Math.cos((2 * Math.PI * (month - 7)) / 12);
}

/** Poisson counts around level(i) x season, with an optional log-normal extra-Poisson spread. */
function counts(rng, level, { amp = 0, cv = 0 } = {}) {
  const out = [];
  for (let i = 0; i < MONTHS; i++) {
    const z = rng.normal();
    const lambda = level(i) * season(i, amp) * Math.exp(cv * z - (cv * cv) / 2);
    out.push(rng.poisson(lambda));
  }
  return out;
}

/** Strictly increasing whole numbers from a ramp: nudges a tie or a dip up by one. */
function strictlyRising(xs) {
  const out = xs.map((x) => Math.round(x));
  for (let k = 1; k < out.length; k++) if (out[k] <= out[k - 1]) out[k] = out[k - 1] + 1;
  return out;
}

function blank() {
  return Array.from({ length: MONTHS }, () => ({ value: null, phase: '', note: '' }));
}

function rows(values) {
  const r = blank();
  values.forEach((v, i) => (r[i].value = v));
  return r;
}

const A = 'A. Violence';
const B = 'B. Substance misuse';
const C = 'C. Early intervention and prevention';

/**
 * The measures. `stream` selects the measure's random stream; `make(rng)` returns 60 rows of
 * { value (whole number or null), phase, note }.
 */
export const MEASURES = [
  {
    name: 'Most serious violence',
    direction: 'lower-is-better',
    section: A,
    stream: 4,
    make(rng) {
      const level = 30;
      const v = counts(rng, () => level, { amp: 0.06 });
      // TREND: seven strictly rising points, 2018-07 .. 2019-01.
      const from = at('2018-07');
      const sd = Math.sqrt(level);
      const ramp = strictlyRising(
        Array.from({ length: 7 }, (_, k) => level + sd * (-1.4 + 0.5 * k) + 0.5 * rng.normal()),
      );
      ramp.forEach((x, k) => (v[from + k] = x));
      return rows(v);
    },
  },
  {
    name: 'Domestic abuse incidents',
    direction: 'neutral',
    section: A,
    stream: 2,
    make(rng) {
      const change = at('2018-04');
      const v = counts(rng, (i) => (i < change ? 330 : 410), { amp: 0.03, cv: 0.04 });
      const r = rows(v);
      r.forEach((row, i) => (row.phase = i < change ? 'Before new recording standard' : 'New recording standard'));
      r[change].note = 'New crime recording standard';
      return r;
    },
  },
  {
    name: 'Domestic violence protection notices',
    direction: 'neutral',
    section: A,
    stream: 2,
    make(rng) {
      const level = 8;
      const v = counts(rng, () => level);
      // ALTERNATING: 14 points, low/high in turn, 2018-09 .. 2019-10.
      const from = at('2018-09');
      for (let k = 0; k < 14; k++) {
        const jitter = Math.floor(rng.uniform() * 2); // 0 or 1
        v[from + k] = k % 2 === 0 ? level - 3 - jitter : level + 3 + jitter;
      }
      return rows(v);
    },
  },
  {
    name: 'Knife crime',
    direction: 'lower-is-better',
    section: A,
    stream: 2,
    make(rng) {
      const level = 17;
      const v = counts(rng, () => level, { amp: 0.05 });
      // NEAR-LIMIT: three points about 2.5 sigma above the level, 2019-06 .. 2019-08.
      const from = at('2019-06');
      const sd = Math.sqrt(level);
      [2.5, 2.7, 2.5].forEach((k, j) => (v[from + j] = Math.round(level + k * sd)));
      const r = rows(v);
      // MISSING: one month not available.
      const gap = at('2017-10');
      r[gap].value = null;
      r[gap].note = 'Not available: data quality review';
      return r;
    },
  },
  {
    name: 'Anti-social behaviour incidents',
    direction: 'lower-is-better',
    section: C,
    stream: 1,
    make(rng) {
      const level = 520;
      const v = counts(rng, () => level, { amp: 0.06, cv: 0.05 });
      // OUTSIDE THE LIMITS: lockdown spike, 2020-04.
      const spike = at('2020-04');
      v[spike] = Math.round(level * season(spike, 0.06) * 1.5);
      const r = rows(v);
      r[spike].note = 'First national lockdown';
      return r;
    },
  },
  {
    name: 'Drug-related deaths',
    direction: 'lower-is-better',
    section: B,
    stream: 1,
    make(rng) {
      return rows(counts(rng, () => 2.3));
    },
  },
  {
    name: 'People in drug and alcohol treatment',
    direction: 'higher-is-better',
    section: B,
    stream: 2,
    make(rng) {
      const level = 880;
      const sd = 14;
      const from = at('2020-05');
      const v = [];
      for (let i = 0; i < MONTHS; i++) {
        const z = rng.normal();
        // SHIFT: from 2020-05 the caseload is about 1.7 sd higher and steadier (noise clipped).
        if (i < from) v.push(Math.round(level + sd * z));
        else v.push(Math.round(level + 1.7 * sd + sd * Math.max(-0.8, Math.min(0.8, z))));
      }
      return rows(v);
    },
  },
  {
    name: 'First-time entrants to youth justice',
    direction: 'lower-is-better',
    section: C,
    stream: 1,
    make(rng) {
      return rows(counts(rng, () => 5));
    },
  },
];

/** The CSV text, optionally with other stream numbers (by measure name) for tuning. */
export function generate(streams = {}) {
  const lines = ['measure,section,direction,phase,period,value,note'];
  MEASURES.forEach((m, index) => {
    const stream = streams[m.name] ?? m.stream;
    const rng = source(index * 1000 + stream);
    const r = m.make(rng);
    if (r.length !== MONTHS) throw new Error(`${m.name}: ${r.length} rows`);
    r.forEach((row, i) => {
      const v = row.value;
      if (v !== null && !(Number.isInteger(v) && v >= 0)) throw new Error(`${m.name} ${period(i)}: bad value ${v}`);
      const fields = [m.name, m.section, m.direction, row.phase, period(i), v === null ? '' : String(v), row.note];
      if (fields.some((f) => /[",\n\r]/.test(f))) throw new Error(`${m.name} ${period(i)}: field needs quoting`);
      lines.push(fields.join(','));
    });
  });
  return lines.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(generate());
}
