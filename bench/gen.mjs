#!/usr/bin/env node
/**
 * Seeded benchmark inputs (bench/data/, not committed):
 *   measures.csv  1,000 measures x 120 monthly points, long format (a)
 *   street.csv    street-level-crime-format raw export, 2,000,000 rows by default (b)
 *   series.f64    one series of 10,000,000 points as little-endian float64 (c)
 *   wide-50mb.csv  a wide table: a daily ISO `Date` column and 400 measure columns (counts and
 *                  rates, about 1 % of cells empty), 28,000 days, about 50 MB (d)
 *   wide-20mb.xlsx 300 measure columns as a workbook (dates as Excel dates), 12,800 days, about 20 MB,
 *                  written by write-excel-file (an independent writer) (e)
 * Usage: node bench/gen.mjs [--measures N] [--points N] [--rows N] [--series N] [--days N] [--xlsx-days N] [--only a,b,c,d,e]
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
/**
 * A wide table's columns: per area, a count (incidents a day, Poisson-like around a level) and a
 * rate per 1,000 (two decimals); some counts shift upwards late in the series; about 1 % of cells
 * are empty (not reported). Seeded on its own, so (a)-(c) are unchanged.
 */
function wideTable(seed, columns) {
  const r = rng(seed);
  const norm = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const header = ['Date'];
  const cols = [];
  for (let c = 0; c < columns; c++) {
    const area = `Area ${String(Math.floor(c / 2) + 1).padStart(3, '0')}`;
    const rate = c % 2 === 1;
    header.push(rate ? `${area} rate per 1000` : `${area} incidents`);
    cols.push({ rate, level: rate ? 0.5 + r() * 20 : 2 + r() * 200, shifts: c % 7 === 0 });
  }
  return {
    header,
    /** Row `i` of `days`: its date and its cells (null: empty). */
    row(i, days) {
      const date = new Date(Date.UTC(2026, 11, 1) - (days - 1 - i) * 86_400_000);
      const cells = cols.map((col) => {
        if (r() < 0.01) return null;
        const level = col.shifts && i > days * 0.8 ? col.level * 1.2 : col.level;
        if (col.rate) return Math.max(0, Math.round((level + Math.sqrt(level) * 0.3 * norm()) * 100) / 100);
        return Math.max(0, Math.round(level + Math.sqrt(level) * norm()));
      });
      return { date, cells };
    },
  };
}

if (only.has('d')) {
  const days = Number(opt('days', 28_000));
  const table = wideTable(20261204, 400);
  await write(join(dir, 'wide-50mb.csv'), function* () {
    yield table.header.join(',') + '\n';
    let buf = '';
    for (let i = 0; i < days; i++) {
      const { date, cells } = table.row(i, days);
      buf += `${date.toISOString().slice(0, 10)},${cells.map((v) => (v === null ? '' : String(v))).join(',')}\n`;
      if (buf.length > 1 << 20) {
        yield buf;
        buf = '';
      }
    }
    yield buf;
  });
}

if (only.has('e')) {
  const days = Number(opt('xlsx-days', 12_800));
  const table = wideTable(20261205, 300);
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const sheet = [table.header.map((value) => ({ value }))];
  for (let i = 0; i < days; i++) {
    const { date, cells } = table.row(i, days);
    sheet.push([{ value: date, type: Date, format: 'yyyy-mm-dd' }, ...cells.map((v) => (v === null ? null : { value: v, type: Number }))]);
  }
  await writeExcelFile(sheet, { sheet: 'Data' }).toFile(join(dir, 'wide-20mb.xlsx'));
}
console.log(`bench inputs in ${dir}`);
