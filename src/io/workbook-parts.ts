/**
 * The small parts of a workbook that say how to read a sheet: the sheet list and date system
 * (xl/workbook.xml), where each sheet's part is (its relationships), the cell formats
 * (xl/styles.xml) and the shared strings (xl/sharedStrings.xml).
 */
import { numberKind, type NumberKind } from './workbook-format.js';
import { attribute, scanXml, unescapeXstring, xmlText, type XmlHandler } from './workbook-xml.js';

export interface SheetEntry {
  readonly name: string;
  /** The relationship id (r:id) that leads to the sheet's part. */
  readonly rel: string;
}

export interface WorkbookInfo {
  readonly sheets: readonly SheetEntry[];
  /** The 1904 date system is in use (workbookPr date1904, ECMA-376 Part 1, 18.2.28). */
  readonly date1904: boolean;
}

/** Sheets in workbook order (ECMA-376 Part 1, 18.2.20 sheets, 18.2.19 sheet: name and r:id). */
export function readWorkbookPart(bytes: Uint8Array): WorkbookInfo {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(bytes, {
    open(name, attrs) {
      if (name === 'sheet') sheets.push({ name: attribute(attrs, 'name') ?? '', rel: attribute(attrs, 'id') ?? '' });
      // An xsd:boolean: "1" or "true" (ECMA-376 Part 1, 18.2.28).
      else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attrs, 'date1904') ?? '');
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

export interface Relationship {
  readonly id: string;
  /** The target part's name, without a leading '/'. */
  readonly target: string;
  readonly type: string;
}

/**
 * A relationships part's internal relationships, targets resolved to part names: a relative
 * target is relative to the folder of the part that owns the relationships (ECMA-376 Part 2, 9.3).
 */
export function readRelationships(bytes: Uint8Array, ownerFolder: string): Relationship[] {
  const targets: Relationship[] = [];
  scanXml(bytes, {
    open(name, attrs) {
      const id = attribute(attrs, 'Id');
      const target = attribute(attrs, 'Target');
      if (name !== 'Relationship' || id === undefined || target === undefined) return;
      if (attribute(attrs, 'TargetMode') === 'External') return;
      targets.push({ id, target: resolvePart(ownerFolder, target), type: attribute(attrs, 'Type') ?? '' });
    },
    close() {},
    text() {},
  });
  return targets;
}

function resolvePart(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${folder}/${target}`;
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Each cell format's number kind, by the index a cell's `s` attribute gives: the xf elements of
 * cellXfs (ECMA-376 Part 1, 18.8.10 cellXfs, 18.8.45 xf numFmtId), whose formats are the built-in
 * ones or numFmts' custom codes (18.8.30 numFmt, 18.8.31 numFmts).
 */
export function readStyles(bytes: Uint8Array): NumberKind[] {
  const codes = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  scanXml(bytes, {
    open(name, attrs, selfClosing) {
      if (name === 'numFmt') codes.set(Number(attribute(attrs, 'numFmtId')), attribute(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) xfIds.push(Number(attribute(attrs, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfIds.map((id) => numberKind(id, codes.get(id)));
}

/**
 * The shared string table (ECMA-376 Part 1, 18.4.9 sst, 18.4.8 si): each item's text is its t,
 * or the t of its rich text runs (18.4.4 r) joined; phonetic runs (18.4.6 rPh) are not the text.
 */
export function readSharedStrings(bytes: Uint8Array): string[] {
  const strings: string[] = [];
  const text = new StringItem();
  scanXml(bytes, {
    open(name) {
      if (name === 'si') text.start();
      else text.open(name);
    },
    close(name) {
      if (name === 'si') strings.push(text.finish());
      else text.close(name);
    },
    text(raw, cdata) {
      text.text(raw, cdata);
    },
  });
  return strings;
}

/** Collects the text of a string item (an si, or a cell's inline is, 18.3.1.53): its t elements outside rPh. */
export class StringItem implements Pick<XmlHandler, 'close' | 'text'> {
  private parts: string[] = [];
  private inT = false;
  private phonetic = 0;

  start(): void {
    this.parts = [];
    this.inT = false;
    this.phonetic = 0;
  }

  open(name: string): void {
    if (name === 't') this.inT = this.phonetic === 0;
    else if (name === 'rPh') this.phonetic++;
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.phonetic--;
  }

  text(raw: string, cdata: boolean): void {
    if (this.inT) this.parts.push(cdata ? raw : xmlText(raw));
  }

  finish(): string {
    return unescapeXstring(this.parts.join(''));
  }
}
