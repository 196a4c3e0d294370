/**
 * A grid read as a table: its header found (title and blank rows above it skipped), rows kept or
 * left out by `--where`, its layout chosen from the header and the first rows, then every row read
 * in that layout as it is scanned. The first error is kept and thrown once the whole grid has been
 * scanned, so a CSV syntax error later in the file is reported first.
 */
import type { Role } from './columns.js';
import { normaliseHeader } from './columns.js';
import type { GridSource } from './csv-grid.js';
import type { GridRow } from './grid.js';
import { layoutReader, type LayoutReader } from './layout-readers.js';
import { chooseLayout, type Layout, type LayoutPlan } from './layouts.js';
import { cellError, type Reading } from './reading.js';
import type { RawSeries } from './series.js';

export interface TableOptions {
  readonly layout?: Layout;
  /** Header names given for roles (`--measure-col` and friends; the measure may name several columns, comma-separated). */
  readonly columns?: Partial<Record<Role, string>>;
  /** Rows kept: those whose column equals the value (`--where COL=VALUE`, case-insensitive). */
  readonly where?: readonly { readonly column: string; readonly value: string }[];
  /** The measure of a table without measure columns. */
  readonly fallbackMeasure: string;
}

/** A table read: its series, the layout and why, warnings about the table, notes for --verbose. */
export interface TableRead {
  readonly series: RawSeries[];
  readonly layout: Layout;
  readonly reason: string;
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
}

/** Rows looked at before the layout is chosen (the header is among the first HEADER_SEARCH). */
const SAMPLE_ROWS = 100;
const HEADER_SEARCH = 20;

export function readTable(source: GridSource, options: TableOptions, reading: Reading): TableRead {
  const state = new TableState(source, options, reading);
  source.scan({ row: (r) => state.row(r) });
  return state.end();
}

/** A filter of `--where`, with its column found in the header. */
interface Where {
  readonly index: number;
  readonly column: string;
  readonly value: string;
  readonly lower: string;
  matched: number;
  caseDiffered: boolean;
  readonly seen: Set<string>;
}

class TableState {
  private readonly buffer: GridRow[] = [];
  private header: readonly string[] | null = null;
  private headerLine = 0;
  private skipped = 0;
  private plan: LayoutPlan | null = null;
  private reader: LayoutReader | null = null;
  private where: Where[] = [];
  private dataRows = 0;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly source: GridSource,
    private readonly options: TableOptions,
    private readonly reading: Reading,
  ) {}

  row(r: GridRow): void {
    if (this.failure !== null) return;
    try {
      if (this.reader) this.dataRow(r);
      else {
        this.buffer.push(r);
        if (this.buffer.length >= HEADER_SEARCH + SAMPLE_ROWS) this.start();
      }
    } catch (error) {
      this.failure = { error };
    }
  }

  end(): TableRead {
    if (this.failure === null && !this.reader) {
      try {
        this.start();
      } catch (error) {
        this.failure = { error };
      }
    }
    if (this.failure !== null) throw this.failure.error;
    if (this.dataRows === 0) throw this.noRowsMatch();
    const { series, warnings } = this.reader!.finish();
    return { series, layout: this.plan!.kind, reason: this.plan!.reason, warnings, notes: this.notes() };
  }

  /** The header, the filters and the layout, from the buffered rows; then the buffered data rows. */
  private start(): void {
    if (this.buffer.length === 0) throw cellError(this.reading, undefined, undefined, 'the file is empty');
    const h = headerRow(this.buffer);
    this.skipped = h;
    const headerRowCells = this.buffer[h].cells.map((c) => c.trim());
    while (headerRowCells.length > 1 && headerRowCells[headerRowCells.length - 1] === '') headerRowCells.pop();
    this.header = headerRowCells;
    this.headerLine = this.buffer[h].line;
    this.where = (this.options.where ?? []).map((w) => this.findWhere(w));
    if (this.buffer.length === h + 1) throw cellError(this.reading, this.headerLine, undefined, 'no data rows after the header');
    const data = this.buffer.slice(h + 1).filter((r) => this.kept(r));
    if (data.length === 0 && this.buffer.length < HEADER_SEARCH + SAMPLE_ROWS) throw this.noRowsMatch();
    this.plan = chooseLayout({ header: this.header, headerLine: this.headerLine, sample: data, layout: this.options.layout, columns: this.options.columns }, this.reading);
    this.reader = layoutReader(this.plan, { header: this.header, headerLine: this.headerLine, fallbackMeasure: this.options.fallbackMeasure }, this.reading);
    for (const r of data) this.read(r);
    this.buffer.length = 0;
  }

  private dataRow(r: GridRow): void {
    if (this.kept(r)) this.read(r);
  }

  private read(r: GridRow): void {
    this.dataRows++;
    this.reader!.row(r);
  }

  private findWhere(w: { column: string; value: string }): Where {
    const index = this.header!.map(normaliseHeader).indexOf(normaliseHeader(w.column));
    if (index < 0) throw cellError(this.reading, this.headerLine, undefined, `no column "${w.column}" (--where); the columns are: ${this.header!.join(', ')}`);
    return { index, column: this.header![index], value: w.value.trim(), lower: w.value.trim().toLowerCase(), matched: 0, caseDiffered: false, seen: new Set() };
  }

  /** Whether a row passes every `--where` (values compared trimmed and case-insensitively). */
  private kept(r: GridRow): boolean {
    for (const w of this.where) {
      const v = (r.cells[w.index] ?? '').trim();
      if (v.toLowerCase() !== w.lower) {
        if (w.seen.size < 1000) w.seen.add(v);
        return false;
      }
      w.matched++;
      if (v !== w.value) w.caseDiffered = true;
    }
    return true;
  }

  /** No data row passed the `--where` filters: the error names them and the values there are. */
  private noRowsMatch(): Error {
    const filtered = this.where.map((w) => `${w.column}=${w.value}`).join(' and ');
    return cellError(this.reading, this.headerLine, undefined, `no data rows match --where ${filtered}${this.whereValues()}`);
  }

  /** The values a `--where` column holds, for the message when nothing matched. */
  private whereValues(): string {
    const w = this.where.find((x) => x.matched === 0) ?? this.where[0];
    const values = [...w.seen].filter((v) => v !== '').sort((a, b) => a.localeCompare(b, 'en'));
    if (values.length === 0) return '';
    const shown = values.slice(0, 12).map((v) => JSON.stringify(v)).join(', ');
    return `; column ${w.column} holds ${shown}${values.length > 12 ? `, ... (${values.length} values)` : ''}`;
  }

  private notes(): string[] {
    const notes = [...this.source.notes];
    if (this.skipped) notes.push(`skipped ${this.skipped} row${this.skipped === 1 ? '' : 's'} above the header (a title?)`);
    notes.push(`header on line ${this.headerLine}`);
    for (const w of this.where) notes.push(`--where ${w.column}=${w.value}: ${w.matched} row${w.matched === 1 ? '' : 's'}${w.caseDiffered ? ' (matched ignoring case)' : ''}`);
    return notes;
  }
}

/**
 * The header is the first row with at least two filled cells: a title above the table (one cell,
 * perhaps merged across the columns) or a one-cell note is skipped. Returns its index in `rows`
 * (0 when none of the first rows has two filled cells: that row's own error will say what is wrong).
 */
export function headerRow(rows: readonly GridRow[]): number {
  const limit = Math.min(rows.length, HEADER_SEARCH);
  for (let k = 0; k < limit; k++) {
    let filled = 0;
    for (const c of rows[k].cells) if (c.trim() !== '' && ++filled >= 2) return k;
  }
  return 0;
}
