// An Excel workbook on the uploads page, in Debian's Chromium against the real server: the
// browser reads the .xlsx itself (the workbook reader is loaded only then) and previews the
// sheet it will be read from, the title rows skipped, the kind and the columns; then it is
// uploaded and loads as the server's summary says. Other pages do not load the reader.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hydrated, login, REPO_ROOT, screenshot, useHarness } from './harness.js';

const h = useHarness({ network: { dealers: 3, months: 3 } });
const XLSX = readFileSync(join(REPO_ROOT, 'packages/ingest/test-fixtures/ro-titles.xlsx'));

describe('uploads: Excel workbooks', () => {
  it('previews an .xlsx (sheet, title rows skipped, kind, columns) before uploading it, then loads it', async () => {
    const { page, errors } = await h.page();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await login(page, h.tokens.consultant);
    await page.goto('/uploads');
    await hydrated(page);
    const before = scripts.length;
    const name = '维修工单明细.xlsx';
    await page.locator('[data-testid="file-input"]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: XLSX });
    const file = page.locator(`[data-testid="upload-file"][data-file="${name}"]`);
    await expect.poll(() => file.locator('[data-testid="detected-kind"]').textContent(), { timeout: 30_000 }).toContain('维修工单');
    // the workbook reader came as its own script, only now
    expect(scripts.length).toBeGreaterThan(before);
    expect(await file.locator('[data-testid="preview-workbook"]').textContent()).toContain('.xlsx');
    expect(await file.locator('[data-testid="preview-sheet"]').textContent()).toContain('工单明细');
    expect(await file.locator('[data-testid="preview-title-rows"]').textContent()).toContain('3');
    expect(await file.locator('.col.personal').allTextContents()).toEqual(['客户姓名']);
    expect(await file.locator('.col.ok').count()).toBe(9);
    const rows = file.locator('[data-testid="preview-table"] tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await rows.first().textContent()).toContain('RO25030000');
    expect(await rows.first().textContent()).toContain('2025-03-01 08:00:00');
    await screenshot(page, 'uploads-xlsx-preview');

    await page.locator('[data-testid="upload-all"]').click();
    await expect.poll(() => file.getAttribute('data-status'), { timeout: 60_000 }).toBe('loaded');
    const result = (await file.locator('[data-testid="upload-result"]').textContent()) ?? '';
    expect(result).toContain('导入 30 行');
    expect(result).toContain('拒绝 1 行');
    await expect.poll(() => page.locator('[data-testid="load-history"] tbody tr').first().textContent()).toContain(name);
    await screenshot(page, 'uploads-xlsx');
    expect(errors).toEqual([]);
  });
});
