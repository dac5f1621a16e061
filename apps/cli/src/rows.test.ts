// `fixops rows`: the rows behind a KPI value on the demo network with a KPI added as a file —
// JSON that matches `fixops kpis --json`, a table with the misses first, every row as CSV, and
// usage errors with exit code 2.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, parseJson } from './test-helpers/run.js';
import { firstServiceDemo } from './test-helpers/first-service.js';

afterAll(cleanup);

interface Rows { value: number | null; numerator: number; denominator: number | null; total: number; offset: number; rows: Record<string, string | number | boolean | null>[] }
interface KpiRow { dealer: string; month: string; kpi: string; value: number | null }

let db: string;
let env: Record<string, string>;
const month = '2025-12';
beforeAll(async () => {
  ({ db, env } = await firstServiceDemo());
}, 600_000);

const rows = (args: string[]) => fixops(['rows', '--db', db, ...args], env);

describe('fixops rows', () => {
  it('--json: the rows of a value, their numerator and denominator those of fixops kpis', () => {
    const kpis = parseJson<KpiRow[]>(fixops(['kpis', '--db', db, '--dealer', 'SH001', '--month', month, '--json'], env).stdout);
    for (const kpi of ['on_time_rate', 'first_service_share']) {
      const r = rows(['--dealer', 'SH001', '--month', month, '--kpi', kpi, '--json', '--limit', '1000']);
      expect(r.code, r.stderr).toBe(0);
      const body = parseJson<Rows>(r.stdout);
      expect(body.value).toBe(kpis.find((k) => k.kpi === kpi)!.value);
      expect(body.rows.filter((x) => x.in_numerator)).toHaveLength(body.numerator);
      expect(body.rows).toHaveLength(body.denominator!);
      expect(Math.abs(body.value! - body.numerator / body.denominator!)).toBeLessThan(1e-12);
      if (kpi === 'first_service_share') {
        expect(body.numerator).toBeGreaterThan(0);
        expect(body.rows.filter((x) => x.in_numerator).every((x) => x.repair_type === 'maintenance' && x.repair_type_raw === '首保')).toBe(true);
      }
    }
    const page = parseJson<Rows>(rows(['--dealer', 'SH001', '--month', month, '--kpi', 'ro_count', '--json', '--limit', '3', '--offset', '2']).stdout);
    expect(page.rows).toHaveLength(3);
    expect(page.offset).toBe(2);
  });

  it('prints a table, the late orders first, in zh or en', () => {
    const zh = rows(['--dealer', 'SH001', '--month', month, '--kpi', 'on_time_rate']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('准时交车率');
    expect(zh.stdout).toContain('分母');
    expect(zh.stdout).toMatch(/计入分子\s.*工单号/);
    const body = parseJson<Rows>(rows(['--dealer', 'SH001', '--month', month, '--kpi', 'on_time_rate', '--json']).stdout);
    if (body.total > body.numerator) expect(body.rows[0]!.in_numerator).toBe(false);
    const en = rows(['--dealer', 'SH001', '--month', month, '--kpi', 'on_time_rate', '--lang', 'en']);
    expect(en.stdout).toContain('On-time delivery rate');
    expect(en.stdout).toMatch(/rows 1–\d+ of \d+/);
  });

  it('--csv: every row, formula-safe, zh headers', () => {
    const body = parseJson<Rows>(rows(['--dealer', 'SH001', '--month', month, '--kpi', 'revenue', '--json']).stdout);
    const r = rows(['--dealer', 'SH001', '--month', month, '--kpi', 'revenue', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('工单号,VIN,服务顾问')).toBe(true);
    expect(lines).toHaveLength(body.total + 1);
    expect(body.total).toBeGreaterThan(100); // more than one JSON page: the CSV is not paged
  });

  it('refuses what it cannot answer with exit code 2 and a reason', () => {
    expect(rows(['--dealer', 'SH001', '--month', month]).code).toBe(2);
    expect(rows(['--dealer', 'SH001', '--month', month, '--kpi', 'ro_count', '--limit', 'abc']).code).toBe(2);
    const big = rows(['--dealer', 'SH001', '--month', month, '--kpi', 'ro_count', '--limit', '5000']);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('limit');
    const none = rows(['--dealer', 'SH001', '--month', month, '--kpi', 'churn_rate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有明细行');
    expect(rows(['--dealer', 'XX999', '--month', month, '--kpi', 'ro_count']).code).toBe(2);
    expect(rows(['--dealer', 'SH001', '--month', month, '--kpi', 'on_time']).stderr).toContain('on_time_rate');
  });
});
