// The per-month groups kept between recomputes (groups.ts): a full recompute uses them only
// while they are what the rows give today, and rebuilds from the rows what it cannot trust.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportParquet, queryJson, transaction, type Database } from '@fixops/db';
import { demoDatabase, snapshot, tempDir } from '../test-helpers/network.js';
import { storeSetting } from '../settings.js';
import { recomputeAfterSetting, recomputeAll } from './recompute.js';
import { forgetGroups } from './groups.js';

let db: Database;
beforeAll(async () => {
  ({ db } = await demoDatabase({ dealers: 6, months: 14 }));
});
afterAll(() => db.close());

const full = () => transaction(db.connection, () => recomputeAll(db.connection));

/** Values and flags of a full recompute that reads every row (no kept group trusted). */
async function fromTheRows(): Promise<Awaited<ReturnType<typeof snapshot>>> {
  await transaction(db.connection, () => forgetGroups(db.connection));
  const stats = await full();
  expect(stats.groupsRebuilt.sort()).toEqual(['accident_repairs', 'bookings', 'repair_orders']);
  return snapshot(db);
}

describe('kept per-month groups', () => {
  it('a full recompute builds them once, then adds them up without reading the rows again', async () => {
    const rows = await fromTheRows();
    const again = await full();
    expect(again.groupsRebuilt).toEqual([]);
    expect(await snapshot(db)).toEqual(rows);
    const n = await queryJson<{ n: number }>(db.connection, 'SELECT count(*)::INTEGER AS n FROM kpi_groups_repair_orders');
    expect(n[0]!.n).toBeGreaterThan(0);
  });

  it('rows stored behind the engine\'s back are noticed, and that table is rebuilt from its rows', async () => {
    await db.connection.run(`INSERT INTO repair_orders SELECT * REPLACE (ro_no || '-X' AS ro_no, 987654 AS load_id, total_amount * 3 AS total_amount)
      FROM repair_orders WHERE dealer_code = 'SH001' AND month = DATE '2025-03-01'`);
    const stats = await full();
    expect(stats.groupsRebuilt).toEqual(['repair_orders']);
    const kept = await snapshot(db);
    expect(kept).toEqual(await fromTheRows());
  });

  it('rows removed behind the engine\'s back are noticed too', async () => {
    await db.connection.run("DELETE FROM accident_repairs WHERE dealer_code = (SELECT min(dealer_code) FROM accident_repairs)");
    const stats = await full();
    expect(stats.groupsRebuilt).toEqual(['accident_repairs']);
    expect(await snapshot(db)).toEqual(await fromTheRows());
  });

  it('a threshold change rebuilds only the tables whose groups use it', async () => {
    const major = await transaction(db.connection, async () => {
      await storeSetting(db.connection, 'majorAccidentAmount', 4000);
      return recomputeAfterSetting(db.connection, 'majorAccidentAmount');
    });
    expect(major.groupsRebuilt.sort()).toEqual(['accident_repairs', 'repair_orders']);
    const cost = await transaction(db.connection, async () => {
      await storeSetting(db.connection, 'costEstimateTolerance', 0.2);
      return recomputeAfterSetting(db.connection, 'costEstimateTolerance');
    });
    expect(cost.groupsRebuilt).toEqual(['repair_orders']);
    // a target is not read by any group
    const target = await transaction(db.connection, async () => {
      await storeSetting(db.connection, 'target.on_time_rate', 0.9);
      return recomputeAfterSetting(db.connection, 'target.on_time_rate');
    });
    expect(target.groupsRebuilt).toEqual([]);
    expect((await full()).groupsRebuilt).toEqual([]);
    const kept = await snapshot(db);
    expect(kept).toEqual(await fromTheRows());
  });

  it('a Parquet export leaves them out (they are derived: the next full recompute rebuilds them)', async () => {
    const dir = tempDir();
    await exportParquet(db.connection, join(dir, 'export'));
    const names = readdirSync(join(dir, 'export'));
    expect(names.some((n) => n.startsWith('repair_orders'))).toBe(true);
    expect(names.filter((n) => n.startsWith('kpi_groups'))).toEqual([]);
  });
});
