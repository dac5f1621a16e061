// Excel workbooks and title rows (dms-exports.md): workbooks written by LibreOffice (committed
// in test-fixtures/, made by test-helpers/makeWorkbooks.ts) load with exactly the counts and
// values of the same rows as a CSV; title rows are skipped in CSV too; encrypted, corrupt and
// undetectable workbooks are refused with a reason naming the file.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { queryJson, type Database } from '@fixops/db';
import { cleanupTempDirs, csv, tempDatabase, tempDir, writeFixture } from '../test-helpers/fixtures.js';
import { cellCsv, dataRows, HEADER, TITLE_ROWS, totalsRow } from '../test-helpers/workbookData.js';
import { ingestFile } from './ingestFile.js';
import { listRejects } from './history.js';

afterEach(cleanupTempDirs);

const FIXTURES = join(import.meta.dirname, '..', '..', 'test-fixtures');
const fixture = (name: string) => join(FIXTURES, name);

/** The fixtures' rows as a CSV: the same title lines (optional), header, data and totals. */
function sameAsCsv(withTitles: boolean): string {
  const titles = withTitles ? TITLE_ROWS.map((r) => r.map(cellCsv)) : [];
  const first = titles.length + 2;
  const data = dataRows();
  const rows = [...titles, HEADER, ...data.map((r) => r.map(cellCsv)), totalsRow(first, first + data.length - 1).map(cellCsv)];
  // a blank title line is an empty line, as a DMS writes it
  return csv(rows).replace(/\r\n\r\n/, '\r\n\r\n');
}

const COUNTS = { rowsLoaded: 30, rowsRejected: 1, rowsSkipped: 1, rowsDuplicate: 1 };

async function stored(db: Database) {
  return queryJson(db.connection, `SELECT ro_no, vin, strftime(open_time, '%Y-%m-%d %H:%M:%S') AS open_time, repair_type, total_amount,
    strftime(promised_time, '%Y-%m-%d %H:%M') AS promised, strftime(delivered_time, '%Y-%m-%d %H:%M') AS delivered, advisor FROM repair_orders ORDER BY ro_no`);
}

async function load(path: string, opts = {}) {
  const db = await tempDatabase();
  const summary = await ingestFile(db.connection, path, opts);
  return { db, summary };
}

describe('Excel workbooks', () => {
  it.each(['xlsx', 'xls'])('a .%s with a notes sheet, a hidden sheet, title rows, a merged title and a totals row loads as the same CSV', async (ext) => {
    const asCsv = await load(writeFixture(tempDir(), 'ro.csv', sameAsCsv(true)));
    expect(asCsv.summary).toMatchObject({ status: 'loaded', ...COUNTS, titleRows: 3, sheet: null });
    const wb = await load(fixture(`ro-titles.${ext}`));
    expect(wb.summary).toMatchObject({ status: 'loaded', kind: 'repair_orders', ...COUNTS, sheet: '工单明细', titleRows: 3, encoding: null, separator: null, dealers: ['SH001'], months: ['2025-03'] });
    expect(wb.summary.columns.dropped).toEqual(['客户姓名']);
    expect(wb.summary.columns.mapped).toEqual(asCsv.summary.columns.mapped);
    const rows = await stored(wb.db);
    expect(rows).toEqual(await stored(asCsv.db));
    // dates came as date cells, amounts as number cells
    expect(rows[0]).toMatchObject({ ro_no: 'RO25030000', open_time: '2025-03-01 08:00:00', total_amount: 100, promised: '2025-03-01 18:00', delivered: '2025-03-01 17:30' });
    expect(rows.find((r) => (r as { ro_no: string }).ro_no === 'RO25030001')).toMatchObject({ open_time: '2025-03-02 09:07:00', total_amount: 112.5, promised: null });
    // the hidden sheet's row was never read
    expect(rows.some((r) => (r as { ro_no: string }).ro_no === 'OLD1')).toBe(false);
    // the rejected row is named by its sheet row number (4 header + 31 rows before it), as in the CSV
    const rejects = await listRejects(wb.db.connection, wb.summary.loadId!);
    expect(rejects.map((r) => ({ row: r.row, column: r.column, value: r.value }))).toEqual([{ row: 36, column: '进厂时间', value: '下周二' }]);
    expect((await listRejects(asCsv.db.connection, asCsv.summary.loadId!)).map((r) => r.row)).toEqual([36]);
    expect(rejects[0]!.rawText).toContain('RO2503BAD');
    wb.db.close();
    asCsv.db.close();
  });

  it.each(['xlsx', 'xls'])('a .%s in the 1904 date system reads the same dates', async (ext) => {
    const wb = await load(fixture(`ro-1904.${ext}`));
    expect(wb.summary).toMatchObject({ status: 'loaded', ...COUNTS, titleRows: 3 });
    const plain = await load(fixture(`ro-plain.${ext}`));
    expect(plain.summary).toMatchObject({ status: 'loaded', ...COUNTS, titleRows: 0, sheet: 'Sheet1' });
    expect(await stored(wb.db)).toEqual(await stored(plain.db));
    wb.db.close();
    plain.db.close();
  });

  it('--sheet reads the named sheet, hidden or not, and names the sheets when it is missing', async () => {
    const hidden = await load(fixture('ro-titles.xlsx'), { sheet: '旧数据' });
    expect(hidden.summary).toMatchObject({ status: 'loaded', sheet: '旧数据', rowsLoaded: 1, months: ['2024-01'] });
    hidden.db.close();
    const missing = await load(fixture('ro-titles.xlsx'), { sheet: '没有' });
    expect(missing.summary.status).toBe('refused');
    expect(missing.summary.error).toMatchObject({ code: 'sheet_not_found', details: { sheets: ['说明', '旧数据', '工单明细'] } });
    missing.db.close();
  });

  it.each(['xlsx', 'xls'])('reads a .%s in a worker thread with the same result (as big files are)', async (ext) => {
    const inThread = await load(fixture(`ro-titles.${ext}`), { worker: false });
    const inWorker = await load(fixture(`ro-titles.${ext}`), { worker: true });
    expect(inWorker.summary).toMatchObject({ status: 'loaded', ...COUNTS, sheet: '工单明细', titleRows: 3, checksum: inThread.summary.checksum });
    expect(await stored(inWorker.db)).toEqual(await stored(inThread.db));
    expect((await listRejects(inWorker.db.connection, inWorker.summary.loadId!)).map((r) => r.row)).toEqual([36]);
    const locked = await load(fixture('ro-encrypted.xls'), { worker: true });
    expect(locked.summary.error?.code).toBe('workbook_encrypted');
    for (const x of [inThread, inWorker, locked]) x.db.close();
  });

  it('keeps the row limit for workbooks', async () => {
    const { db, summary } = await load(fixture('ro-titles.xlsx'), { limits: { rowsPerFile: 10 } });
    expect(summary.status).toBe('refused');
    expect(summary.error?.code).toBe('too_many_rows');
    db.close();
  });

  it('refuses a workbook with no sheet that detects, naming the file and the sheets', async () => {
    const { db, summary } = await load(fixture('ro-titles.xlsx'), { kind: 'bookings' });
    expect(summary.status).toBe('refused');
    expect(summary.error?.code).toBe('no_sheet_detected');
    expect(summary.error?.message.zh).toContain('ro-titles.xlsx');
    expect(summary.error?.message.en).toContain('hidden sheets (旧数据)');
    db.close();
  });

  it('refuses a corrupt workbook (cut short, or damaged inside) with a reason naming the file', async () => {
    const dir = tempDir();
    const bytes = readFileSync(fixture('ro-titles.xlsx'));
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const damaged = join(dir, 'damaged.xls');
    const xls = Buffer.from(readFileSync(fixture('ro-titles.xls')));
    xls.fill(0xff, 512, xls.length);
    writeFileSync(damaged, xls);
    for (const [path, name] of [[cut, 'cut.xlsx'], [damaged, 'damaged.xls']] as const) {
      const { db, summary } = await load(path);
      expect(summary.status).toBe('refused');
      expect(summary.error?.code).toBe('workbook_corrupt');
      expect(summary.error?.message.zh).toContain(name);
      expect(summary.error?.message.en).toContain('cannot be read');
      db.close();
    }
  });

  it('refuses a password-protected workbook with a reason naming the file', async () => {
    const dir = tempDir();
    // an .xls LibreOffice saved with an opening password (RC4)
    const xls = join(dir, 'locked.xls');
    copyFileSync(fixture('ro-encrypted.xls'), xls);
    // an encrypted .xlsx as Excel stores it: an OLE2 container with EncryptionInfo (agile) and EncryptedPackage
    // (LibreOffice 7.4 cannot write one, so it is built here with SheetJS's container writer)
    const CFB = XLSX.CFB as { utils: { cfb_new(): unknown; cfb_add(c: unknown, name: string, data: Buffer): void }; write(c: unknown, o: object): Buffer };
    const cfb = CFB.utils.cfb_new();
    const agile = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>';
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(agile)]));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
    const xlsx = join(dir, 'locked.xlsx');
    writeFileSync(xlsx, CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }));
    for (const [path, name] of [[xls, 'locked.xls'], [xlsx, 'locked.xlsx']] as const) {
      const { db, summary } = await load(path);
      expect(summary.status).toBe('refused');
      expect(summary.error?.code).toBe('workbook_encrypted');
      expect(summary.error?.message.zh).toContain(name);
      expect(summary.error?.message.zh).toContain('密码');
      expect(summary.error?.message.en).toContain('password-protected');
      db.close();
    }
  });
});

describe('title rows in CSV', () => {
  it('a CSV with three title lines loads the same as without them', async () => {
    const without = await load(writeFixture(tempDir(), 'ro.csv', sameAsCsv(false)));
    const titled = await load(writeFixture(tempDir(), 'ro-titled.csv', sameAsCsv(true)));
    expect(without.summary).toMatchObject({ status: 'loaded', ...COUNTS, titleRows: 0 });
    expect(titled.summary).toMatchObject({ status: 'loaded', ...COUNTS, titleRows: 3, kind: 'repair_orders' });
    expect(await stored(titled.db)).toEqual(await stored(without.db));
    // rejected rows keep the file's own line numbers
    expect((await listRejects(without.db.connection, without.summary.loadId!)).map((r) => r.row)).toEqual([33]);
    expect((await listRejects(titled.db.connection, titled.summary.loadId!)).map((r) => r.row)).toEqual([36]);
    without.db.close();
    titled.db.close();
  });

  it('finds the header under title lines in GB18030 and UTF-16 too', async () => {
    for (const enc of ['gb18030', 'utf-16le'] as const) {
      const { db, summary } = await load(writeFixture(tempDir(), 'ro.csv', sameAsCsv(true), enc));
      expect(summary).toMatchObject({ status: 'loaded', ...COUNTS, titleRows: 3, encoding: enc });
      db.close();
    }
  });
});
