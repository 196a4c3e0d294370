/** Every measure of the read series to the result document. */
import { SpcError, inputError, usageError } from '../io/errors.js';
import type { RawSeries } from '../io/read.js';
import { SCHEMA_VERSION, type ResultDocument } from './document.js';
import { analyseMeasure } from './measure.js';
import type { AnalyseSettings } from './settings.js';

/**
 * Analyses every series. With `onError`, a measure whose data are in error is reported through it
 * and left out (`--keep-going`); without, the first error ends the run.
 */
export function analyseAll(
  series: readonly RawSeries[],
  settings: AnalyseSettings,
  version: string,
  onError?: (e: SpcError, s: RawSeries) => void,
): ResultDocument {
  const b = settings.flags.baseline;
  if (b !== undefined && b !== null && !(Number.isInteger(b) && b >= 1)) {
    throw usageError(`--baseline ${b}: expected a whole number of points >= 1`);
  }
  const names = new Set(series.map((s) => s.measure));
  for (const name of Object.keys(settings.config?.measures ?? {})) {
    // (with --keep-going a failed file's measures are unknown, so the check is skipped)
    if (!names.has(name) && !onError) {
      throw inputError(settings.config!.file, undefined, undefined, `measures."${name}" is not in the data; the measures are: ${[...names].join(', ')}`);
    }
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'spc', version },
    measures: series.flatMap((s) => {
      if (!onError) return analyseMeasure(s, settings);
      try {
        return analyseMeasure(s, settings);
      } catch (e) {
        if (!(e instanceof SpcError) || e.exitCode !== 1) throw e;
        onError(e, s);
        return [];
      }
    }),
  };
}
