// The benchmark's workbook: the rows of a UTF-8 CSV export written as an .xlsx by a spreadsheet
// writer library (exceljs, streaming, so a 200,000-row sheet never sits in memory), with a
// title row above the header as DMS exports have, dates as date cells and amounts and mileage
// as number cells — what a DMS's "export to Excel" writes.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A CSV cell as a typed cell: a timestamp as a Date (its wall-clock time, no zone), digits as a number. */
function typed(cell: string): string | number | Date | null {
  if (cell === '') return null;
  const t = TIMESTAMP.exec(cell);
  if (t) return new Date(Date.UTC(+t[1]!, +t[2]! - 1, +t[3]!, +t[4]!, +t[5]!, +t[6]!));
  if (NUMBER.test(cell) && cell.length < 15) return Number(cell);
  return cell;
}

/** Writes `csv` (comma-separated, no quoted line breaks) as one sheet of an .xlsx at `xlsx`. */
export async function writeXlsxFromCsv(csv: string, xlsx: string, title: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('工单明细');
  ws.addRow([title]).commit();
  let header = true;
  const lines = createInterface({ input: createReadStream(csv, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const cells = line.replace(/^\uFEFF/, '').split(',');
    const row = ws.addRow(header ? cells : cells.map(typed));
    if (!header) {
      row.eachCell((c) => {
        if (c.value instanceof Date) c.numFmt = 'yyyy-mm-dd hh:mm:ss';
      });
    }
    row.commit();
    header = false;
  }
  ws.commit();
  await wb.commit();
}
