/**
 * Which column of a long-format CSV file holds what (contract section 2): the roles, their default
 * header names, and the header matching that finds each role's column or says why it cannot.
 */
import { SpcError } from './errors.js';
import type { Locator } from './grid.js';

export type Role = 'measure' | 'period' | 'value' | 'denominator' | 'section' | 'note' | 'phase' | 'direction';

/** Default header names per role, first found wins (contract section 2; `phase` is our extension). */
export const DEFAULT_HEADERS: Readonly<Record<Role, readonly string[]>> = {
  measure: ['measure', 'metric', 'indicator', 'series', 'name'],
  period: ['period', 'date', 'month', 'quarter', 'week', 'year', 'timeperiod'],
  value: ['value', 'count', 'y', 'numerator'],
  denominator: ['denominator', 'n', 'population', 'total', 'size'],
  section: ['section', 'priority', 'group'],
  note: ['note', 'annotation', 'comment'],
  phase: ['phase', 'stage'],
  direction: ['direction', 'polarity', 'improvementdirection'],
};

/** Header matching ignores case, surrounding spaces and `_`/`-`/space differences. */
export function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/** The 0-based column of each role; -1 when the file has none. */
export type Columns = Readonly<Record<Role, number>>;

/** A file's header line, for finding columns in it. */
interface Header {
  readonly locate: Locator;
  readonly line: number;
  readonly names: readonly string[];
  readonly normalised: readonly string[];
  /** Header names given for roles (`--measure-col` and friends). */
  readonly overrides?: Partial<Record<Role, string>>;
}

/**
 * The column of every role: the period and value columns must be there, the others may be; no
 * column may serve two roles. Errors name the file's header line and list its columns.
 */
export function findColumns(names: readonly string[], line: number, locate: Locator, overrides?: Partial<Record<Role, string>>, measure?: number): Columns {
  const header: Header = { locate, line, names, normalised: names.map(normaliseHeader), overrides };
  const col: Columns = {
    period: findColumn(header, 'period', true),
    value: findColumn(header, 'value', true),
    measure: measure ?? findColumn(header, 'measure', false),
    denominator: findColumn(header, 'denominator', false),
    section: findColumn(header, 'section', false),
    note: findColumn(header, 'note', false),
    phase: findColumn(header, 'phase', false),
    direction: findColumn(header, 'direction', false),
  };
  const seen = new Map<number, string>();
  for (const [role, i] of Object.entries(col).filter(([, i]) => i >= 0)) {
    const other = seen.get(i);
    if (other) throw headerError(header, i + 1, `column "${names[i]}" cannot be both the ${other} and the ${role}`);
    seen.set(i, role);
  }
  return col;
}

/** One role's column: the header named for it, else the first of its default names; -1 when absent and not required. */
function findColumn(header: Header, role: Role, required: boolean): number {
  const { names, normalised } = header;
  const override = header.overrides?.[role];
  if (override !== undefined) {
    const i = normalised.indexOf(normaliseHeader(override));
    if (i < 0) {
      throw headerError(header, undefined, `no column "${override}" (--${role}-col); the columns are: ${names.join(', ')}`);
    }
    return i;
  }
  for (const name of DEFAULT_HEADERS[role]) {
    const i = normalised.indexOf(name);
    if (i >= 0) return i;
  }
  if (required) {
    throw headerError(
      header,
      undefined,
      `no ${role} column: expected one of ${DEFAULT_HEADERS[role].join(', ')} (or name it with --${role}-col); the columns are: ${names.join(', ')}`,
    );
  }
  return -1;
}

/** An error at the header line (or one of its cells). */
function headerError(header: Header, column: number | undefined, message: string): SpcError {
  const at = header.locate(header.line, column);
  return new SpcError(message, 1, at.file, at.line, at.column);
}
