// Incremental = full: after every kind of load, the values and flags kept fresh load by load
// are exactly those of a recompute from scratch.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction, type Database } from '@fixops/db';
import { demoDatabase, loadFile, snapshot } from '../test-helpers/network.js';
import { recomputeAll } from './recompute.js';

let db: Database;
let dir: string;

beforeAll(async () => {
  ({ db, dir } = await demoDatabase({ dealers: 8, months: 18 }));
});
afterAll(() => db.close());

async function expectIncrementalEqualsFull(): Promise<void> {
  const incremental = await snapshot(db);
  expect(incremental.values.length).toBeGreaterThan(0);
  await transaction(db.connection, () => recomputeAll(db.connection));
  const full = await snapshot(db);
  expect(incremental.values).toEqual(full.values);
  expect(incremental.flags).toEqual(full.flags);
}

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

  it('after bookings open a month that had no data', async () => {
    const path = join(dir, 'bk.csv');
    writeFileSync(path, '经销商代码,预约单号,预约时间,预约状态\nGZ003,NB1,2026-02-03 10:00,已到店\nGZ003,NB2,2026-02-04 10:00,爽约\n');
    expect((await loadFile(db, path)).status).toBe('loaded');
    await expectIncrementalEqualsFull();
  });

  it('after dealer master data moves a dealer to another peer group', async () => {
    const path = join(dir, 'dealers.csv');
    writeFileSync(path, '经销商代码,分组\nSH001,city\n');
    expect((await loadFile(db, path)).status).toBe('loaded');
    await expectIncrementalEqualsFull();
  });
});
