// Writes the workbook fixtures of test/fixtures/layouts/, and the bad-input corpus's workbook-bad-cell.xlsx (run: node scripts/gen-workbooks.mjs).
// long, wide and across are written by write-excel-file, a writer that shares none of spc's code
// or assumptions; dates.xlsx and dates-1904.xlsx need what that writer does not write (cached
// formula values, error cells, rich text), so their SpreadsheetML is literal below, for a reviewer
// to check against ECMA-376 Part 1, and zipped with fflate. legacy.xls and book.ods are just enough
// of those formats for spc to recognise and refuse.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/node';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'layouts');
mkdirSync(out, { recursive: true });
const MTIME = new Date('2024-01-01T00:00:00Z'); // fixed, so the zips are the same on every run

const months = [1, 2, 3, 4, 5, 6].map((m) => new Date(Date.UTC(2023, m - 1, 1)));
const burglary = [12, 15, 11, 14, 13, 16];
const robbery = [3, 4, 2, 5, 3, 4];
const month = (d) => ({ value: d, type: Date, format: 'mmm-yy' });

async function writeLayouts() {
  const long = [['Measure', 'Period', 'Value']];
  for (const [measure, values] of [['Burglary', burglary], ['Robbery', robbery]]) {
    months.forEach((d, i) => long.push([measure, month(d), values[i]]));
  }
  const notes = ['checked', null, 'revised', null, null, 'provisional'];
  const wide = [['Month', 'Burglary', 'Robbery', 'Notes'], ...months.map((d, i) => [month(d), burglary[i], robbery[i], notes[i]])];
  const across = [
    ['Measure', 'Jan-23', 'Feb-23', 'Mar-23', 'Apr-23', 'May-23', 'Jun-23'],
    ['Burglary', ...burglary],
    ['Robbery', ...robbery],
  ];
  for (const [name, data] of [['long', long], ['wide', wide], ['across', across]]) {
    writeFileSync(join(out, `${name}.xlsx`), await writeExcelFile(data, { sheet: 'Data' }).toBuffer());
  }
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// Styles (18.8.39 styleSheet): custom formats from id 164 (18.8.30); cellXfs index = a cell's s.
const styles = `${XML}<styleSheet xmlns="${MAIN}">
  <numFmts count="4">
    <numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>
    <numFmt numFmtId="165" formatCode="mmmm\\ yyyy"/>
    <numFmt numFmtId="166" formatCode="[$-809]yyyy\\-mm\\-dd\\ hh:mm;@"/>
    <numFmt numFmtId="167" formatCode="&quot;Rate: &quot;0.0"/>
  </numFmts>
  <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
  <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
  <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
  <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
  <cellXfs count="9">
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="17" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  </cellXfs>
</styleSheet>`;

// Shared strings (18.4.9 sst); item 4 is rich text in two runs (18.4.4 r) with a phonetic run (18.4.6 rPh) that is not text.
const sharedStrings = `${XML}<sst xmlns="${MAIN}" count="6" uniqueCount="6">
  <si><t>Quarterly pack: burglary</t></si>
  <si><t>Date</t></si>
  <si><t>Text period</t></si>
  <si><t>2024-01</t></si>
  <si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>
  <si><t>Line_x000D_break</t></si>
</sst>`;

// The Data sheet (18.3.1.99 worksheet). Row 1 is a title merged across A1:D1 (18.3.1.55 mergeCell);
// row 4 is blank but for a styled empty cell; F3 is a formula with no cached value (no v).
const dataSheet = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">
  <sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c></row>
    <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="inlineStr"><is><t>Share</t></is></c><c r="D2" t="inlineStr"><is><t>Count</t></is></c><c r="E2" t="inlineStr"><is><t>Total</t></is></c><c r="F2" t="inlineStr"><is><t>Uncached</t></is></c><c r="G2" t="inlineStr"><is><t>Status</t></is></c><c r="H2" t="inlineStr"><is><t>Flag</t></is></c></row>
    <row r="3"><c r="A3" s="1"><v>45292</v></c><c r="B3" t="s"><v>3</v></c><c r="C3" s="2"><v>0.125</v></c><c r="D3"><v>12</v></c><c r="E3"><f>D3*2</f><v>24</v></c><c r="F3"><f>D3+1</f></c><c r="G3" t="e"><v>#N/A</v></c><c r="H3" t="b"><v>1</v></c></row>
    <row r="4"><c r="A4" s="1"/></row>
    <row r="5"><c r="A5" s="3"><v>45323</v></c><c r="B5" t="inlineStr"><is><t>Feb 2024</t></is></c><c r="C5" s="4"><v>7.0000000000000007E-2</v></c><c r="D5"><v>15</v></c><c r="E5" t="str"><f>IF(D5&gt;10,"ok","low")</f><v>ok</v></c><c r="F5" t="s"><v>4</v></c><c r="G5" t="e"><f>D5/0</f><v>#DIV/0!</v></c><c r="H5" t="b"><v>0</v></c></row>
    <row r="6"><c r="A6" s="5"><v>45352.75</v></c><c r="B6" s="6"><v>45352</v></c><c r="C6"><v>0.30000000000000004</v></c><c r="D6" s="7"><v>45383</v></c><c r="E6" t="inlineStr"><is><t>A &amp; B &lt;C&gt;</t></is></c><c r="F6" t="s"><v>5</v></c><c r="H6" s="8"><v>0.5</v></c></row>
  </sheetData>
  <mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>
</worksheet>`;

const notesSheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Source: test fixture</t></is></c></row></sheetData></worksheet>`;

// The 1904 date system's serial 0 is 1904-01-01 (18.17.4.1); 43830 is 2024-01-01 there.
const sheet1904 = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43830</v></c></row></sheetData></worksheet>`;

/** A package (ECMA-376 Part 2): content types, the officeDocument relationship, the workbook and its parts. */
function workbookZip(sheets, date1904) {
  const workbook = `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}">
  <workbookPr${date1904 ? ' date1904="1"' : ''}/>
  <sheets>${sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>
</workbook>`;
  const rel = (id, type, target) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const n = sheets.length;
  const workbookRels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`))
    .join('')}${rel(`rId${n + 1}`, 'styles', 'styles.xml')}${rel(`rId${n + 2}`, 'sharedStrings', 'sharedStrings.xml')}</Relationships>`;
  const type = (part, t) => `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${t}+xml"/>`;
  const contentTypes = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${type('/xl/workbook.xml', 'sheet.main')}${sheets
    .map((_, i) => type(`/xl/worksheets/sheet${i + 1}.xml`, 'worksheet'))
    .join('')}${type('/xl/styles.xml', 'styles')}${type('/xl/sharedStrings.xml', 'sharedStrings')}</Types>`;
  const files = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': strToU8(sharedStrings),
  };
  sheets.forEach(([, xml], i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  return zipSync(files, { mtime: MTIME });
}

function writeOthers() {
  writeFileSync(join(out, 'dates.xlsx'), workbookZip([['Data', dataSheet], ['Notes', notesSheet]], false));
  writeFileSync(join(out, 'dates-1904.xlsx'), workbookZip([['Data', sheet1904]], true));
  // An OLE2 compound file header's signature ([MS-CFB] 2.2) and the rest of its 512 bytes.
  const xls = new Uint8Array(512);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  writeFileSync(join(out, 'legacy.xls'), xls);
  // OpenDocument: a first, stored "mimetype" file naming the type (ODF 1.2 Part 3, 3.3).
  const ods = zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(`${XML}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>`),
    },
    { mtime: MTIME },
  );
  writeFileSync(join(out, 'book.ods'), ods);
}

// The bad-input corpus's workbook: C3 holds the text "lots" where a number belongs (an error naming
// the cell as Excel does: workbook-bad-cell.xlsx[Data]!C3). Literal XML and a fixed mtime: the same bytes on every run.
const badSheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData>
  <row r="1"><c r="A1" t="inlineStr"><is><t>Measure</t></is></c><c r="B1" t="inlineStr"><is><t>Period</t></is></c><c r="C1" t="inlineStr"><is><t>Value</t></is></c></row>
  <row r="2"><c r="A2" t="inlineStr"><is><t>Burglary</t></is></c><c r="B2" t="inlineStr"><is><t>2023-01</t></is></c><c r="C2"><v>12</v></c></row>
  <row r="3"><c r="A3" t="inlineStr"><is><t>Burglary</t></is></c><c r="B3" t="inlineStr"><is><t>2023-02</t></is></c><c r="C3" t="inlineStr"><is><t>lots</t></is></c></row>
  <row r="4"><c r="A4" t="inlineStr"><is><t>Burglary</t></is></c><c r="B4" t="inlineStr"><is><t>2023-03</t></is></c><c r="C4"><v>11</v></c></row>
</sheetData></worksheet>`;

function writeBad() {
  const bad = join(out, '..', 'bad', 'workbook-bad-cell.xlsx');
  writeFileSync(bad, workbookZip([['Data', badSheet]], false));
}

await writeLayouts();
writeOthers();
writeBad();
console.log(`wrote workbooks to ${out}`);
