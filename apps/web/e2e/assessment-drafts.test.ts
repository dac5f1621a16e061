// Unfinished is never failed, in Debian's Chromium against the real server: a visit with 4 of
// 100 lines scored is saved and continued with its values, shows 未评完 4/100 on the overview,
// the dealer page, the report and in the API with partial module bars and no pass or fail;
// finishing it (after an in-page confirmation) turns it into a fail everywhere at once. A visit
// belongs to a data month: entered on any date, it is that month's report's, and its links open
// that month. A dealer user sees the visit read-only and is told who edits it; an over-max
// score names the item.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hydrated, login, screenshot, useHarness } from './harness.js';

const h = useHarness({ network: { dealers: 6, months: 4 } });

// The first four items of 前台 · 核心流程 (max 20, 15, 15, 20), scored 10, 5, 5, 5 = 25 points.
const FOUR: [string, string][] = [
  ['front_desk.core_process.appointment_call', '10'], ['front_desk.core_process.appointment_prep', '5'],
  ['front_desk.core_process.reception', '5'], ['front_desk.core_process.walkaround', '5'],
];

const previousMonth = (m: string) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`;
};

interface ApiVisit { id: number; month: string; passed: boolean | null; complete: boolean; scored: number; items: number; total: number }

async function apiVisit(page: Page, id: number): Promise<ApiVisit> {
  const r = await page.request.get(`/api/assessments/${id}`);
  expect(r.status()).toBe(200);
  return (await r.json()) as ApiVisit;
}

/** The overview's checklist cell of a dealer. */
async function overviewCell(page: Page, dealer: string): Promise<string> {
  await page.goto('/');
  const row = page.locator(`tr:has(a[href^="/dealers/${dealer}?"])`).first();
  return (await row.locator('[data-testid="overview-checklist"]').textContent())?.trim() ?? '';
}

describe('a 4-of-100 visit is a draft everywhere, and finishing it judges it everywhere at once', () => {
  it('saves, keeps its values, shows 未评完 4/100 with partial bars; the confirm step; then 不合格 on every page', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/dealers/SH001/assess');
    await hydrated(page);
    // The data month defaults to the dealer's latest month with data.
    expect(await page.locator('[data-testid="visit-month"]').inputValue()).toBe(h.latestMonth);
    for (const [id, score] of FOUR) await page.locator(`input[data-id="${id}"]`).fill(score);
    await expect.poll(() => page.locator('[data-testid="scored-count"]').textContent()).toBe('已评 4/100');
    await expect.poll(() => page.locator('[data-testid="total-score"]').textContent()).toBe('25');
    // Dated today (the 2026-12-01), read against the month with data.
    await page.locator('input[name="date"]').fill('2026-12-01');
    await page.locator('[data-testid="save-assessment"]').click();
    await page.waitForURL((u) => u.searchParams.has('visit') && u.searchParams.get('saved') === '1');
    const id = Number(new URL(page.url()).searchParams.get('visit'));
    await hydrated(page);
    const saved = (await page.locator('[data-testid="assessment-saved"]').textContent()) ?? '';
    expect(saved).toContain('25 / 1000');
    expect(saved).toContain('未评完 4/100');
    expect(saved).not.toMatch(/不合格|合格/);
    expect(await page.locator('[data-testid="assessment-saved"] [data-testid="report-link"]').getAttribute('href')).toBe(`/dealers/SH001/report?month=${h.latestMonth}`);
    // The form kept its values and says how many of how many are scored.
    for (const [fid, score] of FOUR) expect(await page.locator(`input[data-id="${fid}"]`).inputValue()).toBe(score);
    expect(await page.locator('[data-testid="scored-count"]').textContent()).toBe('已评 4/100');
    expect(await page.locator('input[name="date"]').inputValue()).toBe('2026-12-01');
    const historyRow = page.locator(`[data-testid="visit-history"] tr[data-visit="${id}"]`);
    expect(await historyRow.textContent()).toContain('未评完 4/100');
    expect(await historyRow.locator('a', { hasText: '报告' }).getAttribute('href')).toBe(`/dealers/SH001/report?month=${h.latestMonth}`);
    await screenshot(page, 'assessment-draft');

    // The API: passed null, complete false, scored/items.
    expect(await apiVisit(page, id)).toMatchObject({ month: h.latestMonth, passed: null, complete: false, scored: 4, items: 100, total: 25 });

    // The overview: 未评完 4/100, neither pass nor fail.
    const cell = await overviewCell(page, 'SH001');
    expect(cell).toBe('未评完 4/100');

    // The dealer page: the visit line and partial module bars (the 4 items: 25/70 = 35.7 % of what is scored).
    await page.goto(`/dealers/SH001?month=${h.latestMonth}`);
    await hydrated(page);
    const visitLine = (await page.locator('[data-testid="checklist-visit"]').textContent()) ?? '';
    expect(visitLine).toContain('未评完 4/100');
    expect(visitLine).not.toMatch(/不合格|· 合格/);
    expect(await page.locator('[data-testid="checklist-report-link"]').getAttribute('href')).toBe(`/dealers/SH001/report?month=${h.latestMonth}`);
    const checklist = page.locator('section[aria-labelledby="h-checklist"]');
    await expect.poll(async () => (await checklist.textContent()) ?? '').toContain('核心流程（部分）');
    const modules = (await (await page.request.get('/api/dealers/SH001/checklist')).json()) as { modules: { id: string; rate: number | null; partial: boolean; passed: boolean | null }[] };
    expect(modules.modules.find((m) => m.id === 'front_desk.core_process')).toMatchObject({ rate: 25 / 70, partial: true, passed: null });
    expect(modules.modules.every((m) => m.partial && m.passed === null)).toBe(true);

    // The report of the visit's month: 未评完 4/100, partial rates, grey bars, no pass or fail.
    await page.goto(`/dealers/SH001/report?month=${h.latestMonth}`);
    const report = page.locator('[data-testid="report"]');
    const total = (await report.locator('tr[data-level="total"]').textContent()) ?? '';
    expect(total).toContain('未评完 4/100');
    expect(total).not.toMatch(/不合格|合格/);
    expect(await report.locator('tr[data-level="front_desk.core_process"]').textContent()).toContain('35.7% 部分');
    expect(await report.locator('[data-testid="draft-note"]').textContent()).toContain('已评 4/100');
    const scoresText = (await report.locator('table').first().textContent()) ?? '';
    expect(scoresText).not.toContain('不合格');
    expect(await report.locator('figure rect.partial').count()).toBeGreaterThanOrEqual(1);
    expect(await report.locator('figure rect[fill="#d9534f"]').count()).toBe(0);
    await screenshot(page, 'report-draft');

    // Finishing with 96 lines left asks first, in the page.
    await page.goto(`/dealers/SH001/assess?visit=${id}`);
    await hydrated(page);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.locator('[data-testid="finish-assessment"]').click();
    const confirm = page.locator('[data-testid="confirm-finish"]');
    await expect.poll(() => confirm.count()).toBe(1);
    expect(await confirm.textContent()).toContain('还有 96 项未评分');
    await page.locator('[data-testid="confirm-finish-no"]').click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await apiVisit(page, id)).toMatchObject({ complete: false, passed: null });
    await page.locator('[data-testid="finish-assessment"]').click();
    await page.locator('[data-testid="confirm-finish-yes"]').click();
    await page.waitForURL((u) => u.searchParams.get('visit') === String(id) && u.searchParams.get('saved') === '1');
    expect(dialogs).toBe(0);
    await expect.poll(() => page.locator('[data-testid="visit-summary"]').textContent()).toContain('不合格');
    expect(await page.locator('[data-testid="assessment-form"]').count()).toBe(0);
    expect(await page.locator('[data-testid="who-edits"]').textContent()).toContain('已完成');

    // Everywhere at once: API, overview, dealer page, report.
    expect(await apiVisit(page, id)).toMatchObject({ complete: true, passed: false, scored: 4, items: 100, total: 25 });
    expect(await overviewCell(page, 'SH001')).toBe('25/1,000 · 不合格');
    await page.goto(`/dealers/SH001?month=${h.latestMonth}`);
    expect(await page.locator('[data-testid="checklist-visit"]').textContent()).toContain('不合格');
    expect(await page.locator('section[aria-labelledby="h-checklist"]').textContent()).not.toContain('（部分）');
    await page.goto(`/dealers/SH001/report?month=${h.latestMonth}`);
    expect(await page.locator('[data-testid="report"] tr[data-level="total"]').textContent()).toContain('不合格');
    expect(await page.locator('[data-testid="report"]').textContent()).toContain('96 项未评分，按 0 分计入');
    expect(errors).toEqual([]);
  });
});

describe('a visit belongs to a data month', () => {
  it('a visit of an earlier month entered months later is that month\'s report\'s, its links open it, later reports cite it', async () => {
    const month = previousMonth(h.latestMonth);
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/dealers/BJ002/assess');
    await hydrated(page);
    await page.locator('input[data-id="front_desk.core_process.appointment_call"]').fill('12');
    await page.locator('input[name="date"]').fill('2027-03-02');
    await page.locator('[data-testid="visit-month"]').fill(month);
    await page.locator('[data-testid="save-assessment"]').click();
    await page.waitForURL((u) => u.searchParams.get('saved') === '1');
    await hydrated(page);
    expect(await page.locator('[data-testid="visit-month"]').inputValue()).toBe(month);
    const link = page.locator('[data-testid="assessment-saved"] [data-testid="report-link"]');
    expect(await link.getAttribute('href')).toBe(`/dealers/BJ002/report?month=${month}`);
    await link.click();
    await page.waitForURL((u) => u.pathname === '/dealers/BJ002/report' && u.searchParams.get('month') === month);
    const report = page.locator('[data-testid="report"]');
    expect(await report.textContent()).toContain('2027-03-02');
    expect(await report.locator('[data-testid="visit-month-note"]').count()).toBe(0);
    // The latest month's report has no visit of its own: it cites this one, saying which.
    await page.goto(`/dealers/BJ002/report?month=${h.latestMonth}`);
    expect(await page.locator('[data-testid="report"] [data-testid="visit-month-note"]').textContent()).toContain(`本报告引用 ${month} 的现场评估`);
    // The report of the month before has none.
    await page.goto(`/dealers/BJ002/report?month=${previousMonth(month)}`);
    expect(await page.locator('[data-testid="report"]').textContent()).toContain('尚无现场评估记录');
    expect(errors).toEqual([]);
  });
});

describe('who may edit, and errors by name', () => {
  it('a dealer user sees its visit read-only, without form controls, and is told who edits it', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.sh001);
    await page.goto('/dealers/SH001/assess');
    await hydrated(page);
    const visit = page.locator('[data-testid="visit-readonly"]');
    expect(await visit.count()).toBe(1);
    expect(await visit.locator('input, select, textarea, button').count()).toBe(0);
    expect(await page.locator('[data-testid="assessment-form"]').count()).toBe(0);
    expect(await page.locator('main input[name^="s:"], main select[name="template"]').count()).toBe(0);
    expect(await page.locator('[data-testid="who-edits"]').textContent()).toContain('顾问或管理员');
    expect(await page.locator('main').textContent()).not.toContain('填写上面的表格');
    // The visit's items are shown as read, the unscored ones said so.
    expect(await visit.locator('tr[data-item="front_desk.core_process.appointment_call"]').textContent()).toContain('10');
    expect(await visit.locator('tr[data-item="front_desk.dms.data_entry"]').textContent()).toContain('未评');
    expect(errors).toEqual([]);
  });

  it('an over-max score names the item by its name, the id only as a detail', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/dealers/GZ003/assess');
    await hydrated(page);
    await page.locator('input[data-id="front_desk.core_process.reception"]').fill('99');
    const err = page.locator('.module[data-module="front_desk.core_process"] .err');
    await expect.poll(() => err.textContent()).toBe('项目“接车问候与快速接待”的得分 99 超过满分 15（front_desk.core_process.reception）');
    // The server says the same when it refuses.
    const r = await page.request.post('/api/assessments', { data: { dealer: 'GZ003', date: '2025-12-02', scores: [{ id: 'front_desk.core_process.reception', score: 99 }] } });
    expect(r.status()).toBe(422);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/^项目“接车问候与快速接待”的得分 99 超过满分 15（front_desk\.core_process\.reception）$/);
    expect(errors).toEqual([]);
  });
});
