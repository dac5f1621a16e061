// Uploads that help, in Debian's Chromium against the real server: the preview checks its rows
// with the ingest's own rules and warns before anything is sent (line, the column by its field
// name, the value); after the load the button does not offer to upload 0 files; the rejected
// rows download with the file's own columns, is fixed as a person would and uploads cleanly,
// adding to the month instead of replacing it. The page in English words it all in English.

import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { hydrated, login, screenshot, useHarness } from './harness.js';

const h = useHarness({ network: { dealers: 3, months: 3 } });

const HEADER = ['经销商代码', '工单号', 'VIN', '开单时间', '维修类型', '总金额', '服务顾问', '客户姓名'];
const MONTH = '2030-01';

function exportCsv(dealer: string): string {
  const rows = Array.from({ length: 40 }, (_, i) => [dealer, `HLP${String(i).padStart(4, '0')}`, `LSVHLP${i}`, `${MONTH}-${String(1 + (i % 28)).padStart(2, '0')} 09:00`, '保养', '480.00', '王伟', `客户${i}`]);
  rows.splice(1, 0, [dealer, 'HLPBAD1', 'LSVBAD1', `${MONTH}-32 10:00`, '保养', '500', '李娜', '张三']);
  rows.splice(3, 0, [dealer, 'HLPBAD2', 'LSVBAD2', `${MONTH}-05 10:00`, '保养', '五百元', '李娜', '李四']);
  return Papa.unparse([HEADER, ...rows]) + '\r\n';
}

describe('uploads that help', () => {
  it('warns about the sample\'s bad rows by field name, loads, offers nothing more to upload, and the fixed rejected rows re-upload cleanly', async () => {
    const dealer = h.dealers[0]!;
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/uploads');
    await hydrated(page);
    const name = 'help-ro.csv';
    await page.locator('[data-testid="file-input"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(exportCsv(dealer)) });
    const file = page.locator(`[data-testid="upload-file"][data-file="${name}"]`);
    const warnings = file.locator('[data-testid="preview-warnings"]');
    await expect.poll(() => warnings.count(), { timeout: 15_000 }).toBe(1);
    expect(await warnings.locator('li').allTextContents()).toEqual([
      `第 3 行 · 进厂时间（开单时间）：无法识别的时间“${MONTH}-32 10:00”`,
      '第 5 行 · 总金额：无法识别的金额“五百元”',
    ]);
    // columns by their names, never by the stored ids
    const section = (await page.locator('section.upload').textContent()) ?? '';
    expect(section).toContain('开单时间 → 进厂时间');
    expect(section).not.toMatch(/open_time|ro_no|total_amount|dealer_code/);
    await screenshot(page, 'uploads-help-preview');

    const button = page.locator('[data-testid="upload-all"]');
    expect(await button.textContent()).toBe('上传 1 个文件');
    await button.click();
    await expect.poll(() => file.getAttribute('data-status'), { timeout: 60_000 }).toBe('loaded');
    expect(await file.locator('[data-testid="upload-result"]').textContent()).toContain('导入 40 行 · 拒绝 2 行');
    // nothing is left to send: the button says so and is disabled (never "上传 0 个文件")
    expect(await button.textContent()).toBe('已全部上传');
    expect(await button.isDisabled()).toBe(true);
    // reasons in the page's language only
    const reasons = await file.locator('table.errors tbody td:nth-child(4)').allTextContents();
    expect(reasons).toEqual([`无法识别的时间“${MONTH}-32 10:00”`, '无法识别的金额“五百元”']);

    // the rejected rows with the file's own columns, fixed and uploaded again
    const href = (await file.locator('[data-testid="rejects-link"]').getAttribute('href'))!;
    expect(href).toContain('layout=file');
    const [download] = await Promise.all([page.waitForEvent('download'), file.locator('[data-testid="rejects-link"]').click()]);
    const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['行号', '原因', ...HEADER]);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([['3', `无法识别的时间“${MONTH}-32 10:00”`, dealer, 'HLPBAD1'], ['5', '无法识别的金额“五百元”', dealer, 'HLPBAD2']]);
    const fixed = rows.map((r) => r.map((v) => (v === `${MONTH}-32 10:00` ? `${MONTH}-30 10:00` : v === '五百元' ? '500' : v)));
    const fixedName = 'help-ro-fixed.csv';
    await page.locator('[data-testid="file-input"]').setInputFiles({ name: fixedName, mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + Papa.unparse(fixed)) });
    const again = page.locator(`[data-testid="upload-file"][data-file="${fixedName}"]`);
    await expect.poll(() => again.locator('[data-testid="preview-ok"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await button.textContent()).toBe('上传 1 个文件');
    await button.click();
    await expect.poll(() => again.getAttribute('data-status'), { timeout: 60_000 }).toBe('loaded');
    expect(await again.locator('[data-testid="upload-result"]').textContent()).toContain('导入 2 行 · 拒绝 0 行');
    // added to the month: 40 + 2 rows, the first load's rows kept
    const kpis = await page.request.get(`/api/kpis?month=${MONTH}&kpi=ro_count`);
    expect(kpis.status()).toBe(200);
    const roCount = ((await kpis.json()) as { dealer: string; kpi: string; value: number }[]).find((k) => k.dealer === dealer && k.kpi === 'ro_count');
    expect(roCount?.value).toBe(42);
    await screenshot(page, 'uploads-help-fixed');
    expect(errors).toEqual([]);
  });

  it('in English: warnings, column names and the button in English only', async () => {
    const { page, errors } = await h.page();
    await login(page, h.tokens.consultant);
    await page.goto('/lang?to=en&next=/uploads');
    await hydrated(page);
    await page.locator('[data-testid="file-input"]').setInputFiles({ name: 'en.csv', mimeType: 'text/csv', buffer: Buffer.from(exportCsv(h.dealers[1]!)) });
    const warnings = page.locator('[data-testid="preview-warnings"] li');
    await expect.poll(() => warnings.count(), { timeout: 15_000 }).toBe(2);
    expect(await warnings.allTextContents()).toEqual([
      `Line 3 · opened at (开单时间): unreadable timestamp "${MONTH}-32 10:00"`,
      'Line 5 · total amount (总金额): unreadable amount "五百元"',
    ]);
    expect(await page.locator('section.upload').textContent()).toContain('开单时间 → opened at');
    expect(await page.locator('[data-testid="upload-all"]').textContent()).toBe('Upload 1 file(s)');
    expect(errors).toEqual([]);
  });
});
