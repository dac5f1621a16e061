// Every read and write route through app.inject, with each role; the error shape and codes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTemplate } from '@fixops/assessment';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTestEnv({ loginRateLimit: 5 });
});
afterAll(async () => {
  await env?.close();
});

const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
  env.app.inject({ method: 'GET', url, headers: { ...(token ? bearer(token) : {}), ...headers } });
const roles = () => [['admin', env.tokens.admin], ['consultant', env.tokens.consultant], ['dealer', env.tokens.dealer]] as const;
const last = () => env.months.at(-1)!;

function expectError(r: { statusCode: number; json(): unknown }, status: number, code?: string) {
  expect(r.statusCode).toBe(status);
  const body = r.json() as { error: { code: string; message: string; details: unknown } };
  expect(typeof body.error.message).toBe('string');
  expect(body.error.details).toBeDefined();
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

describe('health and authentication', () => {
  it('answers health without a token, with the version', async () => {
    const r = await get('/api/health');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', version: '0.1.0' });
    expect(r.headers['x-request-id']).toBeTruthy();
  });

  it('answers 401 without a token, with a wrong token, and in the request\'s language', async () => {
    for (const url of ['/api/dealers', '/api/openapi.json', '/api/loads', '/api/nowhere']) {
      expectError(await get(url), 401, 'unauthorized');
    }
    const zh = expectError(await get('/api/dealers', 'not-a-token'), 401);
    expect(zh.message).toMatch(/登录/);
    const en = expectError(await get('/api/dealers', 'not-a-token', { 'accept-language': 'en-US,en;q=0.9' }), 401);
    expect(en.message).toMatch(/Authentication required/);
  });

  it('logs in with a token into a session cookie, and out again', async () => {
    const login = await env.app.inject({ method: 'POST', url: '/api/login', payload: { token: env.tokens.consultant } });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toEqual({ name: 'consultant', role: 'consultant', dealer: null });
    const cookie = login.cookies.find((c) => c.name === 'fixops_session')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await get('/api/me', undefined, { cookie: `fixops_session=${cookie.value}` });
    expect(me.json()).toMatchObject({ name: 'consultant' });
    await env.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie: `fixops_session=${cookie.value}` } });
    expectError(await get('/api/me', undefined, { cookie: `fixops_session=${cookie.value}` }), 401);
  });

  it('refuses a bad login, validates the body, and rate-limits attempts', async () => {
    expectError(await env.app.inject({ method: 'POST', url: '/api/login', payload: {}, remoteAddress: '10.0.0.2' }), 400, 'invalid_request');
    let last = 0;
    for (let i = 0; i < 8; i++) {
      last = (await env.app.inject({ method: 'POST', url: '/api/login', payload: { token: `guess-${i}` }, remoteAddress: '10.0.0.3' })).statusCode;
    }
    expect(last).toBe(429);
    const r = await env.app.inject({ method: 'POST', url: '/api/login', payload: { token: 'x' }, remoteAddress: '10.0.0.3' });
    expectError(r, 429, 'too_many_requests');
  });
});

describe('dealers, KPIs, flags', () => {
  it('lists dealers with key KPIs and flag counts (a dealer user: only its own)', async () => {
    for (const [role, token] of roles()) {
      const r = await get('/api/dealers', token);
      expect(r.statusCode).toBe(200);
      const list = r.json<{ code: string; latestMonth: string; kpis: Record<string, number>; flags: { total: number } }[]>();
      expect(list.map((d) => d.code)).toEqual(role === 'dealer' ? [env.own] : env.dealers);
      expect(list[0]!.latestMonth).toBe(last());
      expect(list[0]!.kpis.ro_count).toBeGreaterThan(0);
      expect(typeof list[0]!.flags.total).toBe('number');
    }
    const one = (await get(`/api/dealers/${env.own}`, env.tokens.admin)).json<{ flags: { total: number }; kpis: Record<string, number> }>();
    const flags = (await get(`/api/flags?dealer=${env.own}&month=${last()}`, env.tokens.admin)).json<unknown[]>();
    expect(one.flags.total).toBe(flags.length);
    const values = (await get(`/api/dealers/${env.own}/kpis?from=${last()}&to=${last()}&kpi=booking_rate`, env.tokens.admin)).json<{ value: number }[]>();
    expect(one.kpis.booking_rate).toBe(values[0]!.value);
  });

  it('shows one dealer; 403 for another dealer\'s, 404 listing the valid codes', async () => {
    for (const [role, token] of roles()) {
      expect((await get(`/api/dealers/${env.own}`, token)).json()).toMatchObject({ code: env.own });
      const other = await get(`/api/dealers/${env.other}`, token);
      if (role === 'dealer') expectError(other, 403, 'forbidden');
      else expect(other.statusCode).toBe(200);
    }
    const missing = expectError(await get('/api/dealers/XX999', env.tokens.consultant, { 'accept-language': 'en' }), 404, 'unknown_dealer');
    expect((missing.details as { choices: string[] }).choices).toEqual(env.dealers);
    expectError(await get('/api/dealers/XX999', env.tokens.dealer), 403);
  });

  it('serves one dealer\'s KPIs over a range as { dealer, month, kpi, value }', async () => {
    const from = env.months[1]!;
    for (const [, token] of roles()) {
      const r = await get(`/api/dealers/${env.own}/kpis?from=${from}&to=${last()}`, token);
      expect(r.statusCode).toBe(200);
      const rows = r.json<{ dealer: string; month: string; kpi: string; value: number | null }[]>();
      expect(rows.length).toBeGreaterThan(0);
      expect(Object.keys(rows[0]!).sort()).toEqual(['dealer', 'kpi', 'month', 'status', 'value']);
      expect(new Set(rows.map((x) => x.month)).size).toBe(env.months.length - 1);
      expect(rows.every((x) => x.dealer === env.own)).toBe(true);
    }
    expectError(await get(`/api/dealers/${env.other}/kpis`, env.tokens.dealer), 403);
    const bad = expectError(await get(`/api/dealers/${env.own}/kpis?from=2025-13`, env.tokens.admin), 400, 'invalid_request');
    expect((bad.details as { field: string }).field).toBe('from');
    expectError(await get(`/api/dealers/${env.own}/kpis?from=2025-12&to=2025-01`, env.tokens.admin), 400);
    const kpi = expectError(await get(`/api/dealers/${env.own}/kpis?kpi=bookng_rate`, env.tokens.admin), 404, 'unknown_kpi');
    expect((kpi.details as { choices: string[] }).choices).toContain('booking_rate');
  });

  it('serves the network for a month, the catalogue, breakdowns', async () => {
    const all = (await get(`/api/kpis?month=${last()}`, env.tokens.consultant)).json<{ dealer: string }[]>();
    expect(new Set(all.map((r) => r.dealer)).size).toBe(env.dealers.length);
    const mine = (await get(`/api/kpis?month=${last()}`, env.tokens.dealer)).json<{ dealer: string }[]>();
    expect(new Set(mine.map((r) => r.dealer))).toEqual(new Set([env.own]));
    expectError(await get('/api/kpis', env.tokens.admin), 400);
    const catalog = (await get('/api/catalog', env.tokens.dealer)).json<{ id: string }[]>();
    expect(catalog.map((k) => k.id)).toContain('booking_rate');
    for (const [, token] of roles()) {
      const mix = await get(`/api/dealers/${env.own}/breakdown?month=${last()}`, token);
      expect(mix.statusCode).toBe(200);
      expect((mix.json<{ repairType: string }[]>()).length).toBeGreaterThan(0);
      const adv = await get(`/api/dealers/${env.own}/breakdown?month=${last()}&by=advisor`, token);
      expect(adv.statusCode).toBe(200);
    }
    expectError(await get(`/api/dealers/${env.own}/breakdown?month=${last()}&by=color`, env.tokens.admin), 400);
    expectError(await get(`/api/dealers/${env.other}/breakdown?month=${last()}`, env.tokens.dealer), 403);
  });

  it('filters flags; a dealer user gets its own only, sentences follow Accept-Language', async () => {
    const all = (await get(`/api/flags?month=${last()}`, env.tokens.admin)).json<{ dealer: string; kind: string; message: string }[]>();
    expect(all.length).toBeGreaterThan(0);
    const mine = (await get(`/api/flags?month=${last()}`, env.tokens.dealer)).json<{ dealer: string }[]>();
    expect(mine.every((f) => f.dealer === env.own)).toBe(true);
    expectError(await get(`/api/flags?dealer=${env.other}`, env.tokens.dealer), 403);
    const kind = all[0]!.kind;
    const byKind = (await get(`/api/flags?dealer=${all[0]!.dealer}&month=${last()}&kind=${kind}`, env.tokens.consultant)).json<{ kind: string }[]>();
    expect(byKind.every((f) => f.kind === kind)).toBe(true);
    const en = (await get(`/api/flags?month=${last()}`, env.tokens.admin, { 'accept-language': 'en' })).json<{ message: string; messages: { en: string } }[]>();
    expect(en[0]!.message).toBe(en[0]!.messages.en);
    expectError(await get('/api/flags?kind=bogus', env.tokens.admin), 400);
    expectError(await get('/api/flags?kpi=bogus', env.tokens.admin), 404, 'unknown_kpi');
  });

  it('benchmarks a peer group; a dealer user sees other dealers only as anonymous ranks', async () => {
    const full = (await get(`/api/benchmark?month=${last()}&kpi=booking_rate`, env.tokens.consultant)).json<{ dealer: string | null; name: string | null; rank: number }[]>();
    expect(full.length).toBe(env.dealers.length);
    expect(full.every((r) => r.dealer !== null)).toBe(true);
    const r = await get(`/api/benchmark?month=${last()}&kpi=booking_rate`, env.tokens.dealer);
    const anon = r.json<{ dealer: string | null; name: string | null; rank: number }[]>();
    expect(anon.length).toBe(env.dealers.length);
    expect(anon.filter((x) => x.dealer !== null).map((x) => x.dealer)).toEqual([env.own]);
    expect(anon.filter((x) => x.dealer === null).every((x) => x.name === null && x.rank !== undefined)).toBe(true);
    for (const code of env.dealers.filter((d) => d !== env.own)) expect(r.body).not.toContain(code);
    expectError(await get(`/api/benchmark?month=${last()}`, env.tokens.admin), 400);
    expectError(await get(`/api/benchmark?month=${last()}&kpi=nope`, env.tokens.admin), 404, 'unknown_kpi');
    expectError(await get(`/api/benchmark?month=${last()}&kpi=booking_rate&group=nogroup`, env.tokens.admin), 404, 'unknown_group');
  });
});

describe('settings', () => {
  it('reads for every role; changes for admin only, recomputing', async () => {
    for (const [, token] of roles()) expect((await get('/api/settings', token)).statusCode).toBe(200);
    const put = (token: string, payload: unknown) => env.app.inject({ method: 'PUT', url: '/api/settings', headers: bearer(token), payload: payload as object });
    expectError(await put(env.tokens.consultant, { key: 'target.booking_rate', value: 0.5 }), 403);
    expectError(await put(env.tokens.dealer, { key: 'target.booking_rate', value: 0.5 }), 403);
    const ok = await put(env.tokens.admin, { key: 'target.booking_rate', value: 0.5 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ key: 'target.booking_rate', value: 0.5 });
    expect(ok.json<{ dealerMonths: number }>().dealerMonths).toBeGreaterThan(0);
    const list = (await get('/api/settings', env.tokens.dealer)).json<{ key: string; value: number }[]>();
    expect(list.find((s) => s.key === 'target.booking_rate')!.value).toBe(0.5);
    expectError(await put(env.tokens.admin, { key: 'target.booking_rate', value: 7 }), 400, 'invalid_setting');
    expectError(await put(env.tokens.admin, { key: 'nope', value: 1 }), 404, 'unknown_setting');
    expectError(await put(env.tokens.admin, { key: 'target.booking_rate' }), 400, 'invalid_request');
    const reset = await put(env.tokens.admin, { key: 'target.booking_rate', value: null });
    expect(reset.json()).toMatchObject({ value: 0.3 });
  });
});

describe('remembered answers', () => {
  it('serves KPIs as JSON text remembered between writes, never after one that changes them', async () => {
    const url = `/api/dealers/${env.own}/kpis?from=${last()}&to=${last()}&kpi=cost_estimate_accuracy`;
    const before = await get(url, env.tokens.admin);
    expect(before.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(before.body).toBe((await get(url, env.tokens.consultant)).body);
    const put = (value: number | null) => env.app.inject({ method: 'PUT', url: '/api/settings', headers: bearer(env.tokens.admin), payload: { key: 'costEstimateTolerance', value } });
    // The tolerance decides which estimates count as accurate: a stricter one changes the value.
    expect((await put(0.0001)).statusCode).toBe(200);
    const strict = (await get(url, env.tokens.admin)).json<{ value: number }[]>();
    expect(strict[0]!.value).toBeLessThan((before.json<{ value: number }[]>())[0]!.value);
    expect((await put(null)).statusCode).toBe(200);
    expect((await get(url, env.tokens.admin)).body).toBe(before.body);
  });
});

describe('assessments and reports', () => {
  it('lists templates, creates an assessment (not as a dealer), reads it back, renders reports', async () => {
    const templates = (await get('/api/templates', env.tokens.dealer)).json<{ id: string }[]>();
    expect(templates.map((t) => t.id)).toContain('dealer-aftersales');
    const template = await findTemplate('dealer-aftersales');
    if (!template.ok) throw new Error('template');
    const scores: { id: string; score: number }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (Array.isArray(o.items)) for (const i of o.items as { id: string; max: number }[]) scores.push({ id: i.id, score: i.max });
        for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
      }
    };
    walk(template.value);
    expect(scores.length).toBeGreaterThan(0);
    const post = (token: string, payload: object) => env.app.inject({ method: 'POST', url: '/api/assessments', headers: bearer(token), payload });
    const body = { dealer: env.own, date: `${last()}-15`, scores };
    expectError(await post(env.tokens.dealer, body), 403);
    expectError(await post(env.tokens.consultant, { ...body, dealer: 'XX999' }), 404, 'unknown_dealer');
    expectError(await post(env.tokens.consultant, { ...body, date: 'yesterday' }), 400);
    expectError(await post(env.tokens.consultant, { ...body, scores: [{ id: 'no.such.item', score: 1 }] }), 422);
    const created = await post(env.tokens.consultant, body);
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    for (const [, token] of roles()) {
      expect((await get(`/api/assessments/${id}`, token)).json()).toMatchObject({ id, dealer: env.own });
      expect((await get(`/api/dealers/${env.own}/assessments`, token)).json()).toHaveLength(1);
    }
    expectError(await get(`/api/assessments/${id}`, env.tokens.other), 404); // another dealer's id looks missing (issue 12)
    expectError(await get('/api/assessments/99999', env.tokens.admin), 404);
    expectError(await get('/api/assessments/abc', env.tokens.admin), 400);

    const html = await get(`/api/dealers/${env.own}/report?month=${last()}`, env.tokens.dealer);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toMatch(/<html/i);
    const md = await get(`/api/dealers/${env.own}/report?month=${last()}&format=md&lang=en`, env.tokens.consultant);
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.body).toContain(env.own);
    expectError(await get(`/api/dealers/${env.other}/report?month=${last()}`, env.tokens.dealer), 403);
    expectError(await get(`/api/dealers/${env.own}/report?month=2025-1`, env.tokens.admin), 400);
    // the report's model as JSON, what the dashboard's report components draw
    const model = await get(`/api/dealers/${env.own}/report/model?month=${last()}`, env.tokens.dealer);
    expect(model.statusCode).toBe(200);
    const m = model.json<{ assessment: { scorecard: { sections: unknown[] } }; passRates: Record<string, number>; coverage: { byKpi: { kpi: unknown }[] } }>();
    expect(m).toMatchObject({ dealer: { code: env.own }, month: last(), assessment: { id }, totalPassRate: 0.7 });
    expect(m.assessment.scorecard.sections.length).toBeGreaterThan(0);
    expect(m.passRates['front_desk']).toBe(0.7);
    expect(m.passRates['front_desk.dms']).toBe(0.7);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any) as any
    expect(m.coverage.byKpi[0]!.kpi).toMatchObject({ unit: expect.any(String), zh: expect.any(String) });
    expectError(await get(`/api/dealers/${env.other}/report/model?month=${last()}`, env.tokens.dealer), 403);
    expectError(await get(`/api/dealers/${env.own}/report/model?month=2025-1`, env.tokens.admin), 400);
  });
});

describe('OpenAPI and docs', () => {
  it('publishes the OpenAPI document and a docs page', async () => {
    const doc = (await get('/api/openapi.json', env.tokens.admin)).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/login', '/api/dealers', '/api/dealers/{code}/kpis', '/api/flags', '/api/uploads']) expect(doc.paths).toHaveProperty([p]);
    const docs = await get('/api/docs/', env.tokens.admin);
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });
});
