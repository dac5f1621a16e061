// `fixops coverage`, `fixops audit` and the filtered, paged `fixops loads`, through the built
// binary on real DuckDB files.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadRecord } from '@fixops/ingest';
import { cleanup, fixops, parseJson, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

const RO = '经销商代码,工单号,VIN,进厂时间,维修类型,总金额';
const BK = '经销商代码,预约单号,预约时间,预约状态';
const ros = (dealer: string, month: string, n: number) => Array.from({ length: n }, (_, i) => `${dealer},${dealer}${month}R${i},lsv${i},${month}-0${1 + i} 10:00,保养,100`);

/** SH001 sends January and February repair orders, SH002 January's and February bookings; a refused file for SZ009. */
function network() {
  const dir = tempDir();
  const db = join(dir, 'c.duckdb');
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  const loaded = fixops(['ingest', '--db', db,
    file('a.csv', [RO, ...ros('SH001', '2025-01', 2), ...ros('SH001', '2025-02', 3)]),
    file('b.csv', [RO, ...ros('SH002', '2025-01', 1)]),
    file('c.csv', [BK, 'SH002,B1,2025-02-03 10:00,已到店'])]);
  expect(loaded.code).toBe(0);
  const refused = fixops(['ingest', '--db', db, file('bad.csv', [RO, ...ros('SZ009', '2025-02', 4), 'SZ009,X1,lsv,soon,保养,1'])]);
  expect(refused.code).toBe(1);
  return { dir, db };
}

describe('fixops coverage', () => {
  it('--json: every dealer × month × kind, rows or null, exactly what was loaded', () => {
    const { db } = network();
    const r = fixops(['coverage', '--db', db, '--from', '2025-01', '--to', '2025-02', '--json']);
    expect(r.code).toBe(0);
    const cell = (dealer: string, month: string, kind: string, rows: number | null) => ({ dealer, month, kind, rows });
    expect(JSON.parse(r.stdout)).toEqual([
      cell('SH001', '2025-01', 'repair_orders', 2), cell('SH001', '2025-01', 'bookings', null), cell('SH001', '2025-01', 'accident_repairs', null),
      cell('SH001', '2025-02', 'repair_orders', 3), cell('SH001', '2025-02', 'bookings', null), cell('SH001', '2025-02', 'accident_repairs', null),
      cell('SH002', '2025-01', 'repair_orders', 1), cell('SH002', '2025-01', 'bookings', null), cell('SH002', '2025-01', 'accident_repairs', null),
      cell('SH002', '2025-02', 'repair_orders', null), cell('SH002', '2025-02', 'bookings', 1), cell('SH002', '2025-02', 'accident_repairs', null),
    ]);
    // default: the 12 months up to the latest with data
    expect(JSON.parse(fixops(['coverage', '--db', db, '--json']).stdout)).toHaveLength(2 * 12 * 3);
  });

  it('prints a table marking the overdue cells, judged on --today', () => {
    const { db } = network();
    const late = fixops(['coverage', '--db', db, '--from', '2025-01', '--to', '2025-02', '--today', '2025-03-11']);
    expect(late.code).toBe(0);
    expect(late.stdout).toContain('逾期 OVERDUE');
    expect(late.stdout).toMatch(/逾期 Overdue .*: SH002\n/);
    const early = fixops(['coverage', '--db', db, '--from', '2025-01', '--to', '2025-02', '--today', '2025-03-10']);
    expect(early.stdout).not.toContain('逾期 OVERDUE');
    expect(early.stdout).toContain('没有逾期 Nobody overdue');
    expect(fixops(['settings', 'set', 'uploadDueDay', '29', '--db', db]).code).toBe(2);
    expect(fixops(['coverage', '--db', db, '--from', '2025-03', '--to', '2025-01']).code).toBe(2);
    expect(fixops(['coverage', '--db', db, '--dealer', 'NOPE']).code).toBe(2);
  });
});

describe('fixops audit', () => {
  it('lists every write from the command line with who and what, filtered', () => {
    const { db } = network();
    const env = { FIXOPS_USER: 'ops' };
    expect(fixops(['settings', 'set', 'uploadDueDay', '12', '--db', db], env).code).toBe(0);
    expect(fixops(['users', 'add', 'li', '--role', 'consultant', '--db', db], env).code).toBe(0);
    expect(fixops(['tokens', 'create', 'li', '--db', db], env).code).toBe(0);
    expect(fixops(['tokens', 'revoke', '1', '--db', db], env).code).toBe(0);
    expect(fixops(['users', 'disable', 'li', '--db', db], env).code).toBe(0);
    const r = fixops(['audit', '--db', db, '--user', 'ops', '--json']);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as { user: string; via: string; action: string; target: string; detail: Record<string, unknown> }[];
    expect(entries.map((e) => [e.action, e.target])).toEqual([
      ['user.disable', 'li'], ['token.revoke', '1'], ['token.create', '1'], ['user.add', 'li'], ['setting.set', 'uploadDueDay'],
    ]);
    expect(entries.every((e) => e.user === 'ops' && e.via === 'cli')).toBe(true);
    expect(entries[4]!.detail).toEqual({ key: 'uploadDueDay', old: 10, new: 12 });
    expect(entries[3]!.detail).toMatchObject({ role: 'consultant' });
    const loads = JSON.parse(fixops(['audit', '--db', db, '--action', 'load', '--json']).stdout) as typeof entries;
    expect(loads.map((e) => [e.detail.file, e.detail.status])).toEqual([
      [expect.stringContaining('bad.csv'), 'refused'], [expect.stringContaining('c.csv'), 'loaded'], [expect.stringContaining('b.csv'), 'loaded'], [expect.stringContaining('a.csv'), 'loaded'],
    ]);
    const table = fixops(['audit', '--db', db, '--limit', '2']);
    expect(table.stdout).toContain('user.disable');
    expect(table.stdout).toContain('1–2 / 9');
    expect(JSON.parse(fixops(['audit', '--db', db, '--since', '2999-01-01', '--json']).stdout)).toEqual([]);
    expect(fixops(['audit', '--db', db, '--since', 'yesterday']).code).toBe(2);
    expect(fixops(['audit', '--db', db, '--since', '2025-02-30']).code).toBe(2);
  });
});

describe('fixops loads with filters and pages', () => {
  it('filters by dealer, kind, status, month and user; a refused load shows its dealer and months', () => {
    const { db } = network();
    const list = (...args: string[]) => (JSON.parse(fixops(['loads', '--db', db, '--json', ...args]).stdout) as { file: string; status: string; dealers: string[]; months: string[] }[])
      .map((l) => l.file.split('/').at(-1));
    expect(list()).toEqual(['bad.csv', 'c.csv', 'b.csv', 'a.csv']);
    expect(list('--dealer', 'SH002')).toEqual(['c.csv', 'b.csv']);
    expect(list('--kind', 'bookings')).toEqual(['c.csv']);
    expect(list('--month', '2025-01')).toEqual(['b.csv', 'a.csv']);
    expect(list('--status', 'refused')).toEqual(['bad.csv']);
    expect(list('--user', 'nobody')).toEqual([]);
    expect(list('--limit', '2', '--page', '2')).toEqual(['b.csv', 'a.csv']);
    expect(list('--limit', '1', '--offset', '1')).toEqual(['c.csv']);
    const refused = parseJson<LoadRecord[]>(fixops(['loads', '--db', db, '--json', '--status', 'refused']).stdout)[0];
    expect(refused).toMatchObject({ status: 'refused', dealers: ['SZ009'], months: ['2025-02'] });
    const table = fixops(['loads', '--db', db, '--limit', '2']);
    expect(table.stdout).toContain('SZ009');
    expect(table.stdout).toContain('1–2 / 4');
    expect(fixops(['loads', '--db', db, '--page', '0']).code).toBe(2);
    expect(fixops(['loads', '--db', db, '--month', '2025-13']).code).toBe(2);
  });
});
