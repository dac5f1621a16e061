// Web administration (/admin) in Debian's Chromium against the real server: an admin adds a
// dealer user and a token for it (shown once), the new user logs in with it in another browser
// and sees only its dealer; revoking the token on /admin ends that session. Settings: a bad
// value shows the API's message, a good one what changed: the flags added and removed, with a
// "recomputing" state while it runs. Dealers master data: the admin filters the table, edits a
// dealer's region; the dealer page and the overview show it, the audit page lists the change.
// Others get the 403 page.

import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hydrated, login, screenshot, useHarness } from './harness.js';

const h = useHarness({ network: { dealers: 4, months: 4 } });

/** Submits a plain (server-rendered) form and waits for the answer page. */
async function submit(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

describe('admin page', () => {
  it('adds a dealer user and a token shown once; the token logs in to its dealer only; revoking it logs that browser out', async () => {
    const dealer = h.dealers[1]!;
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    expect(await page.locator('nav a[href="/admin"]').count()).toBe(1);
    await page.goto('/admin');

    const add = page.locator('form[data-testid="add-user"]');
    await add.locator('input[name="name"]').fill('gz_web');
    await add.locator('select[name="role"]').selectOption('dealer');
    await add.locator('input[name="dealer"]').fill(dealer);
    await submit(page, add.locator('button[type="submit"]'));
    expect(await page.locator('[data-testid="admin-done"]').textContent()).toContain('gz_web');
    const row = page.locator('table[data-testid="admin-users"] tr[data-user="gz_web"] td');
    expect((await row.allTextContents()).map((s) => s.trim())).toEqual(['gz_web', '经销商', dealer, '正常', '停用']);

    const create = page.locator('form[data-testid="create-token"]');
    await create.locator('select[name="user"]').selectOption('gz_web');
    await submit(page, create.locator('button[type="submit"]'));
    const shown = page.locator('[data-testid="new-token"]');
    const token = (await shown.locator('code').textContent())!;
    expect(token.length).toBeGreaterThan(20);
    expect(await shown.textContent()).toContain('此令牌不会再次显示');
    const tokenRow = page.locator('table[data-testid="admin-tokens"] tbody tr', { hasText: 'gz_web' });
    expect(await tokenRow.count()).toBe(1);
    expect(await page.locator('table[data-testid="admin-tokens"]').textContent()).not.toContain(token);
    await screenshot(page, 'admin');

    // The new user, in its own browser context: only its dealer.
    const other = await h.page();
    await login(other.page, token);
    const codes = await other.page.locator('table[data-testid="overview"] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dealer));
    expect(codes).toEqual([dealer]);

    // Shown once: reloading /admin does not show it again.
    await page.goto('/admin');
    expect(await page.locator('[data-testid="new-token"]').count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    await submit(page, tokenRow.locator('button[type="submit"]'));
    expect(await tokenRow.locator('td').nth(5).getAttribute('data-status')).toBe('revoked');
    expect(await tokenRow.locator('td').nth(5).textContent()).toBe('已吊销');
    await other.page.goto('/');
    expect(new URL(other.page.url()).pathname).toBe('/login');
    expect(errors).toEqual([]);
  });

  it('changes a setting: a bad value shows the API message, a good one what changed', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await page.goto('/admin');
    const first = page.locator('table[data-testid="admin-settings"] tbody tr').first();
    const key = (await first.getAttribute('data-setting'))!;
    const max = Number(((await first.locator('td').nth(4).textContent()) ?? '').split('–')[1]);
    const def = Number(await first.locator('td').nth(3).textContent());
    await first.locator('input[name="value"]').fill(String(max + 1));
    await submit(page, first.locator('button[type="submit"]'));
    expect(await page.locator('[data-testid="setting-problem"]').textContent()).toContain(`“${key}”的值“${max + 1}”无效`);
    await first.locator('input[name="value"]').fill('abc');
    await submit(page, first.locator('button[type="submit"]'));
    expect(await page.locator('[data-testid="setting-problem"]').textContent()).toContain('不是数字');
    await first.locator('input[name="value"]').fill(String(def));
    await submit(page, first.locator('button[type="submit"]'));
    const done = (await page.locator('[data-testid="admin-done"]').textContent())!;
    expect(done).toContain(`已将 ${key} 设为 ${def}`);
    expect(done).toMatch(/预警：修改前 \d+ 条，修改后 \d+ 条/);
    // The two refused changes answer 400 (as a form action's failure should); nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 400 (Bad Request) (http://127.0.0.1'))).toEqual([]);
    expect(errors).toHaveLength(2);
  });

  it('shows the flags a target change adds, in words, and a recomputing state while it runs', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await page.goto('/admin');
    await hydrated(page);
    const row = page.locator('table[data-testid="admin-settings"] tr[data-setting="target.booking_rate"]');
    await row.locator('input[name="value"]').fill('0.99');
    // A first submit is held in the page (as a slow recompute would hold it): the page shows
    // that it recomputes, and the time spent counts up.
    await page.evaluate(() => {
      (window as unknown as { hold: (e: Event) => void }).hold = (e: Event) => e.preventDefault();
      document.querySelector('form[action="?/setting"]')!.closest('tbody')!.addEventListener('submit', (window as unknown as { hold: (e: Event) => void }).hold);
    });
    await row.locator('button[type="submit"]').click();
    const pending = page.locator('[data-testid="admin-pending"]');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('重新计算中');
    await pending.filter({ hasText: /已用 [1-9]\d* 秒/ }).waitFor();
    await page.evaluate(() => {
      document.querySelector('form[action="?/setting"]')!.closest('tbody')!.removeEventListener('submit', (window as unknown as { hold: (e: Event) => void }).hold);
    });
    await submit(page, row.locator('button[type="submit"]'));
    expect(await page.locator('[data-testid="admin-pending"]').count()).toBe(0);
    const added = page.locator('[data-testid="flags-added"] li');
    expect(await added.count()).toBeGreaterThan(0);
    expect(await added.first().getAttribute('data-kind')).toBe('target');
    expect(await added.first().getAttribute('data-kpi')).toBe('booking_rate');
    expect(await added.first().textContent()).toContain('未达目标');
    expect(await page.locator('[data-testid="flag-changes"] h3').first().textContent()).toMatch(/新增预警 \d+ 条/);
    // Back to the default: the same flags are removed.
    const n = await added.count();
    await row.locator('input[name="value"]').fill('0.3');
    await submit(page, row.locator('button[type="submit"]'));
    expect(await page.locator('[data-testid="flags-removed"] li').count()).toBe(n);
    expect(errors).toEqual([]);
  });

  it('edits a dealer\'s region: filters, the dealer page, the overview and the audit page', async () => {
    const code = h.dealers[2]!;
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await page.goto('/admin');
    await hydrated(page);
    const table = page.locator('table[data-testid="admin-dealers"]');
    const codes = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dealer));
    expect(await codes()).toEqual(h.dealers);
    const row = table.locator(`tr[data-dealer="${code}"]`);
    const oldRegion = await row.locator('input[name="region"]').inputValue();
    // Filter by region and by search text (in the browser).
    await page.locator('[data-testid="dealer-region-filter"]').selectOption(oldRegion);
    expect((await codes()).length).toBeLessThan(h.dealers.length);
    expect(await codes()).toContain(code);
    await page.locator('[data-testid="dealer-region-filter"]').selectOption('');
    await page.locator('[data-testid="dealer-search"]').fill(code.toLowerCase());
    expect(await codes()).toEqual([code]);

    // A bad peer group: the API's message, nothing stored.
    await row.locator('input[name="peerGroup"]').fill('Big City');
    await submit(page, page.locator(`form#dealer-${code} button[type="submit"]`));
    expect(await page.locator('[data-testid="dealer-problem"]').textContent()).toContain('不是已有的同组');

    await page.locator('[data-testid="dealer-search"]').fill(code);
    await row.locator('input[name="region"]').fill('  西南  ');
    await submit(page, page.locator(`form#dealer-${code} button[type="submit"]`));
    expect(await page.locator('[data-testid="dealer-done"]').textContent()).toBe(`已更新 ${code}：区域 ${oldRegion} → 西南。`);
    expect(await table.locator(`tr[data-dealer="${code}"] input[name="region"]`).inputValue()).toBe('西南');

    await page.goto(`/dealers/${code}`);
    expect(await page.locator('.meta').textContent()).toContain('西南');
    await page.goto('/');
    expect(await page.locator(`table[data-testid="overview"] tr[data-dealer="${code}"]`).textContent()).toContain('西南');
    await page.goto('/audit?action=dealer');
    const entry = page.locator('table[data-testid="audit-log"] tr[data-action="dealer.edit"]').first();
    const cells = await entry.locator('td').allTextContents();
    expect(cells[2]).toBe('admin');
    expect(cells[5]).toBe(code);
    expect(cells[6]).toContain(`"before":{"region":"${oldRegion}"}`);
    expect(cells[6]).toContain('"after":{"region":"西南"}');
    // The refused peer group answered 400; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 400 (Bad Request) (http://127.0.0.1'))).toEqual([]);
  });

  it('names a region in English in the dealers table; pages in English show that name', async () => {
    const code = h.dealers[2]!;
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await page.goto('/admin');
    await hydrated(page);
    const row = page.locator(`table[data-testid="admin-dealers"] tr[data-dealer="${code}"]`);
    const region = await row.locator('input[name="region"]').inputValue();
    const was = await row.locator('input[name="regionEn"]').inputValue();
    await row.locator('input[name="regionEn"]').fill(' Far South-west ');
    await submit(page, page.locator(`form#dealer-${code} button[type="submit"]`));
    expect(await page.locator('[data-testid="dealer-done"]').textContent()).toBe(`已更新 ${code}：区域英文名 ${was || '—'} → Far South-west。`);
    expect(await row.locator('input[name="regionEn"]').inputValue()).toBe('Far South-west');
    await page.goto(`/lang?to=en&next=${encodeURIComponent('/')}`);
    const overviewRow = page.locator(`table[data-testid="overview"] tr[data-dealer="${code}"]`);
    expect(await overviewRow.textContent()).toContain('Far South-west');
    expect(await overviewRow.textContent()).not.toContain(region);
    await page.goto(`/dealers/${code}`);
    expect(await page.locator('.meta').textContent()).toContain('Far South-west');
    await page.goto(`/lang?to=zh&next=${encodeURIComponent(`/dealers/${code}`)}`);
    expect(await page.locator('.meta').textContent()).toContain(region);
    expect(errors).toEqual([]);
  });

  it('is refused to a consultant (403 page, no link)', async () => {
    const { page } = await h.page();
    await login(page, h.tokens.consultant);
    expect(await page.locator('nav a[href="/admin"]').count()).toBe(0);
    const r = await page.goto('/admin');
    expect(r?.status()).toBe(403);
    expect(await page.locator('.error').getAttribute('data-status')).toBe('403');
  });
});
