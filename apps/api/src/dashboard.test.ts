// The dashboard's reads: overview, peer quartiles, latest checklist modules; each role.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryJson } from '@fixops/db';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTestEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const get = (url: string, token: string) => env.app.inject({ method: 'GET', url, headers: bearer(token) });

interface Row { code: string; latestMonth: string | null; group: string; kpis: Record<string, number | null>; flags: { total: number; target: number }; spark: { kpi: string; months: string[]; values: (number | null)[] }; checklist: unknown }

describe('GET /api/overview', () => {
  it('lists every dealer with the latest month\'s key KPIs, flag counts and a 12-month sparkline of repair orders', async () => {
    const r = await get('/api/overview', env.tokens.consultant);
    expect(r.statusCode).toBe(200);
    const rows = r.json<Row[]>();
    expect(rows.map((d) => d.code)).toEqual(env.dealers);
    const last = env.months.at(-1)!;
    const row = rows.find((d) => d.code === env.own)!;
    expect(row.latestMonth).toBe(last);
    for (const k of ['ro_count', 'revenue_per_ro', 'booking_rate', 'on_time_rate', 'cost_estimate_accuracy', 'churn_rate', 'data_completeness']) expect(row.kpis).toHaveProperty(k);
    // The same values and counts as the per-dealer reads.
    const kpis = (await get(`/api/dealers/${env.own}/kpis?from=${last}&to=${last}`, env.tokens.consultant)).json<{ kpi: string; value: number | null }[]>();
    expect(row.kpis.ro_count).toBe(kpis.find((k) => k.kpi === 'ro_count')!.value);
    expect(row.kpis.data_completeness).toBe(kpis.find((k) => k.kpi === 'data_completeness')!.value);
    const flags = (await get(`/api/flags?dealer=${env.own}&month=${last}`, env.tokens.consultant)).json<{ kind: string }[]>();
    expect(row.flags.total).toBe(flags.length);
    expect(row.flags.target).toBe(flags.filter((f) => f.kind === 'target').length);
    // 12 months ending with the latest; months before the data are null.
    expect(row.spark.kpi).toBe('ro_count');
    expect(row.spark.months).toHaveLength(12);
    expect(row.spark.months.at(-1)).toBe(last);
    const series = (await get(`/api/dealers/${env.own}/kpis?kpi=ro_count`, env.tokens.consultant)).json<{ month: string; value: number | null }[]>();
    expect(row.spark.values).toEqual(row.spark.months.map((m) => series.find((s) => s.month === m)?.value ?? null));
    expect(row.checklist).toBeNull();
  });

  it('gives a dealer user its own dealer only', async () => {
    const rows = (await get('/api/overview', env.tokens.dealer)).json<Row[]>();
    expect(rows.map((d) => d.code)).toEqual([env.own]);
  });

  it('answers a chosen month (?month=) with that month\'s values, and refuses a malformed one', async () => {
    const month = env.months.at(-2)!;
    const rows = (await get(`/api/overview?month=${month}`, env.tokens.consultant)).json<Row[]>();
    const row = rows.find((d) => d.code === env.own)!;
    expect(row.latestMonth).toBe(month);
    expect(row.spark.months.at(-1)).toBe(month);
    const kpis = (await get(`/api/dealers/${env.own}/kpis?from=${month}&to=${month}`, env.tokens.consultant)).json<{ kpi: string; value: number | null }[]>();
    expect(row.kpis.ro_count).toBe(kpis.find((k) => k.kpi === 'ro_count')!.value);
    expect((await get('/api/overview?month=2025-13', env.tokens.consultant)).statusCode).toBe(400);
    const own = (await get(`/api/overview?month=${month}`, env.tokens.dealer)).json<Row[]>();
    expect(own.map((d) => d.code)).toEqual([env.own]);
  });
});

describe('GET /api/dealers/:code/peers', () => {
  it('answers the peer group\'s quartiles per month, the same as the benchmark', async () => {
    const last = env.months.at(-1)!;
    const r = await get(`/api/dealers/${env.own}/peers?kpi=booking_rate`, env.tokens.admin);
    expect(r.statusCode).toBe(200);
    const rows = r.json<{ month: string; kpi: string; group: string; groupSize: number; p25: number; median: number; p75: number }[]>();
    expect(rows.map((x) => x.month)).toEqual(env.months);
    const bench = (await get(`/api/benchmark?month=${last}&kpi=booking_rate&group=${encodeURIComponent(rows[0]!.group)}`, env.tokens.admin)).json<{ p25: number; median: number; p75: number; groupSize: number }[]>();
    const mine = rows.at(-1)!;
    expect(mine).toMatchObject({ p25: bench[0]!.p25, median: bench[0]!.median, p75: bench[0]!.p75, groupSize: bench[0]!.groupSize });
  });

  it('lets a dealer user read its own group\'s quartiles (anonymous) but not another dealer\'s', async () => {
    expect((await get(`/api/dealers/${env.own}/peers?from=${env.months.at(-1)}`, env.tokens.dealer)).statusCode).toBe(200);
    const other = await get(`/api/dealers/${env.other}/peers`, env.tokens.dealer);
    expect(other.statusCode).toBe(403);
    const body = JSON.stringify((await get(`/api/dealers/${env.own}/peers`, env.tokens.dealer)).json());
    for (const d of env.dealers.filter((x) => x !== env.own)) expect(body).not.toContain(d);
  });

  it('refuses a range that ends before it starts and an unknown KPI', async () => {
    expect((await get(`/api/dealers/${env.own}/peers?from=2025-12&to=2025-01`, env.tokens.admin)).statusCode).toBe(400);
    expect((await get(`/api/dealers/${env.own}/peers?kpi=nope`, env.tokens.admin)).statusCode).toBe(404);
    expect((await get('/api/dealers/NOPE/peers', env.tokens.admin)).statusCode).toBe(404);
  });
});

describe('GET /api/dealers/:code/checklist', () => {
  it('is empty before a visit, then gives the latest visit\'s module rates with the 70% pass line', async () => {
    expect((await get(`/api/dealers/${env.own}/checklist`, env.tokens.admin)).json()).toEqual({ visit: null, modules: [] });
    const template = (await get('/api/templates/dealer-aftersales', env.tokens.admin)).json<{ sections: { modules: { id: string; max: number; items?: { id: string; max: number }[] }[] }[] }>();
    const firstModule = template.sections[0]!.modules[0]!;
    const scores = template.sections.flatMap((s) => s.modules.map((m) => ({ id: m.id, score: m === firstModule ? 0 : m.max })));
    const posted = await env.app.inject({ method: 'POST', url: '/api/assessments', headers: bearer(env.tokens.consultant), payload: { dealer: env.own, date: '2025-11-20', scores } });
    expect(posted.statusCode).toBe(201);
    const r = (await get(`/api/dealers/${env.own}/checklist`, env.tokens.dealer)).json<{ visit: { id: number; passed: boolean }; modules: { id: string; rate: number | null; passRate: number; passed: boolean }[] }>();
    expect(r.visit.id).toBe((posted.json<{ id: number }>()).id);
    const first = r.modules.find((m) => m.id === firstModule.id)!;
    expect(first).toMatchObject({ rate: 0, passRate: 0.7, passed: false });
    expect(r.modules.filter((m) => m.id !== firstModule.id).every((m) => m.rate === 1 && m.passed)).toBe(true);
    // The overview shows the same visit as the dealer's latest checklist.
    const rows = (await get('/api/overview', env.tokens.admin)).json<{ code: string; checklist: { id: number } | null }[]>();
    expect(rows.find((d) => d.code === env.own)!.checklist!.id).toBe(r.visit.id);
    const db = await queryJson<{ n: number }>((await env.app.store.db.instance.connect()), 'SELECT count(*)::INTEGER AS n FROM assessments');
    expect(db[0]!.n).toBe(1);
    expect((await get(`/api/dealers/${env.other}/checklist`, env.tokens.dealer)).statusCode).toBe(403);
  });
});

describe('GET /api/dealers/:code/dashboard', () => {
  it('answers the dealer page in one read, the same numbers as the separate routes', async () => {
    const last = env.months.at(-1)!;
    const r = await get(`/api/dealers/${env.own}/dashboard`, env.tokens.consultant);
    expect(r.statusCode).toBe(200);
    const page = r.json<{
      dealer: { code: string }; months: string[]; month: string; window: string[];
      kpis: { month: string; kpi: string; value: number | null }[]; peers: { month: string; kpi: string; median: number | null }[];
      mix: unknown[]; advisors: unknown[]; flags: { month: string; kpi: string; kind: string }[];
    }>();
    expect(page.dealer.code).toBe(env.own);
    expect(page.month).toBe(last);
    expect(page.months).toEqual(env.months);
    expect(page.window).toHaveLength(12);
    expect(page.window.at(-1)).toBe(last);
    const kpis = (await get(`/api/dealers/${env.own}/kpis?from=${page.window[0]}&to=${last}`, env.tokens.consultant)).json<{ month: string; kpi: string; value: number | null; status: string }[]>();
    for (const k of ['booking_rate', 'data_completeness', 'cost_estimate_accuracy']) {
      expect(page.kpis.filter((x) => x.kpi === k)).toEqual(kpis.filter((x) => x.kpi === k).map(({ month, kpi, value, status }) => ({ month, kpi, value, status })));
    }
    const peers = (await get(`/api/dealers/${env.own}/peers?from=${page.window[0]}&to=${last}&kpi=booking_rate`, env.tokens.consultant)).json<unknown>();
    expect(page.peers.filter((p) => p.kpi === 'booking_rate')).toEqual(peers);
    expect(page.mix).toEqual((await get(`/api/dealers/${env.own}/breakdown?month=${last}`, env.tokens.consultant)).json());
    expect(page.advisors).toEqual((await get(`/api/dealers/${env.own}/breakdown?month=${last}&by=advisor`, env.tokens.consultant)).json());
    const flags = (await get(`/api/flags?dealer=${env.own}&month=${last}`, env.tokens.consultant)).json<{ kpi: string; kind: string }[]>();
    expect(page.flags.filter((f) => f.month === last).map((f) => `${f.kpi}/${f.kind}`)).toEqual(flags.map((f) => `${f.kpi}/${f.kind}`));
    // Newest first, nothing after the month, at most 60 earlier ones.
    const earlier = page.flags.filter((f) => f.month !== last);
    expect(earlier.length).toBeLessThanOrEqual(60);
    expect(earlier.map((f) => f.month)).toEqual([...earlier.map((f) => f.month)].sort().reverse());
  });

  it('answers an earlier month with its own window, and keeps a dealer user to its own dealer', async () => {
    const month = env.months[2]!;
    const page = (await get(`/api/dealers/${env.own}/dashboard?month=${month}`, env.tokens.dealer)).json<{ month: string; window: string[]; flags: { month: string }[] }>();
    expect(page.month).toBe(month);
    expect(page.window.at(-1)).toBe(month);
    expect(page.flags.every((f) => f.month <= month)).toBe(true);
    expect((await get(`/api/dealers/${env.other}/dashboard`, env.tokens.dealer)).statusCode).toBe(403);
    expect((await get('/api/dealers/NOPE/dashboard', env.tokens.admin)).statusCode).toBe(404);
    expect((await get(`/api/dealers/${env.own}/dashboard?month=2025-13`, env.tokens.admin)).statusCode).toBe(400);
  });
});
