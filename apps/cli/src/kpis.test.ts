// The KPI commands' contract (kpis, flags, benchmark, breakdown, settings) on the demo network.

import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { AdvisorRow, BenchmarkRow, Flag, KpiValue, RepairTypeRow } from '@fixops/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, demoCopy, fixops, parseJson, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

let base: string;
beforeAll(async () => {
  base = join(tempDir(), 'demo.duckdb');
  await demoCopy(base);
}, 600_000);

function copy(): string {
  const db = join(tempDir(), 'copy.duckdb');
  copyFileSync(base, db);
  return db;
}

const KPI_COUNT = 20;

describe('fixops kpis', () => {
  it('--json covers every KPI of every selected dealer-month, null where null', () => {
    const r = fixops(['kpis', '--db', base, '--dealer', 'SZ009', '--json']);
    expect(r.code).toBe(0);
    const rows = parseJson<KpiValue[]>(r.stdout);
    expect(rows).toHaveLength(24 * KPI_COUNT);
    expect(Object.keys(rows[0]!)).toEqual(['dealer', 'month', 'kpi', 'value', 'status']);
    expect(new Set(rows.map((x) => x.month)).size).toBe(24);
    // SZ009 never records promised times: on-time KPIs are null, never 0
    expect(rows.filter((x) => x.kpi === 'on_time_rate').every((x) => x.value === null)).toBe(true);
    expect(rows.filter((x) => x.kpi === 'ro_count').every((x) => typeof x.value === 'number' && x.value > 0)).toBe(true);
    // status: ok with a value; null is not_tracked, or warming_up while the customer windows
    // reach back before the dealer's data (2024-01 is its first month: known from 2024-12)
    expect(rows.every((x) => (x.value === null) === (x.status !== 'ok'))).toBe(true);
    expect(rows.filter((x) => x.kpi === 'on_time_rate').every((x) => x.status === 'not_tracked')).toBe(true);
    expect(rows.filter((x) => x.status === 'warming_up').map((x) => `${x.kpi} ${x.month}`)).toEqual(
      rows.filter((x) => (x.kpi === 'base_customers' && x.month < '2024-12') || (x.kpi === 'churn_rate' && x.month < '2025-01')).map((x) => `${x.kpi} ${x.month}`));
  });

  it('shows a warming-up KPI as 数据积累中 / warming up, never 未统计', () => {
    const zh = fixops(['kpis', '--db', base, '--dealer', 'SH001', '--month', '2024-06']);
    expect(zh.code).toBe(0);
    expect(zh.stdout.match(/数据积累中/g)).toHaveLength(2);
    const en = fixops(['kpis', '--db', base, '--dealer', 'SH001', '--month', '2024-06', '--lang', 'en']);
    expect(en.stdout.match(/warming up/g)).toHaveLength(2);
    const known = fixops(['kpis', '--db', base, '--dealer', 'SH001', '--month', '2025-06']);
    expect(known.stdout).not.toContain('数据积累中');
  });

  it('filters by month and by range', () => {
    const one = parseJson<KpiValue[]>(fixops(['kpis', '--db', base, '--month', '2025-06', '--json']).stdout);
    expect(one).toHaveLength(12 * KPI_COUNT);
    const range = parseJson<KpiValue[]>(fixops(['kpis', '--db', base, '--dealer', 'SH001', '--from', '2025-01', '--to', '2025-03', '--json']).stdout);
    expect(new Set(range.map((x) => x.month))).toEqual(new Set(['2025-01', '2025-02', '2025-03']));
  });

  it('prints one row per dealer-month for people', () => {
    const r = fixops(['kpis', '--db', base, '--month', '2025-06']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('预约率');
    expect(r.stdout.split('\n').filter((l) => l.includes('2025-06'))).toHaveLength(12);
  });

  it.each([
    [['kpis', '--month', '2025-13'], /YYYY-MM/],
    [['kpis', '--dealer', 'SH01'], /Unknown dealer "SH01".*SH001/],
    [['kpis', '--month', '2025-01', '--from', '2025-01'], /not both/],
  ])('%j → exit 2 with the valid choices', (args, message) => {
    const r = fixops([...args, '--db', base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('fixops flags', () => {
  it('--json gives dealer, month, kpi, kind, value, reference and a sentence', () => {
    const r = fixops(['flags', '--db', base, '--dealer', 'SZ009', '--month', '2025-06', '--json']);
    expect(r.code).toBe(0);
    const flags = parseJson<Flag[]>(r.stdout);
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) expect(Object.keys(f)).toEqual(expect.arrayContaining(['dealer', 'month', 'kpi', 'kind', 'value', 'reference', 'message']));
    const notTracked = flags.find((f) => f.kpi === 'on_time_rate' && f.kind === 'not_tracked');
    expect(notTracked?.message).toContain('准时交车率');
    const target = flags.find((f) => f.kind === 'target');
    expect(target?.reference).toHaveProperty('target');
  });

  it('filters by kind and speaks English on request', () => {
    const r = fixops(['flags', '--db', base, '--kind', 'trend', '--json', '--lang', 'en']);
    const flags = parseJson<Flag[]>(r.stdout);
    expect(flags.length).toBeGreaterThan(0);
    // a plain sentence; the median and z are in the detail line (issue 17)
    expect(flags.every((f) => f.kind === 'trend' && /its own last 12 months/.test(f.message) && /median .*z = /.test(f.details?.en ?? '') && Math.abs(f.reference?.z ?? 0) >= 3.5)).toBe(true);
  });

  it('refuses an unknown kind', () => {
    const r = fixops(['flags', '--db', base, '--kind', 'weird']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not_tracked, target, trend, peer');
  });
});

describe('fixops benchmark and breakdown', () => {
  it('neutralises formula cells in the benchmark CSV, but writes computed negative gaps as numbers (issue 12.3)', () => {
    const db = copy();
    const metro = parseJson<BenchmarkRow[]>(fixops(['benchmark', '--db', db, '--month', '2025-06', '--kpi', 'booking_rate', '--group', 'metro', '--format', 'json']).stdout);
    const hostile = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\tTab', '\rReturn'];
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const file = join(tempDir(), 'dealers.csv');
    writeFileSync(file, `dealer_code,name\n${metro.map((r, i) => `${r.dealer},${quote(hostile[i]!)}`).join('\n')}\n`);
    expect(fixops(['ingest', '--db', db, '--kind', 'dealers', file]).code).toBe(0);
    const out = fixops(['benchmark', '--db', db, '--month', '2025-06', '--kpi', 'booking_rate', '--group', 'metro', '--format', 'csv']).stdout;
    const [head, ...body] = Papa.parse<string[]>(out.trim(), { skipEmptyLines: true }).data;
    const col = (name: string) => body.map((r) => r[head!.indexOf(name)]!);
    const json = parseJson<(BenchmarkRow & { name: string })[]>(fixops(['benchmark', '--db', db, '--month', '2025-06', '--kpi', 'booking_rate', '--group', 'metro', '--format', 'json']).stdout);
    // ingest trims the tab and CR starts away; the four formula names arrive as written
    expect(json.map((r) => r.name)).toEqual(expect.arrayContaining(hostile.slice(0, 4)));
    expect(col('name')).toEqual(json.map((r) => (/^[=+\-@]/.test(r.name) ? `'${r.name}` : r.name)));
    expect(col('name').filter((n) => n.startsWith("'"))).toHaveLength(4);
    const gaps = json.map((r) => r.gapToMedian);
    expect(gaps.some((g) => g !== null && g < 0)).toBe(true);
    expect(col('gapToMedian')).toEqual(gaps.map((g) => (g === null ? '' : String(g))));
  });

  it('ranks a peer group in every format', () => {
    const json = parseJson<(BenchmarkRow & { rank: number })[]>(fixops(['benchmark', '--db', base, '--month', '2025-06', '--kpi', 'booking_rate', '--group', 'metro', '--format', 'json']).stdout);
    expect(json).toHaveLength(6);
    expect(json[0]).toMatchObject({ group: 'metro', groupSize: 6, rank: 1, percentile: 100 });
    expect(json.map((r) => r.rank)).toEqual([...json.map((r) => r.rank)].sort((a, b) => a - b));
    const csv = fixops(['benchmark', '--db', base, '--month', '2025-06', '--kpi', 'booking_rate', '--group', 'metro', '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toBe('group,groupSize,dealer,name,value,rank,percentile,p25,median,p75,gapToMedian,gapToTopQuartile');
    expect(csv).toHaveLength(7);
    const md = fixops(['benchmark', '--db', base, '--month', '2025-06', '--kpi', 'booking_rate', '--format', 'md']).stdout;
    expect(md.split('\n')[1]).toMatch(/^\| --- \|/);
    expect(md).toContain('city');
  });

  it.each([
    [['benchmark', '--month', '2025-06', '--kpi', 'bookng_rate'], /Closest: booking_rate/],
    [['benchmark', '--month', '2025-06', '--kpi', 'booking_rate', '--group', 'rural'], /Unknown peer group "rural". Valid: city, metro/],
    [['benchmark', '--kpi', 'booking_rate'], /--month/],
  ])('%j → exit 2', (args, message) => {
    const r = fixops([...args, '--db', base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('breaks a dealer-month down by repair type and by advisor', () => {
    const mix = parseJson<RepairTypeRow[]>(fixops(['breakdown', '--db', base, '--dealer', 'SH001', '--month', '2025-06', '--json']).stdout);
    expect(mix.map((r) => r.repairType)).toEqual(['maintenance', 'general', 'accident', 'warranty', 'recall', 'rework', 'internal', 'unclassified']);
    const kpis = parseJson<KpiValue[]>(fixops(['kpis', '--db', base, '--dealer', 'SH001', '--month', '2025-06', '--json']).stdout);
    const roCount = kpis.find((k) => k.kpi === 'ro_count')?.value;
    expect(mix.filter((r) => r.repairType !== 'internal').reduce((s, r) => s + r.roCount, 0)).toBe(roCount);
    const advisors = parseJson<AdvisorRow[]>(fixops(['breakdown', '--db', base, '--dealer', 'SH001', '--month', '2025-06', '--by', 'advisor', '--json']).stdout);
    expect(advisors.reduce((s, r) => s + r.ro_count, 0)).toBe(roCount);
  });
});

describe('fixops settings', () => {
  it('lists, changes (recomputing flags), refuses bad values and resets', () => {
    const db = copy();
    const list = parseJson<{ key: string; value: number; default: number }[]>(fixops(['settings', '--db', db, '--json']).stdout);
    expect(list.find((s) => s.key === 'target.booking_rate')).toMatchObject({ value: 0.3, default: 0.3 });
    const count = () => parseJson<Flag[]>(fixops(['flags', '--db', db, '--kind', 'target', '--kpi', 'booking_rate', '--json']).stdout).length;
    const before = count();
    const set = fixops(['settings', '--db', db, 'set', 'target.booking_rate', '0.05']);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('recomputed');
    expect(count()).toBeLessThan(before);
    const bad = fixops(['settings', '--db', db, 'set', 'target.booking_rate', '2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('from 0 to 1');
    const unknown = fixops(['settings', '--db', db, 'set', 'target.bookng', '0.2']);
    expect(unknown.code).toBe(2);
    expect(fixops(['settings', '--db', db, 'reset', 'target.booking_rate']).code).toBe(0);
    expect(count()).toBe(before);
  });

  it('a load refreshes the KPIs of the months it touches', () => {
    const db = copy();
    const dir = tempDir();
    const path = join(dir, 'fix.csv');
    const rows = Array.from({ length: 10 }, (_, i) => `SH001,NEW${i},LNEW${i},2025-06-0${1 + (i % 9)} 09:00,保养,100,NEW-B${i}`);
    writeFileSync(path, `经销商代码,工单号,VIN,进厂时间,维修类型,总金额,预约单号\n${rows.join('\n')}\n`);
    // 10 rows replace a demo month of hundreds: held unless confirmed
    expect(fixops(['ingest', '--db', db, path]).code).toBe(1);
    expect(fixops(['ingest', '--db', db, '--confirm', path]).code).toBe(0);
    const kpis = parseJson<KpiValue[]>(fixops(['kpis', '--db', db, '--dealer', 'SH001', '--month', '2025-06', '--json']).stdout);
    const v = (k: string) => kpis.find((x) => x.kpi === k)?.value;
    expect(v('ro_count')).toBe(10);
    expect(v('booking_rate')).toBe(1);
    expect(v('on_time_rate')).toBeNull();
  });
});
