// Comparisons in Chromium against the real server, with the two example files of
// data/comparisons copied into a folder of their own (FIXOPS_COMPARISONS_DIR): the list shows
// both; each scorecard renders scores for a month (picked in the page, kept in the URL); the CSV
// download works; a consultant writes a new comparison in the form (a refusal shown on its field,
// then saved and shown); a dealer user sees itself and anonymous peers only and cannot write one.
// At 390 px the page's content does not scroll sideways (tables scroll in their own box), and axe-core finds nothing critical or serious, in zh and en.

import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { hydrated, login, REPO_ROOT, screenshot, useHarness } from './harness.js';

const EAST = 'east-region-service-scorecard';
const METRO = 'metro-customer-retention';

// The server reads the folder at each request: set before the harness starts it.
const parent = await mkdtemp(join(tmpdir(), 'fixops-e2e-comparisons-'));
const dir = join(parent, 'comparisons');
await mkdir(dir);
for (const f of [`${EAST}.yaml`, `${METRO}.yaml`, 'comparison.schema.json']) await copyFile(join(REPO_ROOT, 'data/comparisons', f), join(dir, f));
const before = process.env.FIXOPS_COMPARISONS_DIR;
process.env.FIXOPS_COMPARISONS_DIR = dir;
afterAll(async () => {
  if (before === undefined) delete process.env.FIXOPS_COMPARISONS_DIR;
  else process.env.FIXOPS_COMPARISONS_DIR = before;
  await rm(parent, { recursive: true, force: true });
});

const h = useHarness({ network: { dealers: 12, months: 4 } });

/** axe-core's critical and serious violations on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.impact} ${v.id}: ${v.targets.join(' ')}`);
}

/** Text of every score cell of the ranking table. */
async function scores(page: Page): Promise<number[]> {
  return (await page.locator('[data-testid="cmp-table"] [data-testid="cmp-score"]').allTextContents()).map((s) => Number(s.trim()));
}

describe('comparisons in the browser', () => {
  it('lists both example files and shows each scorecard for a month, with a working download', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await Promise.all([page.waitForURL('**/comparisons'), page.locator('nav a[href="/comparisons"]').click()]);
    await hydrated(page);
    const rows = page.locator('[data-testid="cmp-list"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-comparison')))).toEqual([EAST, METRO]);
    expect(await page.locator(`tr[data-comparison="${EAST}"] a`).textContent()).toBe('华东大区售后服务月度评分卡');
    expect(await page.locator(`tr[data-comparison="${EAST}"]`).textContent()).toContain('大区 华东');
    expect(await page.locator(`tr[data-comparison="${METRO}"]`).textContent()).toContain('最新月份');
    await screenshot(page, 'comparisons-list');

    const earlier = (await (await page.request.get(`/api/comparisons/${EAST}`)).json() as { months: string[] }).months[1]!;
    for (const id of [EAST, METRO]) {
      await page.goto(`/comparisons/${id}?month=${earlier}`);
      await hydrated(page);
      expect(await page.locator('h1').textContent()).toContain(earlier);
      const s = await scores(page);
      expect(s.length).toBeGreaterThan(1);
      expect(s.every((x) => x >= 0 && x <= 1000)).toBe(true);
      expect(s).toEqual([...s].sort((a, b) => b - a));
      expect(await page.locator('[data-testid="cmp-gaps"] section').count()).toBe(s.length);
      await page.locator(`figure[data-chart="ranked-bars"][data-bars="${s.length}"] svg`).first().waitFor();
      expect(await page.locator('#cmp-month').inputValue()).toBe(earlier);
    }
    // The month picker keeps the month in the URL.
    await page.goto(`/comparisons/${EAST}`);
    await hydrated(page);
    await page.locator('#cmp-month').selectOption(earlier);
    await Promise.all([page.waitForURL(`**/comparisons/${EAST}?month=${earlier}`), page.locator('[data-testid="cmp-month"] button').click()]);
    expect(await page.locator('h1').textContent()).toContain(earlier);
    await screenshot(page, 'comparison-east');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="cmp-csv"]').click()]);
    expect(download.suggestedFilename()).toBe(`${EAST}-${earlier}.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFmonth,rank,dealer,name')).toBe(true);
    expect(csv.trim().split('\n')).toHaveLength((await scores(page)).length + 1);
    const html = await page.request.get((await page.locator('[data-testid="cmp-html"]').getAttribute('href'))!);
    expect(html.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<svg');
    expect(errors).toEqual([]);
  });

  it('a consultant writes a new comparison in the form: a refusal on its field, then saved and shown', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/comparisons');
    await Promise.all([page.waitForURL('**/comparisons/new'), page.locator('[data-testid="cmp-new"]').click()]);
    await hydrated(page);
    const form = page.locator('form[data-testid="cmp-form"]');
    await form.locator('input[name="id"]').fill('web-two');
    await form.locator('input[name="title_zh"]').fill('网页新建两家');
    await form.locator('input[name="title_en"]').fill('Two dealers from the web');
    await form.locator('input[name="dealer"][value="SH001"]').check();
    await form.locator('input[name="dealer"][value="HZ007"]').check();
    await form.locator('input[name="kpi"][value="on_time_rate"]').check();
    await form.locator('input[name="weight.on_time_rate"]').fill('600');
    await form.locator('input[name="floor.on_time_rate"]').fill('0.5');
    await form.locator('input[name="kpi"][value="booking_rate"]').check();
    await form.locator('input[name="weight.booking_rate"]').fill('300');
    expect(await page.locator('[data-testid="cmp-sum"]').textContent()).toBe('权重合计：900 / 1000');
    await form.locator('[data-testid="cmp-save"]').click();
    await page.locator('p.err[data-field="kpis"]').waitFor();
    expect(await page.locator('p.err[data-field="kpis"]').textContent()).toMatch(/^权重合计应为 1000 分，实际为 900/);
    expect(await readdir(dir)).not.toContain('web-two.yaml');

    await form.locator('input[name="weight.booking_rate"]').fill('400');
    expect(await page.locator('[data-testid="cmp-sum"]').textContent()).toBe('权重合计：1000 / 1000');
    await Promise.all([page.waitForURL('**/comparisons/web-two'), form.locator('[data-testid="cmp-save"]').click()]);
    await hydrated(page);
    expect(await page.locator('h1').textContent()).toContain('网页新建两家');
    expect(await page.locator('[data-testid="cmp-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-dealer')).sort())).toEqual(['HZ007', 'SH001']);
    expect(await readFile(join(dir, 'web-two.yaml'), 'utf8')).toContain('- { kpi: booking_rate, weight: 400 }');
    await page.goto('/comparisons');
    expect(await page.locator('tr[data-comparison="web-two"] a').textContent()).toBe('网页新建两家');
    expect(errors).toEqual([]);
  });

  it('a dealer user sees itself and anonymous peers only, and cannot write a comparison', async () => {
    const { page } = await h.page();
    await login(page, h.tokens.sh001);
    await page.goto('/comparisons');
    expect(await page.locator('[data-testid="cmp-new"]').count()).toBe(0);
    const ids = await page.locator('[data-testid="cmp-list"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-comparison')));
    expect(ids).toEqual([EAST, METRO, 'web-two']);
    const others = h.dealers.filter((d) => d !== 'SH001');
    const listHtml = await page.content();
    for (const o of others) expect(listHtml).not.toContain(o);
    for (const id of ids) {
      await page.goto(`/comparisons/${id!}`);
      await hydrated(page);
      const rows = page.locator('[data-testid="cmp-table"] tbody tr');
      expect(await rows.evaluateAll((trs) => trs.filter((tr) => tr.getAttribute('data-peer') === 'false').map((tr) => tr.getAttribute('data-dealer')))).toEqual(['SH001']);
      const peers = await rows.evaluateAll((trs) => trs.filter((tr) => tr.getAttribute('data-peer') === 'true').map((tr) => tr.getAttribute('data-dealer')));
      expect(peers.length).toBeGreaterThan(0);
      expect(peers.every((p) => /^同组经销商 [A-Z]+$/.test(p ?? ''))).toBe(true);
      const text = await page.content();
      for (const o of others) expect(text).not.toContain(o);
      const csv = await (await page.request.get((await page.locator('[data-testid="cmp-csv"]').getAttribute('href'))!)).text();
      expect(csv).toContain('SH001');
      for (const o of others) expect(csv).not.toContain(o);
    }
    await screenshot(page, 'comparison-dealer');
    const denied = await page.goto('/comparisons/new');
    expect(denied?.status()).toBe(403);
    const post = await page.request.post('/api/comparisons', { data: { comparison: { id: 'by-dealer' } } });
    expect(post.status()).toBe(403);
  });

  it('fits a 390 px phone: tables scroll inside their box, not the page', async () => {
    const { page } = await h.page();
    await login(page, h.tokens.admin);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/comparisons', `/comparisons/${EAST}`, '/comparisons/new']) {
      await page.goto(path);
      await hydrated(page);
      // The whole page, and the page's own content (main).
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      const main = await page.evaluate(() => {
        const m = document.querySelector('main')!;
        return { scroll: m.scrollWidth, right: m.getBoundingClientRect().right };
      });
      expect(main.scroll, path).toBeLessThanOrEqual(390);
      expect(main.right, path).toBeLessThanOrEqual(390);
      // Every table sits in a box that scrolls sideways on its own.
      expect(await page.locator('main table').evaluateAll((ts) => ts.every((t) => getComputedStyle(t.parentElement!).overflowX === 'auto')), path).toBe(true);
    }
    await screenshot(page, 'comparison-phone');
  });

  it('has no critical or serious accessibility violations, in Chinese and English', async () => {
    for (const locale of ['zh-CN', 'en-US']) {
      const { page } = await h.page({ locale });
      await login(page, h.tokens.consultant);
      for (const path of ['/comparisons', `/comparisons/${EAST}`, `/comparisons/${METRO}`, '/comparisons/new']) {
        await page.goto(path);
        await hydrated(page);
        expect(await seriousViolations(page), `${locale} ${path}`).toEqual([]);
      }
      const dealer = await h.page({ locale });
      await login(dealer.page, h.tokens.sh001);
      await dealer.page.goto(`/comparisons/${METRO}`);
      await hydrated(dealer.page);
      expect(await seriousViolations(dealer.page), `${locale} dealer`).toEqual([]);
    }
  });
});
