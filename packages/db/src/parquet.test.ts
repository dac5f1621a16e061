import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { exportParquet, importParquet } from './parquet.js';
import { queryJson } from './query.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('exportParquet with many partitions', () => {
  // 120 dealers × 24 months = 2,880 (dealer, month) partitions. Written as one statement with two
  // threads, the export ran out of DuckDB's 512 MB budget from 50 dealers on (here out of 64 MB),
  // and reading thousands of files back ran out of memory too.
  it('writes 2,880 dealer-month partitions in 64 MB, one file each, and reads them back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fixops-parquet-'));
    const db = await openDatabase(join(dir, 'a.duckdb'), { memoryLimit: '64MB' });
    try {
      await db.connection.run(`INSERT INTO kpi_values (dealer_code, month, kpi, value)
        SELECT printf('D%03d', d), DATE '2024-01-01' + to_months(m), 'kpi' || k, d * 1000 + m * 10 + k
        FROM range(120) t1(d), range(24) t2(m), range(20) t3(k)`);
      const threadsBefore = (await queryJson<{ t: string }>(db.connection, "SELECT current_setting('threads')::VARCHAR AS t"))[0]!.t;
      const stats = await exportParquet(db.connection, join(dir, 'out'));
      expect(stats.tables.find((t) => t.table === 'kpi_values')).toEqual({ table: 'kpi_values', rows: 57_600, partitionedBy: ['dealer_code', 'month'] });
      const files = readdirSync(join(dir, 'out', 'kpi_values'), { recursive: true }).filter((f) => String(f).endsWith('.parquet'));
      expect(files).toHaveLength(2_880);
      expect((await queryJson<{ t: string }>(db.connection, "SELECT current_setting('threads')::VARCHAR AS t"))[0]!.t).toBe(threadsBefore);
    } finally {
      db.close();
    }
    const back = await openDatabase(join(dir, 'b.duckdb'), { memoryLimit: '64MB' });
    try {
      await importParquet(back.connection, join(dir, 'out'));
      const r = (await queryJson<{ n: string; s: string }>(back.connection, 'SELECT count(*)::VARCHAR AS n, sum(value)::BIGINT::VARCHAR AS s FROM kpi_values'))[0]!;
      // Σ(d·1000 + m·10 + k) = 1000·7,140·480 + 10·276·2,400 + 190·2,880
      expect(r).toEqual({ n: '57600', s: '3434371200' });
    } finally {
      back.close();
    }
  });
});
