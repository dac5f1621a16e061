// The dashboard's report page for an assessment on a template with its own pass rates (total
// 60 %, department 50 %, module 90 %), in Chromium: every pass line — the score table's and
// each module's dashed line in the chart — sits at its own level's rate, none at 70 %.

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '@fixops/checklist';
import { hydrated, login, screenshot, useHarness } from './harness.js';

const h = useHarness({ network: { dealers: 3, months: 3 } });

// Among the shipped templates only for this file: the API finds templates by id.
const FILE = join(TEMPLATES_DIR, 'zz-e2e-pass-rates.yaml');
const TEMPLATE = `id: e2e-pass-rates
version: 1
kind: points
zh: 合格线测试表
en: Pass-rate test form
max: 100
passRate: 0.6
sections:
  - { id: alpha, zh: 甲部门, en: Dept A, max: 60, modules: [{ id: alpha.one, zh: 甲模块, en: Module A, max: 60 }] }
  - { id: beta, zh: 乙部门, en: Dept B, max: 40, passRate: 0.5, modules: [{ id: beta.one, zh: 乙模块, en: Module B, max: 40, passRate: 0.9 }] }
`;
beforeAll(() => writeFileSync(FILE, TEMPLATE));
afterAll(() => rmSync(FILE, { force: true }));

describe('report page with per-level pass rates', () => {
  it('draws the pass lines at 50 % / 90 % (and the inherited 60 %), not at 70 %', async () => {
    const { page, errors } = await h.page();
    // alpha.one 39/60 = 65 % passes its 60 %; beta.one 30/40 = 75 % fails its 90 % (a 70 % line says the opposite)
    const saved = await page.request.post('/api/assessments', {
      headers: { authorization: `Bearer ${h.tokens.consultant}` },
      data: { dealer: 'SH001', date: `${h.latestMonth}-10`, template: 'e2e-pass-rates', scores: [{ id: 'alpha.one', score: 39 }, { id: 'beta.one', score: 30 }] },
    });
    expect(saved.status(), await saved.text()).toBe(201);
    await login(page, h.tokens.consultant);
    await page.goto(`/dealers/SH001/report?month=${h.latestMonth}`);
    await hydrated(page);
    const report = page.locator('[data-testid="report"]');
    const row = (level: string) => report.locator(`tr[data-level="${level}"]`);
    expect(await row('beta').getAttribute('data-pass-rate')).toBe('0.5');
    expect(await row('beta').textContent()).toMatch(/乙部门\s*30\s*40\s*75\.0%\s*20\s*合格/);
    expect(await row('beta.one').textContent()).toMatch(/乙模块\s*30\s*40\s*75\.0%\s*90\.0%\s*不合格/);
    expect(await row('alpha.one').textContent()).toMatch(/甲模块\s*39\s*60\s*65\.0%\s*60\.0%\s*合格/);
    expect(await row('total').textContent()).toMatch(/69\s*100\s*69\.0%\s*60\s*合格/);

    // In the chart, each module's dashed line sits where its own rate is on the 0–100 % axis.
    const geometry = await report.locator('figure svg').evaluate((svg) => {
      const left = (el: Element) => el.getBoundingClientRect().left + el.getBoundingClientRect().width / 2;
      const axis = [...svg.querySelectorAll('line:not(.pass-line)')].map(left);
      const zero = Math.min(...axis);
      const full = Math.max(...axis);
      return {
        lines: [...svg.querySelectorAll('line.pass-line')].map((l) => ({ rate: Number((l as SVGLineElement).dataset.passRate), at: (left(l) - zero) / (full - zero) })),
        labels: [...svg.querySelectorAll('text.pass-label')].map((t) => t.textContent),
      };
    });
    expect(geometry.lines.map((l) => l.rate)).toEqual([0.6, 0.9]);
    for (const l of geometry.lines) expect(l.at).toBeCloseTo(l.rate, 2);
    expect(geometry.labels).toEqual(['60%', '90%']);
    const scores = await report.evaluate((el) => el.textContent!.slice(0, el.textContent!.indexOf('二、存在的问题')));
    expect(scores).not.toMatch(/70(\.0)?%/);
    await screenshot(page, 'report-pass-rates');
    expect(errors).toEqual([]);
  });
});
