// A database made by an older version (schema v1, before the KPI engine) opens, upgrades
// itself and gets its KPIs computed in full, keeping every row it had.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { migrate, migrations } from '@fixops/db';
import { ingestFile } from '@fixops/ingest';
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
    // Today's ingest also writes an audit row (migration 8); an older version did not: give it a
    // temporary table for this connection only, so the file itself stays at schema v1.
    await c.run('CREATE TEMP SEQUENCE audit_id_seq; CREATE TEMP TABLE audit_log (id BIGINT, logged_at TIMESTAMP, actor VARCHAR, via VARCHAR, ip VARCHAR, action VARCHAR, target VARCHAR, detail JSON)');
    expect((await ingestFile(c, csv)).status).toBe('loaded');
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
