// `fixops ingest FILE.xlsx`: an Excel workbook (LibreOffice-written fixture of the ingest
// package) loads through the CLI as a CSV does, with its sheet and title rows in --json; --sheet
// picks another sheet; a password-protected workbook exits 1 with the reason naming the file.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../packages/ingest/test-fixtures');

describe('fixops ingest with Excel workbooks', () => {
  it('loads an .xlsx and an .xls, reporting the sheet and the title rows skipped', () => {
    const db = join(tempDir(), 'w.duckdb');
    const r = fixops(['ingest', '--db', db, '--json', join(FIXTURES, 'ro-titles.xlsx'), join(FIXTURES, 'ro-1904.xls')]);
    expect(r.code).toBe(0);
    const [a, b] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(a).toMatchObject({ status: 'loaded', kind: 'repair_orders', sheet: '工单明细', titleRows: 3, rowsLoaded: 30, rowsRejected: 1, rowsSkipped: 1, rowsDuplicate: 1 });
    expect(b).toMatchObject({ status: 'loaded', sheet: '工单明细', titleRows: 3, rowsLoaded: 30 });
    const table = fixops(['ingest', '--db', db, '--sheet', '旧数据', join(FIXTURES, 'ro-titles.xlsx')]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('旧数据');
  });

  it('refuses a password-protected workbook: exit 1, the reason names the file', () => {
    const r = fixops(['ingest', '--db', join(tempDir(), 'x.duckdb'), join(FIXTURES, 'ro-encrypted.xls')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ro-encrypted.xls');
    expect(r.stdout).toContain('password-protected');
  });
});
