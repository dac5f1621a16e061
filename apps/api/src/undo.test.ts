// Never lose a month, over real HTTP on a small demo network: a 60-row partial export of a
// dealer-month holding hundreds of rows answers 409 with the per-month counts; with confirm=true
// it loads; POST /api/loads/:id/undo puts KPIs and flags back exactly (checksum equal).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryJson } from '@fixops/db';
import { bearer, setupTestEnv, type TestEnv, type UndoAnswer, type UploadAnswer } from './test-helpers/setup.js';

let env: TestEnv;
let base: string;

beforeAll(async () => {
  env = await setupTestEnv();
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await env?.close();
});

async function upload(token: string, name: string, text: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('files', new Blob([Buffer.from(text, 'utf8')], { type: 'text/csv' }), name);
  const r = await fetch(`${base}/api/uploads`, { method: 'POST', headers: { ...bearer(token), 'accept-language': 'en' }, body: form });
  return { status: r.status, body: (await r.json()) as UploadAnswer };
}

const undo = async (token: string, id: number, lang = 'zh-CN') => {
  const r = await fetch(`${base}/api/loads/${id}/undo`, { method: 'POST', headers: { ...bearer(token), 'accept-language': lang } });
  return { status: r.status, body: (await r.json()) as UndoAnswer };
};

/** Every KPI value and flag, as one md5: equal means the two tables are identical. */
async function kpiChecksum(): Promise<string> {
  const [r] = await env.app.store.read((c) => queryJson<{ v: string; f: string }>(c, `
    SELECT (SELECT md5(string_agg(concat_ws('|', dealer_code, month, kpi, coalesce(value::VARCHAR, 'null')), ';' ORDER BY dealer_code, month, kpi)) FROM kpi_values) AS v,
           (SELECT md5(string_agg(concat_ws('|', dealer_code, month, kpi, kind, coalesce(value::VARCHAR, 'null'), coalesce(reference::VARCHAR, 'null')), ';'
              ORDER BY dealer_code, month, kpi, kind, value, reference::VARCHAR)) FROM kpi_flags) AS f`));
  return `${r!.v}/${r!.f}`;
}

function partialExport(dealer: string, month: string, n: number): string {
  const lines = Array.from({ length: n }, (_, i) => `${dealer},PART${i},LPART${String(i).padStart(12, '0')},${month}-${String(1 + (i % 27)).padStart(2, '0')} 09:00,${i % 3 ? '保养' : '一般维修'},${300 + i}`);
  return `经销商代码,工单号,VIN,进厂时间,维修类型,总金额\n${lines.join('\n')}\n`;
}

describe('a partial export over HTTP', () => {
  it('is held (409 with per-month counts), loads with confirm=true, and its undo restores KPIs and flags exactly', async () => {
    const [big] = await env.app.store.read((c) => queryJson<{ dealer: string; month: string; n: number }>(c, `
      SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month, count(*)::INTEGER AS n FROM repair_orders GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT 1`));
    expect(big!.n).toBeGreaterThan(150);
    const before = await kpiChecksum();
    const text = partialExport(big!.dealer, big!.month, 60);

    const held = await upload(env.tokens.consultant, 'partial.csv', text);
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('needs_confirmation');
    expect(held.body.error.message).toContain(`${big!.dealer} ${big!.month}: ${big!.n} → 60 rows`);
    expect(held.body.error.details.slices).toEqual([{ file: 'partial.csv', kind: 'repair_orders', dealer: big!.dealer, month: big!.month, rowsNow: big!.n, rowsAfter: 60 }]);
    expect(held.body.error.details.files[0]).toMatchObject({ status: 'needs_confirmation', rowsLoaded: 0 });
    expect(await kpiChecksum()).toBe(before);
    const log = await fetch(`${base}/api/loads/${held.body.error.details.files[0]!.loadId}`, { headers: bearer(env.tokens.admin) });
    expect(await log.json()).toMatchObject({ status: 'needs_confirmation', slices: [{ rowsNow: big!.n, rowsAfter: 60 }] });

    const applied = await upload(env.tokens.consultant, 'partial.csv', text, { confirm: 'true' });
    expect(applied.status).toBe(200);
    expect(applied.body[0]).toMatchObject({ status: 'loaded', rowsLoaded: 60, slices: [{ rowsNow: big!.n, rowsAfter: 60 }] });
    const after = await kpiChecksum();
    expect(after).not.toBe(before);

    const id = applied.body[0]!.loadId as number;
    expect((await undo(env.tokens.dealer, id)).status).toBe(403);
    const done = await undo(env.tokens.consultant, id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ loadId: id, rowsRemoved: 60, rowsRestored: big!.n, months: [big!.month] });
    expect(await kpiChecksum()).toBe(before);

    const again = await undo(env.tokens.admin, id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('load_already_undone');
    expect(again.body.error.message).toContain('已经撤销过');
    const missing = await undo(env.tokens.admin, 99999, 'en');
    expect(missing.status).toBe(404);
  });

  it('refuses to undo a load whose months a later load replaced (409, names the later load)', async () => {
    const [m] = await env.app.store.read((c) => queryJson<{ dealer: string; month: string; n: number }>(c, `
      SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month, count(*)::INTEGER AS n FROM repair_orders GROUP BY ALL ORDER BY 1, 2 LIMIT 1`));
    const first = await upload(env.tokens.admin, 'first.csv', partialExport(m!.dealer, m!.month, m!.n), { confirm: 'true' });
    const second = await upload(env.tokens.admin, 'second.csv', partialExport(m!.dealer, m!.month, m!.n));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const blocked = await undo(env.tokens.admin, first.body[0]!.loadId!, 'en');
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('undo_blocked');
    expect(blocked.body.error.message).toContain(`Undo load ${second.body[0]!.loadId} first`);
  });
});
