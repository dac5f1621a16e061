// The dashboard's edge (issue 12): security headers on pages and the API, no open redirect
// through /lang or /login, form posts another site started are refused, and under the content
// policy the pages still run their scripts and draw their charts, and /api/docs still works.

import { describe, expect, it } from 'vitest';
import { hydrated, login, useHarness } from './harness.js';

const h = useHarness({ network: { dealers: 6, months: 6 } });

const noFollow = (url: string, init: RequestInit = {}) => fetch(`${h.url}${url}`, { redirect: 'manual', ...init });

describe('security headers', () => {
  it('a page and an API answer carry the content policy, nosniff, no framing and a referrer policy', async () => {
    const page = await noFollow('/login');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).toContain("object-src 'none'");
    const api = await noFollow('/api/me', { headers: { authorization: `Bearer ${h.tokens.admin}` } });
    expect(api.status).toBe(200);
    expect(api.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    for (const r of [page, api]) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('same-origin');
    }
  });
});

describe('no open redirect', () => {
  it('/lang and /login send the browser only to this site', async () => {
    for (const next of ['/%5Cevil.example/x', '/%09/evil.example', '//evil.example', 'https://evil.example/']) {
      const r = await noFollow(`/lang?to=en&next=${next}`);
      expect(r.status, next).toBe(303);
      expect(r.headers.get('location'), next).toBe('/');
    }
    const ok = await noFollow('/lang?to=en&next=/dealers/SZ009%3Fmonth%3D2025-12');
    expect(ok.headers.get('location')).toBe('/dealers/SZ009?month=2025-12');

    for (const next of ['/%5Cevil.example', '/%09/evil.example']) {
      const form = new URLSearchParams({ token: h.tokens.admin });
      const r = await noFollow(`/login?next=${next}`, { method: 'POST', body: form, headers: { origin: h.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' } });
      expect(r.status, next).toBe(303);
      expect(r.headers.get('location'), next).toBe('/');
    }
    const form = new URLSearchParams({ token: h.tokens.admin });
    const back = await noFollow('/login?next=/benchmark', { method: 'POST', body: form, headers: { origin: h.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(back.headers.get('location')).toBe('/benchmark');
  });

  it('in the browser, logging in with a hostile next lands on this site', async () => {
    const { page, errors } = await h.page();
    await page.goto('/login?next=/%5Cevil.example');
    await page.locator('input[name="token"]').fill(h.tokens.admin);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 }), page.locator('form button[type="submit"]').click()]);
    expect(new URL(page.url()).origin).toBe(h.url);
    expect(errors).toEqual([]);
  });
});

describe('cross-site writes', () => {
  it('refuses a form post or a write another site started, with the session cookie; same-origin works', async () => {
    const { page } = await h.page();
    await login(page, h.tokens.admin);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const form = new URLSearchParams({ token: h.tokens.admin });
    const cross = await noFollow('/login', { method: 'POST', body: form, headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(cross.status).toBe(403);
    for (const [lang, text] of [['zh', /跨站/], ['en', /^Cross-site request refused/]] as const) {
      const json = await noFollow('/uploads', { method: 'POST', body: '{}', headers: { cookie, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', 'content-type': 'application/json', 'accept-language': lang } });
      expect(json.status).toBe(403);
      const body = (await json.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('cross_site_request');
      expect(body.error.message).toMatch(text);
    }
    const api = await noFollow('/api/settings', { method: 'PUT', body: JSON.stringify({ key: 'target.booking_rate', value: null }), headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json', 'accept-language': 'en' } });
    expect(api.status).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('cross_site_request');
    // The same write from the page itself goes through.
    const same = await page.evaluate(async () => (await fetch('/api/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'target.booking_rate', value: null }) })).status);
    expect(same).toBe(200);
  });
});

describe('pages under the content policy', () => {
  it('the overview and a dealer page hydrate and draw their charts with no policy violation; /api/docs loads', async () => {
    const { page, errors } = await h.page();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await login(page, h.tokens.admin);
    await hydrated(page);
    await expect.poll(() => page.locator('table[data-testid="overview"] svg.spark path').count(), { message: 'overview sparklines' }).toBeGreaterThan(0);
    await page.goto('/dealers/SH001');
    await hydrated(page);
    await expect.poll(() => page.locator('figure[data-chart="trend"] svg path').count(), { timeout: 10_000, message: 'dealer trend charts' }).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    // swagger-ui under its own policy (it logs one blocked inline style, as before: cosmetic).
    await page.goto('/api/docs');
    await expect.poll(() => page.locator('.swagger-ui .info .title').count(), { timeout: 15_000, message: 'swagger-ui' }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.swagger-ui .opblock').count(), { timeout: 15_000, message: 'swagger-ui operations' }).toBeGreaterThan(10);
  });
});
