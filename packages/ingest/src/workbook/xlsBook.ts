// .xls (BIFF, Excel 97–2003) and anything else in an OLE2 compound file — which is also how
// a password-protected .xlsx is stored — read with SheetJS (@e965/xlsx). A .xls holds at most
// 65,536 rows, so reading it whole stays small. Date cells are told by their number format and
// converted with the workbook's date system, as in an .xlsx.

import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { sheetjsCellText as cellText } from './sheetjsCellText.js';
import type { SheetRow } from './xlsxSheet.js';

export interface XlsSheet {
  name: string;
  hidden: boolean;
  rows: SheetRow[];
}

/** Thrown for a workbook SheetJS says is encrypted. */
export class EncryptedWorkbook extends Error {}

export async function readXls(path: string, maxRows: number): Promise<XlsSheet[]> {
  const data = await readFile(path);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(data, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: maxRows });
  } catch (e) {
    if (/password|encrypt/i.test((e as Error).message)) throw new EncryptedWorkbook((e as Error).message);
    throw e;
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name]!;
    const dense = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    const rows: SheetRow[] = [];
    dense.forEach((r, at) => {
      if (!r) return;
      const cells: string[] = [];
      r.forEach((c, col) => {
        const text = cellText(c, date1904);
        if (text === '') return;
        while (cells.length < col) cells.push('');
        cells[col] = text;
      });
      if (cells.length > 0) rows.push({ n: at + 1, cells });
    });
    return { name, hidden: (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0, rows };
  });
}
