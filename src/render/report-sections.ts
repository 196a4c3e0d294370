/** The report's sections: measures grouped by their section, in report order. */
import type { MeasureRecord, ResultDocument } from '../model/document.js';

export interface Section {
  readonly name: string | null;
  readonly measures: readonly MeasureRecord[];
}

/**
 * Measures in report order: sections in order of first appearance, measures in document order,
 * an S or R chart right after the X-bar chart it belongs to (and in that chart's section).
 */
export function reportSections(doc: ResultDocument): Section[] {
  const names = new Set(doc.measures.map((m) => m.measure));
  const ordered: MeasureRecord[] = [];
  for (const m of doc.measures) {
    if (m.companionOf !== undefined && names.has(m.companionOf)) continue;
    ordered.push(m);
    for (const c of doc.measures) if (c.companionOf === m.measure && c !== m) ordered.push(c);
  }
  const sectionOf = new Map<MeasureRecord, string | null>();
  for (const m of ordered) {
    const parent = m.companionOf !== undefined ? ordered.find((p) => p.measure === m.companionOf && p.companionOf === undefined) : undefined;
    sectionOf.set(m, (parent ?? m).section ?? null);
  }
  const out: { name: string | null; measures: MeasureRecord[] }[] = [];
  for (const m of ordered) {
    const name = sectionOf.get(m) ?? null;
    let s = out.find((x) => x.name === name);
    if (!s) out.push((s = { name, measures: [] }));
    s.measures.push(m);
  }
  return out;
}

/** A section's heading: its name, "Other measures" beside named ones, else "Measures". */
export function sectionTitle(s: Section, all: readonly Section[]): string {
  if (s.name !== null) return s.name;
  return all.some((x) => x.name !== null) ? 'Other measures' : 'Measures';
}
