/**
 * Excel workbooks (.xlsx, .xlsm: SpreadsheetML in an Open Packaging Conventions zip, ECMA-376
 * Parts 1 and 2) read into a grid: one sheet's non-blank rows of cell texts, as the CSV readers
 * see a CSV file. docs/workbooks.md says why spc reads them itself, on Node's zlib.
 */
import { inputError, SpcError } from './errors.js';
import { located, sheetLocator, type GridRow } from './grid.js';
import type { NumberKind } from './workbook-format.js';
import { readRelationships, readSharedStrings, readStyles, readWorkbookPart, type Relationship } from './workbook-parts.js';
import { readSheetPart, TooManyCells } from './workbook-sheet.js';
import { refuseNonWorkbook } from './workbook-refuse.js';
import { XmlError } from './workbook-xml.js';
import { readEntry, ZipError, ZipTooLarge, zipEntries, type ZipEntry } from './workbook-zip.js';

export interface WorkbookLimits {
  readonly maxUncompressedBytes: number;
  readonly maxCells: number;
}

/**
 * 500 MB of uncompressed XML is about 15 million numeric cells (a 20 MB test workbook held 2.7
 * million in 87 MB), far beyond any SPC table, and the inflated bytes stay within a laptop's memory;
 * reading 2.7 million cells peaked at 470 MB RSS, so 10 million cells is about 1.5 GB
 * (docs/workbooks.md). Past either limit, CSV is the better way in.
 */
export const WORKBOOK_LIMITS: WorkbookLimits = { maxUncompressedBytes: 500_000_000, maxCells: 10_000_000 };

export interface SheetGrid {
  readonly sheet: string;
  readonly sheets: readonly string[];
  readonly rows: readonly GridRow[];
  readonly warnings: readonly string[];
}

export interface WorkbookOptions {
  /** A sheet name (exact, then ignoring case) or a 1-based index as text; default the first sheet. */
  readonly sheet?: string;
  readonly limits?: WorkbookLimits;
}

/** A zip archive's local file header signature PK\x03\x04 (APPNOTE.TXT 4.3.7): .xlsx, .xlsm (and .ods). */
export function isWorkbook(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const MAX_WARNINGS = 20; // located uncached-formula warnings; the rest are counted in one more

/** One sheet of a workbook as a grid, or an SpcError naming the file and what to do. */
export function readWorkbook(bytes: Uint8Array, file: string, options: WorkbookOptions = {}): SheetGrid {
  const fail = (message: string) => inputError(file, undefined, undefined, message);
  refuseNonWorkbook(bytes, fail);
  try {
    return readParts(bytes, file, options, fail);
  } catch (e) {
    if (e instanceof SpcError) throw e;
    if (e instanceof ZipError || e instanceof XmlError) throw fail(`not a readable workbook (${e.message})`);
    throw fail(`not a readable workbook (${e instanceof Error ? e.message : String(e)})`);
  }
}

type Fail = (message: string) => SpcError;

function readParts(bytes: Uint8Array, file: string, options: WorkbookOptions, fail: Fail): SheetGrid {
  const limits = options.limits ?? WORKBOOK_LIMITS;
  const entries = zipEntries(bytes);
  refuseOtherPackages(entries, bytes, fail);
  const reader = new PartReader(bytes, entries, limits.maxUncompressedBytes);
  const book = readWorkbookPart(reader.read(entries.get('xl/workbook.xml')!));
  const rels = readRelationships(reader.read(entries.get('xl/_rels/workbook.xml.rels')), 'xl');
  const sheets = book.sheets.map((s) => s.name);
  if (sheets.length === 0) throw fail('not a readable workbook (it lists no sheets)');
  const index = chooseSheet(sheets, options.sheet, fail);
  const sheet = sheets[index];
  const sheetPart = partOf(rels, (r) => r.id === book.sheets[index].rel, '');
  const stylesPart = partOf(rels, (r) => r.type.endsWith('/styles'), 'xl/styles.xml');
  const stringsPart = partOf(rels, (r) => r.type.endsWith('/sharedStrings'), 'xl/sharedStrings.xml');
  const sheetEntry = entries.get(sheetPart.toLowerCase());
  if (!sheetEntry) throw fail(`not a readable workbook (the ${sheet} sheet's part ${sheetPart || '(none)'} is missing)`);
  const parts = [sheetEntry, entries.get(stylesPart.toLowerCase()), entries.get(stringsPart.toLowerCase())];
  const tooLarge = (n: string) =>
    fail(`the workbook's ${sheet} sheet is larger than spc reads (${n} uncompressed; limit ${bytesText(limits.maxUncompressedBytes)}): save the sheet as CSV UTF-8`);
  const declared = reader.used + parts.reduce((sum, e) => sum + (e?.size ?? 0), 0);
  if (declared > limits.maxUncompressedBytes) throw tooLarge(bytesText(declared));
  try {
    const kinds: NumberKind[] = parts[1] ? readStyles(reader.read(parts[1])) : [];
    const sharedStrings = parts[2] ? readSharedStrings(reader.read(parts[2])) : [];
    const cells = readSheetPart(reader.read(sheetEntry), { sharedStrings, kinds, date1904: book.date1904, maxCells: limits.maxCells });
    return { sheet, sheets, rows: cells.rows, warnings: uncachedWarnings(file, sheet, cells.uncached) };
  } catch (e) {
    if (e instanceof ZipTooLarge) throw tooLarge(`more than ${bytesText(limits.maxUncompressedBytes)}, although the zip header says ${bytesText(declared)}`);
    if (e instanceof TooManyCells) {
      throw fail(`the workbook's ${sheet} sheet has more cells than spc reads (limit ${e.limit.toLocaleString('en-GB')} cells with values): save the sheet as CSV UTF-8`);
    }
    throw e;
  }
}

/** Reads parts under one budget of uncompressed bytes for the whole workbook. */
class PartReader {
  used = 0;
  constructor(private readonly bytes: Uint8Array, private readonly entries: Map<string, ZipEntry>, private readonly budget: number) {}

  /** A part's bytes (empty when the part is absent, as an optional part may be). */
  read(entry: ZipEntry | undefined): Uint8Array {
    if (!entry) return new Uint8Array(0);
    const data = readEntry(this.bytes, entry, this.budget - this.used);
    this.used += data.length;
    return data;
  }
}

function partOf(rels: readonly Relationship[], which: (r: Relationship) => boolean, fallback: string): string {
  return rels.find(which)?.target ?? fallback;
}

/** A zip that is some other package: OpenDocument, Excel's binary workbook, or no workbook at all. */
function refuseOtherPackages(entries: Map<string, ZipEntry>, bytes: Uint8Array, fail: Fail): void {
  const mimetype = entries.get('mimetype');
  if (mimetype) {
    // OpenDocument packages name their type in a first, stored "mimetype" file (ODF 1.2 Part 3, 3.3).
    const type = new TextDecoder().decode(readEntry(bytes, mimetype, 200));
    if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
      throw fail('an OpenDocument spreadsheet (.ods), which spc does not read: save it as Excel Workbook (.xlsx) or CSV UTF-8');
    }
  }
  if (entries.has('xl/workbook.bin')) {
    throw fail('an Excel Binary Workbook (.xlsb), which spc does not read: save it as Excel Workbook (.xlsx) or CSV UTF-8');
  }
  if (!entries.has('xl/workbook.xml')) {
    throw fail('a zip archive but not an Excel workbook (it has no xl/workbook.xml): save the data as Excel Workbook (.xlsx) or CSV UTF-8');
  }
}

/** The index of the sheet asked for: its exact name, its name in any case, or its 1-based number. */
export function chooseSheet(sheets: readonly string[], wanted: string | undefined, fail: Fail): number {
  if (wanted === undefined) return 0;
  const exact = sheets.indexOf(wanted);
  if (exact >= 0) return exact;
  const folded = sheets.findIndex((s) => s.toLowerCase() === wanted.toLowerCase());
  if (folded >= 0) return folded;
  if (/^\d+$/.test(wanted.trim())) {
    const n = Number(wanted.trim());
    if (n >= 1 && n <= sheets.length) return n - 1;
    const count = sheets.length === 1 ? 'one sheet' : `${sheets.length} sheets`;
    return thrown(fail(`no sheet number ${n}; the workbook has ${count}: ${sheets.join(', ')}`));
  }
  return thrown(fail(`no sheet "${wanted}"; the sheets are: ${sheets.join(', ')}`));
}

function thrown(e: Error): never {
  throw e;
}

/** Located warnings for formula cells with no cached value, the first few each, then a count. */
function uncachedWarnings(file: string, sheet: string, cells: ReadonlyArray<readonly [number, number]>): string[] {
  const at = sheetLocator(file, sheet);
  const warnings = cells
    .slice(0, MAX_WARNINGS)
    .map(([r, c]) => `${located(at(r, c))}: formula with no cached value read as missing (open and save the workbook in Excel to store its values)`);
  if (cells.length > MAX_WARNINGS) {
    warnings.push(`${located(at())}: ${cells.length - MAX_WARNINGS} more formulas with no cached value read as missing`);
  }
  return warnings;
}

/** A byte count as people read it, in decimal units (1 MB = 1,000,000 bytes). */
export function bytesText(n: number): string {
  if (n >= 1e6) return `${Number((n / 1e6).toPrecision(3))} MB`;
  if (n >= 1e3) return `${Number((n / 1e3).toPrecision(3))} KB`;
  return `${n} bytes`;
}
