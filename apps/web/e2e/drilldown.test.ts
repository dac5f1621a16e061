// The drill-down in Debian's Chromium against the real server (API + built dashboard on one
// port), small demo network: from an overview cell (on_time_rate of a dealer-month) to the page,
// the late repair orders (rows not in the numerator) number denominator − numerator of the KPI,
// the numerator's rows number the numerator, a column sorts both ways, page 2 follows page 1,
// the CSV holds the same rows; a dealer account cannot open another dealer's drill-down; at
// 390 px nothing scrolls sideways; axe-core finds nothing critical or serious, in zh and en.
// The server runs with the shipped KPI files plus the example 首保占比 (first_service_share):
// the overview gets its column from the catalogue, and its values drill down like any other.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { transaction } from '@fixops/db';
import { EXAMPLE_KPIS_DIR, recomputeAll, reloadCatalogue, SHIPPED_KPIS_DIR } from '@fixops/metrics';
import { hydrated, login, screenshot, useHarness } from './harness.js';

const kpisDir = mkdtempSync(join(tmpdir(), 'fixops-e2e-kpis-'));
afterAll(() => rmSync(kpisDir, { recursive: true, force: true }));
const h = useHarness({
  network: { dealers: 4, months: 6 },
  // The KPI files a network would put in FIXOPS_KPIS_DIR: the shipped ones and the example. The
  // server runs in this process, so it uses this catalogue.
  async prepare(connection) {
    const dir = kpisDir;
    cpSync(SHIPPED_KPIS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'first_service_share.yaml'), readFileSync(join(EXAMPLE_KPIS_DIR, 'first_service_share.yaml'), 'utf8'));
    const r = reloadCatalogue(dir);
    if (!r.ok) throw new Error(r.error.message.en);
    await transaction(connection, () => recomputeAll(connection));
  },
});

const parts = async (page: Page) => {
  const el = page.locator('[data-testid="drill-parts"]');
  return { numerator: Number(await el.getAttribute('data-numerator')), denominator: Number(await el.getAttribute('data-denominator')) };
};
const total = async (page: Page) => Number(await page.locator('[data-testid="drill-total"]').getAttribute('data-total'));
/** The texts of one column of the rows table, by its API column id. */
async function column(page: Page, id: string): Promise<string[]> {
  const ids = await page.locator('table[data-testid="drill-rows"] thead a[data-sort]').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.sort));
  const n = ids.indexOf(id) + 1;
  expect(n, id).toBeGreaterThan(0);
  return page.locator(`table[data-testid="drill-rows"] tbody tr td:nth-child(${n})`).allTextContents();
}
async function follow(page: Page, selector: string, url: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(url), page.locator(selector).first().click()]);
  await hydrated(page);
}
async function seriousViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol: the page's content policy allows no inline script tag
  await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  return found;
}

describe('drill-down', () => {
  it('from an overview cell to the late repair orders: counts match the KPI, sorting, page 2 and the CSV', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await hydrated(page);
    // A dealer whose latest month has late orders: its on_time_rate below 100 %.
    const cells = page.locator('table[data-testid="overview"] td[data-kpi="on_time_rate"] a');
    const texts = await cells.allTextContents();
    const i = texts.findIndex((s) => s.trim().endsWith('%') && parseFloat(s) < 100);
    expect(i).toBeGreaterThanOrEqual(0);
    const cell = cells.nth(i);
    const dealer = await cell.evaluate((a) => a.closest('tr')!.getAttribute('data-dealer')!);
    await Promise.all([page.waitForURL(new RegExp(`/dealers/${dealer}/kpis/on_time_rate\\?month=\\d{4}-\\d{2}$`)), cell.click()]);
    await hydrated(page);
    const month = new URL(page.url()).searchParams.get('month')!;
    expect(await page.locator('h1').textContent()).toContain('准时交车率');

    // The KPI as the API reports it, and the numerator and denominator the page shows.
    const api = await page.request.get(`/api/dealers/${dealer}/kpis?kpi=on_time_rate&from=${month}&to=${month}`);
    const [stored] = (await api.json()) as { value: number }[];
    const { numerator, denominator } = await parts(page);
    expect(denominator).toBeGreaterThan(numerator);
    expect(Math.abs(numerator / denominator - stored!.value)).toBeLessThan(1e-9);
    expect(Number(await page.locator('[data-testid="drill-value"]').getAttribute('data-value'))).toBeCloseTo(stored!.value, 12);
    // the history chart, the rank and the flags section are there
    await page.waitForSelector('figure[data-chart="trend"] svg');
    expect(await page.locator('[data-testid="drill-rank"]').textContent()).toMatch(/第 \d+ 名/);
    expect(Number(await page.locator('[data-testid="drill-flags"]').getAttribute('data-count'))).toBeGreaterThanOrEqual(0);

    // The late repair orders: not in the numerator.
    await follow(page, 'a[data-only="not_numerator"]', /only=not_numerator/);
    const late = await total(page);
    expect(late).toBe(denominator - numerator);
    expect(await column(page, 'in_numerator')).toEqual(Array(Math.min(late, 50)).fill('否'));
    const promised = await column(page, 'promised_time');
    const delivered = await column(page, 'delivered_time');
    promised.forEach((p, k) => expect(delivered[k]! > p, `${delivered[k]} after ${p}`).toBe(true));
    // Column headers are field names, never internal ids.
    const headers = await page.locator('table[data-testid="drill-rows"] thead th').allTextContents();
    expect(headers).toContain('工单号');
    expect(headers.join(' ')).not.toMatch(/open_time|ro_no/);
    // the CSV of the same filter: a header line and one line per late order
    const csvHref = (await page.locator('[data-testid="drill-csv"]').getAttribute('href'))!;
    const csv = await (await page.request.get(csvHref)).text();
    const lines = csv.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toContain('工单号');
    expect(lines.length - 1).toBe(late);
    expect((await page.request.get((await page.locator('[data-testid="drill-xlsx"]').getAttribute('href'))!)).headers()['content-type']).toContain('spreadsheetml');

    // The rows in the numerator number the numerator.
    await follow(page, 'a[data-only="numerator"]', /only=numerator/);
    expect(await total(page)).toBe(numerator);

    // Every row: sorting by the delivery time, both ways.
    await follow(page, 'a[data-only="all"]', /kpis\/on_time_rate\?month=\d{4}-\d{2}$/);
    const all = await total(page);
    expect(all).toBeGreaterThan(50);
    const before = await column(page, 'ro_no');
    await follow(page, 'a[data-sort="delivered_time"]', /sort=delivered_time&dir=asc/);
    const up = (await column(page, 'delivered_time')).filter((s) => s !== '—');
    expect(up).toEqual([...up].sort());
    expect(await column(page, 'ro_no')).not.toEqual(before);
    await follow(page, 'a[data-sort="delivered_time"]', /sort=delivered_time&dir=desc/);
    const down = (await column(page, 'delivered_time')).filter((s) => s !== '—');
    expect(down).toEqual([...down].sort().reverse());
    expect(down[0]! >= up.at(-1)!).toBe(true);
    expect(await page.locator('th[aria-sort="descending"] a[data-sort="delivered_time"]').count()).toBe(1);

    // Page 2 continues page 1 in the same order.
    const first = await column(page, 'ro_no');
    expect(first).toHaveLength(50);
    await follow(page, '[data-testid="drill-next"]', /page=2/);
    const second = await column(page, 'ro_no');
    expect(second.length).toBe(Math.min(50, all - 50));
    expect(second.some((r) => first.includes(r))).toBe(false);
    expect(await page.locator('[data-testid="drill-total"]').textContent()).toContain('第 51–');
    const pageUrl = new URL(page.url());
    expect(pageUrl.searchParams.get('sort')).toBe('delivered_time');
    // the month picker keeps the month in the URL
    expect(pageUrl.searchParams.get('month')).toBe(month);
    await screenshot(page, 'drilldown-page2');
    expect(errors).toEqual([]);
  });

  it('the overview has a column for the KPI added as a file, and its values drill down to their rows', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await hydrated(page);
    const header = page.locator('table[data-testid="overview"] thead a[data-sort="first_service_share"]');
    expect(await header.textContent()).toContain('首保占比');
    const cell = page.locator('table[data-testid="overview"] tr[data-dealer="SH001"] td[data-kpi="first_service_share"] a');
    await Promise.all([page.waitForURL(/\/dealers\/SH001\/kpis\/first_service_share\?month=/), cell.click()]);
    await hydrated(page);
    expect(await page.locator('h1').textContent()).toContain('首保占比');
    const { numerator, denominator } = await parts(page);
    expect(denominator).toBeGreaterThan(0);
    await follow(page, 'a[data-only="numerator"]', /only=numerator/);
    expect(await total(page)).toBe(numerator);
    expect(new Set(await column(page, 'repair_type_raw'))).toEqual(new Set(numerator > 0 ? ['首保'] : []));
    expect(errors).toEqual([]);
  });

  it('the dealer page\'s KPI cards link to the drill-down of their month', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto(`/dealers/SH001?month=${h.latestMonth}`);
    await hydrated(page);
    await follow(page, 'article[data-kpi="booking_rate"] a.drill', new RegExp(`/dealers/SH001/kpis/booking_rate\\?month=${h.latestMonth}$`));
    expect(await page.locator('[data-testid="drill-month"]').inputValue()).toBe(h.latestMonth);
    // the month picker goes to another month and keeps it in the URL
    const other = await page.locator('[data-testid="drill-month"] option').nth(1).getAttribute('value');
    await Promise.all([page.waitForURL(new RegExp(`month=${other}$`)), page.locator('[data-testid="drill-month"]').selectOption(other!)]);
    const [y, m] = other!.split('-').map(Number);
    expect(await page.locator('h1').textContent()).toContain(`${y}年${m}月`);
    expect(errors).toEqual([]);
  });

  it('a dealer account opens its own drill-down, never another dealer\'s', async () => {
    const { page } = await h.page();
    await login(page, h.tokens.sh001);
    const own = await page.goto(`/dealers/SH001/kpis/on_time_rate?month=${h.latestMonth}`);
    expect(own?.status()).toBe(200);
    expect(await total(page)).toBeGreaterThan(0);
    const other = h.dealers.find((d) => d !== 'SH001')!;
    const denied = await page.goto(`/dealers/${other}/kpis/on_time_rate?month=${h.latestMonth}`);
    expect(denied?.status()).toBe(403);
    expect(await page.locator('[data-status="403"]').count()).toBe(1);
    expect(await page.content()).not.toContain('drill-rows');
    // nor its rows or downloads through the API
    expect((await page.request.get(`/api/dealers/${other}/kpis/on_time_rate/rows?month=${h.latestMonth}&format=csv`)).status()).toBe(403);
  });

  it('at 390 px nothing scrolls sideways (the rows table scrolls in its box); axe finds nothing critical or serious in zh and en', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    const url = `/dealers/SH001/kpis/on_time_rate?month=${h.latestMonth}&only=not_numerator`;
    for (const lang of ['zh', 'en'] as const) {
      await page.goto(`/lang?to=${lang}&next=${encodeURIComponent(url)}`);
      await hydrated(page);
      await page.waitForSelector('figure[data-chart="trend"] svg');
      expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      expect(await seriousViolations(page), lang).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await hydrated(page);
      // the wide rows table scrolls inside its own box; the page's content fits
      const box = await page.locator('[data-testid="drill-scroll"]').evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
      expect(box.scroll).toBeGreaterThan(box.client);
      expect(await page.evaluate(() => document.querySelector('main')!.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page), `${lang} 390 px`).toEqual([]);
      await screenshot(page, `drilldown-390-${lang}`);
      // and so does the whole page, header included (the navigation collapses at this width)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    expect(errors).toEqual([]);
  });
});
