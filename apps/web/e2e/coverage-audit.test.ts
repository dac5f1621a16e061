// Who has sent what (/coverage), the audit log (/audit, admins only), the overview's overdue
// count and the upload history's filters and pages, in Debian's Chromium against the real
// server with a small demo network.

import { describe, expect, it } from 'vitest';
import { login, screenshot, useHarness } from './harness.js';

const h = useHarness({ network: { dealers: 6, months: 6 } });

describe('coverage page', () => {
  it('shows a matrix per kind, loaded and missing cells in words, filters by kind; the overview counts the overdue', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    // The demo ends long before today: every dealer's last month of repair orders is missing,
    // overdue once today is past the due day (10) of the month.
    const pastDue = new Date().getUTCDate() > 10;
    const overdue = page.locator('[data-testid="overview-overdue"]');
    expect(Number(await overdue.getAttribute('data-count'))).toBe(pastDue ? h.dealers.length : 0);
    expect(await overdue.textContent()).toContain(pastDue ? `${h.dealers.length} 家经销商逾期` : '没有逾期');
    await overdue.locator('a').click();
    await page.waitForURL((u) => u.pathname === '/coverage');
    const matrices = page.locator('table[data-testid="coverage-matrix"]');
    expect(await matrices.count()).toBe(3);
    const ro = page.locator('table[data-kind="repair_orders"]');
    expect(await ro.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dealer))).toEqual(h.dealers);
    const latest = ro.locator(`tbody tr[data-dealer="${h.dealers[0]}"] td[data-month="${h.latestMonth}"]`);
    expect(await latest.getAttribute('data-state')).toBe('loaded');
    expect(await latest.textContent()).toMatch(/^[\d,]+ 行$/);
    const early = ro.locator(`tbody tr[data-dealer="${h.dealers[0]}"] td`).first();
    expect(await early.getAttribute('data-state')).toBe('missing');
    expect(await early.textContent()).toBe('— 缺失');
    await screenshot(page, 'coverage');
    await page.goto('/coverage?kind=bookings');
    expect(await page.locator('table[data-testid="coverage-matrix"]').getAttribute('data-kind')).toBe('bookings');
    expect(errors).toEqual([]);
  });

  it('a dealer sees only its own row, no audit link, and the 403 page on /audit', async () => {
    const { page } = await h.page();
    await login(page, h.tokens.sh001);
    await page.goto('/coverage');
    expect(await page.locator('table[data-kind="repair_orders"] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dealer))).toEqual(['SH001']);
    expect(await page.locator('nav a[href="/coverage"]').count()).toBe(1);
    expect(await page.locator('nav a[href="/audit"]').count()).toBe(0);
    const r = await page.goto('/audit');
    expect(r?.status()).toBe(403);
    expect(await page.locator('.error').getAttribute('data-status')).toBe('403');
  });
});

describe('audit page', () => {
  it('lists the writes for an admin, filtered by action, in English too', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await page.goto('/audit?action=user');
    const rows = page.locator('table[data-testid="audit-log"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((t) => (t as HTMLElement).dataset.action))).toEqual(['user.add', 'user.add', 'user.add', 'user.add']);
    await page.goto('/audit?action=load');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().locator('td').nth(6).textContent()).toContain('"status":"loaded"');
    await page.goto('/lang?to=en&next=/audit');
    expect(await page.locator('h1').textContent()).toBe('Audit log');
    await screenshot(page, 'audit');
    expect(errors).toEqual([]);
  });
});

describe('upload history', () => {
  it('filters by kind and status and pages', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/uploads?kind=bookings&status=loaded');
    const kinds = await page.locator('table[data-testid="load-history"] tbody tr td:nth-child(3)').allTextContents();
    expect(kinds.length).toBe(h.dealers.length);
    expect(new Set(kinds).size).toBe(1);
    expect(await page.locator('[data-testid="history-pager"]').textContent()).toContain(`共 ${h.dealers.length} 条`);
    await page.goto('/uploads?size=10');
    const pager = page.locator('[data-testid="history-pager"]');
    const total = Number(/共 (\d+) 条/.exec((await pager.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    const ids = () => page.locator('table[data-testid="load-history"] tbody tr').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.load)));
    const first = await ids();
    expect(first).toHaveLength(10);
    await pager.locator('a[rel="next"]').click();
    await page.waitForURL((u) => u.searchParams.get('page') === '2');
    const second = await ids();
    expect(second).toHaveLength(Math.min(10, total - 10));
    expect(Math.max(...second)).toBeLessThan(Math.min(...first));
    expect(await pager.locator('a[rel="prev"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
