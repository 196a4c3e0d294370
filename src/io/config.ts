/**
 * Per-measure settings from a YAML or JSON file (`--config`):
 *
 *   defaults: { chart: xmr, rules: default, direction: lower-is-better }
 *   measures:
 *     Knife crime:
 *       chart: c
 *       target: 15
 *       phases: [{ period: 2019-04, label: New recording standard }]
 *       exclude: [2020-04]
 *       notes: { 2020-04: First national lockdown }
 *
 * Every key is validated; a message names the file, the measure and the key.
 */
import { parseDocument } from 'yaml';
import { CHART_TYPES } from '../core/charts/index.js';
import type { Direction } from '../core/types.js';
import { inputError } from './errors.js';
import { DIRECTIONS, type MeasureSettings, type UserChart } from './user-settings.js';

export type { MeasureSettings, UserChart } from './user-settings.js';

export interface ConfigFile {
  readonly defaults?: MeasureSettings;
  readonly measures?: Readonly<Record<string, MeasureSettings>>;
}

/** Keys of a measure entry (and of `defaults`), kebab-case as on the command line. */
export const CONFIG_KEYS = [
  'chart', 'rules', 'rule', 'direction', 'target', 'unit', 'section', 'phases', 'baseline', 'exclude', 'notes',
  'screen-mr', 'sigma', 'lcl-floor',
] as const;

export function parseConfig(text: string, file: string): ConfigFile {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    throw inputError(file, pos?.line, pos?.col, `not valid YAML or JSON: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const root = doc.toJS() as unknown;
  if (root === null || root === undefined) return {};
  if (!isObject(root)) throw inputError(file, undefined, undefined, 'expected a mapping with "defaults" and/or "measures"');
  for (const key of Object.keys(root)) {
    if (key !== 'defaults' && key !== 'measures') {
      throw inputError(file, undefined, undefined, `unknown top-level key "${key}"; expected defaults and/or measures`);
    }
  }
  const out: { defaults?: MeasureSettings; measures?: Record<string, MeasureSettings> } = {};
  if (root.defaults !== undefined) out.defaults = entry(root.defaults, file, 'defaults');
  if (root.measures !== undefined) {
    if (!isObject(root.measures)) throw inputError(file, undefined, undefined, '"measures" must map measure names to settings');
    out.measures = {};
    for (const [name, value] of Object.entries(root.measures)) out.measures[name] = entry(value, file, `measures."${name}"`);
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Periods may be written bare in YAML (2019 becomes a number): accept numbers and strings. */
function period(v: unknown, where: string, file: string): string {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw inputError(file, undefined, undefined, `${where}: expected a period such as 2019-04, got ${JSON.stringify(v)}`);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

/** Where an entry is in the file, for messages: `defaults` or `measures."Knife crime"`. */
interface EntryAt {
  readonly file: string;
  readonly at: string;
}

type ConfigKey = (typeof CONFIG_KEYS)[number];

/** Checks one key's value and gives the setting(s) it stands for (kebab-case keys become camelCase settings). */
type KeyReader = (v: unknown, key: ConfigKey, where: EntryAt) => Record<string, unknown>;

function keyError({ file, at }: EntryAt, key: string, what: string) {
  return inputError(file, undefined, undefined, `${at}.${key}: ${what}`);
}

/** The periods of `phases`: a period each, or a mapping with a period and a label. */
const readPhases: KeyReader = (v, key, where) => ({
  phases: list(v).map((p, k) => {
    if (isObject(p)) {
      for (const pk of Object.keys(p)) if (pk !== 'period' && pk !== 'label') throw keyError(where, `${key}[${k}]`, `unknown key "${pk}"; expected period and label`);
      const label = p.label === undefined ? undefined : String(p.label);
      return { period: period(p.period, `${where.at}.${key}[${k}].period`, where.file), ...(label ? { label } : {}) };
    }
    return { period: period(p, `${where.at}.${key}[${k}]`, where.file) };
  }),
});

/** The notes: a mapping from period to text. */
const readNotes: KeyReader = (v, key, where) => {
  if (!isObject(v)) throw keyError(where, key, 'expected a mapping from period to text');
  const notes: Record<string, string> = {};
  for (const [p, text] of Object.entries(v)) notes[period(p, `${where.at}.${key}`, where.file)] = String(text);
  return { notes };
};

/** A number or null (`target`, `lcl-floor`). */
const readNumber: KeyReader = (v, key, where) => {
  if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) throw keyError(where, key, `expected a number, got ${JSON.stringify(v)}`);
  return { [key === 'target' ? 'target' : 'lclFloor']: v };
};

/** Text (`unit`, `section`). */
const readText: KeyReader = (v, key, where) => {
  if (typeof v !== 'string') throw keyError(where, key, 'expected text');
  return { [key]: v };
};

/** How each key of an entry is read. */
const KEY_READERS: Readonly<Record<ConfigKey, KeyReader>> = {
  chart(v, key, where) {
    if (typeof v !== 'string' || !(CHART_TYPES as readonly string[]).includes(v)) {
      throw keyError(where, key, `"${String(v)}" is not a chart type; choose one of ${CHART_TYPES.join(', ')}`);
    }
    return { chart: v as UserChart };
  },
  rules(v, key, where) {
    if (typeof v !== 'string') throw keyError(where, key, 'expected a preset name');
    return { preset: v };
  },
  rule: (v, key, where) => ({
    ruleOverrides: list(v).map((r) => {
      if (typeof r !== 'string') throw keyError(where, key, 'expected NAME=VALUE strings, e.g. trend=7');
      return r;
    }),
  }),
  direction(v, key, where) {
    if (!DIRECTIONS.includes(v as Direction)) throw keyError(where, key, `"${String(v)}" is not one of ${DIRECTIONS.join(', ')}`);
    return { direction: v };
  },
  target: readNumber,
  'lcl-floor': readNumber,
  unit: readText,
  section: readText,
  baseline(v, key, where) {
    if (v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 1)) throw keyError(where, key, 'expected a whole number of points >= 1');
    return { baseline: v };
  },
  phases: readPhases,
  exclude: (v, key, where) => ({ exclude: list(v).map((p, k) => period(p, `${where.at}.${key}[${k}]`, where.file)) }),
  notes: readNotes,
  'screen-mr'(v, key, where) {
    if (typeof v !== 'boolean') throw keyError(where, key, 'expected true or false');
    return { screenMr: v };
  },
  sigma(v, key, where) {
    if (v !== 'mean-mr' && v !== 'median-mr') throw keyError(where, key, 'expected mean-mr or median-mr');
    return { sigma: v };
  },
};

/** One measure's entry (or `defaults`): every key checked, in the order written. */
function entry(value: unknown, file: string, at: string): MeasureSettings {
  if (value === null) return {};
  if (!isObject(value)) throw inputError(file, undefined, undefined, `${at}: expected a mapping of settings`);
  const where: EntryAt = { file, at };
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!Object.hasOwn(KEY_READERS, key)) throw keyError(where, key, `unknown key; expected one of ${CONFIG_KEYS.join(', ')}`);
    Object.assign(out, KEY_READERS[key as ConfigKey](v, key as ConfigKey, where));
  }
  return out as MeasureSettings;
}
