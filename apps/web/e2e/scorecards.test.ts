// Staff and supplier scorecards in Chromium against the real server: a consultant adds a
// customer-service person on a dealer's staff page, scores them on the customer-service
// template (live total, saved, in the history), then adds a supplier and rates it twice — a
// B month, then a month with a 0 that suspends it, with the reason in words. A dealer user
// sees its own staff read-only and no suppliers.

import { describe, expect, it } from 'vitest';
import { hydrated, login, screenshot, useHarness } from './harness.js';

const h = useHarness({ network: { dealers: 3, months: 3 } });

/** customer-service-staff items: 专业知识和技能 8+7+7 = 22, 服务态度 9+8+7 = 24, 解决问题 6+5+6 = 17, 团队合作 4+4+4 = 12, 自我学习 3+3+3 = 9; total 84. */
const SHEET: Record<string, number> = {
  'cs.knowledge.product': 8, 'cs.knowledge.communication_skills': 7, 'cs.knowledge.problem_solving': 7,
  'cs.attitude.friendly': 9, 'cs.attitude.listening': 8, 'cs.attitude.clarity': 7,
  'cs.solving.identify': 6, 'cs.solving.method': 5, 'cs.solving.timely': 6,
  'cs.teamwork.collaboration': 4, 'cs.teamwork.information_sharing': 4, 'cs.teamwork.mutual_support': 4,
  'cs.learning.attitude': 3, 'cs.learning.method': 3, 'cs.learning.plan': 3,
};

describe('staff and supplier scorecards in the browser', () => {
  it('a consultant scores a staff member and rates a supplier; a dealer user reads its staff only', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/dealers/SH001');
    await hydrated(page);
    await Promise.all([page.waitForURL('**/dealers/SH001/staff'), page.locator('[data-testid="staff-link"]').click()]);
    await hydrated(page);
    expect(await page.locator('[data-testid="staff-list"] tbody tr').count()).toBeGreaterThan(0); // the advisors on SH001's repair orders

    const add = page.locator('form[data-testid="staff-add"]');
    await add.locator('input[name="name"]').fill('陈客服');
    await add.locator('select[name="role"]').selectOption('customer_service');
    await add.locator('button[type="submit"]').click();
    await page.locator('[data-testid="staff-added"]').waitFor();
    const row = page.locator('[data-testid="staff-list"] tr[data-person="陈客服"]');
    expect((await row.locator('td').nth(1).textContent())?.trim()).toBe('客服');

    await Promise.all([page.waitForURL(/\/dealers\/SH001\/staff\/%E9%99%88/), row.locator('a').click()]);
    await hydrated(page);
    const sheet = page.locator('form[data-testid="staff-form"]');
    expect(await sheet.locator('input[name="template"]').inputValue()).toBe('customer-service-staff');
    await sheet.locator('input[name="month"]').fill('2025-12');
    for (const [id, score] of Object.entries(SHEET)) await sheet.locator(`input[data-id="${id}"]`).fill(String(score));
    expect(await page.locator('[data-testid="staff-live-total"] strong').textContent()).toBe('84');
    expect(await page.locator('[data-testid="staff-live-total"]').textContent()).toContain('已评 15 / 15 项');
    await sheet.locator('[data-testid="staff-save"]').click();
    expect(await page.locator('[data-testid="staff-saved"]').textContent()).toBe('考核已保存：84 / 100，合格');
    const history = page.locator('[data-testid="staff-history"] tbody tr');
    expect((await history.first().locator('td').allTextContents()).slice(0, 5).map((s) => s.trim())).toEqual(['2025-12', '客服人员考核标准', '84 / 100', '84.0%', '合格']);
    await screenshot(page, 'staff-scorecard');

    // Suppliers, from the header: add one, rate it (PCB 4:1:4:1: quality 90, delivery 75, service 80, price 100 → 84, B).
    await Promise.all([page.waitForURL('**/suppliers'), page.locator('nav a[href="/suppliers"]').click()]);
    await hydrated(page);
    const addSupplier = page.locator('form[data-testid="supplier-add"]');
    await addSupplier.locator('input[name="name"]').fill('深南电路');
    await addSupplier.locator('select[name="class"]').selectOption('pcb');
    await addSupplier.locator('button[type="submit"]').click();
    await page.locator('[data-testid="supplier-added"]').waitFor();
    await Promise.all([page.waitForURL(/\/suppliers\/\d+$/), page.locator('[data-testid="supplier-added"] a').click()]);
    await hydrated(page);
    const rate = page.locator('form[data-testid="rating-form"]');
    const fill = async (month: string, q: number, d: number, s: number, p: number) => {
      await rate.locator('input[name="month"]').fill(month);
      await rate.locator('input[name="quality"]').fill(String(q));
      await rate.locator('input[name="delivery"]').fill(String(d));
      await rate.locator('input[name="service"]').fill(String(s));
      await rate.locator('input[name="price"]').fill(String(p));
    };
    await fill('2025-12', 90, 75, 80, 100);
    expect(await page.locator('[data-testid="composite-preview"]').textContent()).toBe('84');
    await rate.locator('[data-testid="rating-save"]').click();
    expect(await page.locator('[data-testid="rating-saved"]').textContent()).toBe('评级已保存：2025-12 综合分 84，B 级');
    expect(await page.locator('[data-testid="supplier-status-now"] strong').textContent()).toBe('当前状态（截至 2025-12）：合格');

    // Price 0: (4·75 + 80 + 4·90 + 0) / 10 = 74 → C, and suspended, the reason in words.
    await fill('2026-01', 90, 75, 80, 0);
    expect(await page.locator('[data-testid="composite-preview"]').textContent()).toBe('74');
    await rate.locator('[data-testid="rating-save"]').click();
    await page.locator('[data-testid="rating-saved"]', { hasText: '2026-01' }).waitFor();
    expect(await page.locator('[data-testid="supplier-reason"]').textContent()).toBe('2026-01 价格配合 评分为 0：暂停合格供应商资格，整改三个月后（2026-04 起）再重新评估');
    const ratings = page.locator('[data-testid="rating-history"] tbody tr');
    expect(await ratings.evaluateAll((rs) => rs.map((r) => [(r as HTMLElement).dataset.month, r.querySelectorAll('td')[5]?.textContent, r.querySelectorAll('td')[6]?.textContent, r.querySelectorAll('td')[7]?.textContent])))
      .toEqual([['2026-01', '74', 'C', '暂停资格'], ['2025-12', '84', 'B', '合格']]);
    await screenshot(page, 'supplier-rating');
    expect(errors).toEqual([]);

    // A dealer user: its own staff read-only (the new scorecard shown), no suppliers link, 403 on /suppliers.
    const dealer = await h.page();
    await login(dealer.page, h.tokens.sh001);
    expect(await dealer.page.locator('nav a[href="/suppliers"]').count()).toBe(0);
    await dealer.page.goto('/dealers/SH001/staff');
    expect(await dealer.page.locator('form[data-testid="staff-add"]').count()).toBe(0);
    expect((await dealer.page.locator('tr[data-person="陈客服"] td').nth(6).textContent())?.trim()).toBe('84 / 100 · 84.0%');
    const forbidden = await dealer.page.goto('/suppliers');
    expect(forbidden?.status()).toBe(403);
    expect((await dealer.page.goto('/dealers/SZ009/staff'))?.status()).toBe(403);
  });
});
