// A phone (390×844) in Debian's Chromium against the real server: no page scrolls sideways,
// the navigation collapses behind a menu button that opens, the skip link is the first stop of
// the keyboard, and the screenshots of the main pages at 1440 and 390 px are saved for a look.

import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hydrated, login, useHarness } from './harness.js';

const h = useHarness({ network: { dealers: 6, months: 14 } });

const PHONE = { width: 390, height: 844 };
/** Where the screenshots go (outside the repo): set E17_SHOTS to keep them. */
const SHOTS = process.env.E17_SHOTS ?? '';

async function phonePage(token: string, lang = 'zh-CN'): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await h.page({ locale: lang });
  await page.setViewportSize(PHONE);
  await login(page, token);
  return { page, errors };
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
/** The outermost elements that reach past the screen's right edge (for the failure message). */
const tooWide = (page: Page) => page.evaluate((w) => [...document.querySelectorAll('body *')]
  .filter((e) => e.getBoundingClientRect().right > w + 0.5 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 0.5))
  .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`), PHONE.width);

/** axe-core's serious and critical findings on the parts this file is about: the header, the skip link, scroll regions and charts. */
async function axeOnOurParts(page: Page): Promise<string[]> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated over the DevTools protocol: the page's content policy refuses inline scripts.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Colour contrast (the RAG colours) is the colour variables' own test, not this file's.
    const r = await axe.run({ include: [['header'], ['a.skip'], ['.scroll-region'], ['figure']] }, { rules: { 'color-contrast': { enabled: false } } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('a phone at 390 px', () => {
  it('no page scrolls sideways', async () => {
    const { page, errors } = await phonePage(h.tokens.admin);
    const code = h.dealers[0]!;
    const pages = ['/', `/dealers/${code}`, `/dealers/${code}/report`, `/dealers/${code}/assess`, `/dealers/${code}/staff`,
      '/benchmark', '/uploads', '/coverage', '/suppliers', '/admin', '/audit', `/?month=${h.latestMonth}`,
      `/dealers/${code}/kpis/on_time_rate`, '/comparisons', '/comparisons/new'];
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      await hydrated(page);
      const w = await scrollWidth(page);
      if (w > PHONE.width) wide.push(`${path}: ${w} ${(await tooWide(page)).join(', ')}`);
    }
    expect(wide).toEqual([]);
    // The login page, logged out.
    const { page: anon } = await h.page();
    await anon.setViewportSize(PHONE);
    await anon.goto('/login');
    expect(await scrollWidth(anon)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
  });

  it('a dealer user\'s pages do not scroll sideways either', async () => {
    const { page } = await phonePage(h.tokens.sz009, 'en-US');
    for (const path of ['/', '/dealers/SZ009', '/benchmark', '/uploads']) {
      await page.goto(path);
      await hydrated(page);
      expect(`${path}: ${await scrollWidth(page)}`).toBe(`${path}: ${Math.min(await scrollWidth(page), PHONE.width)}`);
    }
  });

  it('the navigation collapses behind a menu button that opens it', async () => {
    const { page } = await phonePage(h.tokens.consultant);
    await page.goto('/benchmark');
    await hydrated(page);
    const button = page.locator('button[data-testid="menu-toggle"]');
    const nav = page.locator('nav[aria-label="main"]');
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.getAttribute('aria-controls')).toBe('site-menu');
    expect(await nav.isVisible()).toBe(false);
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.isVisible()).toBe(true);
    // A link in it navigates, and the menu closes again.
    await Promise.all([page.waitForURL((u) => u.pathname === '/uploads'), nav.locator('a[href="/uploads"]').click()]);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  it('on a wide screen the links show without a menu button', async () => {
    const { page } = await h.page();
    await login(page, h.tokens.consultant);
    await hydrated(page);
    expect(await page.locator('button[data-testid="menu-toggle"]').isVisible()).toBe(false);
    expect(await page.locator('nav[aria-label="main"]').isVisible()).toBe(true);
  });

  it('the overview becomes cards and the benchmark table scrolls inside its box; charts keep their height', async () => {
    const { page } = await phonePage(h.tokens.admin);
    await hydrated(page);
    const row = page.locator('table.overview tbody tr[data-dealer]').first();
    expect(await row.evaluate((r) => getComputedStyle(r).display)).toBe('grid');
    expect(await row.evaluate((r) => r.getBoundingClientRect().width)).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`/benchmark?month=${h.latestMonth}&kpi=booking_rate`);
    await hydrated(page);
    const region = page.locator('.scroll-region').first();
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.getAttribute('aria-label')).toBeTruthy();
    expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
    const figure = page.locator('figure[data-chart="ranked-bars"]').first();
    expect(await figure.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(60);
    await page.goto(`/dealers/${h.dealers[0]}`);
    await hydrated(page);
    const plot = page.locator('figure.trend .plot').first();
    expect(await plot.evaluate((p) => p.getBoundingClientRect().height)).toBe(170);
  });

  it('axe finds nothing serious in the header, the skip link, the scroll regions and the charts, phone and desktop', async () => {
    for (const size of [PHONE, { width: 1440, height: 900 }]) {
      const { page } = await h.page();
      await page.setViewportSize(size);
      await login(page, h.tokens.admin);
      for (const path of ['/', `/benchmark?month=${h.latestMonth}&kpi=booking_rate`, `/dealers/${h.dealers[0]}`]) {
        await page.goto(path);
        await hydrated(page);
        const toggle = page.locator('button[data-testid="menu-toggle"]');
        if (await toggle.isVisible()) await toggle.click();
        expect(await axeOnOurParts(page), `${path} at ${size.width}`).toEqual([]);
      }
    }
  }, 120_000);

  it('the skip link is the first stop of the keyboard and moves to the main content', async () => {
    const { page } = await phonePage(h.tokens.consultant);
    await hydrated(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') }));
    expect(first).toEqual({ text: '跳到正文', href: '#main' });
    expect(await page.locator('a.skip').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.locator('main#main').count()).toBe(1);
  });

  it('screenshots at 1440 and 390 px of the overview, a dealer page and the benchmark', async () => {
    if (!SHOTS) return;
    await mkdir(SHOTS, { recursive: true });
    for (const [name, size] of [['desktop', { width: 1440, height: 900 }], ['phone', PHONE]] as const) {
      const { page } = await h.page();
      await page.setViewportSize(size);
      await login(page, h.tokens.admin);
      for (const [slug, path] of [['overview', '/'], ['dealer', `/dealers/${h.dealers[0]}`], ['benchmark', `/benchmark?month=${h.latestMonth}&kpi=booking_rate&dealer=${h.dealers[0]}`]] as const) {
        await page.goto(path);
        await hydrated(page);
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${SHOTS}/${slug}-${name}.png`, fullPage: slug !== 'overview' || name === 'phone' });
      }
      if (name === 'phone') {
        await page.locator('button[data-testid="menu-toggle"]').click();
        await page.screenshot({ path: `${SHOTS}/menu-phone.png` });
      }
    }
  });
});
