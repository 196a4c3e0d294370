/**
 * A worksheet part's cells as texts (ECMA-376 Part 1, 18.3.1.80 sheetData, 18.3.1.73 row, 18.3.1.4
 * c): each cell's cached value by its type (18.18.11 ST_CellType) and number format.
 */
import type { GridRow } from './grid.js';
import { isShortestDecimal, numberText, type NumberKind } from './workbook-format.js';
import { StringItem } from './workbook-parts.js';
import { attribute, eachAttribute, scanXml, xmlText, type XmlHandler } from './workbook-xml.js';

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly kinds: readonly NumberKind[];
  readonly date1904: boolean;
  readonly maxCells: number;
}

export interface SheetCells {
  readonly rows: GridRow[];
  /** Cells (row, column) holding a formula with no cached value, in sheet order. */
  readonly uncached: Array<readonly [number, number]>;
}

/** The sheet holds more cells with values than the limit. */
export class TooManyCells extends Error {
  override readonly name = 'TooManyCells';
  constructor(readonly limit: number) {
    super(`more than ${limit} cells`);
  }
}

/** A cell reference's column number: the letters of "BC12" → 55 (A1 notation, 18.18.62 ST_CellRef). */
export function refColumn(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return col;
}

/** Reads a sheet part's non-blank rows; a row's cells[i] is column i+1, trailing empty cells dropped. */
export function readSheetPart(bytes: Uint8Array, context: SheetContext): SheetCells {
  const reader = new SheetReader(context);
  scanXml(bytes, reader);
  return { rows: reader.rows, uncached: reader.uncached };
}

class SheetReader implements XmlHandler {
  readonly rows: GridRow[] = [];
  readonly uncached: Array<readonly [number, number]> = [];
  private row = 0;
  private column = 0;
  private cells: string[] = [];
  private count = 0;
  // The cell being read: its type (t), format index (s), formula seen, cached value <v>.
  private type = 'n';
  private style = 0;
  private formula = false;
  private value: string | undefined;
  private capture = false;
  private inline: StringItem | null = null;

  constructor(private readonly context: SheetContext) {}

  open(name: string, attrs: string, selfClosing: boolean): void {
    if (this.inline) return this.inline.open(name);
    if (name === 'c') {
      // r is optional on c and row: a cell without one follows the previous (18.3.1.4, 18.3.1.73).
      let column = this.column + 1;
      this.type = 'n';
      this.style = 0;
      eachAttribute(attrs, (key, value) => {
        if (key === 'r') column = refColumn(value);
        else if (key === 't') this.type = value;
        else if (key === 's') this.style = Number(value);
      });
      this.column = column;
      this.formula = false;
      this.value = undefined;
    } else if (name === 'v') {
      this.value = '';
      this.capture = !selfClosing;
    } else if (name === 'f') this.formula = true;
    else if (name === 'is') {
      this.inline = new StringItem();
      this.inline.start();
    } else if (name === 'row') {
      const r = attribute(attrs, 'r');
      this.row = r ? Number(r) : this.row + 1;
      this.column = 0;
      this.cells = [];
    }
  }

  close(name: string): void {
    if (this.inline) {
      if (name !== 'is') return this.inline.close(name);
      this.value = this.inline.finish();
      this.inline = null;
    } else if (name === 'v') this.capture = false;
    else if (name === 'c') this.endCell();
    else if (name === 'row') this.endRow();
  }

  text(raw: string, cdata: boolean): void {
    if (this.inline) this.inline.text(raw, cdata);
    else if (this.capture) this.value += cdata ? raw : xmlText(raw);
  }

  private endCell(): void {
    if (this.value === undefined) {
      if (this.formula) this.uncached.push([this.row, this.column]);
      return;
    }
    const text = this.cellText(this.value);
    if (text === '') return;
    if (++this.count > this.context.maxCells) throw new TooManyCells(this.context.maxCells);
    for (let i = this.cells.length; i < this.column - 1; i++) this.cells.push('');
    this.cells[this.column - 1] = text;
  }

  private endRow(): void {
    if (this.cells.length > 0) this.rows.push({ cells: this.cells, line: this.row });
    this.cells = [];
  }

  /** The cached value as text by cell type (18.18.11): b, d, e, inlineStr, n, s, str. */
  private cellText(v: string): string {
    const { sharedStrings, kinds, date1904 } = this.context;
    switch (this.type) {
      case 's':
        return sharedStrings[Number(v)] ?? '';
      case 'b':
        return v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
      case 'e': // the error as Excel shows it: #N/A, #DIV/0!, #VALUE!, ...
      case 'str': // a formula's string result
      case 'inlineStr':
        return v;
      case 'd': // a date in ISO 8601 form (18.18.11)
        return this.kind() === 'month' ? v.slice(0, 7) : /^\d{4}-\d\d-\d\d/.test(v) ? v.slice(0, 10) : v;
      default: {
        const kind = kinds[this.style] ?? 'number';
        if (kind === 'number' && isShortestDecimal(v)) return v; // saves String(Number(v)) on most cells
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n)) return v.trim();
        return numberText(n, kind, date1904);
      }
    }
  }

  private kind(): NumberKind {
    return this.context.kinds[this.style] ?? 'number';
  }
}
