// Expected cells are written by hand from the fixtures' sources: scripts/gen-workbooks.mjs (the data
// given to write-excel-file, and the literal SpreadsheetML of dates.xlsx). Zips made here use fflate,
// a writer independent of spc's reader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SpcError } from './errors.js';
import { isWorkbook, readWorkbook, WORKBOOK_LIMITS } from './workbook.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'layouts');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const cells = (name: string, sheet?: string) => readWorkbook(fixture(name), name, { sheet }).rows.map((r) => [r.line, ...r.cells]);

/** The SpcError's located message readWorkbook throws, or '' when it throws none. */
function refusal(bytes: Uint8Array, file: string, options = {}): string {
  try {
    readWorkbook(bytes, file, options);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(SpcError);
    expect((e as SpcError).exitCode).toBe(1);
    return (e as SpcError).located;
  }
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** A minimal workbook of one sheet "Data" (ECMA-376 Part 1, 18.2.27 workbook; Part 2, 9.3 relationships). */
function workbook(sheetXml: string, extra: Record<string, Uint8Array> = {}): Record<string, Uint8Array> {
  return {
    'xl/workbook.xml': strToU8(`<workbook ${MAIN} xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
    ...extra,
  };
}
const rowsXml = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');

describe('reading the layout fixtures', () => {
  it('reads long.xlsx: month dates formatted mmm-yy become YYYY-MM', () => {
    const burglary = [12, 15, 11, 14, 13, 16];
    const robbery = [3, 4, 2, 5, 3, 4];
    const expected = [[1, 'Measure', 'Period', 'Value']];
    burglary.forEach((v, i) => expected.push([i + 2, 'Burglary', `2023-0${i + 1}`, String(v)]));
    robbery.forEach((v, i) => expected.push([i + 8, 'Robbery', `2023-0${i + 1}`, String(v)]));
    expect(cells('long.xlsx')).toEqual(expected);
  });

  it('reads wide.xlsx, trailing empty Notes cells trimmed', () => {
    expect(cells('wide.xlsx')).toEqual([
      [1, 'Month', 'Burglary', 'Robbery', 'Notes'],
      [2, '2023-01', '12', '3', 'checked'],
      [3, '2023-02', '15', '4'],
      [4, '2023-03', '11', '2', 'revised'],
      [5, '2023-04', '14', '5'],
      [6, '2023-05', '13', '3'],
      [7, '2023-06', '16', '4', 'provisional'],
    ]);
  });

  it('reads across.xlsx: text headers stay text', () => {
    expect(cells('across.xlsx')).toEqual([
      [1, 'Measure', 'Jan-23', 'Feb-23', 'Mar-23', 'Apr-23', 'May-23', 'Jun-23'],
      [2, 'Burglary', '12', '15', '11', '14', '13', '16'],
      [3, 'Robbery', '3', '4', '2', '5', '3', '4'],
    ]);
  });

  it('reads dates.xlsx: every cell type and format, the blank row skipped, the merged title as one cell', () => {
    const grid = readWorkbook(fixture('dates.xlsx'), 'dates.xlsx');
    expect(grid.sheet).toBe('Data');
    expect(grid.sheets).toEqual(['Data', 'Notes']);
    // Serials: Microsoft's DATE documentation gives 39448 = 2008-01-01; 45292 is 5844 days (16 years
    // of 365 days plus 4 leap days: 2008, 2012, 2016, 2020) later = 2024-01-01, then +31 = 2024-02-01,
    // +60 (Jan 31 + Feb 29) = 2024-03-01, +91 = 2024-04-01. 0.75 of a day is 18:00, 0.5 is 12:00.
    expect(grid.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [1, 'Quarterly pack: burglary'],
      [2, 'Date', 'Text period', 'Share', 'Count', 'Total', 'Uncached', 'Status', 'Flag'],
      [3, '2024-01-01', '2024-01', '12.5%', '12', '24', '', '#N/A', 'TRUE'],
      [5, '2024-02-01', 'Feb 2024', '7%', '15', 'ok', 'rich text', '#DIV/0!', 'FALSE'],
      [6, '2024-03-01', '2024-03', '0.30000000000000004', '2024-04', 'A & B <C>', 'Line\rbreak', '', '12:00:00'],
    ]);
    expect(grid.warnings).toEqual([
      'dates.xlsx[Data]!F3: formula with no cached value read as missing (open and save the workbook in Excel to store its values)',
    ]);
  });

  it('honours the 1904 date system: serial 0 is 1904-01-01, and 1462 days fewer name the same day', () => {
    // Microsoft, "Date systems in Excel": the two systems differ by 1,462 days; 45292 - 1462 = 43830.
    expect(cells('dates-1904.xlsx')).toEqual([[1, '1904-01-01', '2024-01-01']]);
  });

  it('knows a zip by its magic number', () => {
    expect(isWorkbook(fixture('long.xlsx'))).toBe(true);
    expect(isWorkbook(fixture('legacy.xls'))).toBe(false);
    expect(isWorkbook(strToU8('Measure,Period\n'))).toBe(false);
  });
});

describe('choosing the sheet', () => {
  it('takes a name exactly, then in any case, then a 1-based number', () => {
    expect(cells('dates.xlsx', 'Notes')).toEqual([[1, 'Source: test fixture']]);
    expect(cells('dates.xlsx', 'notes')).toEqual([[1, 'Source: test fixture']]);
    expect(readWorkbook(fixture('dates.xlsx'), 'dates.xlsx', { sheet: '2' }).sheet).toBe('Notes');
  });

  it('names the sheets when the one asked for is missing', () => {
    expect(refusal(fixture('dates.xlsx'), 'pack.xlsx', { sheet: 'Foo' })).toBe('pack.xlsx: no sheet "Foo"; the sheets are: Data, Notes');
    expect(refusal(fixture('dates.xlsx'), 'pack.xlsx', { sheet: '3' })).toBe('pack.xlsx: no sheet number 3; the workbook has 2 sheets: Data, Notes');
  });
});

describe('refusing what is not a readable workbook', () => {
  const save = 'save it as Excel Workbook (.xlsx) or CSV UTF-8';
  it('refuses .xls, .ods, .xlsb and password-protected workbooks, saying what to save them as', () => {
    expect(refusal(fixture('legacy.xls'), 'old.xls')).toBe(`old.xls: an old-format Excel workbook (.xls), which spc does not read: ${save}`);
    expect(refusal(fixture('book.ods'), 'book.ods')).toBe(`book.ods: an OpenDocument spreadsheet (.ods), which spc does not read: ${save}`);
    const xlsb = zipSync({ 'xl/workbook.bin': new Uint8Array(8) });
    expect(refusal(xlsb, 'b.xlsb')).toBe(`b.xlsb: an Excel Binary Workbook (.xlsb), which spc does not read: ${save}`);
    const encrypted = new Uint8Array(1024);
    encrypted.set(fixture('legacy.xls').subarray(0, 8));
    encrypted.set(Buffer.from('EncryptionInfo', 'utf16le'), 600);
    expect(refusal(encrypted, 'secret.xlsx')).toMatch(/^secret\.xlsx: a password-protected workbook, which spc cannot open: remove the password/);
  });

  it('refuses a zip that holds no workbook, and bytes that are no zip', () => {
    expect(refusal(zipSync({ 'readme.txt': strToU8('hello') }), 'a.zip')).toBe(
      'a.zip: a zip archive but not an Excel workbook (it has no xl/workbook.xml): save the data as Excel Workbook (.xlsx) or CSV UTF-8',
    );
    expect(refusal(strToU8('Measure,Value\n'), 'a.xlsx')).toMatch(/^a\.xlsx: not an Excel workbook \(\.xlsx or \.xlsm\)/);
  });

  it('refuses a corrupt zip with a short reason', () => {
    const whole = fixture('long.xlsx');
    expect(refusal(whole.subarray(0, whole.length >> 1), 'cut.xlsx')).toBe(
      'cut.xlsx: not a readable workbook (no zip end-of-archive record; the file is cut short or is not a zip archive)',
    );
    const files = workbook(`<worksheet ${MAIN}><sheetData>${rowsXml(50)}</sheetData></worksheet>`);
    const zip = zipSync(files);
    const at = Buffer.from(zip).indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length; // local header name, then data
    zip.fill(0xff, at + 2, at + 12);
    expect(refusal(zip, 'bad.xlsx')).toMatch(/^bad\.xlsx: not a readable workbook \(xl\/worksheets\/sheet1\.xml does not inflate \(/);
  });

  it('reads SpreadsheetML whose namespace has a prefix, and rows and cells without r', () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(readWorkbook(zipSync(workbook(xml)), 'p.xlsx').rows).toEqual([
      { cells: ['a', '2'], line: 1 },
      { cells: ['', '', '3'], line: 2 },
    ]);
  });
});

describe('limits', () => {
  const sheet = `<worksheet ${MAIN}><sheetData>${rowsXml(2000)}</sheetData></worksheet>`; // about 74 KB
  it('are 500 MB of XML and 10 million cells by default', () => {
    expect(WORKBOOK_LIMITS).toEqual({ maxUncompressedBytes: 500_000_000, maxCells: 10_000_000 });
  });

  it('refuse a sheet whose declared size is over the byte limit', () => {
    const limits = { maxUncompressedBytes: 20_000, maxCells: 1e6 };
    expect(refusal(zipSync(workbook(sheet)), 'pack.xlsx', { limits })).toMatch(
      /^pack\.xlsx: the workbook's Data sheet is larger than spc reads \(\d+(\.\d)? KB uncompressed; limit 20 KB\): save the sheet as CSV UTF-8$/,
    );
  });

  it('refuse a zip bomb whose header understates the size it inflates to', () => {
    const zip = zipSync(workbook(sheet));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
    // Declare 100 bytes uncompressed in the local header (offset 22) and the central directory
    // header (offset 24) of the sheet's entry (APPNOTE.TXT 4.3.7, 4.3.12).
    const local = buf.indexOf(name) - 30;
    const central = buf.lastIndexOf(name) - 46;
    expect([buf.readUInt32LE(local), buf.readUInt32LE(central)]).toEqual([0x04034b50, 0x02014b50]);
    buf.writeUInt32LE(100, local + 22);
    buf.writeUInt32LE(100, central + 24);
    const limits = { maxUncompressedBytes: 20_000, maxCells: 1e6 };
    expect(refusal(zip, 'bomb.xlsx', { limits })).toMatch(
      /^bomb\.xlsx: the workbook's Data sheet is larger than spc reads \(more than 20 KB, although the zip header says \d+ bytes uncompressed; limit 20 KB\)/,
    );
  });

  it('refuse a sheet with more cells than the cell limit', () => {
    expect(refusal(fixture('dates.xlsx'), 'pack.xlsx', { limits: { maxUncompressedBytes: 1e6, maxCells: 5 } })).toBe(
      "pack.xlsx: the workbook's Data sheet has more cells than spc reads (limit 5 cells with values): save the sheet as CSV UTF-8",
    );
  });
});
