// A small real network for the effect tests: dealers in peer groups, 100 repair orders per
// dealer-month of which a chosen share came with a booking, and the real KPI engine's
// recompute over them — so booking_rate is exactly the share given here.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '@fixops/db';
import { recomputeAll } from '@fixops/metrics';

export interface NetworkDealer {
  code: string;
  group: string;
  /** booking rate by month (YYYY-MM), in hundredths */
  booking: Record<string, number>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'fixops-actions-'));
}

export async function bookingNetwork(dealers: readonly NetworkDealer[], dir: string = tempDir()): Promise<Database> {
  const db = await openDatabase(join(dir, 'actions.duckdb'));
  const c = db.connection;
  for (const d of dealers) {
    await c.run('INSERT INTO dealers (dealer_code, name, region, peer_group) VALUES ($code, $code, \'华东\', $group)', { code: d.code, group: d.group });
    for (const [month, rate] of Object.entries(d.booking)) {
      await c.run(`INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, total_amount, booking_no, load_id)
        SELECT $code, strptime($month, '%Y-%m')::DATE, 'RO' || i, 'VIN' || i, strptime($month, '%Y-%m') + INTERVAL 1 DAY, 'maintenance', 500,
          CASE WHEN i <= $booked THEN 'B' || i ELSE NULL END, 1 FROM range(1, 101) t(i)`,
      { code: d.code, month, booked: Math.round(rate * 100) });
    }
  }
  await recomputeAll(c);
  return db;
}
