// The rejected rows handed back to be fixed, over real HTTP: ?layout=file gives line and reason
// (in the caller's language) and then the uploaded file's own headers and values, as CSV and as
// a workbook; corrected as a person would in Excel and uploaded again, the file loads without a
// reject. A dealer's download holds only its own rows, as the other layout does.

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, setupTestEnv, type TestEnv, type UploadAnswer } from './test-helpers/setup.js';

let env: TestEnv;
let base: string;

beforeAll(async () => {
  env = await setupTestEnv();
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(async () => {
  await env?.close();
});

const HEADER = ['经销商代码', '工单号', 'VIN', '进厂时间', '维修类型', '总金额', '服务顾问', '备注'];

function roCsv(dealer: string, extra: string[][]): string {
  const rows = Array.from({ length: 40 }, (_, i) => [dealer, `FX${String(i).padStart(5, '0')}`, `LSVFX${i}`, `2024-03-${String(1 + (i % 28)).padStart(2, '0')} 09:00`, '保养', '500', '王伟', '']);
  return [HEADER, ...rows, ...extra].map((r) => Papa.unparse([r])).join('\r\n') + '\r\n';
}

async function upload(token: string, name: string, data: string | Buffer, type = 'text/csv') {
  const form = new FormData();
  form.append('files', new Blob([data], { type }), name);
  const r = await fetch(`${base}/api/uploads`, { method: 'POST', headers: bearer(token), body: form });
  return { status: r.status, body: (await r.json()) as UploadAnswer };
}

async function download(url: string, token: string): Promise<Response> {
  const r = await fetch(`${base}${url}`, { headers: bearer(token) });
  expect(r.status).toBe(200);
  return r;
}

describe('rejected rows to fix and upload again (?layout=file)', () => {
  it('CSV: line, reason in one language, the file\'s own columns; fixed, it re-uploads cleanly', async () => {
    const bad = [
      [env.own, 'FXB1', 'LSVB1', '2024-02-30 10:00', '保养', '800', '李娜', ''],
      [env.own, 'FXB2', 'LSVB2', '2024-03-05 10:00', '保养', '八百元', '李娜', '=HYPERLINK("x")'],
    ];
    const first = await upload(env.tokens.consultant, 'fix-me.csv', roCsv(env.own, bad));
    expect(first.status).toBe(200);
    expect(first.body[0]).toMatchObject({ status: 'loaded', rowsRejected: 2 });
    const id = first.body[0]!.loadId as number;

    const en = await download(`/api/loads/${id}/rejects.csv?layout=file&lang=en`, env.tokens.consultant);
    expect(en.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await en.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8').trim(), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Line', 'Reason', ...HEADER]);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([['42', 'unreadable timestamp "2024-02-30 10:00"'], ['43', 'unreadable amount "八百元"']]);
    expect(rows[1]!.slice(2)).toEqual(bad[0]);
    // formula-safe: the note that would run as a formula is inert
    expect(rows[2]!.at(-1)).toBe('\'=HYPERLINK("x")');
    const zh = await (await download(`/api/loads/${id}/rejects.csv?layout=file&lang=zh`, env.tokens.consultant)).text();
    expect(zh).toContain('无法识别的金额“八百元”');
    expect(zh).not.toContain('unreadable');

    // fixed in a spreadsheet: the two bad cells corrected, the extra columns left where they are
    const fixed = rows.map((r, i) => (i === 0 ? r : r.map((v) => (v === '2024-02-30 10:00' ? '2024-02-28 10:00' : v === '八百元' ? '800' : v))));
    const again = await upload(env.tokens.consultant, 'fixed.csv', '\uFEFF' + Papa.unparse(fixed));
    expect(again.status).toBe(200);
    expect(again.body[0]).toMatchObject({ status: 'loaded', rowsRejected: 0, rowsLoaded: 2 });

    // the log layout is unchanged
    const log = await (await download(`/api/loads/${id}/rejects.csv`, env.tokens.consultant)).text();
    expect(log.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('row,column,value,reason,raw_text');
  });

  it('xlsx: the same columns as a workbook; fixed in it, it re-uploads cleanly; a dealer sees only its own rows', async () => {
    const bad = [
      [env.own, 'FXW1', 'LSVW1', 'not a date', '保养', '800', '李娜', ''],
      [env.other, 'FXW2', 'LSVSECRET', 'not a date', '保养', '800', '别家', ''],
    ];
    const first = await upload(env.tokens.consultant, 'fix-me-2.csv', roCsv(env.own, bad).replace(/FX0/g, 'FY0'));
    expect(first.body[0]).toMatchObject({ status: 'loaded', rowsRejected: 2 });
    const id = first.body[0]!.loadId as number;

    const res = await download(`/api/loads/${id}/rejects.xlsx?layout=file&lang=zh`, env.tokens.consultant);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([undefined, '行号', '原因', ...HEADER]);
    expect(ws.getRow(3).getCell(2).value).toBe('无法识别的时间“not a date”');
    expect(ws.getRow(3).getCell(4).value).toBe('FXW1');
    expect(ws.getRow(3).getCell(8).value).toBe(800);

    for (const r of [3, 4]) ws.getRow(r).getCell(6).value = '2024-03-09 11:00';
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const again = await upload(env.tokens.admin, 'fixed.xlsx', fixed, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(again.status).toBe(200);
    expect(again.body[0]).toMatchObject({ status: 'loaded', rowsRejected: 0, rowsLoaded: 2 });

    const mine = await (await download(`/api/loads/${id}/rejects.csv?layout=file`, env.tokens.dealer)).text();
    expect(mine).toContain('FXW1');
    expect(mine).not.toContain('LSVSECRET');
  });
});
