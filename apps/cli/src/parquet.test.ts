// `export --parquet` then `import --parquet` into a new file gives identical data and KPIs.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ParquetStats } from '@fixops/db';
import type { LoadRecord } from '@fixops/ingest';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, demoCopy, fixops, parseJson, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

describe('Parquet export and import', () => {
  it('round-trips the demo network, Hive-partitioned by dealer and month', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.duckdb');
    await demoCopy(a);
    const out = join(dir, 'parquet');
    const exp = fixops(['export', '--parquet', out, '--db', a, '--json']);
    expect(exp.code, exp.stderr).toBe(0);
    expect(readdirSync(join(out, 'repair_orders')).filter((d) => d.startsWith('dealer_code='))).toHaveLength(12);
    expect(readdirSync(join(out, 'repair_orders', 'dealer_code=SH001')).filter((d) => d.startsWith('month='))).toHaveLength(24);
    expect(existsSync(join(out, 'loads.parquet'))).toBe(true);

    const b = join(dir, 'b.duckdb');
    const imp = fixops(['import', '--parquet', out, '--db', b, '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    const exported = parseJson<ParquetStats>(exp.stdout).tables.map((t) => [t.table, t.rows]);
    const imported = parseJson<ParquetStats>(imp.stdout).tables.map((t) => [t.table, t.rows]);
    expect(imported).toEqual(exported);
    const kpis = (db: string) => fixops(['kpis', '--db', db, '--json']).stdout;
    expect(kpis(b)).toBe(kpis(a));
    expect(fixops(['recompute', '--db', b]).code).toBe(0);
    expect(kpis(b)).toBe(kpis(a));
    // ids go on after the imported ones
    const loadsBefore = parseJson<LoadRecord[]>(fixops(['loads', '--db', b, '--json']).stdout).length;
    expect(fixops(['ingest', '--db', b, join(process.cwd(), '..', '..', 'data', 'samples', 'dealers.csv')]).code).toBe(0);
    const loads = parseJson<LoadRecord[]>(fixops(['loads', '--db', b, '--json']).stdout);
    expect(loads).toHaveLength(loadsBefore + 1);
    expect(loads[0]?.id).toBe(loadsBefore + 1);
  });
});
