#!/usr/bin/env node
/**
 * Seeded benchmark inputs (bench/data/, not committed):
 *   measures.csv  1,000 measures x 120 monthly points, long format (a)
 *   street.csv    street-level-crime-format raw export, 2,000,000 rows by default (b)
 *   series.f64    one series of 10,000,000 points as little-endian float64 (c)
 * Usage: node bench/gen.mjs [--measures N] [--points N] [--rows N] [--series N] [--only a,b,c]
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const dir = fileURLToPath(new URL('./data/', import.meta.url));
mkdirSync(dir, { recursive: true });
const only = new Set(opt('only', 'a,b,c').split(','));

/** mulberry32: a small, well-known 32-bit generator; seeded, so inputs are identical every run. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261126);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

async function write(path, produce) {
  const out = createWriteStream(path);
  for (const chunk of produce()) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

if (only.has('a')) {
  const measures = Number(opt('measures', 1000));
  const points = Number(opt('points', 120));
  await write(join(dir, `measures-${measures}.csv`), function* () {
    yield 'measure,period,value\n';
    for (let m = 0; m < measures; m++) {
      const level = 20 + random() * 500;
      let lines = '';
      for (let i = 0; i < points; i++) {
        const y = 2011 + Math.floor(i / 12);
        const shift = i > points * 0.7 && m % 5 === 0 ? 0.15 * level : 0;
        lines += `Area ${String(Math.floor(m / 20)).padStart(3, '0')} measure ${m % 20},${y}-${String((i % 12) + 1).padStart(2, '0')},${Math.max(0, Math.round(level + shift + Math.sqrt(level) * normal()))}\n`;
      }
      yield lines;
    }
  });
}

if (only.has('b')) {
  const rows = Number(opt('rows', 2_000_000));
  const forces = ['Hampshire Constabulary', 'Thames Valley Police', 'Surrey Police', 'Kent Police'];
  const types = ['Anti-social behaviour', 'Violence and sexual offences', 'Criminal damage and arson', 'Shoplifting', 'Other theft', 'Public order', 'Burglary', 'Vehicle crime', 'Drugs', 'Robbery', 'Bicycle theft', 'Theft from the person', 'Possession of weapons', 'Other crime'];
  const outcomes = ['Investigation complete; no suspect identified', 'Unable to prosecute suspect', 'Under investigation', 'Offender given a caution', 'Local resolution'];
  await write(join(dir, 'street.csv'), function* () {
    yield 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n';
    let buf = '';
    for (let r = 0; r < rows; r++) {
      const month = Math.floor((r / rows) * 60);
      const ym = `${2017 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      const force = forces[Math.floor(random() * forces.length)];
      const type = types[Math.floor(random() * random() * types.length)];
      const asb = type === 'Anti-social behaviour';
      const id = asb ? '' : Math.floor(random() * 2 ** 52).toString(16).padStart(13, '0') + 'a'.repeat(51);
      const lsoa = `E0100${String(Math.floor(random() * 9999)).padStart(4, '0')}`;
      buf += `${id},${ym},${force},${force},${(-1.5 + random()).toFixed(6)},${(50.8 + random()).toFixed(6)},On or near Station Road,${lsoa},Area ${lsoa.slice(-3)}A,${type},${asb ? '' : outcomes[Math.floor(random() * outcomes.length)]},\n`;
      if (buf.length > 1 << 20) {
        yield buf;
        buf = '';
      }
    }
    yield buf;
  });
}

if (only.has('c')) {
  const n = Number(opt('series', 10_000_000));
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 100 + 10 * normal();
  writeFileSync(join(dir, 'series.f64'), new Uint8Array(x.buffer));
}
console.log(`bench inputs in ${dir}`);
