/**
 * The settings a user can give per measure: what a config file's `defaults` and measure entries
 * hold (io/config.ts reads them) and what the command-line flags carry (cli/analyse.ts). The model
 * merges them (model/settings.ts). No dependency beyond core types, so the command line can list
 * the directions without loading the config reader.
 */
import type { ChartType } from '../core/charts/index.js';
import type { Direction } from '../core/types.js';

/** Every direction, in the order messages and `--help` list them (the core's list). */
export { DIRECTIONS } from '../core/types.js';

/** Chart types a user may ask for (S and R charts come only beside an x-bar chart). */
export type UserChart = Exclude<ChartType, 's' | 'r'>;

/** Everything that may be set per measure. Absent keys fall back to the next level. */
export interface MeasureSettings {
  readonly chart?: UserChart;
  readonly preset?: string;
  readonly ruleOverrides?: readonly string[];
  readonly direction?: Direction;
  /** Period labels at which a new phase starts, with optional labels for the phase they start. */
  readonly phases?: readonly { readonly period: string; readonly label?: string }[];
  readonly baseline?: number | null;
  readonly exclude?: readonly string[];
  readonly screenMr?: boolean;
  readonly sigma?: 'mean-mr' | 'median-mr';
  readonly lclFloor?: number | null;
  readonly target?: number | null;
  readonly unit?: string;
  readonly section?: string;
  /** Annotations by period label. */
  readonly notes?: Readonly<Record<string, string>>;
  /** `zero`: periods missing inside a count series become 0 (otherwise they are reported as a gap). */
  readonly fillMissing?: 'zero';
}
