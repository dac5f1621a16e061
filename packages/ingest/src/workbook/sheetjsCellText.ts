// A SheetJS (@e965/xlsx) cell as the text the ingest reads: the same for a .xls read on the
// server and a workbook previewed in the browser (Node-free). Date cells are told by their number
// format and converted with the workbook's date system, as in an .xlsx.

import type * as XLSX from '@e965/xlsx';
import { isDateFormat, isoToText, numberText, serialToText } from './cellText.js';

export function sheetjsCellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 's': return String(cell.v);
    case 'b': return cell.v ? 'TRUE' : 'FALSE';
    case 'e': return cell.w ?? '';
    case 'd': return cell.v instanceof Date ? isoToText(cell.v.toISOString()) : String(cell.v);
    case 'n': return typeof cell.z === 'string' && isDateFormat(-1, cell.z) ? serialToText(cell.v as number, date1904) : numberText(String(cell.v));
    default: return '';
  }
}
