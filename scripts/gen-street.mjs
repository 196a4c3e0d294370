#!/usr/bin/env node
/**
 * gen-street.mjs: writes a synthetic police.uk street-level crime fixture, one CSV per force per
 * month, into DIR (default test/fixtures/street/, relative to the repository):
 *
 *   node scripts/gen-street.mjs [DIR]
 *
 * SYNTHETIC DATA. No row is a real crime: the forces' names are real but every count, identifier,
 * coordinate, LSOA code and street is invented. The layout copies the files police.uk publishes
 * (the real City of London files described in ../shared/data/police-uk/README.md, which this
 * script does not read): files named `YYYY-MM-FORCE-street.csv`, the header
 *
 *   Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context
 *
 * `\n` line endings, a final newline, one row per crime or anti-social behaviour incident, and the
 * real files' quirks:
 *  - anti-social behaviour rows have an empty Crime ID and an empty Last outcome category;
 *  - about 7% of rows have no location: empty Longitude, Latitude, LSOA code and LSOA name and the
 *    Location `No Location`;
 *  - Context is always empty (every row ends with a comma);
 *  - fields are unquoted, except a few locations that contain a comma (about 1.5% of located rows,
 *    e.g. `"On or near Hospital, Church Road"`), which are quoted as RFC 4180 says (the real City
 *    of London files have none; they are here to exercise the CSV reader).
 *
 * Content: 3 forces (Hampshire Constabulary about 44 records a month, Thames Valley Police about 40,
 * Surrey Police about 26) x 36 months (2019-01 to 2021-12) = 108 files, 3,862 rows (851 of them
 * anti-social behaviour, 285 without a location, 58 with a quoted location), 843 KB, the 14 crime
 * types police.uk uses. Each count is Poisson around force size x the type's share x a
 * seasonal factor (violence, public order and ASB peak in summer), then the planted effects:
 *  - LOCKDOWN DIP: in 2020-04 and 2020-05 (the first COVID-19 lockdown) every crime type except
 *    anti-social behaviour and drugs falls to 25% (April) and 40% (May) of its usual level, 2020-06
 *    to 70%; anti-social behaviour rises by 10% (breaches of the rules were logged as ASB). Each
 *    force's total falls to about 45% of its level in April: its lowest month, below its lower
 *    two-sigma line; Violence and sexual offences (all forces) falls below its lower limit.
 *  - RISE: Hampshire Constabulary, Shoplifting: from 2021-01 to the end, 3.5 x its usual level
 *    (about 9 a month instead of about 2.6): a shift and points above the upper limit in 2021. The
 *    other forces' shoplifting is unchanged.
 *  - ABSENCE (for zero-filling): Surrey Police has no Criminal damage and arson at all in 2019-09;
 *    no force has any Possession of weapons in 2019-01 or 2021-12 (the first and the last month of
 *    the range, so the aggregate's leading and trailing zero rows are exercised).
 * test/aggregate.test.ts checks all of these through `spc aggregate` and `spc analyse`.
 *
 * Deterministic: a fixed seed (SEED) and a small PRNG of our own (mulberry32); each force and month
 * draws from its own stream (SEED mixed with the force and month numbers), so changing one file
 * does not move the others. Only IEEE-exact arithmetic is used (no Math.exp, Math.log or Math.sin,
 * whose last bits may differ between engines): Poisson counts come from Knuth's product method with
 * an exp of our own (range reduction and a Taylor series). No Math.random, no dependencies. Every
 * run writes the same bytes.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SEED = 20200323; // the first national lockdown was announced on 23 March 2020
export const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** Month labels 2019-01 .. 2021-12. */
export const MONTHS = Array.from({ length: 36 }, (_, i) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/**
 * The forces: name, file slug, records a month, the rough centre of the force area (lon, lat) and
 * the local authorities whose names the LSOA names use.
 */
export const FORCES = [
  {
    name: 'Hampshire Constabulary',
    slug: 'hampshire',
    size: 44,
    centre: [-1.25, 51.0],
    districts: ['Basingstoke and Deane', 'Eastleigh', 'Fareham', 'Gosport', 'Havant', 'New Forest', 'Portsmouth', 'Rushmoor', 'Southampton', 'Test Valley', 'Winchester'],
  },
  {
    name: 'Thames Valley Police',
    slug: 'thames-valley',
    size: 40,
    centre: [-1.0, 51.6],
    districts: ['Cherwell', 'Milton Keynes', 'Oxford', 'Reading', 'Slough', 'Vale of White Horse', 'West Berkshire', 'Windsor and Maidenhead', 'Wokingham', 'Wycombe'],
  },
  {
    name: 'Surrey Police',
    slug: 'surrey',
    size: 26,
    centre: [-0.45, 51.27],
    districts: ['Elmbridge', 'Epsom and Ewell', 'Guildford', 'Mole Valley', 'Reigate and Banstead', 'Runnymede', 'Spelthorne', 'Surrey Heath', 'Tandridge', 'Waverley', 'Woking'],
  },
];

/** The 14 police.uk crime types and their share of a force's records. */
export const CRIME_TYPES = [
  ['Anti-social behaviour', 0.2],
  ['Bicycle theft', 0.015],
  ['Burglary', 0.04],
  ['Criminal damage and arson', 0.08],
  ['Drugs', 0.025],
  ['Other crime', 0.025],
  ['Other theft', 0.06],
  ['Possession of weapons', 0.01],
  ['Public order', 0.08],
  ['Robbery', 0.01],
  ['Shoplifting', 0.06],
  ['Theft from the person', 0.01],
  ['Vehicle crime', 0.045],
  ['Violence and sexual offences', 0.34],
];

const ASB = 'Anti-social behaviour';

/** Seasonal factors by calendar month (1 + 0.12 cos(2 pi (m - 7) / 12), written out). */
const SUMMER = [0.88, 0.896, 0.94, 1.0, 1.06, 1.104, 1.12, 1.104, 1.06, 1.0, 0.94, 0.896];
const SEASONAL = new Set([ASB, 'Violence and sexual offences', 'Public order']);

/** The planted effects (see the header comment). */
export const PLANTED = {
  lockdown: { '2020-04': 0.25, '2020-05': 0.4, '2020-06': 0.7 },
  lockdownAsb: { '2020-04': 1.1, '2020-05': 1.1 },
  rise: { force: 'Hampshire Constabulary', crimeType: 'Shoplifting', from: '2021-01', factor: 3.5 },
  absent: [
    { force: 'Surrey Police', crimeType: 'Criminal damage and arson', month: '2019-09' },
    ...FORCES.flatMap((f) => ['2019-01', '2021-12'].map((month) => ({ force: f.name, crimeType: 'Possession of weapons', month }))),
  ],
};

/** The expected count (Poisson mean) of one crime type for one force in one month. */
export function expected(force, crimeType, share, month) {
  let mean = force.size * share;
  if (SEASONAL.has(crimeType)) mean *= SUMMER[Number(month.slice(5)) - 1];
  if (crimeType === ASB) mean *= PLANTED.lockdownAsb[month] ?? 1;
  else if (crimeType !== 'Drugs') mean *= PLANTED.lockdown[month] ?? 1;
  const r = PLANTED.rise;
  if (force.name === r.force && crimeType === r.crimeType && month >= r.from) mean *= r.factor;
  if (PLANTED.absent.some((a) => a.force === force.name && a.crimeType === crimeType && a.month === month)) mean = 0;
  return mean;
}

/** mulberry32: a tiny 32-bit PRNG; returns whole numbers in [0, 2^32). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Mixes the seed with a stream number (a 32-bit integer hash). */
function mix(seed, stream) {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** exp(x) for x <= 0 with + - * / only: halve x until it is small, sum the series, square back. */
function exp(x) {
  let k = 0;
  while (x < -0.125) {
    x /= 2;
    k++;
  }
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 20; n++) {
    term = (term * x) / n;
    sum += term;
  }
  for (; k > 0; k--) sum *= sum;
  return sum;
}

/** A random source: 32-bit words, uniforms in [0, 1), picks, Poisson counts (Knuth). */
function source(stream) {
  const u32 = mulberry32(mix(SEED, stream));
  const uniform = () => u32() / 4294967296;
  const pick = (xs) => xs[Math.floor(uniform() * xs.length)];
  const poisson = (lambda) => {
    if (lambda <= 0) return 0;
    const limit = exp(-lambda);
    let k = 0;
    let p = uniform();
    while (p > limit) {
      k++;
      p *= uniform();
    }
    return k;
  };
  const hex = (words) => Array.from({ length: words }, () => u32().toString(16).padStart(8, '0')).join('');
  return { u32, uniform, pick, poisson, hex };
}

const STREETS = [
  'Alexandra Road', 'Park Road', 'Station Road', 'High Street', 'Church Lane', 'London Road', 'Victoria Road', 'Mill Lane',
  'The Green', 'Queens Road', 'Kings Road', 'Grove Road', 'Manor Road', 'North Street', 'South Street', 'West Street',
  'Albert Road', 'Chapel Street', 'Elm Grove', 'Orchard Close', 'Meadow Way', 'Windsor Road', 'Broad Street', 'Market Place',
];
const PLACES = [
  'Parking Area', 'Supermarket', 'Petrol Station', 'Shopping Area', 'Sports/Recreation Area', 'Nightclub', 'Police Station',
  'Further/Higher Educational Building', 'Conference/Exhibition Centre', 'Theatre/Concert Hall', 'Hospital',
];
/** Locations with a comma: written quoted. */
const COMMA_PLACES = ['Hospital, Church Road', 'Bus Station, Market Place', 'Retail Park, London Road', 'Car Park, The Green'];

const OUTCOMES = [
  ['Investigation complete; no suspect identified', 40],
  ['Unable to prosecute suspect', 22],
  ['Under investigation', 8],
  ['Status update unavailable', 6],
  ['Court result unavailable', 5],
  ['Awaiting court outcome', 4],
  ['Offender given a caution', 3],
  ['Local resolution', 3],
  ['Formal action is not in the public interest', 2],
  ['Further investigation is not in the public interest', 2],
  ['Offender given community sentence', 1],
  ['Offender sent to prison', 1],
  ['Offender fined', 1],
  ['Action to be taken by another organisation', 1],
  ['Offender given a drugs possession warning', 1],
];
const OUTCOME_TOTAL = OUTCOMES.reduce((s, [, w]) => s + w, 0);

/** A force's LSOAs: code, name and centroid, fixed per force. */
function lsoas(force, index) {
  const rng = source(900_000 + index);
  return Array.from({ length: 36 }, (_, k) => {
    const district = force.districts[k % force.districts.length];
    const code = `E01${String(10_000 + 8_000 * index + 211 * k + (rng.u32() % 200)).padStart(6, '0')}`;
    const name = `${district} ${String(1 + Math.floor(k / force.districts.length) * 3 + (rng.u32() % 3)).padStart(3, '0')}${'ABCDE'[rng.u32() % 5]}`;
    const lon = force.centre[0] + (rng.uniform() - 0.5) * 0.9;
    const lat = force.centre[1] + (rng.uniform() - 0.5) * 0.5;
    return { code, name, lon, lat };
  });
}

/** The CSV text of one force's file for one month. */
export function file(forceIndex, monthIndex) {
  const force = FORCES[forceIndex];
  const month = MONTHS[monthIndex];
  const places = lsoas(force, forceIndex);
  const rng = source(forceIndex * 1000 + monthIndex);
  const rows = [];
  for (const [crimeType, share] of CRIME_TYPES) {
    const n = rng.poisson(expected(force, crimeType, share, month));
    for (let k = 0; k < n; k++) {
      const asb = crimeType === ASB;
      const id = asb ? '' : rng.hex(8);
      let lon = '';
      let lat = '';
      let location = 'No Location';
      let code = '';
      let name = '';
      if (rng.uniform() >= 0.07) {
        const p = rng.pick(places);
        lon = (p.lon + (rng.uniform() - 0.5) * 0.01).toFixed(6);
        lat = (p.lat + (rng.uniform() - 0.5) * 0.01).toFixed(6);
        const r = rng.uniform();
        if (r < 0.015) location = `"On or near ${rng.pick(COMMA_PLACES)}"`;
        else if (r < 0.2) location = `On or near ${rng.pick(PLACES)}`;
        else location = `On or near ${rng.pick(STREETS)}`;
        code = p.code;
        name = p.name;
      }
      let outcome = '';
      if (!asb) {
        // Recent months are still being investigated.
        if (monthIndex >= MONTHS.length - 3 && rng.uniform() < 0.4) outcome = 'Under investigation';
        else {
          let w = rng.uniform() * OUTCOME_TOTAL;
          outcome = OUTCOMES.find(([, weight]) => (w -= weight) < 0)?.[0] ?? OUTCOMES[0][0];
        }
      }
      rows.push([id, month, force.name, force.name, lon, lat, location, code, name, crimeType, outcome, ''].join(','));
    }
  }
  // Fisher-Yates: the published files are not grouped by crime type.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rng.u32() % (i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return [HEADER, ...rows].join('\n') + '\n';
}

/** Every file: { name, text }, in name order. */
export function files() {
  const out = [];
  for (let m = 0; m < MONTHS.length; m++) {
    for (let f = 0; f < FORCES.length; f++) out.push({ name: `${MONTHS[m]}-${FORCES[f].slug}-street.csv`, text: file(f, m) });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = resolve(process.argv[2] ?? fileURLToPath(new URL('../test/fixtures/street/', import.meta.url)));
  mkdirSync(dir, { recursive: true });
  let rows = 0;
  let bytes = 0;
  const all = files();
  for (const { name, text } of all) {
    writeFileSync(join(dir, name), text);
    rows += text.split('\n').length - 2;
    bytes += Buffer.byteLength(text);
  }
  process.stderr.write(`gen-street: wrote ${all.length} files, ${rows} rows, ${bytes} bytes into ${dir}\n`);
}
