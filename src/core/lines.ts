/**
 * The lines of a control chart, named once: the centre line, sigma, the control limits and the
 * one- and two-sigma lines. The core, the rule frame, the result document and the renderers all
 * use this shape; the result document renames the sigma lines once, at the JSON/CSV boundary
 * (`lower1` is `lower1sigma` there, as contract section 4 names it).
 */

/** Every line, in the order the core lists them. */
export const LINE_KEYS = ['centre', 'sigma', 'ucl', 'lcl', 'upper1', 'lower1', 'upper2', 'lower2'] as const;
export type LineKey = (typeof LINE_KEYS)[number];

/** One value (or array) per line. */
export type Lines<T> = { readonly [K in LineKey]: T };

/** The lines a rule compares values with: every line but sigma. */
export const RULE_LINE_KEYS = ['centre', 'ucl', 'lcl', 'upper1', 'lower1', 'upper2', 'lower2'] as const satisfies readonly LineKey[];
export type RuleLineKey = (typeof RULE_LINE_KEYS)[number];

/** The lines that exist only with limits (all but the centre line). */
export const LIMIT_LINE_KEYS = ['sigma', 'ucl', 'lcl', 'upper1', 'lower1', 'upper2', 'lower2'] as const satisfies readonly LineKey[];

/** The lower lines, which a floor (`--lcl-floor`) raises. */
export const LOWER_LINE_KEYS = ['lcl', 'lower1', 'lower2'] as const satisfies readonly LineKey[];

/**
 * Builds one value per line. Written as one object literal (in `LINE_KEYS` order, which a test
 * checks) so that every `Lines` object has the same shape: the rules' and the charts' hot loops
 * then read its fields at full speed.
 */
export function linesOf<T>(make: (key: LineKey) => T): Lines<T> {
  return {
    centre: make('centre'),
    sigma: make('sigma'),
    ucl: make('ucl'),
    lcl: make('lcl'),
    upper1: make('upper1'),
    lower1: make('lower1'),
    upper2: make('upper2'),
    lower2: make('lower2'),
  };
}

/** The lines a rule reads, built the same way (one shape for every rule frame). */
export function ruleLinesOf<T>(make: (key: RuleLineKey) => T): Pick<Lines<T>, RuleLineKey> {
  return {
    centre: make('centre'),
    ucl: make('ucl'),
    lcl: make('lcl'),
    upper1: make('upper1'),
    lower1: make('lower1'),
    upper2: make('upper2'),
    lower2: make('lower2'),
  };
}
