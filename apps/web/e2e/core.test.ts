// The dashboard's core in Debian's Chromium against the real server (API + built pages on one
// port, the demo network): log in, the overview, the dealer page, the language switch, and a
// dealer user kept to its own dealer. Every page is screenshotted and must log no errors.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { hydrated, login, RESULTS_DIR, screenshot, useHarness } from './harness.js';

const h = useHarness();

describe('log in', () => {
  it('sends a visitor to the login page, refuses a wrong token, and logs in with a right one', async () => {
    const { page, errors } = await h.page();
    await page.goto('/dealers/SZ009');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.locator('input[name="token"]').fill('not-a-token');
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('令牌无效');
    await screenshot(page, 'login');
    await page.locator('input[name="token"]').fill(h.tokens.consultant);
    await page.locator('form button[type="submit"]').click();
    // Back where the visitor wanted to go.
    await page.waitForURL((u) => u.pathname === '/dealers/SZ009');
    await expect.poll(() => page.locator('h1').textContent()).toContain('SZ009');
    // The session works for the browser's own API calls too.
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);
    expect(errors).toEqual([]);
  });
});

describe('network overview', () => {
  it('lists every demo dealer with its key KPIs, sorts and filters in place', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await hydrated(page);
    const codes = await page.locator('table[data-testid="overview"] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dealer));
    expect(codes).toEqual(h.dealers);
    expect(h.dealers.length).toBeGreaterThanOrEqual(12);
    // Chinese first: headings and values formatted.
    await expect.poll(() => page.locator('thead').textContent()).toContain('预约率');
    const cell = await page.locator('tr[data-dealer="SZ009"] td[data-kpi="booking_rate"]').textContent();
    expect(cell).toMatch(/^\d+\.\d%$/);
    expect(await page.locator('tr[data-dealer="SZ009"] svg.spark path').count()).toBe(1);
    await screenshot(page, 'overview');

    // Sort by booking rate (best first), then flip.
    await page.locator('a[data-sort="booking_rate"]').click();
    const rate = async () => page.locator('tbody td[data-kpi="booking_rate"]').evaluateAll((tds) => tds.map((td) => parseFloat(td.textContent ?? '') || -1));
    const desc = await rate();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.locator('a[data-sort="booking_rate"]').click();
    const asc = (await rate()).filter((v) => v >= 0);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('booking_rate');

    // Filter by peer group: only that group's dealers remain.
    const group = await page.locator('tr[data-dealer="SZ009"] td').nth(2).textContent();
    await page.locator('[data-testid="filter-group"]').selectOption(group!);
    const groups = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.length).toBeLessThan(h.dealers.length);
    expect(new Set(groups)).toEqual(new Set([group]));
    expect(errors).toEqual([]);
  });

  it('switches to English and remembers it', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await page.locator('a.lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dealer network');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto('/dealers/SH001');
    await expect.poll(() => page.locator('#h-kpis').textContent()).toContain('Key KPIs');
    await screenshot(page, 'dealer-en');
    await page.locator('a.lang').click();
    await expect.poll(() => page.locator('#h-kpis').textContent()).toContain('关键指标');
    expect(errors).toEqual([]);
  });
});

describe('dealer page', () => {
  it('shows KPI cards, trend charts with the peer band and target, RO mix, advisors and flags for the chosen month', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await page.goto(`/dealers/SZ009?month=${h.latestMonth}`);
    await hydrated(page);
    expect(await page.locator('.kpi-card').count()).toBe(7);
    // The booking-rate card: the value, the change, the target.
    const card = page.locator('.kpi-card[data-kpi="booking_rate"]');
    expect(await card.locator('.value').textContent()).toMatch(/\d+\.\d%/);
    expect(await card.textContent()).toContain('≥ 30.0%');
    // Charts drawn by layerchart once JS runs: one SVG per trend, with a band (area) and lines.
    await expect.poll(() => page.locator('figure[data-chart="trend"]').filter({ has: page.locator('svg') }).count(), { timeout: 10_000 }).toBe(7);
    expect(await page.locator('figure[data-chart="trend"] svg path').count()).toBeGreaterThan(14);
    expect(await page.locator('figure[data-chart="bars"] svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('table[data-testid="advisors"] tbody tr').count()).toBeGreaterThan(0);
    const flags = await page.locator('[data-testid="flags"] li').allTextContents();
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.some((f) => f.includes('预约率'))).toBe(true);
    expect(await page.locator('[data-testid="report-link"]').getAttribute('href')).toBe(`/dealers/SZ009/report?month=${h.latestMonth}`);
    await screenshot(page, 'dealer');

    // Another month from the picker.
    const earlier = await page.locator('[data-testid="month-picker"] option').nth(3).getAttribute('value');
    await page.locator('[data-testid="month-picker"]').selectOption(earlier!);
    await page.waitForURL((u) => u.searchParams.get('month') === earlier);
    await expect.poll(() => page.locator('#h-kpis').textContent()).toContain(`${Number(earlier!.slice(5))}月`);
    expect(errors).toEqual([]);
  });

  it('charts the latest checklist visit\'s module score rates against the 70% pass line', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    // A visit through the API (the assessment form is another page's job): one module at half marks.
    const posted = await page.evaluate(async () => {
      const template = (await (await fetch('/api/templates/dealer-aftersales')).json()) as { sections: { modules: { id: string; max: number }[] }[] };
      const modules = template.sections.flatMap((s) => s.modules);
      const scores = modules.map((m, i) => ({ id: m.id, score: i === 0 ? Math.round(m.max / 2) : m.max }));
      const r = await fetch('/api/assessments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dealer: 'SH001', date: '2025-12-10', scores }) });
      return { status: r.status, modules: modules.length };
    });
    expect(posted.status).toBe(201);
    await page.goto(`/dealers/SH001?month=${h.latestMonth}`);
    await hydrated(page);
    await expect.poll(() => page.locator('[data-testid="checklist-visit"]').textContent()).toContain('2025-12-10');
    const chart = page.locator('section[aria-labelledby="h-checklist"] figure[data-chart="bars"]');
    await expect.poll(() => chart.locator('svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await chart.locator('svg rect').count()).toBeGreaterThanOrEqual(posted.modules);
    expect(await chart.textContent()).toContain('合格线 70.0%');
    await chart.screenshot({ path: join(RESULTS_DIR, 'dealer-checklist.png') });
    expect(errors).toEqual([]);
  });

  it('is useful before JS runs: the numbers are in the server-rendered page', async () => {
    const { page, context, errors } = await h.page();
    await login(page, h.tokens.admin);
    const cookies = await context.cookies();
    const res = await fetch(`${h.url}/dealers/SZ009?month=${h.latestMonth}`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<table class="fallback/);
    expect(html).toMatch(/\d+\.\d%/);
    expect(errors).toEqual([]);
  });
});

describe('a dealer user', () => {
  it('sees its own dealer only, and a clear no-access page for another dealer', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.sz009);
    const codes = await page.locator('table[data-testid="overview"] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dealer));
    expect(codes).toEqual(['SZ009']);
    await page.goto('/dealers/SZ009');
    await expect.poll(() => page.locator('h1').textContent()).toContain('SZ009');
    const res = await page.goto('/dealers/SH001');
    expect(res?.status()).toBe(403);
    await expect.poll(() => page.locator('h1').textContent()).toBe('无权访问');
    expect(await page.textContent('body')).not.toContain('上海');
    await screenshot(page, 'no-access');
    // The API says the same to the browser's own requests.
    expect(await page.evaluate(async () => (await fetch('/api/dealers/SH001/kpis')).status)).toBe(403);
    // A 403 document is expected; nothing else may be logged.
    expect(errors.filter((e) => !/403/.test(e))).toEqual([]);
  });
});
