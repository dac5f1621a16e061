// GET /api/dealers/:code/kpis/:kpi/rows: the rows behind a value over real HTTP handling —
// numbers that match the stored value, paging with clear 400s, a dealer user scoped to its own
// dealer, and a CSV download of every row that carries no spreadsheet formula.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTestEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const get = (url: string, token: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers: { ...bearer(token), ...headers } });

interface Rows { value: number | null; numerator: number; denominator: number | null; total: number; rows: { ro_no: string; advisor: string | null; in_numerator: boolean }[] }

describe('GET /api/dealers/:code/kpis/:kpi/rows', () => {
  it('answers the rows of a dealer-month, with the numerator and denominator of the stored value', async () => {
    const month = env.months.at(-1)!;
    const r = await get(`/api/dealers/${env.own}/kpis/on_time_rate/rows?month=${month}&limit=1000`, env.tokens.consultant);
    expect(r.statusCode).toBe(200);
    const body = r.json<Rows>();
    const kpis = (await get(`/api/dealers/${env.own}/kpis?from=${month}&to=${month}&kpi=on_time_rate`, env.tokens.consultant)).json<{ value: number }[]>();
    expect(body.value).toBe(kpis[0]!.value);
    expect(body.rows.filter((x) => x.in_numerator)).toHaveLength(body.numerator);
    expect(body.rows).toHaveLength(body.denominator!);
    expect(Math.abs(body.value! - body.numerator / body.denominator!)).toBeLessThan(1e-12);
    // "which orders were late, and whose?": one request
    const late = (await get(`/api/dealers/${env.own}/kpis/on_time_rate/rows?month=${month}&only=not_numerator`, env.tokens.consultant)).json<Rows>();
    expect(late.total).toBe(body.denominator! - body.numerator);
    expect(late.rows.every((x) => !x.in_numerator && 'advisor' in x)).toBe(true);
  });

  it('pages, and refuses bad paging and months with 400', async () => {
    const month = env.months.at(-1)!;
    const all = (await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}&limit=1000`, env.tokens.admin)).json<Rows>();
    const page = (await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}&limit=5&offset=3`, env.tokens.admin)).json<Rows>();
    expect(page.rows).toEqual(all.rows.slice(3, 8));
    expect(page.total).toBe(all.total);
    for (const q of ['limit=0', 'limit=1001', 'offset=-1', 'limit=abc']) {
      const r = await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}&${q}`, env.tokens.admin);
      expect(r.statusCode, q).toBe(400);
    }
    expect((await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=2025-13`, env.tokens.admin)).statusCode).toBe(400);
    expect((await get(`/api/dealers/${env.own}/kpis/ro_count/rows`, env.tokens.admin)).statusCode).toBe(400);
  });

  it('sorts by a column (?sort=&dir=) in JSON and CSV; an unknown column is a 400', async () => {
    const month = env.months.at(-1)!;
    const url = `/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}&limit=1000&sort=ro_no`;
    const up = (await get(`${url}&dir=asc`, env.tokens.admin)).json<Rows>().rows.map((r) => r.ro_no);
    const down = (await get(`${url}&dir=desc`, env.tokens.admin)).json<Rows>().rows.map((r) => r.ro_no);
    expect(up.length).toBeGreaterThan(1);
    expect(up).toEqual([...up].sort());
    expect(down).toEqual([...up].reverse());
    const csv = (await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}&sort=ro_no&dir=desc&format=csv`, env.tokens.admin)).body;
    expect(csv.split('\r\n')[1]!.split(',')[0]).toBe(down[0]);
    const bad = await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}&sort=dealer_code`, env.tokens.admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('bad_sort');
    expect((await get(`${url}&dir=sideways`, env.tokens.admin)).statusCode).toBe(400);
  });

  it('404s an unknown KPI or dealer; 400s a KPI without rows, in the asked language', async () => {
    const month = env.months.at(-1)!;
    const k = await get(`/api/dealers/${env.own}/kpis/on_time/rows?month=${month}`, env.tokens.admin);
    expect(k.statusCode).toBe(404);
    expect(k.json<{ error: { code: string } }>().error.code).toBe('unknown_kpi');
    expect((await get(`/api/dealers/NOPE/kpis/ro_count/rows?month=${month}`, env.tokens.admin)).statusCode).toBe(404);
    const none = await get(`/api/dealers/${env.own}/kpis/churn_rate/rows?month=${month}`, env.tokens.admin, { 'accept-language': 'en' });
    expect(none.statusCode).toBe(400);
    expect(none.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'kpi_has_no_rows' });
    expect(none.json<{ error: { message: string } }>().error.message).toContain('no rows');
  });

  it('gives a dealer user its own rows and 403 for another dealer (JSON and CSV)', async () => {
    const month = env.months.at(-1)!;
    expect((await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}`, env.tokens.dealer)).statusCode).toBe(200);
    expect((await get(`/api/dealers/${env.other}/kpis/ro_count/rows?month=${month}`, env.tokens.dealer)).statusCode).toBe(403);
    expect((await get(`/api/dealers/${env.other}/kpis/ro_count/rows?month=${month}&format=csv`, env.tokens.dealer)).statusCode).toBe(403);
    expect((await get(`/api/dealers/NOPE/kpis/ro_count/rows?month=${month}`, env.tokens.dealer)).statusCode).toBe(403);
  });

  it('downloads every row as CSV: zh or en headers, formula-safe cells', async () => {
    const month = env.months.at(-1)!;
    await env.app.store.write({ kind: 'load', label: 'test row', user: 'test' }, (c) => c.run(`
      INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, repair_type_raw, total_amount, advisor, load_id)
      VALUES ($d, strptime($m, '%Y-%m')::DATE, '=HYPERLINK("http://x")', 'LSVAA0000000000001', strptime($m || '-28 10:00', '%Y-%m-%d %H:%M'), 'general', '@SUM(A1)', 10, '+cmd|x', 0)`, { d: env.own, m: month }));
    const json = (await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}&limit=1000`, env.tokens.admin)).json<Rows>();
    const zh = await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}&format=csv`, env.tokens.admin);
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toContain('text/csv');
    expect(zh.headers['content-disposition']).toContain('attachment');
    const lines = zh.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('工单号,VIN,服务顾问')).toBe(true);
    expect(lines).toHaveLength(json.total + 1);
    const bad = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(bad.startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
    expect(bad).toContain("'+cmd|x");
    expect(bad).toContain("'@SUM(A1)");
    expect(lines.slice(1).every((l) => !/(^|,)[=+@]/.test(l.replace(/"/g, '')))).toBe(true);
    const en = await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}&format=csv&lang=en`, env.tokens.admin);
    expect(en.body.replace(/^\uFEFF/, '').startsWith('RO number,VIN,Advisor')).toBe(true);
  });

  it('downloads every row as xlsx: typed cells, 计入分子 as 是/否 counting the numerator, formula-safe, scoped', async () => {
    const month = env.months.at(-1)!;
    const json = (await get(`/api/dealers/${env.own}/kpis/on_time_rate/rows?month=${month}&limit=1000`, env.tokens.admin)).json<Rows>();
    const res = await get(`/api/dealers/${env.own}/kpis/on_time_rate/rows?month=${month}&format=xlsx`, env.tokens.dealer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = Array.from({ length: ws.getRow(2).cellCount }, (_, i) => ws.getRow(2).getCell(i + 1).text);
    expect(header.slice(0, 3)).toEqual(['工单号', 'VIN', '服务顾问']);
    const [inNum, inDen, opened] = [header.indexOf('计入分子') + 1, header.indexOf('计入分母') + 1, header.indexOf('开单时间') + 1];
    const body = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 3));
    expect(body).toHaveLength(json.denominator!);
    expect(body.filter((r) => r.getCell(inNum).value === '是')).toHaveLength(json.numerator);
    expect(body.every((r) => r.getCell(inDen).value === '是')).toBe(true);
    expect(body[0]!.getCell(opened).value).toBeInstanceOf(Date);
    // ro_count's rows hold the row the CSV test stored: its texts are neutralised here too
    const all = await get(`/api/dealers/${env.own}/kpis/ro_count/rows?month=${month}&format=xlsx`, env.tokens.admin);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb2.worksheets[0]!.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string') texts.push(cell.value); }));
    expect(texts).toContain("'=HYPERLINK(\"http://x\")");
    expect(texts.some((t) => /^[=+@]/.test(t))).toBe(false);
    expect((await get(`/api/dealers/${env.other}/kpis/on_time_rate/rows?month=${month}&format=xlsx`, env.tokens.dealer)).statusCode).toBe(403);
  });
});
