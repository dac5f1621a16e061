import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewWorkbook } from './workbook-preview-entry.js';

const FIXTURES = join(import.meta.dirname, '..', 'test-fixtures');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** Every module specifier reachable from a source file, following relative imports. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) seen.add(spec);
    else {
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (!seen.has(target)) reachable(target, seen.add(target));
    }
  }
  return seen;
}

describe('@fixops/ingest/workbook-preview (browser)', () => {
  it('reaches no node: module, DuckDB or database code', () => {
    const specs = [...reachable(join(import.meta.dirname, 'workbook-preview-entry.ts'))];
    expect(specs.filter((s) => !s.startsWith('/')).sort()).toEqual(['@e965/xlsx', '@fixops/shared']);
    expect(specs.some((s) => /\/(load|read|stage|sql)\/|zip\.ts|xlsx(Parts|Sheet)\.ts/.test(s))).toBe(false);
  });

  it.each(['xlsx', 'xls'] as const)('chooses the sheet the server reads in a .%s, skipping title rows, cells as the server reads them', (ext) => {
    const p = previewWorkbook(`ro.${ext}`, bytes(`ro-titles.${ext}`), ext, { rows: 2 });
    expect(p).toMatchObject({ sheet: '工单明细', titleRows: 3, problem: null });
    expect(p.sheets).toEqual([{ name: '说明', hidden: false }, { name: '旧数据', hidden: true }, { name: '工单明细', hidden: false }]);
    expect(p.headers.slice(0, 6)).toEqual(['经销商代码', '工单号', 'VIN', '进厂时间', '维修类型', '总金额（元）']);
    expect(p.rows[0]!.slice(0, 6)).toEqual(['SH001', 'RO25030000', 'LSVAB1000', '2025-03-01 08:00:00', '保养', '100']);
    expect(p.rows).toHaveLength(2);
  });

  it('names the problem of a password-protected or damaged workbook', () => {
    expect(previewWorkbook('locked.xls', bytes('ro-encrypted.xls'), 'xls').problem?.code).toBe('workbook_encrypted');
    expect(previewWorkbook('cut.xlsx', bytes('ro-titles.xlsx').subarray(0, 500), 'xlsx').problem?.code).toBe('workbook_corrupt');
  });
});
