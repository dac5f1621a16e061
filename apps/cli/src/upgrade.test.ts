// A database made by an older version (schema v1, before the KPI engine) opens, upgrades
// itself and gets its KPIs computed in full, keeping every row it had.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { migrate, migrations } from '@fixops/db';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

describe('upgrading an older database', () => {
  it('migrates, recomputes and keeps the data', async () => {
    const dir = tempDir();
    const db = join(dir, 'old.duckdb');
    const csv = join(dir, 'ro.csv');
    writeFileSync(csv, `经销商代码,工单号,VIN,进厂时间,维修类型,总金额,预约单号\n${Array.from({ length: 8 }, (_, i) => `SH001,R${i},V${i},2025-03-0${1 + i} 09:00,保养,100,${i % 2 ? 'B' : ''}`).join('\n')}\n`);
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    expect(await migrate(c, migrations.filter((m) => m.version === 1))).toEqual([1]);
    // the rows and load-log entry a v1-era `fixops ingest` of ro.csv stored (today's ingest also writes v5's tables)
    await c.run(`
      INSERT INTO dealers (dealer_code) VALUES ('SH001');
      INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, repair_type_raw, total_amount, booking_no, load_id)
        SELECT 'SH001', DATE '2025-03-01', 'R' || i, 'V' || i, TIMESTAMP '2025-03-01 09:00' + INTERVAL (i) DAY, 'maintenance', '保养', 100, CASE WHEN i % 2 = 1 THEN 'B' END, 1 FROM range(8) t(i);
      INSERT INTO loads (id, file_name, kind, status, dealers, months, rows_loaded, rows_rejected, rows_skipped, rows_duplicate, started_at, ms)
        VALUES (nextval('load_id_seq'), 'ro.csv', 'repair_orders', 'loaded', ['SH001'], ['2025-03'], 8, 0, 0, 0, TIMESTAMP '2025-04-01 10:00', 5);`);
    c.closeSync();
    instance.closeSync();

    const r = fixops(['kpis', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const kpis = JSON.parse(r.stdout) as { kpi: string; value: number | null }[];
    expect(kpis).toHaveLength(20);
    expect(kpis.find((k) => k.kpi === 'ro_count')!.value).toBe(8);
    expect(kpis.find((k) => k.kpi === 'booking_rate')!.value).toBe(0.5);
    expect(JSON.parse(fixops(['loads', '--db', db, '--json']).stdout)).toHaveLength(1);
  });
});
