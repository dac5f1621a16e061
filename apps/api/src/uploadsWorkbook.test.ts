// Excel workbooks over a real listening server: an .xlsx and an .xls (written by LibreOffice,
// the ingest package's committed fixtures) upload like a CSV and answer the same summary plus
// the sheet and title rows; the `sheet` field picks a sheet; a ZIP that is no workbook is
// refused at the door (415), a password-protected one by the ingest (422) with its reason.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, setupTestEnv, type TestEnv, type UploadAnswer } from './test-helpers/setup.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'packages', 'ingest', 'test-fixtures');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let env: TestEnv;
let base: string;

beforeAll(async () => {
  env = await setupTestEnv({});
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await env?.close();
});

async function upload(files: { name: string; data: Buffer; type: string }[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new Blob([f.data], { type: f.type }), f.name);
  const r = await fetch(`${base}/api/uploads`, { method: 'POST', headers: bearer(env.tokens.admin), body: form });
  return { status: r.status, body: (await r.json()) as UploadAnswer };
}

describe('POST /api/uploads with Excel workbooks', () => {
  it('loads an .xlsx and an .xls from the first visible sheet that detects, title rows skipped', async () => {
    const r = await upload([
      { name: '工单.xlsx', data: await readFile(join(FIXTURES, 'ro-titles.xlsx')), type: XLSX_TYPE },
      { name: '工单.xls', data: await readFile(join(FIXTURES, 'ro-plain.xls')), type: 'application/vnd.ms-excel' },
    ], { confirm: 'true' });
    expect(r.status).toBe(200);
    const [xlsx, xls] = r.body as unknown as Record<string, unknown>[];
    expect(xlsx).toMatchObject({ file: '工单.xlsx', status: 'loaded', kind: 'repair_orders', sheet: '工单明细', titleRows: 3, rowsLoaded: 30, rowsRejected: 1, rowsSkipped: 1, rowsDuplicate: 1, encoding: null });
    expect(xls).toMatchObject({ file: '工单.xls', status: 'loaded', sheet: 'Sheet1', titleRows: 0, rowsLoaded: 30 });
  });

  it('reads the sheet the `sheet` field names', async () => {
    const r = await upload([{ name: 'old.xlsx', data: await readFile(join(FIXTURES, 'ro-titles.xlsx')), type: XLSX_TYPE }], { sheet: '旧数据', confirm: 'true' });
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({ sheet: '旧数据', rowsLoaded: 1 });
  });

  it('refuses a ZIP that is no workbook at the door, and a password-protected workbook with its reason', async () => {
    const zip = await upload([{ name: 'x.xlsx', data: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]), type: XLSX_TYPE }]);
    expect(zip.status).toBe(415);
    expect(zip.body.error.code).toBe('not_a_csv');
    expect(zip.body.error.details).toMatchObject({ file: 'x.xlsx', reason: 'workbook_corrupt' });
    const locked = await upload([{ name: 'locked.xls', data: await readFile(join(FIXTURES, 'ro-encrypted.xls')), type: 'application/vnd.ms-excel' }]);
    expect(locked.status).toBe(422);
    const s = locked.body.error.details.files[0]!;
    expect(s.error?.code).toBe('workbook_encrypted');
    expect(s.error?.message.zh).toContain('locked.xls');
  });
});
