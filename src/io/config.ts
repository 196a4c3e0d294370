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

function entry(value: unknown, file: string, at: string): MeasureSettings {
  if (value === null) return {};
  if (!isObject(value)) throw inputError(file, undefined, undefined, `${at}: expected a mapping of settings`);
  const fail = (key: string, what: string) => inputError(file, undefined, undefined, `${at}.${key}: ${what}`);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case 'chart':
        if (typeof v !== 'string' || !(CHART_TYPES as readonly string[]).includes(v)) {
          throw fail(key, `"${String(v)}" is not a chart type; choose one of ${CHART_TYPES.join(', ')}`);
        }
        out.chart = v as UserChart;
        break;
      case 'rules':
        if (typeof v !== 'string') throw fail(key, 'expected a preset name');
        out.preset = v;
        break;
      case 'rule':
        out.ruleOverrides = list(v).map((r) => {
          if (typeof r !== 'string') throw fail(key, 'expected NAME=VALUE strings, e.g. trend=7');
          return r;
        });
        break;
      case 'direction':
        if (!DIRECTIONS.includes(v as Direction)) throw fail(key, `"${String(v)}" is not one of ${DIRECTIONS.join(', ')}`);
        out.direction = v;
        break;
      case 'target':
      case 'lcl-floor':
        if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) throw fail(key, `expected a number, got ${JSON.stringify(v)}`);
        out[key === 'target' ? 'target' : 'lclFloor'] = v;
        break;
      case 'unit':
      case 'section':
        if (typeof v !== 'string') throw fail(key, 'expected text');
        out[key] = v;
        break;
      case 'baseline':
        if (v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 1)) throw fail(key, 'expected a whole number of points >= 1');
        out.baseline = v;
        break;
      case 'phases':
        out.phases = list(v).map((p, k) => {
          if (isObject(p)) {
            for (const pk of Object.keys(p)) if (pk !== 'period' && pk !== 'label') throw fail(`${key}[${k}]`, `unknown key "${pk}"; expected period and label`);
            const label = p.label === undefined ? undefined : String(p.label);
            return { period: period(p.period, `${at}.${key}[${k}].period`, file), ...(label ? { label } : {}) };
          }
          return { period: period(p, `${at}.${key}[${k}]`, file) };
        });
        break;
      case 'exclude':
        out.exclude = list(v).map((p, k) => period(p, `${at}.${key}[${k}]`, file));
        break;
      case 'notes': {
        if (!isObject(v)) throw fail(key, 'expected a mapping from period to text');
        const notes: Record<string, string> = {};
        for (const [p, text] of Object.entries(v)) notes[period(p, `${at}.${key}`, file)] = String(text);
        out.notes = notes;
        break;
      }
      case 'screen-mr':
        if (typeof v !== 'boolean') throw fail(key, 'expected true or false');
        out.screenMr = v;
        break;
      case 'sigma':
        if (v !== 'mean-mr' && v !== 'median-mr') throw fail(key, 'expected mean-mr or median-mr');
        out.sigma = v;
        break;
      default:
        throw fail(key, `unknown key; expected one of ${CONFIG_KEYS.join(', ')}`);
    }
  }
  return out as MeasureSettings;
}
