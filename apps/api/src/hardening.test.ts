// Edge holes a security test found (issue 12): 500s on odd input, Fastify's own error shape on
// malformed URLs, 403-vs-404 telling a dealer which ids exist. Each test failed before its fix.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, setupTestEnv, type ErrorAnswer, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const en = { 'accept-language': 'en' };

describe('odd input answers 400 naming the field', () => {
  it('GET /api/loads?limit=Infinity', async () => {
    for (const limit of ['Infinity', '-Infinity', 'NaN', '1e400', '1.5']) {
      const r = await env.app.inject({ url: `/api/loads?limit=${limit}`, headers: { ...bearer(env.tokens.admin), ...en } });
      expect(r.statusCode, limit).toBe(400);
      expect(r.json<ErrorAnswer>().error.code).toBe('invalid_request');
      expect(r.json<ErrorAnswer>().error.message).toContain('limit');
    }
  });

  it('POST /api/assessments with a date that does not exist', async () => {
    for (const date of ['2025-02-30', '2025-13-01', '2025-04-31', '0000-00-00']) {
      const r = await env.app.inject({ method: 'POST', url: '/api/assessments', headers: { ...bearer(env.tokens.admin), ...en }, payload: { dealer: env.own, date, scores: [] } });
      expect(r.statusCode, date).toBe(400);
      expect(r.json<ErrorAnswer>().error.details.field).toBe('date');
      expect(r.json<ErrorAnswer>().error.message).toContain(date);
    }
    const ok = await env.app.inject({ method: 'POST', url: '/api/assessments', headers: bearer(env.tokens.admin), payload: { dealer: env.own, date: '2024-02-29', scores: [] } });
    expect(ok.statusCode).toBe(201);
  });
});

describe('malformed URLs get our error shape', () => {
  it('answers 400 { error: { code, message, details } } in the request\'s language', async () => {
    for (const url of ['/api/dealers/%E0%A4%A', '/api/loads/%', '/api/dealers/%E0%A4%A/kpis?from=%ZZ']) {
      const zh = await env.app.inject({ url, headers: bearer(env.tokens.admin) });
      expect(zh.statusCode, url).toBe(400);
      expect(Object.keys(zh.json<ErrorAnswer>().error).sort()).toEqual(['code', 'details', 'message']);
      expect(zh.json<ErrorAnswer>().error.message).toMatch(/[\u4e00-\u9fff]/);
      const english = await env.app.inject({ url, headers: { ...bearer(env.tokens.admin), ...en } });
      expect(english.json<ErrorAnswer>().error.message).toMatch(/^[\x20-\x7e]+$/);
      expect(english.json()).not.toHaveProperty('statusCode');
    }
  });
});

describe('another dealer\'s ids look missing', () => {
  it('answers 404 with the same body for another dealer\'s load or assessment as for a missing one', async () => {
    const admin = bearer(env.tokens.admin);
    const month = env.months.at(-1)!;
    const created = await env.app.inject({ method: 'POST', url: '/api/assessments', headers: admin, payload: { dealer: env.other, date: `${month}-10`, scores: [] } });
    expect(created.statusCode).toBe(201);
    const assessmentId = created.json<{ id: number }>().id;
    const list = (await env.app.inject({ url: '/api/loads', headers: admin })).json<{ loads: { id: number; dealers: string[] }[] }>();
    const loadId = list.loads.find((l) => l.dealers.length === 1 && l.dealers[0] === env.other)!.id;
    const missing = 2_000_000_000;
    const dealer = { ...bearer(env.tokens.dealer), ...en };
    for (const [path, id] of [['/api/loads/', loadId], ['/api/loads/', -1], ['/api/assessments/', assessmentId]] as const) {
      if (id === -1) continue;
      const theirs = await env.app.inject({ url: `${path}${id}`, headers: dealer });
      const none = await env.app.inject({ url: `${path}${missing}`, headers: dealer });
      expect(theirs.statusCode, `${path}${id}`).toBe(404);
      expect(none.statusCode).toBe(404);
      expect(theirs.body.replaceAll(String(id), 'N')).toBe(none.body.replaceAll(String(missing), 'N'));
    }
    const rejects = await env.app.inject({ url: `/api/loads/${loadId}/rejects.csv`, headers: dealer });
    expect(rejects.statusCode).toBe(404);
    // The owner still sees them.
    expect((await env.app.inject({ url: `/api/loads/${loadId}`, headers: bearer(env.tokens.other) })).statusCode).toBe(200);
    expect((await env.app.inject({ url: `/api/assessments/${assessmentId}`, headers: bearer(env.tokens.other) })).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends nosniff, no framing, a referrer policy and a deny-all content policy on API answers', async () => {
    for (const [url, status] of [['/api/dealers', 200], ['/api/health', 200], ['/api/nope', 404], ['/api/dealers/%E0%A4%A', 400]] as const) {
      const r = await env.app.inject({ url, headers: bearer(env.tokens.admin) });
      expect(r.statusCode, url).toBe(status);
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['x-frame-options'], url).toBe('DENY');
      expect(r.headers['referrer-policy'], url).toBe('same-origin');
      expect(r.headers['content-security-policy'], url).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    }
    const unauthorized = await env.app.inject({ url: '/api/dealers' });
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps /api/docs working under swagger-ui\'s own policy, never framed', async () => {
    const page = await env.app.inject({ url: '/api/docs/', headers: bearer(env.tokens.admin) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/swagger/i);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("frame-ancestors 'self'");
    const init = await env.app.inject({ url: '/api/docs/static/swagger-initializer.js', headers: bearer(env.tokens.admin) });
    expect(init.statusCode).toBe(200);
    expect(init.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('cross-site request forgery', () => {
  async function session(): Promise<string> {
    const login = await env.app.inject({ method: 'POST', url: '/api/login', payload: { token: env.tokens.admin }, remoteAddress: '10.9.9.9' });
    expect(login.statusCode).toBe(200);
    return `fixops_session=${login.cookies.find((c) => c.name === 'fixops_session')!.value}`;
  }
  const host = 'fixops.test:3000';
  const setting = async () => ((await env.app.inject({ url: '/api/settings', headers: bearer(env.tokens.admin) })).json<{ key: string; value: number }[]>())
    .find((s) => s.key === 'target.booking_rate')!.value;

  it('refuses a cookie write another site started (403, our shape, zh/en) and changes nothing', async () => {
    const cookie = await session();
    const before = await setting();
    const payload = { key: 'target.booking_rate', value: 0.55 };
    const attempts = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site', origin: 'http://sub.fixops.test:3000' },
      { origin: 'null' },
    ];
    for (const h of attempts) {
      for (const lang of ['zh', 'en']) {
        const r = await env.app.inject({ method: 'PUT', url: '/api/settings', payload, headers: { cookie, host, 'accept-language': lang, ...h } });
        expect(r.statusCode, JSON.stringify(h)).toBe(403);
        const body = r.json<{ error: { code: string; message: string; details: unknown } }>();
        expect(body.error.code).toBe('cross_site_request');
        expect(body.error.message).toMatch(lang === 'en' ? /^Cross-site request refused/ : /跨站/);
        expect(body.error.details).toEqual({});
      }
    }
    const del = await env.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie, host, origin: 'https://evil.example' } });
    expect(del.statusCode).toBe(403);
    expect(await setting()).toBe(before);
    // Reads with the cookie from anywhere still answer (no state changes).
    expect((await env.app.inject({ url: '/api/me', headers: { cookie, host, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
  });

  it('lets same-origin cookie writes and token writes through', async () => {
    const cookie = await session();
    const same = await env.app.inject({ method: 'PUT', url: '/api/settings', payload: { key: 'target.booking_rate', value: 0.45 }, headers: { cookie, host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' } });
    expect(same.statusCode).toBe(200);
    expect(await setting()).toBe(0.45);
    const originOnly = await env.app.inject({ method: 'PUT', url: '/api/settings', payload: { key: 'target.booking_rate', value: null }, headers: { cookie, host, origin: `http://${host}` } });
    expect(originOnly.statusCode).toBe(200);
    // A token is not sent by the browser on its own: whatever the Origin, it is not CSRF.
    const token = await env.app.inject({ method: 'PUT', url: '/api/settings', payload: { key: 'target.booking_rate', value: null }, headers: { ...bearer(env.tokens.admin), host, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(token.statusCode).toBe(200);
    const out = await env.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie, host, origin: `http://${host}` } });
    expect(out.statusCode).toBe(200);
  });
});
