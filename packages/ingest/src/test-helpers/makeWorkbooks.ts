// Writes the workbook fixtures with LibreOffice (run once, by hand; the results are committed
// so tests and CI need no LibreOffice): `npx tsx src/test-helpers/makeWorkbooks.ts` in
// packages/ingest. Each is a flat ODF spreadsheet (.fods) written here and converted by
// `soffice --headless --convert-to xlsx|xls`: a real spreadsheet program writes the file.
// ro-encrypted.xls is ro-plain.xlsx saved by LibreOffice with an opening password ("secret"),
// through its UNO API: doc.storeToURL(url, (FilterName='MS Excel 97', Password='secret')).

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataRows, HEADER, TITLE_ROWS, totalsRow, type Cell } from './workbookData.js';

const OUT = join(import.meta.dirname, '..', '..', 'test-fixtures');
const WIDTH = HEADER.length;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cell(c: Cell): string {
  if (c === null) return '<table:table-cell/>';
  if ('f' in c) return `<table:table-cell table:formula="of:=${esc(c.f)}" office:value-type="float" office:value="${c.n}"><text:p>${c.n}</text:p></table:table-cell>`;
  if ('s' in c) return `<table:table-cell office:value-type="string"><text:p>${esc(c.s)}</text:p></table:table-cell>`;
  if ('d' in c) return `<table:table-cell table:style-name="ceDate" office:value-type="date" office:date-value="${c.d}"><text:p>${c.d.replace('T', ' ')}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="float" office:value="${c.n}"><text:p>${c.n}</text:p></table:table-cell>`;
}

const row = (cells: Cell[]) => `<table:table-row>${cells.map(cell).join('')}</table:table-row>`;

/** The data sheet: title rows (the first merged over the header), header, data, totals. */
function dataSheet(name: string, withTitles: boolean): string {
  const rows: string[] = [];
  if (withTitles) {
    const [merged, ...rest] = TITLE_ROWS;
    rows.push(`<table:table-row><table:table-cell table:number-columns-spanned="${WIDTH}" table:number-rows-spanned="1" office:value-type="string"><text:p>${esc((merged![0] as { s: string }).s)}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="${WIDTH - 1}"/></table:table-row>`);
    for (const r of rest) rows.push(r.length === 0 ? '<table:table-row><table:table-cell/></table:table-row>' : row(r));
  }
  rows.push(row(HEADER.map((s) => ({ s }))));
  const data = dataRows();
  const first = rows.length + 1;
  for (const r of data) rows.push(row(r));
  rows.push(row(totalsRow(first, first + data.length - 1)));
  return `<table:table table:name="${esc(name)}">${rows.join('')}</table:table>`;
}

/** A hidden sheet that looks like a repair-orders export: it must be ignored. */
const hiddenSheet = `<table:table table:name="旧数据" table:style-name="taHidden">${row(HEADER.map((s) => ({ s })))}${row([{ s: 'SH001' }, { s: 'OLD1' }, { s: 'LSVOLD' }, { d: '2024-01-02T09:00:00' }, { s: '保养' }, { n: 1 }])}</table:table>`;
/** A visible first sheet that is not an export (notes): skipped for the second. */
const notesSheet = `<table:table table:name="说明">${row([{ s: '本文件由 DMS 导出' }])}${row([{ s: '数据见下一个工作表' }])}</table:table>`;

function fods(tables: string[], date1904 = false): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
<style:style style:name="ceDate" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
${date1904 ? '<table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings>' : ''}
${tables.join('\n')}
</office:spreadsheet></office:body></office:document>`;
}

const FIXTURES: Record<string, string> = {
  // a visible notes sheet (LibreOffice keeps the first, active sheet visible), a hidden sheet that
  // looks like an export, then the data with title rows, a merged title, a totals row
  'ro-titles': fods([notesSheet, hiddenSheet, dataSheet('工单明细', true)]),
  // the same in the 1904 date system (Excel for Mac)
  'ro-1904': fods([dataSheet('工单明细', true)], true),
  // header on row 1, one sheet
  'ro-plain': fods([dataSheet('Sheet1', false)]),
};

mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'fixops-fods-'));
try {
  for (const [name, text] of Object.entries(FIXTURES)) {
    const src = join(work, `${name}.fods`);
    writeFileSync(src, text);
    for (const format of ['xlsx', 'xls']) {
      execFileSync('soffice', ['--headless', '--convert-to', format, '--outdir', work, src], { stdio: 'inherit' });
      renameSync(join(work, `${name}.${format}`), join(OUT, `${name}.${format}`));
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
