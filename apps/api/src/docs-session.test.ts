// The docs page works for a browser that logged in (session cookie, no Authorization header):
// the page, its scripts and styles, the initializer and the OpenAPI document it fetches all
// answer with the cookie — and none of them without it (every route but health needs a user).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestEnv, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;
let base: string;

beforeAll(async () => {
  env = await setupTestEnv();
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await env?.close();
});

describe('GET /api/docs with a session cookie', () => {
  it('serves the page and everything it loads to a logged-in browser, and nothing without the cookie', async () => {
    const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: env.tokens.dealer }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect(cookie).toMatch(/^fixops_session=/);
    const withCookie = (path: string) => fetch(new URL(path, base), { headers: { cookie }, redirect: 'manual' });

    const page = await withCookie('/api/docs/');
    expect(page.status).toBe(200);
    const html = await page.text();
    // what the page loads, as the browser would resolve it against /api/docs/
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => new URL(m[1]!, `${base}/api/docs/`).pathname);
    expect(assets.some((a) => a.endsWith('swagger-initializer.js'))).toBe(true);
    for (const a of assets) expect((await withCookie(a)).status, a).toBe(200);
    const init = await (await withCookie(assets.find((a) => a.endsWith('swagger-initializer.js'))!)).text();
    const specUrl = /url:\s*resolveUrl\(['"]([^'"]+)['"]\)/.exec(init)?.[1] ?? './json';
    const spec = await withCookie(new URL(specUrl, `${base}/api/docs/`).pathname);
    expect(spec.status).toBe(200);
    expect(((await spec.json()) as { paths: object }).paths).toHaveProperty(['/api/uploads']);
    expect((await withCookie('/api/openapi.json')).status).toBe(200);

    for (const path of ['/api/docs/', ...assets, '/api/openapi.json']) {
      const r = await fetch(new URL(path, base), { redirect: 'manual' });
      expect(r.status, path).toBe(401);
    }
  });
});
