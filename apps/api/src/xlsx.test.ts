// ?format=xlsx on the table answers: the workbook holds exactly the rows of the JSON answer —
// so a dealer user's workbook holds only what its JSON holds (its own rows; peers anonymous in a
// benchmark) — with the xlsx Content-Type and an RFC 5987 file name that survives Chinese.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTestEnv();
}, 120_000);
afterAll(async () => env.close());

const get = (url: string, token: string) => env.app.inject({ method: 'GET', url, headers: bearer(token) });

async function workbook(url: string, token: string): Promise<{ ws: ExcelJS.Worksheet; disposition: string }> {
  const res = await get(url, token);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { ws: wb.worksheets[0]!, disposition: String(res.headers['content-disposition']) };
}

/** Every value below the title and header, row by row. */
function body(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  const width = ws.getRow(2).cellCount;
  for (let r = 3; r <= ws.rowCount; r++) rows.push(Array.from({ length: width }, (_, i) => ws.getRow(r).getCell(i + 1).value ?? null));
  return rows;
}
/** Every text anywhere in the sheet (title included). */
function allText(ws: ExcelJS.Worksheet): string {
  const parts: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => parts.push(JSON.stringify(cell.value))));
  return parts.join('\n');
}

describe('?format=xlsx', () => {
  it('flags: the JSON rows, a Chinese file name encoded per RFC 5987', async () => {
    const month = env.months.at(-1)!;
    const json = (await get(`/api/flags?month=${month}`, env.tokens.admin)).json<{ dealer: string; kpi: string; value: number | null; message: string }[]>();
    const { ws, disposition } = await workbook(`/api/flags?month=${month}&format=xlsx`, env.tokens.admin);
    expect(disposition).toBe(`attachment; filename="____-${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(`问题提示-${month}`)}.xlsx`);
    expect(ws.getCell('A1').value).toMatch(new RegExp(`^问题提示 · ${month} · 导出于 `));
    expect(body(ws).map((r) => [r[0], r[2], r[5], r[6]])).toEqual(json.map((f) => [f.dealer, f.kpi, f.value, f.message]));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('a dealer user\'s workbooks hold its own rows only, as its JSON does', async () => {
    const month = env.months.at(-1)!;
    const t = env.tokens.dealer;
    const flags = await workbook(`/api/flags?month=${month}&format=xlsx`, t);
    const flagsJson = (await get(`/api/flags?month=${month}`, t)).json<{ dealer: string }[]>();
    expect(body(flags.ws)).toHaveLength(flagsJson.length);
    expect(body(flags.ws).every((r) => r[0] === env.own)).toBe(true);
    const kpis = await workbook(`/api/kpis?month=${month}&format=xlsx`, t);
    expect(body(kpis.ws).map((r) => r[0])).toEqual([env.own]);
    const cov = await workbook('/api/coverage?format=xlsx', t);
    expect(body(cov.ws).length).toBeGreaterThan(0);
    expect(body(cov.ws).every((r) => r[0] === env.own)).toBe(true);
    const bench = await workbook(`/api/benchmark?month=${month}&kpi=booking_rate&format=xlsx`, t);
    const benchJson = (await get(`/api/benchmark?month=${month}&kpi=booking_rate`, t)).json<{ dealer: string | null; name: string | null; value: number | null }[]>();
    expect(body(bench.ws).map((r) => [r[3], r[4], r[5]])).toEqual(benchJson.map((r) => [r.dealer, r.name, r.value]));
    expect(body(bench.ws).filter((r) => r[3] !== null).map((r) => r[3])).toEqual([env.own]);
    const loads = await workbook('/api/loads?format=xlsx', t);
    const loadsJson = (await get('/api/loads', t)).json<{ loads: { id: number }[] }>();
    expect(body(loads.ws).map((r) => r[0])).toEqual(loadsJson.loads.map((l) => l.id));
    // No other dealer's code anywhere in any of them.
    for (const { ws } of [flags, kpis, cov, bench, loads]) expect(allText(ws)).not.toContain(env.other);
  });

  it('a dealer\'s KPIs over a range: one row per month with the JSON\'s values; another dealer\'s answers 403 to a dealer user', async () => {
    const [from, to] = [env.months.at(-3)!, env.months.at(-1)!];
    const json = (await get(`/api/dealers/${env.own}/kpis?from=${from}&to=${to}`, env.tokens.admin)).json<{ month: string; kpi: string; value: number | null }[]>();
    const { ws } = await workbook(`/api/dealers/${env.own}/kpis?from=${from}&to=${to}&format=xlsx`, env.tokens.dealer);
    const header = Array.from({ length: ws.getRow(2).cellCount }, (_, i) => ws.getRow(2).getCell(i + 1).text);
    const rows = body(ws);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([[env.own, from], [env.own, env.months.at(-2)!], [env.own, to]]);
    const bookingCol = header.indexOf('预约率');
    expect(bookingCol).toBeGreaterThan(1);
    expect(rows.map((r) => r[bookingCol])).toEqual(json.filter((k) => k.kpi === 'booking_rate').map((k) => k.value));
    expect((await get(`/api/dealers/${env.other}/kpis?format=xlsx`, env.tokens.dealer)).statusCode).toBe(403);
  });

  it('rejects.xlsx: a load the caller may see; another dealer\'s load is not found', async () => {
    const loadsJson = (await get('/api/loads', env.tokens.admin)).json<{ loads: { id: number; dealers: string[]; rowsRejected: number }[] }>();
    const others = loadsJson.loads.find((l) => l.dealers.length === 1 && l.dealers[0] === env.other)!;
    const { ws, disposition } = await workbook(`/api/loads/${others.id}/rejects.xlsx`, env.tokens.admin);
    expect(disposition).toContain('filename*=UTF-8\'\'');
    expect(ws.getRow(2).values).toEqual([undefined, '行', '列', '值', '原因', '原始内容']);
    expect(body(ws)).toHaveLength(others.rowsRejected);
    expect((await get(`/api/loads/${others.id}/rejects.xlsx`, env.tokens.dealer)).statusCode).toBe(404);
  });

  it('English headers with lang=en; an unknown format is a 400', async () => {
    const month = env.months.at(-1)!;
    const { ws, disposition } = await workbook(`/api/kpis?month=${month}&format=xlsx&lang=en`, env.tokens.admin);
    expect(ws.getCell('A2').value).toBe('Dealer');
    expect(disposition).toContain(`filename="KPI values-${month}.xlsx"`);
    expect((await get(`/api/kpis?month=${month}&format=pdf`, env.tokens.admin)).statusCode).toBe(400);
  });
});
