// Charts people can read, and finding things, in Debian's Chromium against the real server:
// hovering a trend chart or a benchmark bar shows the value in a tooltip, month ticks carry
// the year, axes name their unit, the overview's month picker changes the URL and the numbers,
// and the header search goes to a dealer.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hydrated, login, useHarness } from './harness.js';

const h = useHarness({ network: { dealers: 6, months: 14 } });

const tooltip = (page: Page) => page.locator('.lc-tooltip-root.chart-tip');

/** Moves the pointer over a point of an element (fractions of its box) until a tooltip shows. */
async function hover(page: Page, selector: string, fx: number, fy: number): Promise<string> {
  const box = (await page.locator(selector).first().boundingBox())!;
  await expect.poll(async () => {
    await page.mouse.move(box.x + box.width * fx - 3, box.y + box.height * fy);
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    return tooltip(page).count();
  }, { timeout: 10_000 }).toBeGreaterThan(0);
  return ((await tooltip(page).last().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

const zhMonth = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

describe('charts', () => {
  it('a trend chart shows the hovered month\'s value, years on its month ticks and its unit', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    const code = h.dealers[0]!;
    await page.goto(`/dealers/${code}?month=${h.latestMonth}`);
    await hydrated(page);
    const chart = page.locator('figure.trend').first();
    await chart.locator('svg').first().waitFor();
    // Month ticks: 2025-01, never "Jan" or "1月".
    const ticks = (await chart.locator('.lc-axis-tick-label').allTextContents()).map((s) => s.trim()).filter((s) => /\d{4}-\d{2}|月|[A-Z][a-z]{2}/.test(s));
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).toMatch(/^\d{4}-\d{2}$/);
    expect(await chart.locator('[data-testid="axis-unit"]').textContent()).toBe('单位：台次');
    // The legend names the peer median.
    expect(await chart.locator('.legend').textContent()).toContain('同组中位数');
    // The last month, at the right edge of the plot: its value is the KPI card's.
    const text = await hover(page, 'figure.trend .plot', 0.95, 0.5);
    expect(text).toContain(zhMonth(h.latestMonth));
    const api = await page.evaluate(async ([c, m]) => (await (await fetch(`/api/dealers/${c}/kpis?kpi=ro_count&from=${m}&to=${m}`)).json()) as { value: number }[], [code, h.latestMonth] as const);
    expect(text).toContain(`数值 ${api[0]!.value}`);
    if (process.env.E17_SHOTS) await page.screenshot({ path: `${process.env.E17_SHOTS}/trend-tooltip.png`, clip: (await chart.boundingBox())! });
    expect(errors).toEqual([]);
  });

  it('a benchmark bar shows its dealer\'s value; the target is a line and in the legend', async () => {
    const { page, errors } = await h.page({ locale: 'en-US' });
    await login(page, h.tokens.consultant);
    const code = h.dealers[0]!;
    await page.goto(`/benchmark?month=${h.latestMonth}&kpi=booking_rate&dealer=${code}`);
    await hydrated(page);
    const section = page.locator('section.group').first();
    await section.locator('.bar.selected').waitFor();
    const value = (await section.locator('tr.selected td:nth-child(3)').textContent())!.trim();
    expect(value).toMatch(/%$/);
    const bar = (await section.locator('.bar.selected').boundingBox())!;
    const box = (await section.locator('figure[data-chart="ranked-bars"]').boundingBox())!;
    const text = await hover(page, 'section.group >> nth=0 >> figure[data-chart="ranked-bars"]', (bar.x + bar.width / 2 - box.x) / box.width, (bar.y + bar.height / 2 - box.y) / box.height);
    expect(text).toContain(code);
    expect(text).toContain(value);
    if (process.env.E17_SHOTS) await page.screenshot({ path: `${process.env.E17_SHOTS}/bar-tooltip.png`, clip: (await section.boundingBox())! });
    expect(await section.locator('.legend [data-legend="target"]').textContent()).toMatch(/^Target ≥ \d+\.\d%$/);
    expect(await section.locator('.target-line').count()).toBe(1);
    expect(await section.locator('.unit-label').first().textContent()).toBe('Unit: %');
    expect(errors).toEqual([]);
  });

  it('amber reads 未达标（接近）, never "near target"', async () => {
    const { page } = await h.page();
    await login(page, h.tokens.consultant);
    await hydrated(page);
    expect(await page.locator('main').textContent()).toContain('未达标（接近');
    const amber = page.locator('td.rag-amber').first();
    if (await amber.count()) expect(await amber.getAttribute('title')).toMatch(/^未达标（接近）/);
    expect(await page.content()).not.toMatch(/接近目标|near target/i);
    expect(await page.locator('[data-testid="column-target"]').count()).toBeGreaterThan(2);
  });
});

describe('finding things', () => {
  it('the overview\'s month picker keeps the month in the URL and shows that month\'s values', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await hydrated(page);
    const code = h.dealers[1]!;
    const cell = page.locator(`tr[data-dealer="${code}"] td[data-kpi="ro_count"]`);
    const before = await cell.textContent();
    const months = await page.locator('[data-testid="overview-month"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(months[0]).toBe('');
    expect(months[1]).toBe(h.latestMonth);
    const month = months[3]!;
    await Promise.all([page.waitForURL((u) => u.searchParams.get('month') === month), page.locator('[data-testid="overview-month"]').selectOption(month)]);
    await expect.poll(() => page.locator(`tr[data-dealer="${code}"] td[data-label="月份"]`).textContent()).toBe(zhMonth(month));
    const api = await page.evaluate(async ([c, m]) => (await (await fetch(`/api/dealers/${c}/kpis?kpi=ro_count&from=${m}&to=${m}`)).json()) as { value: number }[], [code, month] as const);
    expect(Number((await cell.textContent())!.replace(/,/g, ''))).toBe(api[0]!.value);
    expect(before).not.toBeNull();
    // The month survives a reload (it is in the URL) and the dealer link carries it.
    await page.reload();
    expect(await page.locator('[data-testid="overview-month"]').inputValue()).toBe(month);
    expect(await page.locator(`tr[data-dealer="${code}"] td.dealer a`).getAttribute('href')).toBe(`/dealers/${code}?month=${month}`);
    expect(errors).toEqual([]);
  });

  it('the header search goes to a dealer by code or by name; a dealer user has none', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await hydrated(page);
    const code = h.dealers[2]!;
    const input = page.locator('[data-testid="header-dealer-search"] input[name="q"]');
    expect(await page.locator('#dealer-search-list option').count()).toBe(h.dealers.length);
    await input.fill(code.toLowerCase());
    await Promise.all([page.waitForURL((u) => u.pathname === `/dealers/${code}`), input.press('Enter')]);
    // By part of its name.
    const name = (await page.locator(`#dealer-search-list option[value="${h.dealers[3]}"]`).textContent())!;
    await input.fill(name.slice(2, 6));
    await Promise.all([page.waitForURL((u) => u.pathname === `/dealers/${h.dealers[3]}`), input.press('Enter')]);
    // Nothing found: said so.
    await input.fill('no such dealer');
    await Promise.all([page.waitForURL((u) => u.pathname === '/find'), input.press('Enter')]);
    expect(await page.locator('[data-testid="find-none"]').textContent()).toContain('no such dealer');
    expect(errors).toEqual([]);

    const { page: dealer } = await h.page();
    await login(dealer, h.tokens.sz009);
    await hydrated(dealer);
    expect(await dealer.locator('[data-testid="header-dealer-search"]').count()).toBe(0);
  });
});
