// Accessibility in Debian's Chromium against the real server: axe-core (injected from the
// `axe-core` package, no wrapper) runs on every main page in Chinese and in English and must
// find no critical and no serious violation. On failure the message lists each violation's id,
// impact and the elements it names, so the cause is found without re-running by hand.
// A new page is one line in PAGES.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hydrated, login, useHarness } from './harness.js';
import { weakBoardsVisit } from './weak-visit.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DEALER = 'SH001';

// SH001 has a finished visit in the latest month, so the report and the assessment history have content.
const h = useHarness({
  network: { dealers: 4, months: 6 },
  prepare: weakBoardsVisit(DEALER),
});

/** The pages axe checks: a name for the test and the path (given the latest month). */
const PAGES: { name: string; path: (month: string) => string }[] = [
  { name: 'overview', path: () => '/' },
  { name: 'dealer page', path: (m) => `/dealers/${DEALER}?month=${m}` },
  { name: 'benchmark', path: (m) => `/benchmark?month=${m}&kpi=booking_rate&dealer=${DEALER}` },
  { name: 'uploads', path: () => '/uploads' },
  { name: 'assessment form', path: () => `/dealers/${DEALER}/assess` },
  { name: 'report', path: (m) => `/dealers/${DEALER}/report?month=${m}` },
  { name: 'drill-down', path: (m) => `/dealers/${DEALER}/kpis/on_time_rate?month=${m}&only=not_numerator` },
  { name: 'comparisons', path: () => '/comparisons' },
  { name: 'new comparison', path: () => '/comparisons/new' },
];

interface Violation { id: string; impact: string | null; help: string; targets: string[] }

/** Runs axe on the current page and returns its critical and serious violations. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  // evaluated through the DevTools protocol: the page's Content-Security-Policy (nonces only) stays as it is
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
  return found.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

const describeViolations = (vs: Violation[]) =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}${v.targets.length > 8 ? `\n    … ${v.targets.length - 8} more` : ''}`).join('\n');

describe('accessibility (axe-core): no critical or serious violations', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`every page in ${lang}`, async () => {
      const { page, errors } = await h.page();
      await login(page, h.tokens.consultant);
      await page.goto(`/lang?to=${lang}&next=/`);
      const failures: string[] = [];
      for (const p of PAGES) {
        const path = p.path(h.latestMonth);
        await page.goto(path);
        await hydrated(page);
        expect(await page.locator('html').getAttribute('lang')).toMatch(lang === 'zh' ? /^zh/ : /^en/);
        const vs = await seriousViolations(page);
        if (vs.length > 0) failures.push(`${p.name} ${path} [${lang}]:\n  ${describeViolations(vs)}`);
      }
      expect(failures.join('\n\n')).toBe('');
      expect(errors).toEqual([]);
    }, 180_000);
  }

  it('the uploads page with a file previewed (warnings, columns, the scrolling preview table)', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/uploads');
    await hydrated(page);
    const csv = ['经销商代码,工单号,VIN,进厂时间,维修类型,总金额,客户姓名', `${DEALER},R1,LSV1,2025-13-01,保养,500,张三`, `${DEALER},R2,LSV2,2025-03-01,保养,500,李四`].join('\r\n');
    await page.locator('[data-testid="file-input"]').setInputFiles({ name: 'a11y.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.locator('[data-testid="preview-warnings"]').count(), { timeout: 15_000 }).toBe(1);
    const vs = await seriousViolations(page);
    expect(describeViolations(vs)).toBe('');
    expect(errors).toEqual([]);
  });
});
