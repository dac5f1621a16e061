// A KPI a network adds as a file (the example 首保占比, first_service_share) over the real API:
// per service advisor in the breakdown and the dealer page (by KPI id, beside the seed's fields),
// with the key KPIs of the dealer list,
// and in the OpenAPI document as an id of the catalogue loaded at start; an unknown KPI id is a
// clear 404 in zh and en, not a 500.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdvisorKpis } from '@fixops/contracts';
import { EXAMPLE_KPIS_DIR, KPI_IDS, reloadCatalogue, SHIPPED_KPIS_DIR } from '@fixops/metrics';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

type Advisor = { advisor: string | null; ro_count: number; booking_rate: number | null; kpis: Record<string, number | null> };

let env: TestEnv;
let kpisDir: string;
/** The dealer-month with the largest 首保占比 of the demo network. */
let top: { dealer: string; month: string; value: number };
beforeAll(async () => {
  kpisDir = mkdtempSync(join(tmpdir(), 'fixops-api-kpis-'));
  cpSync(SHIPPED_KPIS_DIR, kpisDir, { recursive: true });
  cpSync(join(EXAMPLE_KPIS_DIR, 'first_service_share.yaml'), join(kpisDir, 'first_service_share.yaml'));
  const r = reloadCatalogue(kpisDir);
  if (!r.ok) throw new Error(r.error.message.en);
  env = await setupTestEnv();
  top = { dealer: '', month: '', value: 0 };
  for (const month of env.months) {
    const values = (await get(`/api/kpis?month=${month}&kpi=first_service_share`)).json<{ dealer: string; value: number | null }[]>();
    for (const v of values) if ((v.value ?? 0) > top.value) top = { dealer: v.dealer, month, value: v.value! };
  }
}, 240_000);
afterAll(async () => {
  await env?.close();
  reloadCatalogue(SHIPPED_KPIS_DIR);
  rmSync(kpisDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers: { ...bearer(env.tokens.consultant), ...headers } });

describe('a KPI added as a file, over the API', () => {
  it('is in the per-advisor breakdown by KPI id, with the dealer value their RO-weighted mean', async () => {
    expect(KPI_IDS).toContain('first_service_share');
    expect(top.value).toBeGreaterThan(0);
    const { dealer, month } = top;
    const r = await get(`/api/dealers/${dealer}/breakdown?month=${month}&by=advisor`);
    expect(r.statusCode).toBe(200);
    const advisors = r.json<Advisor[]>();
    expect(advisors.length).toBeGreaterThan(1);
    for (const a of advisors) {
      expect(Value.Check(AdvisorKpis, a)).toBe(true);
      expect(a.kpis).toHaveProperty('first_service_share');
      expect(a.kpis.booking_rate).toBe(a.booking_rate); // the built-ins too, equal to the seed's fields
      expect(a.kpis.ro_count).toBe(a.ro_count);
    }
    const [value] = (await get(`/api/dealers/${dealer}/kpis?from=${month}&to=${month}&kpi=first_service_share`)).json<{ value: number | null }[]>();
    expect(value!.value).toBe(top.value);
    // its denominator is the advisor's external ROs (ro_count): the dealer's value is their weighted mean
    const total = advisors.reduce((s, a) => s + a.ro_count, 0);
    const weighted = advisors.reduce((s, a) => s + (a.kpis.first_service_share ?? 0) * a.ro_count, 0) / total;
    expect(Math.abs(weighted - value!.value!)).toBeLessThan(1e-12);
    expect(advisors.some((a) => (a.kpis.first_service_share ?? 0) > 0)).toBe(true);
  });

  it('is in the dealer page\'s advisors', async () => {
    const { dealer, month } = top;
    const page = (await get(`/api/dealers/${dealer}/dashboard?month=${month}`)).json<{ advisors: Advisor[] }>();
    const breakdown = (await get(`/api/dealers/${dealer}/breakdown?month=${month}&by=advisor`)).json<Advisor[]>();
    expect(page.advisors).toEqual(breakdown);
    expect(page.advisors.some((a) => (a.kpis.first_service_share ?? 0) > 0)).toBe(true);
  });

  it('is with the key KPIs of the dealer list, at the dealer\'s latest month', async () => {
    const [summary] = (await get(`/api/dealers`)).json<{ code: string; latestMonth: string; kpis: Record<string, number | null> }[]>().filter((d) => d.code === top.dealer);
    const values = (await get(`/api/dealers/${top.dealer}/kpis?kpi=first_service_share`)).json<{ month: string; value: number | null }[]>();
    expect(summary!.kpis.first_service_share).toBe(values.find((v) => v.month === summary!.latestMonth)!.value);
    expect(summary!.kpis).toHaveProperty('booking_rate');
    expect((await get(`/api/dealers/${top.dealer}`)).json<{ kpis: Record<string, unknown> }>().kpis).toHaveProperty('first_service_share');
  });

  it('is an id of the OpenAPI document\'s KPI enums (path, query and answer fields)', async () => {
    const doc = (await get('/api/openapi.json')).json<{ paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: { enum?: string[] } }[]; responses: Record<string, unknown> }>> }>();
    const rows = doc.paths['/api/dealers/{code}/kpis/{kpi}/rows']!.get!;
    const kpi = rows.parameters!.find((p) => p.name === 'kpi' && p.in === 'path')!;
    expect(kpi.schema.enum).toEqual([...KPI_IDS]);
    expect(kpi.schema.enum).toContain('first_service_share');
    expect(kpi.schema.enum).toContain('on_time_rate');
    const bench = doc.paths['/api/benchmark']!.get!.parameters!.find((p) => p.name === 'kpi' && p.in === 'query')!;
    expect(bench.schema.enum).toContain('first_service_share');
    const flags = doc.paths['/api/flags']!.get!.parameters!.find((p) => p.name === 'kpi')!;
    expect(flags.schema.enum).toContain('first_service_share');
    // an answer's kpi field, e.g. a KPI value's
    expect(JSON.stringify(doc.paths['/api/kpis']!.get!.responses['200'])).toContain('"first_service_share"');
  });

  it('answers an unknown KPI id with 404 unknown_kpi in zh and en (with the closest ids), not a 500', async () => {
    const month = env.months.at(-1)!;
    for (const url of [`/api/dealers/${env.own}/kpis/first_service_shar/rows?month=${month}`, `/api/benchmark?month=${month}&kpi=first_service_shar`, `/api/dealers/${env.own}/kpis?kpi=first_service_shar`]) {
      const zh = await get(url, { 'accept-language': 'zh-CN' });
      expect(zh.statusCode, url).toBe(404);
      const body = zh.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('unknown_kpi');
      expect(body.error.message).toContain('没有KPI“first_service_shar”');
      expect(body.error.message).toContain('first_service_share');
      const en = await get(url, { 'accept-language': 'en' });
      expect(en.statusCode).toBe(404);
      expect(en.json<{ error: { message: string } }>().error.message).toContain('Unknown KPI "first_service_shar"');
    }
  });
});
