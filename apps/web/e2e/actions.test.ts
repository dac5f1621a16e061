// 整改计划 in Debian's Chromium against the real server: a consultant turns a flagged KPI on the
// dealer page into an action; the overview counts it; the dealer's own account marks it done (and
// cannot verify); the next visit's form lists it to verify; the report shows it under 整改跟踪;
// the consultant verifies it. Every step is a plain server-rendered form.

import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { login, screenshot, useHarness } from './harness.js';
import { weakBoardsVisit } from './weak-visit.js';

// SH001's latest visit scored 看板管理 6 of 24 (25 %, below its pass line) as a whole module.
const h = useHarness({
  network: { dealers: 4, months: 6 },
  prepare: weakBoardsVisit('SH001'),
});

async function submit(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

describe('action plans on the dealer page', () => {
  it('creates an action from a flagged KPI, counts it, the dealer marks it done, the consultant verifies it', async () => {
    const dealer = 'SH001'; // the harness's dealer account sh001 belongs to it
    expect(h.dealers).toContain(dealer);
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto(`/dealers/${dealer}?month=${h.latestMonth}`);
    expect(await page.locator('[data-testid="action-plan"]').textContent()).toContain('还没有整改事项。');

    // the first flag of the month with its "加入整改计划" form
    const flag = page.locator('[data-testid="flags"] li').first();
    const add = flag.locator('details.add-action');
    const kpi = ((await add.getAttribute('data-testid')) ?? '').replace('add-action-', '');
    expect(kpi.length).toBeGreaterThan(0);
    await add.locator('summary').click();
    const title = await add.locator('input[name="title"]').inputValue();
    expect(title.length).toBeGreaterThan(0); // prefilled with the flag's sentence
    await add.locator('input[name="owner"]').fill('王经理');
    await submit(page, add.locator('button[type="submit"]'));

    const plan = page.locator('[data-testid="action-plan"]');
    expect(await page.locator('[role="status"]').first().textContent()).toContain('已保存整改事项 #1');
    const item = plan.locator('li[data-action="1"]');
    expect(await item.textContent()).toContain(title);
    expect(await item.textContent()).toContain('王经理');
    expect(await item.locator('[data-testid="action-status"]').textContent()).toBe('未完成');
    // just created: no month after its due date yet
    expect(await item.locator('.effect').textContent()).toContain('数据不足');
    expect(await plan.locator('[data-testid="action-counts"]').textContent()).toBe('未完成 1 项，逾期 0 项');
    await screenshot(page, 'actions-dealer-page');

    // the overview: one open action in the network, on this dealer's row
    await page.goto('/');
    expect(await page.locator('[data-testid="overview-actions"]').getAttribute('data-open')).toBe('1');
    expect(await page.locator('[data-testid="overview-actions"]').textContent()).toContain('全网未完成 1 项，其中逾期 0 项');
    expect(await page.locator(`tr[data-dealer="${dealer}"] [data-testid="dealer-actions"]`).textContent()).toBe('整改 1');

    // the dealer's own account marks it done; it has no verify button
    const marker = await h.page();
    const by = marker.page;
    await login(by, h.tokens.sh001);
    await by.goto(`/dealers/${dealer}`);
    const mine = by.locator('[data-testid="action-plan"] li[data-action="1"]');
    await mine.locator('input[name="note"]').fill('已安排专人每日回访');
    await submit(by, mine.locator('[data-testid="mark-done"]'));
    const done = by.locator('[data-testid="action-plan"] li[data-action="1"]');
    expect(await done.locator('[data-testid="action-status"]').textContent()).toBe('已完成待验证');
    expect(await done.textContent()).toContain('已安排专人每日回访');
    expect(await done.locator('button[value="verified"]').count()).toBe(0);
    expect(await by.locator('[data-testid="add-action-' + kpi + '"]').count()).toBe(0); // a dealer account adds none

    // the next visit's form lists it to verify; the report shows it under 整改跟踪
    await page.goto(`/dealers/${dealer}/assess`);
    expect(await page.locator('[data-testid="actions-to-verify"]').textContent()).toContain(`#1 ${title}`);
    await page.goto(`/dealers/${dealer}/report?month=${h.latestMonth}`);
    const tracking = page.locator('[data-section="actions"]');
    expect(await tracking.locator('h2').textContent()).toBe('整改跟踪');
    expect(await tracking.locator('tr[data-action="1"]').textContent()).toContain('已完成待验证');

    // the consultant verifies it on the dealer page
    await page.goto(`/dealers/${dealer}`);
    await submit(page, page.locator('[data-testid="action-plan"] li[data-action="1"] button[value="verified"]'));
    expect(await page.locator('[data-testid="action-plan"] li[data-action="1"] [data-testid="action-status"]').textContent()).toBe('已验证');
    expect(await page.locator('[data-testid="action-counts"]').textContent()).toBe('未完成 0 项，逾期 0 项');
    expect(errors).toEqual([]);
    expect(marker.errors).toEqual([]);
  });

  it('creates an action from a failed module of the latest visit', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto(`/dealers/SH001?month=${h.latestMonth}`);
    const add = page.locator('[data-testid="failed-modules"] [data-testid="add-action-front_desk.visual_boards"]');
    expect(await page.locator('[data-testid="failed-modules"]').textContent()).toContain('25.0%');
    await add.locator('summary').click();
    await add.locator('input[name="title"]').fill('看板每日更新');
    await add.locator('input[name="owner"]').fill('前台主管');
    await add.locator('input[name="due"]').fill('2099-01-31');
    await submit(page, add.locator('button[type="submit"]'));
    const item = page.locator('[data-testid="action-plan"] li[data-action="2"]');
    expect(await item.textContent()).toContain('针对：前台 · 看板管理');
    expect(await item.locator('.effect').textContent()).toContain('数据不足：整改后还没有评估过这个模块');
    expect(errors).toEqual([]);
  });
});
