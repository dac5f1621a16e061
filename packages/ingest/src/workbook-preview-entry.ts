// `@fixops/ingest/workbook-preview`: the browser's look at an Excel workbook before it is
// uploaded — which sheet the server will read (the first visible one whose header detects a
// kind), the title rows above the header, the header and the first data rows, cells as the
// server reads them. SheetJS (@e965/xlsx) parses only the first rows. Node-free, and large:
// the dashboard loads it with a dynamic import only when a workbook is chosen.

import * as XLSX from '@e965/xlsx';
import { FixopsException, type Message } from '@fixops/shared';
import { findHeaderRow, HEADER_SEARCH_ROWS } from './detect/headerRow.js';
import { detectKind } from './detect/kind.js';
import type { WorkbookFormat } from './detect/workbookFormat.js';
import { sheetjsCellText as cellText } from './workbook/sheetjsCellText.js';
import { corruptWorkbook, encryptedWorkbook, noSheetDetected } from './workbook/workbookErrors.js';

export interface WorkbookPreview {
  format: WorkbookFormat;
  /** The sheet the server will read (null when none detects). */
  sheet: string | null;
  /** Every sheet, in order, hidden ones marked. */
  sheets: { name: string; hidden: boolean }[];
  titleRows: number;
  headers: string[];
  /** First data rows after the header (blank rows left out). */
  rows: string[][];
  problem: { code: string; message: Message } | null;
}

/** Rows by sheet row number (index 0 = row 1), cells as text. */
function sheetRows(ws: XLSX.WorkSheet, date1904: boolean): string[][] {
  const dense = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  return Array.from(dense, (r) => Array.from(r ?? [], (c) => cellText(c, date1904)));
}

const problemOf = (e: FixopsException) => ({ code: e.error.code, message: e.error.message });

/** Previews a workbook's bytes; never throws (a problem is part of the answer). */
export function previewWorkbook(file: string, bytes: Uint8Array, format: WorkbookFormat, opts: { rows?: number } = {}): WorkbookPreview {
  const out: WorkbookPreview = { format, sheet: null, sheets: [], titleRows: 0, headers: [], rows: [], problem: null };
  const want = opts.rows ?? 5;
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, sheetRows: HEADER_SEARCH_ROWS + want + 20 });
  } catch (e) {
    const text = (e as Error).message ?? String(e);
    return { ...out, problem: problemOf(/password|encrypt/i.test(text) ? encryptedWorkbook(file) : corruptWorkbook(file, text)) };
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  out.sheets = wb.SheetNames.map((name, i) => ({ name, hidden: (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0 }));
  const why: string[] = [];
  for (const { name, hidden } of out.sheets) {
    if (hidden) continue;
    const rows = sheetRows(wb.Sheets[name]!, date1904);
    const at = findHeaderRow(rows.slice(0, HEADER_SEARCH_ROWS));
    if (at === -1) {
      why.push(`${name}: empty`);
      continue;
    }
    const headers = rows[at]!.map((h) => h.trim());
    while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
    try {
      detectKind(headers, file);
    } catch (e) {
      if (!(e instanceof FixopsException)) throw e;
      why.push(`${name}: ${e.error.code}`);
      continue;
    }
    return {
      ...out, sheet: name, titleRows: at, headers,
      rows: rows.slice(at + 1).filter((r) => r.some((c) => c.trim() !== '')).slice(0, want).map((r) => headers.map((_, i) => r[i] ?? '')),
    };
  }
  const visible = out.sheets.filter((s) => !s.hidden).map((s) => s.name);
  const hidden = out.sheets.filter((s) => s.hidden).map((s) => s.name);
  return { ...out, problem: problemOf(noSheetDetected(file, visible, hidden, why)) };
}
