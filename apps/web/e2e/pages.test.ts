// Benchmark, assessment entry → report, and uploads in Debian's Chromium against the real
// server (API + built dashboard on one port) with a small demo network, loaded once for the
// file. Uploads run last: they add a month that the other tests do not expect.

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hydrated, login, RESULTS_DIR, screenshot, useHarness } from './harness.js';
import { gb18030, repairOrdersCsv, unknownKindCsv } from './exports.js';

const h = useHarness({ network: { dealers: 6, months: 6 } });

const nextMonth = (m: string) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
};
const percent = (s: string) => (s.trim().endsWith('%') ? parseFloat(s) : null);

describe('benchmark page', () => {
  it('ranks every dealer of each peer group with chart, quartile band and gaps; the CSV has the same ranking', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto(`/benchmark?month=${h.latestMonth}&kpi=booking_rate&dealer=SH001`);
    await hydrated(page);
    const tables = page.locator('table[data-testid="benchmark-table"]');
    // Every dealer once, across the groups.
    const dealers = await tables.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dealer));
    expect([...dealers].sort()).toEqual(h.dealers);
    // Within each group: ranks 1, 2, … and booking rates from best (highest) down.
    for (const table of await tables.all()) {
      const ranks = (await table.locator('tbody td:nth-child(1)').allTextContents()).map(Number);
      expect(ranks).toEqual(ranks.map((_, i) => i + 1));
      const values = (await table.locator('tbody td:nth-child(3)').allTextContents()).map(percent);
      expect(values.every((v) => v !== null)).toBe(true);
      expect(values).toEqual([...values].sort((a, b) => b! - a!));
    }
    // The selected dealer's group comes first, its row and bar highlighted.
    const first = page.locator('section.group').first();
    expect(await first.locator('tr.selected').getAttribute('data-dealer')).toBe('SH001');
    const figure = first.locator('figure[data-chart="ranked-bars"]');
    expect(await figure.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(60);
    await expect.poll(() => figure.locator('.bar').count()).toBe(await first.locator('tbody tr').count());
    expect(await figure.locator('.bar.selected').count()).toBe(1);
    expect(await first.locator('h2').textContent()).toMatch(/P25 \d+\.\d% · 中位数 \d+\.\d% · P75 \d+\.\d%/);
    await screenshot(page, 'benchmark');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="benchmark-csv"]').click()]);
    expect(download.suggestedFilename()).toBe(`benchmark-booking_rate-${h.latestMonth}.csv`);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('分组,排名,经销商,数值,百分位,P25,中位数,P75,与中位数差距,与前四分位差距');
    expect(lines).toHaveLength(h.dealers.length + 1);
    expect(lines.some((l) => /^\w+,\d+,SH001 /.test(l))).toBe(true);

    // The Excel link beside it: the API's workbook of the same benchmark, a Chinese file name.
    const [book] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="benchmark-xlsx"]').click()]);
    expect(book.suggestedFilename()).toMatch(new RegExp(`^同组对标-预约率-.*${h.latestMonth}\\.xlsx$`));
    const bytes = await readFile((await book.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);
  });

  it('a dealer user sees its own group: itself by name, the others as anonymous ranks', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.sh001);
    await page.goto(`/benchmark?month=${h.latestMonth}&kpi=revenue_per_ro&group=whatever&dealer=BJ002`);
    await hydrated(page);
    expect(await page.locator('section.group').count()).toBe(1);
    expect(await page.locator('select[name="group"], select[name="dealer"]').count()).toBe(0);
    const rows = page.locator('table[data-testid="benchmark-table"] tbody tr');
    const own = rows.locator('xpath=self::*[@data-dealer="SH001"]');
    expect(await own.count()).toBe(1);
    expect(await own.getAttribute('class')).toContain('selected');
    const others = await rows.evaluateAll((trs) => trs.filter((r) => (r as HTMLElement).dataset.dealer !== 'SH001').map((r) => r.querySelector('td:nth-child(2)')?.textContent?.trim()));
    expect(others.length).toBeGreaterThan(0);
    for (const label of others) expect(label).toMatch(/^同组经销商 #\d+$/);
    // No other dealer's code or gap anywhere on the page or in the CSV.
    const text = (await page.locator('main').textContent()) ?? '';
    for (const code of h.dealers.filter((d) => d !== 'SH001')) expect(text).not.toContain(code);
    const href = (await page.locator('[data-testid="benchmark-csv"]').getAttribute('href')) ?? '';
    const csv = decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, ''));
    for (const code of h.dealers.filter((d) => d !== 'SH001')) expect(csv).not.toContain(code);
    await screenshot(page, 'benchmark-dealer');
    expect(errors).toEqual([]);
  });
});

describe('assessment entry → report', () => {
  // The seed report's front desk: module scores out of 195, 62, 28, 11, 24, 10.
  const SEED: [string, string][] = [
    ['front_desk.core_process', '100'], ['front_desk.5s_safety', '43'], ['front_desk.staff_training', '9'],
    ['front_desk.records', '7'], ['front_desk.visual_boards', '0'], ['front_desk.dms', '5'],
  ];

  it('validates as you type, totals live, saves, and the report shows the new scores', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/dealers/SH001/assess');
    await hydrated(page);
    const call = page.locator('input[data-id="front_desk.core_process.appointment_call"]');
    await call.fill('25');
    await expect.poll(() => page.locator('.module[data-module="front_desk.core_process"] .err').textContent()).toContain('超过满分 20');
    expect(await page.locator('[data-testid="save-assessment"]').isDisabled()).toBe(true);
    await call.fill('18');
    await expect.poll(() => page.locator('[data-testid="total-score"]').textContent()).toBe('18');
    expect(await page.locator('.module .err').count()).toBe(0);

    for (const [id, score] of SEED) {
      const mod = page.locator(`.module[data-module="${id}"]`);
      const whole = mod.locator('label.toggle input');
      if ((await whole.count()) > 0 && !(await whole.isChecked())) await whole.check();
      await mod.locator(`input[data-id="${id}"]`).fill(score);
    }
    await expect.poll(() => page.locator('[data-testid="total-score"]').textContent()).toBe('164');
    const frontDesk = page.locator('section[data-section="front_desk"] [data-testid="section-total"]');
    expect(await frontDesk.textContent()).toMatch(/164 \/ 330 · 49\.7% · 不合格/);
    const date = `${h.latestMonth}-15`;
    await page.locator('input[name="date"]').fill(date);
    await screenshot(page, 'assessment-entry');
    await page.locator('[data-testid="save-assessment"]').click();
    await expect.poll(() => page.locator('[data-testid="assessment-saved"]').textContent(), { timeout: 15_000 }).toContain('164 / 1000');
    await expect.poll(() => page.locator('[data-testid="visit-history"] tbody tr').first().textContent()).toContain(date);

    await page.locator('[data-testid="assessment-saved"] [data-testid="report-link"]').click();
    await page.waitForURL((u) => u.pathname === '/dealers/SH001/report' && u.searchParams.get('month') === h.latestMonth);
    const report = page.locator('[data-testid="report"]');
    const scores = report.locator('table').first();
    await expect.poll(() => scores.textContent()).toContain('164');
    const frontRow = await report.locator('tr.section', { hasText: '前台' }).first().textContent();
    expect(frontRow).toMatch(/164.*330.*49\.7%.*231.*不合格/);
    // The report's own style sheet applies inside the page and only there (its body rule sets 12px type).
    expect(await report.locator('h2').first().evaluate((e) => getComputedStyle(e).borderBottomStyle)).toBe('solid');
    expect(await report.evaluate((e) => getComputedStyle(e).fontSize)).toBe('12px');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');
    await hydrated(page);
    await screenshot(page, 'report');
    // Printed: the app's bars are gone, the report remains, on A4.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="print-report"]').isVisible()).toBe(false);
    expect(await report.isVisible()).toBe(true);
    const pdf = await page.pdf({ path: `${RESULTS_DIR}/report-SH001.pdf`, format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    // The standalone report answers the same HTML.
    const standalone = await page.request.get((await page.locator('[data-testid="standalone-report"]').getAttribute('href'))!);
    expect(standalone.headers()['content-type']).toContain('text/html');
    expect(await standalone.text()).toContain('164');
    expect(errors).toEqual([]);
  });

  it('a dealer user reads its own report but cannot reach another dealer\'s report or assessment', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.sh001);
    const own = await page.goto(`/dealers/SH001/report?month=${h.latestMonth}`);
    expect(own?.status()).toBe(200);
    expect(await page.locator('[data-testid="report"] h1').textContent()).toContain('评估报告');
    for (const path of [`/dealers/BJ002/report?month=${h.latestMonth}`, '/dealers/BJ002/assess']) {
      const r = await page.goto(path);
      expect(r?.status()).toBe(403);
      expect(await page.locator('main').textContent()).not.toContain('BJ002 ');
    }
    // The dealer may read its own assessment page (history), without the form.
    await page.goto('/dealers/SH001/assess');
    expect(await page.locator('[data-testid="assessment-form"]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="visit-history"]').textContent()).toContain('164');
    // 403 answers are logged by the browser as failed loads; nothing else may be.
    expect(errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
  });
});

describe('before JS runs', () => {
  it('the benchmark ranking is in the server-rendered page, and an assessment saves through the plain form', async () => {
    const context = await h.browser.newContext({ baseURL: h.url, locale: 'zh-CN', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await login(page, h.tokens.consultant);
      await page.goto(`/benchmark?month=${h.latestMonth}&kpi=ro_count&dealer=GZ003`);
      const dealers = await page.locator('table[data-testid="benchmark-table"] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dealer));
      expect([...dealers].sort()).toEqual(h.dealers);
      expect(await page.locator('figure[data-chart="ranked-bars"]').first().evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(60);

      await page.goto('/dealers/GZ003/assess');
      await page.locator('input[data-id="front_desk.core_process.appointment_call"]').fill('15');
      await page.locator('input[data-id="front_desk.core_process.reception"]').fill('12.5');
      await page.locator('input[name="date"]').fill(`${h.latestMonth}-20`);
      await page.locator('[data-testid="save-assessment"]').click();
      await page.waitForLoadState();
      expect(await page.locator('[data-testid="assessment-saved"]').textContent()).toContain('27.5 / 1000');
      // A score above its max is refused by the server with the item named, and nothing is saved.
      await page.goto('/dealers/GZ003/assess');
      await page.locator('input[data-id="front_desk.core_process.estimate"]').fill('99');
      await page.locator('[data-testid="save-assessment"]').click();
      await page.waitForLoadState();
      expect(await page.locator('[role="alert"]').first().textContent()).toContain('超过满分');
      expect(await page.locator('[data-testid="visit-history"] tbody tr').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe('uploads', () => {
  it('a GB18030 export is previewed, uploaded with progress, and its KPIs and flags appear on the dealer page', async () => {
    const month = nextMonth(h.latestMonth);
    const name = `SH001_维修工单_${month}.csv`;
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/uploads');
    await hydrated(page);
    await page.locator('[data-testid="file-input"]').setInputFiles({
      name, mimeType: 'text/csv', buffer: gb18030(repairOrdersCsv({ dealer: 'SH001', month, count: 40, badRows: 1 })),
    });
    const file = page.locator(`[data-testid="upload-file"][data-file="${name}"]`);
    await expect.poll(() => file.locator('[data-testid="detected-kind"]').textContent()).toContain('维修工单');
    expect(await file.locator('header').textContent()).toContain('gb18030');
    expect(await file.locator('.col.personal').allTextContents()).toEqual(['客户姓名', '手机']);
    expect(await file.locator('.col.ok').count()).toBe(10);
    expect(await file.locator('[data-testid="preview-table"] tbody tr').count()).toBe(5);
    expect(await file.locator('[data-testid="preview-table"] tbody tr').first().textContent()).toContain('保养');
    await screenshot(page, 'uploads-preview');

    await page.locator('[data-testid="upload-all"]').click();
    await expect.poll(() => file.getAttribute('data-status'), { timeout: 60_000 }).toBe('loaded');
    expect(await file.locator('[data-testid="upload-progress"]').evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);
    const result = (await file.locator('[data-testid="upload-result"]').textContent()) ?? '';
    expect(result).toContain('导入 40 行');
    expect(result).toContain('拒绝 1 行');
    expect(result).toContain(month);
    expect(await file.locator('table.errors tbody tr').first().textContent()).toContain('十二元');
    const rejects = await page.request.get((await file.locator('[data-testid="rejects-link"]').getAttribute('href'))!);
    expect(rejects.status()).toBe(200);
    expect(await rejects.text()).toContain('十二元');
    const rejectsXlsx = await page.request.get((await file.locator('[data-testid="rejects-xlsx-link"]').getAttribute('href'))!);
    expect(rejectsXlsx.status()).toBe(200);
    expect(rejectsXlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect.poll(() => page.locator('[data-testid="load-history"] tbody tr').first().textContent()).toContain(name);
    await screenshot(page, 'uploads');

    // The new month on the dealer page: 40 orders, revenue per order ¥1,195, and the booking-rate flag.
    await page.goto(`/dealers/SH001?month=${month}`);
    await hydrated(page);
    expect(await page.locator('article.kpi-card[data-kpi="ro_count"]').textContent()).toContain('40');
    expect(await page.locator('article.kpi-card[data-kpi="revenue_per_ro"]').textContent()).toContain('¥1,195');
    expect(await page.locator('article.kpi-card[data-kpi="booking_rate"]').textContent()).toContain('0.0%');
    await expect.poll(() => page.locator('[data-testid="flags"]').textContent()).toContain('预约率 0.0%');
    await screenshot(page, 'uploads-dealer-page');
    expect(errors).toEqual([]);
  });

  it('a refused file shows its reasons before and after the upload', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/uploads');
    await hydrated(page);
    // Dropped on the drop zone (drag and drop), not picked.
    const dropped = await page.evaluateHandle(({ name, b64 }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: 'text/csv' }));
      return dt;
    }, { name: '杂项.csv', b64: gb18030(unknownKindCsv()).toString('base64') });
    await page.locator('[data-testid="dropzone"]').dispatchEvent('drop', { dataTransfer: dropped });
    const file = page.locator('[data-testid="upload-file"][data-file="杂项.csv"]');
    await expect.poll(() => file.locator('[data-testid="preview-problem"]').textContent()).toContain('无法识别文件类型');
    await page.locator('[data-testid="upload-all"]').click();
    await expect.poll(() => file.getAttribute('data-status'), { timeout: 60_000 }).toBe('refused');
    const reason = (await file.locator('[data-testid="refusal-reason"]').textContent()) ?? '';
    expect(reason).toContain('无法识别文件类型');
    expect(reason).toContain('缺少');
    await expect.poll(() => page.locator('[data-testid="load-history"] tbody tr').first().textContent()).toContain('已拒绝');
    await screenshot(page, 'uploads-refused');
    // The API answers a refused upload with 422, which the browser logs as a failed load; nothing else may be logged.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });

  it('a partial export of a stored month is held: the page shows rows now → rows after, asks, and replaces on confirmation', async () => {
    // The first upload test stored 40 repair orders of SH001 in the month after the demo's last one.
    const month = nextMonth(h.latestMonth);
    const name = `SH001_partial_${month}.csv`;
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/uploads');
    await hydrated(page);
    await page.locator('[data-testid="file-input"]').setInputFiles({
      name, mimeType: 'text/csv', buffer: gb18030(repairOrdersCsv({ dealer: 'SH001', month, count: 10, badRows: 0 })),
    });
    const file = page.locator(`[data-testid="upload-file"][data-file="${name}"]`);
    await expect.poll(() => file.locator('[data-testid="detected-kind"]').textContent()).toContain('维修工单');
    await page.locator('[data-testid="upload-all"]').click();
    await expect.poll(() => file.getAttribute('data-state'), { timeout: 60_000 }).toBe('held');
    expect(await file.getAttribute('data-status')).toBe('needs_confirmation');
    const held = (await file.locator('[data-testid="held-slices"] tbody tr').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(held).toHaveLength(1);
    expect(held[0]).toContain('SH001');
    expect(held[0]).toContain(month);
    expect(held[0]).toContain('40 → 10');
    expect(await file.locator('[data-testid="upload-result"]').textContent()).toContain('确认替换？');
    await screenshot(page, 'uploads-held');

    await file.locator('[data-testid="confirm-replace"]').click();
    await expect.poll(() => file.getAttribute('data-status'), { timeout: 60_000 }).toBe('loaded');
    expect(await file.locator('[data-testid="upload-result"]').textContent()).toContain('导入 10 行');
    await page.goto(`/dealers/SH001?month=${month}`);
    await hydrated(page);
    expect(await page.locator('article.kpi-card[data-kpi="ro_count"]').textContent()).toContain('10');
    // The held upload answers 409, which the browser logs as a failed load; nothing else may be logged.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });
});
