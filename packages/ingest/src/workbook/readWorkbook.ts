// An Excel workbook through the CSV ingest: the sheet is chosen (the first visible one whose
// header detects a kind, or the one named by --sheet), its title rows above the header are
// skipped, and its rows from the header on are written as a UTF-8 CSV in a temp folder, with a
// record index whose line numbers are the sheet's own row numbers. From there on a workbook is
// loaded exactly as a CSV is (same staging, rules, rejects and summary). An .xlsx sheet is
// streamed (memory stays bounded whatever its size); a .xls is read by SheetJS.

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { FixopsException } from '@fixops/shared';
import { findHeaderRow, HEADER_SEARCH_ROWS } from '../detect/headerRow.js';
import { detectKind, requireColumns } from '../detect/kind.js';
import { mapColumns } from '../detect/headers.js';
import type { WorkbookFormat } from '../detect/workbookFormat.js';
import { GrowableNumbers } from '../detect/scanner.js';
import type { KindId } from '../kinds/types.js';
import { tooManyRows } from '../limits.js';
import { fromData, type InspectedFile, type PreparedData, type PreparedFile } from '../read/prepare.js';
import { readDateStyles, readSharedStrings, readWorkbookInfo } from './xlsxParts.js';
import { sheetRows, type SheetRow } from './xlsxSheet.js';
import { EncryptedWorkbook, readXls } from './xlsBook.js';
import { entryStream, zipEntries, ZipError } from './zip.js';
import { corruptWorkbook, encryptedWorkbook, noSheetDetected, sheetNotFound } from './workbookErrors.js';

export interface WorkbookOptions {
  file: string;
  tempDir: string;
  size: number;
  /** --sheet: read this sheet (hidden or not) instead of choosing. */
  sheet?: string;
  kind?: KindId;
  maxRows?: number;
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
}

export interface ReadWorkbook {
  sheet: string;
  /** Rows above the header (the sheet's row number of the header, less one). */
  titleRows: number;
  /** The CSV copy as the CSV path reads it (no title lines left in it). */
  inspected: InspectedFile;
  prepared: PreparedFile;
}

/** The same as plain data (the record index as typed arrays): what a worker thread sends back. */
export type ReadWorkbookData = Omit<ReadWorkbook, 'prepared'> & { prepared: PreparedData };

export function workbookFromData(data: ReadWorkbookData): ReadWorkbook {
  return { ...data, prepared: fromData(data.prepared) };
}

interface Sheet {
  name: string;
  hidden: boolean;
  rows(): AsyncIterable<SheetRow> | Iterable<SheetRow>;
}

/** Records kept for the early checks (the dealer of a dealer's own upload). */
const FIRST_RECORDS = 50;

async function openSheets(path: string, format: WorkbookFormat, opts: WorkbookOptions): Promise<Sheet[]> {
  if (format === 'xls') {
    const sheets = await readXls(path, (opts.maxRows ?? 1e9) + HEADER_SEARCH_ROWS + 1);
    return sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: () => s.rows }));
  }
  const entries = await zipEntries(path, opts.size);
  const info = await readWorkbookInfo(path, entries);
  const [dateStyles, strings] = await Promise.all([readDateStyles(path, entries), readSharedStrings(path, entries)]);
  const ctx = { strings, dateStyles, date1904: info.date1904 };
  let read = 0;
  return info.sheets.map((s) => ({
    name: s.name,
    hidden: s.hidden,
    rows: async function* () {
      const entry = entries.get(s.path);
      if (!entry) throw new ZipError(`no ${s.path}`);
      const stream = await entryStream(path, entry, (n) => {
        read += n;
        opts.onProgress?.(Math.min(read, opts.size), opts.size);
      });
      yield* sheetRows(stream, ctx);
    },
  }));
}

/** The sheet's first 10 rows by row number ([] for rows it leaves out). */
async function firstRows(sheet: Sheet): Promise<string[][]> {
  const rows: string[][] = Array.from({ length: HEADER_SEARCH_ROWS }, () => []);
  for await (const r of sheet.rows()) {
    if (r.n > HEADER_SEARCH_ROWS) break;
    rows[r.n - 1] = r.cells;
  }
  return rows;
}

/** The header's row number and cells, when the sheet's header detects a kind (else the reason). */
async function headerOf(sheet: Sheet, kind: KindId | undefined, file: string): Promise<{ row: number; headers: string[] } | { why: string }> {
  const rows = await firstRows(sheet);
  const at = findHeaderRow(rows, kind);
  if (at === -1) return { why: `${sheet.name}: empty` };
  const headers = rows[at]!.map((h) => h.replace(/^\uFEFF/, '').trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  try {
    if (kind) requireColumns(mapColumns(headers, kind), file);
    else detectKind(headers, file);
  } catch (e) {
    if (e instanceof FixopsException) return { why: `${sheet.name}: ${e.error.code}` };
    throw e;
  }
  return { row: at + 1, headers };
}

const needsQuotes = /[",\r\n]/;
const field = (s: string) => (needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function checksum(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function readWorkbook(path: string, format: WorkbookFormat, opts: WorkbookOptions): Promise<ReadWorkbook> {
  return workbookFromData(await readWorkbookData(path, format, opts));
}

/** The same, answering plain data. */
export async function readWorkbookData(path: string, format: WorkbookFormat, opts: WorkbookOptions): Promise<ReadWorkbookData> {
  try {
    return await read(path, format, opts);
  } catch (e) {
    if (e instanceof FixopsException) throw e;
    if (e instanceof EncryptedWorkbook) throw encryptedWorkbook(opts.file);
    throw corruptWorkbook(opts.file, (e as Error).message ?? String(e));
  }
}

async function read(path: string, format: WorkbookFormat, opts: WorkbookOptions): Promise<ReadWorkbookData> {
  const { file } = opts;
  const sum = checksum(path);
  sum.catch(() => undefined);
  const sheets = await openSheets(path, format, opts);
  let chosen: { sheet: Sheet; row: number; headers: string[] } | undefined;
  if (opts.sheet !== undefined) {
    const sheet = sheets.find((s) => s.name === opts.sheet) ?? sheets.find((s) => s.name.trim() === opts.sheet!.trim());
    if (!sheet) throw sheetNotFound(file, opts.sheet, sheets.map((s) => s.name));
    const h = await headerOf(sheet, opts.kind, file);
    if ('why' in h) throw noSheetDetected(file, [sheet.name], [], [h.why]);
    chosen = { sheet, ...h };
  } else {
    const why: string[] = [];
    for (const sheet of sheets.filter((s) => !s.hidden)) {
      const h = await headerOf(sheet, opts.kind, file);
      if ('why' in h) why.push(h.why);
      else {
        chosen = { sheet, ...h };
        break;
      }
    }
    if (!chosen) throw noSheetDetected(file, sheets.filter((s) => !s.hidden).map((s) => s.name), sheets.filter((s) => s.hidden).map((s) => s.name), why);
  }

  const { sheet, row: headerRow, headers } = chosen;
  const width = headers.length;
  const csvPath = join(opts.tempDir, 'sheet.csv');
  const out = createWriteStream(csvPath);
  const offsets = new GrowableNumbers();
  const lines = new GrowableNumbers();
  const firstRecords: string[][] = [];
  let bytes = 0;
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingChars = 0;
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  const emit = async (line: string) => {
    pending.push(line);
    pendingChars += line.length;
    bytes += Buffer.byteLength(line);
    if (pendingChars > 1 << 20) await flush();
  };
  try {
    await emit(`${headers.map(field).join(',')}\n`);
    for await (const r of sheet.rows()) {
      if (r.n <= headerRow) continue;
      // exactly the header's fields, and any non-empty cell past it (a row with too many fields, as in a CSV)
      let end = r.cells.length;
      while (end > width && r.cells[end - 1] === '') end--;
      const cells = r.cells.length >= width ? r.cells.slice(0, Math.max(end, width)) : [...r.cells, ...Array<string>(width - r.cells.length).fill('')];
      if (cells.every((c) => c.trim() === '')) continue; // a blank row
      if (opts.maxRows !== undefined && offsets.length >= opts.maxRows) throw tooManyRows(file, offsets.length + 1, opts.maxRows);
      offsets.push(bytes);
      lines.push(r.n);
      if (firstRecords.length < FIRST_RECORDS) firstRecords.push(cells);
      await emit(`${cells.map(field).join(',')}\n`);
    }
    await flush();
  } finally {
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
  const index = { offsets: offsets.view(), lines: lines.view(), end: bytes };
  const inspected: InspectedFile = {
    path: csvPath, size: opts.size, encoding: 'utf-8', separator: ',', headers, firstRecords,
    sampleIsWhole: offsets.length <= FIRST_RECORDS, titleRows: 0, titleRecords: 0,
  };
  const prepared: PreparedData = { utf8Path: csvPath, encoding: 'utf-8', separator: ',', headers, checksum: await sum, bytes: opts.size, index };
  return { sheet: sheet.name, titleRows: headerRow - 1, inspected, prepared };
}
