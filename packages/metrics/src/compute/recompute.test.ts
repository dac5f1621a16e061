// Incremental = full: after every kind of load, the values and flags kept fresh load by load
// are exactly those of a recompute from scratch.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryJson, transaction, type Database } from '@fixops/db';
import { undoLoad } from '@fixops/ingest';
import { demoDatabase, loadFile, snapshot } from '../test-helpers/network.js';
import { recomputeAfterLoad, recomputeAll } from './recompute.js';
import { intervalChunks, rebuildVisitIntervals, updateVisitIntervals } from './intervals.js';
import { forgetGroups } from './groups.js';
import { KPI_TABLES } from '../catalogue/columns.js';

let db: Database;
let dir: string;

beforeAll(async () => {
  ({ db, dir } = await demoDatabase({ dealers: 8, months: 18 }));
});
afterAll(() => db.close());

const intervals = async () => [
  ...await queryJson(db.connection, 'SELECT dealer_code, vin, mi, next_mi FROM visit_intervals ORDER BY ALL'),
  ...await queryJson(db.connection, 'SELECT dealer_code, mi, delta, churned FROM visit_month_counts ORDER BY ALL'),
];

async function expectIncrementalEqualsFull(): Promise<void> {
  // the visit intervals and their per-month counts kept load by load are those derived from
  // scratch from the stored events
  const kept = await intervals();
  expect(kept.length).toBeGreaterThan(0);
  await transaction(db.connection, () => rebuildVisitIntervals(db.connection));
  expect(kept).toEqual(await intervals());
  const incremental = await snapshot(db);
  expect(incremental.values.length).toBeGreaterThan(0);
  // the per-month groups kept load by load are those a full recompute builds from the rows
  const keptGroups = await groups();
  await transaction(db.connection, () => forgetGroups(db.connection));
  const stats = await transaction(db.connection, () => recomputeAll(db.connection));
  expect(stats.groupsRebuilt.sort()).toEqual([...KPI_TABLES].sort());
  expect(keptGroups).toEqual(await groups());
  const full = await snapshot(db);
  expect(incremental.values).toEqual(full.values);
  expect(incremental.flags).toEqual(full.flags);
}

const groups = async () => Object.fromEntries(await Promise.all(KPI_TABLES.map(async (t) =>
  [t, await queryJson(db.connection, `SELECT * FROM kpi_groups_${t} ORDER BY ALL`)] as const)));

describe('incremental recompute = full recompute', () => {
  it('after loading a whole network file by file', async () => {
    await expectIncrementalEqualsFull();
  });

  it('after a corrected export replaces one dealer-month', async () => {
    const path = join(dir, 'fix.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `SH001,FIX${i},LFIX${i % 7},2025-03-${String(1 + (i % 27)).padStart(2, '0')} 09:00,${i % 3 ? '保养' : '钣喷'},${500 + i * 10},2025-03-01 12:00,2025-03-01 11:00,王伟,${i % 2 ? 'B1' : ''}`);
    writeFileSync(path, `经销商代码,工单号,VIN,进厂时间,维修类型,总金额,预计交车时间,实际交车时间,服务顾问,预约单号\n${rows.join('\n')}\n`);
    expect((await loadFile(db, path)).status).toBe('loaded');
    await expectIncrementalEqualsFull();
  });

  it('after a customers snapshot adds old visit events', async () => {
    const path = join(dir, 'cust.csv');
    const rows = Array.from({ length: 40 }, (_, i) => `BJ002,LOLD${i},2024-0${1 + (i % 9)}-15`);
    writeFileSync(path, `经销商代码,VIN,最近进厂时间\n${rows.join('\n')}\n`);
    expect((await loadFile(db, path)).status).toBe('loaded');
    await expectIncrementalEqualsFull();
  });

  it('after a load of several dealers, its visit intervals updated in chunks of dealers (a small memory budget)', async () => {
    const dealers = ['SH001', 'BJ002', 'GZ003', 'SU004'];
    const budget = Number((await queryJson<{ n: number }>(db.connection, "SELECT count(*)::INTEGER AS n FROM repair_orders WHERE dealer_code IN ('SH001', 'BJ002')"))[0]!.n);
    const chunks = await intervalChunks(db.connection, dealers, budget);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(dealers);
    // the memory budget gives one chunk per ~125k stored rows at 64MB, all of these at the default
    expect(await intervalChunks(db.connection, dealers)).toEqual([dealers]);
    const path = join(dir, 'several.csv');
    const rows = dealers.flatMap((d, k) => Array.from({ length: 12 }, (_, i) => `${d},MC${k}-${i},LMC${k}${i % 5},2025-04-${String(1 + i).padStart(2, '0')} 09:00,保养,${300 + i}`));
    writeFileSync(path, `经销商代码,工单号,VIN,进厂时间,维修类型,总金额\n${rows.join('\n')}\n`);
    expect((await loadFile(db, path)).status).toBe('loaded');
    // the same months again, chunk by chunk: the rows stay those derived from scratch
    const pairs = dealers.map((dealer) => ({ dealer, month: '2025-04' }));
    await transaction(db.connection, () => updateVisitIntervals(db.connection, pairs, budget));
    await expectIncrementalEqualsFull();
  });

  it('after bookings open a month that had no data', async () => {
    const path = join(dir, 'bk.csv');
    writeFileSync(path, '经销商代码,预约单号,预约时间,预约状态\nGZ003,NB1,2026-02-03 10:00,已到店\nGZ003,NB2,2026-02-04 10:00,爽约\n');
    expect((await loadFile(db, path)).status).toBe('loaded');
    await expectIncrementalEqualsFull();
  });

  // History coverage (warming up): a load can move the month a dealer's customer windows are
  // known from far away from the months it touched; the demo runs 2024-07 .. 2025-12.
  const knownFrom = async (dealer: string) => (await queryJson<{ m: string | null }>(db.connection,
    "SELECT strftime(known_from, '%Y-%m') AS m FROM kpi_coverage WHERE dealer_code = $d", { d: dealer }))[0]?.m ?? null;
  const loadIds: number[] = [];

  it('after repair orders of an earlier month move first(d) back', async () => {
    expect(await knownFrom('SH001')).toBe('2025-06');
    const path = join(dir, 'early.csv');
    writeFileSync(path, '经销商代码,工单号,VIN,进厂时间,维修类型,总金额\nSH001,E1,LEARLY1,2023-05-10 09:00,保养,300\nSH001,E2,LEARLY2,2023-05-11 09:00,内部,100\n');
    const s = await loadFile(db, path);
    expect(s.status).toBe('loaded');
    loadIds.push(s.loadId!);
    expect(await knownFrom('SH001')).toBe('2024-04');
    await expectIncrementalEqualsFull();
  });

  it('after a customers snapshot whose as_of + 1 reaches first(d)', async () => {
    expect(await knownFrom('GZ003')).toBe('2025-06');
    const path = join(dir, 'old-cust.csv');
    // the file's latest visit is 2024-06 (as_of), one month before GZ003's first month
    writeFileSync(path, '经销商代码,VIN,最近进厂时间\nGZ003,LSNAP1,2023-11-15\nGZ003,LSNAP2,2024-06-20\n');
    const s = await loadFile(db, path);
    expect(s.status).toBe('loaded');
    loadIds.push(s.loadId!);
    expect(await knownFrom('GZ003')).toBe('2024-06');
    await expectIncrementalEqualsFull();
  });

  it('after a snapshot too old to help (as_of + 1 < first(d)): nothing moves', async () => {
    const dealer = 'SU004';
    const before = await knownFrom(dealer);
    const path = join(dir, 'older-cust.csv');
    writeFileSync(path, `经销商代码,VIN,最近进厂时间\n${dealer},LOLDER1,2024-05-15\n`);
    const s = await loadFile(db, path);
    expect(s.status).toBe('loaded');
    loadIds.push(s.loadId!);
    expect(await knownFrom(dealer)).toBe(before);
    await expectIncrementalEqualsFull();
  });

  it('after undoing those loads, statuses come back', async () => {
    for (const id of loadIds.reverse()) {
      const r = await undoLoad(db.connection, id, { afterUndo: (c, change) => recomputeAfterLoad(c, change).then(() => undefined) });
      expect(r.ok).toBe(true);
      await expectIncrementalEqualsFull();
    }
    expect(await knownFrom('SH001')).toBe('2025-06');
    expect(await knownFrom('GZ003')).toBe('2025-06');
  });

  it('after dealer master data moves a dealer to another peer group', async () => {
    const path = join(dir, 'dealers.csv');
    writeFileSync(path, '经销商代码,分组\nSH001,city\n');
    expect((await loadFile(db, path)).status).toBe('loaded');
    await expectIncrementalEqualsFull();
  });
});
