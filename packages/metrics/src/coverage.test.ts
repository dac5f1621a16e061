import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryJson, type Database } from '@fixops/db';
import { ingestFile } from '@fixops/ingest';
import { COVERAGE_KINDS, isOverdueCell, readCoverage } from './coverage.js';
import { parseSetting, storeSetting } from './settings.js';
import { demoDatabase } from './test-helpers/network.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const RO = ['经销商代码', '工单号', 'VIN', '进厂时间', '维修类型', '总金额'];
const BK = ['经销商代码', '预约单号', '预约时间', '预约状态'];
const AR = ['经销商代码', '工单号', '进厂时间', '维修金额'];
const file = (dir: string, name: string, rows: string[][]) => {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => r.join(',')).join('\r\n'));
  return path;
};
const ros = (dealer: string, month: string, n: number) => Array.from({ length: n }, (_, i) => [dealer, `${dealer}-${month}-${i}`, `lsv${i}`, `${month}-0${i + 1} 09:00`, '保养', '500']);

/** Three dealers, three months, with holes: what the loads below leave, cell by cell. */
async function holes(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'fixops-coverage-'));
  dirs.push(dir);
  const db = await openDatabase(join(dir, 'holes.duckdb'));
  const loads = [
    file(dir, 'sh001-ro.csv', [RO, ...ros('SH001', '2025-01', 3), ...ros('SH001', '2025-02', 2)]),
    file(dir, 'sh001-bk.csv', [BK, ['SH001', 'B1', '2025-01-07 10:00', '已到店']]),
    file(dir, 'sh002-ro.csv', [RO, ...ros('SH002', '2025-01', 1)]),
    file(dir, 'sh002-ar.csv', [AR, ['SH002', 'A1', '2025-03-02 10:00', '12000'], ['SH002', 'A2', '2025-03-03 10:00', '800']]),
    file(dir, 'sz009-bk.csv', [BK, ['SZ009', 'B1', '2025-02-07 10:00', '已到店'], ['SZ009', 'B2', '2025-02-08 10:00', '爽约']]),
  ];
  for (const f of loads) expect((await ingestFile(db.connection, f)).status).toBe('loaded');
  return db;
}

describe('coverage of a network with holes', () => {
  it('is exactly what was loaded, null where nothing was', async () => {
    const db = await holes();
    const cov = await readCoverage(db.connection, { from: '2025-01', to: '2025-03', today: new Date('2025-03-05T12:00:00Z') });
    const line = (dealer: string, month: string, ro: number | null, bk: number | null, ar: number | null) => [
      { dealer, month, kind: 'repair_orders', rows: ro }, { dealer, month, kind: 'bookings', rows: bk }, { dealer, month, kind: 'accident_repairs', rows: ar },
    ];
    expect(cov.cells).toEqual([
      ...line('SH001', '2025-01', 3, 1, null), ...line('SH001', '2025-02', 2, null, null), ...line('SH001', '2025-03', null, null, null),
      ...line('SH002', '2025-01', 1, null, null), ...line('SH002', '2025-02', null, null, null), ...line('SH002', '2025-03', null, null, 2),
      ...line('SZ009', '2025-01', null, null, null), ...line('SZ009', '2025-02', null, 2, null), ...line('SZ009', '2025-03', null, null, null),
    ]);
    expect(cov.dealers.map((d) => d.code)).toEqual(['SH001', 'SH002', 'SZ009']);
    // one dealer only
    const own = await readCoverage(db.connection, { from: '2025-02', to: '2025-02', dealer: 'SZ009', today: new Date('2025-03-05') });
    expect(own.cells).toEqual(line('SZ009', '2025-02', null, 2, null));
    // default range: the 12 months up to the latest with data
    const def = await readCoverage(db.connection, { today: new Date('2025-03-05') });
    expect([def.from, def.to]).toEqual(['2024-04', '2025-03']);
    expect(def.cells).toHaveLength(3 * 12 * 3);
    db.close();
  });

  it('marks a dealer overdue when last month\'s repair orders are missing after the due day', async () => {
    const db = await holes();
    const on = (day: string) => readCoverage(db.connection, { from: '2025-01', to: '2025-03', today: new Date(`${day}T08:00:00Z`) });
    expect(await on('2025-03-10')).toMatchObject({ dueDay: 10, dueMonth: '2025-02', pastDue: false, overdue: [] });
    const late = await on('2025-03-11');
    expect(late).toMatchObject({ dueMonth: '2025-02', pastDue: true, overdue: ['SH002', 'SZ009'] });
    expect(late.cells.filter((c) => isOverdueCell(late, c))).toEqual([
      { dealer: 'SH002', month: '2025-02', kind: 'repair_orders', rows: null },
      { dealer: 'SZ009', month: '2025-02', kind: 'repair_orders', rows: null },
    ]);
    // in April, March is due: nobody sent March repair orders
    expect((await on('2025-04-11')).overdue).toEqual(['SH001', 'SH002', 'SZ009']);
    // in February, January is due: SH001 and SH002 sent it
    expect((await on('2025-02-28')).overdue).toEqual(['SZ009']);
    await storeSetting(db.connection, 'uploadDueDay', 12);
    expect(await on('2025-03-11')).toMatchObject({ dueDay: 12, pastDue: false, overdue: [] });
    expect((await on('2025-03-13')).overdue).toEqual(['SH002', 'SZ009']);
    db.close();
  });

  it('uploadDueDay is a whole day from 1 to 28', () => {
    expect(parseSetting('uploadDueDay', '28')).toEqual({ ok: true, value: { key: 'uploadDueDay', value: 28 } });
    expect(parseSetting('uploadDueDay', '1').ok).toBe(true);
    for (const bad of ['0', '29', '10.5', '']) expect(parseSetting('uploadDueDay', bad).ok).toBe(false);
  });
});

describe('coverage of the demo network', () => {
  it('equals what the load log says was loaded', async () => {
    const { db, dir } = await demoDatabase({ dealers: 3, months: 4, rosPerMonth: 20 });
    dirs.push(dir);
    const cov = await readCoverage(db.connection, { from: '2025-07', to: '2026-01', today: new Date('2026-01-05') });
    // Independently: each loaded monthly file, counted from its log entry (the demo never reloads a dealer-month-kind).
    const loads = await queryJson<{ kind: string; dealers: string[]; months: string[]; rows: number }>(db.connection,
      `SELECT kind, dealers, months, rows_loaded::INTEGER AS rows FROM loads WHERE status = 'loaded' AND kind IN ('repair_orders', 'bookings', 'accident_repairs')`);
    expect(loads.length).toBeGreaterThan(0);
    const loadedCells = new Map<string, { months: string[]; rows: number }>();
    for (const l of loads) {
      expect(l.dealers).toHaveLength(1);
      loadedCells.set(`${l.dealers[0]}|${l.kind}`, { months: l.months, rows: (loadedCells.get(`${l.dealers[0]}|${l.kind}`)?.rows ?? 0) + l.rows });
    }
    const dealers = [...new Set(loads.map((l) => l.dealers[0]!))].sort();
    expect(cov.dealers.map((d) => d.code)).toEqual(dealers);
    expect(cov.cells).toHaveLength(dealers.length * 7 * 3);
    for (const d of dealers) {
      for (const kind of COVERAGE_KINDS) {
        const loaded = loadedCells.get(`${d}|${kind}`);
        const mine = cov.cells.filter((c) => c.dealer === d && c.kind === kind);
        // months the demo covers (2025-09..2025-12) hold rows adding up to the load; the others are null
        const sum = mine.reduce((s, c) => s + (c.rows ?? 0), 0);
        expect(sum).toBe(loaded?.rows ?? 0);
        for (const c of mine) expect(c.rows === null).toBe(!(loaded?.months ?? []).includes(c.month));
        for (const c of mine) if (c.rows !== null) expect(c.rows).toBeGreaterThan(0);
      }
    }
    // every demo dealer sent December's repair orders: nobody is overdue in January after the due day
    expect((await readCoverage(db.connection, { today: new Date('2026-01-20') })).overdue).toEqual([]);
    expect((await readCoverage(db.connection, { today: new Date('2026-02-20') })).overdue).toEqual(dealers);
    db.close();
  }, 120_000);
});
