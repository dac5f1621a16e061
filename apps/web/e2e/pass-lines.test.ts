// The dealer page's checklist chart in Chromium: every module's pass line is drawn at that
// module's own pass rate from its template (here 50 % and 90 %), not at the first module's.

import { describe, expect, it } from 'vitest';
import { findTemplate, saveAssessment } from '@fixops/assessment';
import { scoreAssessment } from '@fixops/checklist';
import { hydrated, login, screenshot, useHarness } from './harness.js';

const PASS_RATES_TEMPLATE = `id: pass-rates
version: 1
kind: points
zh: 合格线测试
en: Pass line test
max: 100
passRate: 0.7
sections:
  - id: s
    zh: 部门
    en: Department
    max: 100
    modules:
      - id: s.half
        zh: 五成模块
        en: Half module
        max: 50
        passRate: 0.5
      - id: s.most
        zh: 九成模块
        en: Most module
        max: 50
        passRate: 0.9
`;

const h = useHarness({
  network: { dealers: 3, months: 3 },
  templates: { 'pass-rates.yaml': PASS_RATES_TEMPLATE },
  async prepare(connection, { templatesDir }) {
    const template = await findTemplate('pass-rates', templatesDir);
    if (!template.ok) throw new Error(template.error.message.en);
    // 60 % on the 50 % module (passes), 80 % on the 90 % module (fails).
    const scores = [{ id: 's.half', score: 30 }, { id: 's.most', score: 40 }];
    const card = scoreAssessment(template.value, scores);
    if (!card.ok) throw new Error(card.error.message.en);
    await saveAssessment(connection, { dealer: 'SH001', date: '2025-12-10', scores, scorecard: card.value });
  },
});

describe('dealer page checklist chart', () => {
  it('draws each module\'s pass line at its own rate: 50 % and 90 %', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.admin);
    await page.goto('/dealers/SH001');
    await hydrated(page);
    const figure = page.locator('section[aria-labelledby="h-checklist"] figure[data-chart="bars"]');
    const marks = figure.locator('line[data-reference]');
    await expect.poll(() => marks.count(), { timeout: 15_000 }).toBe(2);
    expect(await marks.evaluateAll((ls) => ls.map((l) => [(l as SVGLineElement).dataset.band, Number((l as SVGLineElement).dataset.reference)]))).toEqual([
      ['五成模块', 0.5], ['九成模块', 0.9],
    ]);
    // Where the lines are on screen, against the value axis' 0 % and 100 % ticks.
    const geometry = await figure.evaluate((f) => {
      const centreX = (e: Element) => { const r = e.getBoundingClientRect(); return r.left + r.width / 2; };
      const ticks = [...f.querySelectorAll('svg text')];
      const at = (label: string) => centreX(ticks.find((t) => t.textContent?.trim() === label)!);
      return { zero: at('0%'), full: at('100%'), lines: [...f.querySelectorAll('line[data-reference]')].map(centreX) };
    });
    const share = geometry.lines.map((x) => (x - geometry.zero) / (geometry.full - geometry.zero));
    expect(share[0]).toBeCloseTo(0.5, 2);
    expect(share[1]).toBeCloseTo(0.9, 2);
    await expect.poll(() => figure.locator('.legend').textContent()).toContain('50.0% / 90.0%');
    await screenshot(page, 'dealer-pass-lines');
    expect(errors).toEqual([]);
  });
});
