/** The validation of a result document read back: the previous run's `results.json` (`--previous`). */
import { inferFrequency, parsePeriod, type PeriodInfo } from '../io/periods.js';
import { SCHEMA_VERSION, type MeasureRecord, type PointRecord, type ResultDocument } from './document.js';

/**
 * The previous run's `results.json` as a result document. Throws an Error with a message for the
 * user when the text is not JSON or not a result document of this schema version.
 */
export function previousFromJson(text: string): ResultDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('not JSON: expected the results.json of an earlier `spc analyse --out`');
  }
  const d = data as Partial<ResultDocument> | null;
  if (d === null || typeof d !== 'object' || !Array.isArray(d.measures)) throw new Error('not a result document (no "measures" list)');
  if (d.schemaVersion !== SCHEMA_VERSION) throw new Error(`schemaVersion ${String(d.schemaVersion)}: expected ${SCHEMA_VERSION}`);
  for (const m of d.measures as unknown[]) checkMeasure(m);
  const doc = d as ResultDocument;
  return { ...doc, measures: doc.measures.map(withGranularity) };
}

/**
 * A document of spc 0.1 has no `granularity`: it is inferred from the period labels (parsed as the
 * reader parses them) or, when a label does not parse to its point's date, from the dates alone.
 */
function withGranularity(m: MeasureRecord): MeasureRecord {
  if (m.granularity !== undefined) return m;
  const parsed = m.points.map((p) => (typeof p.period === 'string' ? parsePeriod(p.period) : null));
  const dated = (p: PointRecord): PeriodInfo => ({ text: p.date, date: p.date, time: Date.parse(`${p.date}T00:00:00Z`), granularity: 'day' });
  const infos = parsed.every((x, i) => x !== null && x.date === m.points[i].date) ? (parsed as PeriodInfo[]) : m.points.map(dated);
  return { ...m, granularity: m.points.length ? inferFrequency(infos) : null };
}

/** A measure needs a name, points and rules; each point a date and its signals (what the report compares). */
function checkMeasure(m: unknown): void {
  const r = m as Partial<MeasureRecord> | null;
  if (r === null || typeof r !== 'object' || typeof r.measure !== 'string' || !Array.isArray(r.points) || typeof r.rules !== 'object' || r.rules === null) {
    throw new Error('not a result document (a measure without a name, points or rules)');
  }
  for (const p of r.points as unknown[]) {
    const q = p as Partial<PointRecord> | null;
    if (q === null || typeof q !== 'object' || typeof q.date !== 'string' || !Array.isArray(q.signals)) {
      throw new Error(`measure "${r.measure}": a point without a date or signals`);
    }
  }
}
