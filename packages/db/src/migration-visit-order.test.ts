// Migration 15 keeps every visit interval, in dealer order, with the table's NOT NULL columns.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { queryJson } from './query.js';

const dir = mkdtempSync(join(tmpdir(), 'fixops-db-visit-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 15 (visit intervals in dealer order)', () => {
  it('re-stores a version-14 table sorted by dealer, VIN and month, keeping every row', async () => {
    const instance = await DuckDBInstance.create(join(dir, 'v14.duckdb'));
    const c = await instance.connect();
    await migrate(c, migrations.filter((m) => m.version <= 14));
    await c.run(`INSERT INTO visit_intervals VALUES
      ('SH002', 'V2', 300, NULL), ('BJ001', 'V9', 290, 295), ('SH002', 'V1', 301, 310), ('BJ001', 'V9', 295, NULL), ('BJ001', 'V1', 280, NULL)`);
    expect(await migrate(c, migrations.filter((m) => m.version <= 15))).toEqual([15]);
    const rows = await queryJson<{ dealer_code: string; vin: string; mi: number; next_mi: number | null }>(c, 'SELECT * FROM visit_intervals');
    expect(rows).toEqual([
      { dealer_code: 'BJ001', vin: 'V1', mi: 280, next_mi: null },
      { dealer_code: 'BJ001', vin: 'V9', mi: 290, next_mi: 295 },
      { dealer_code: 'BJ001', vin: 'V9', mi: 295, next_mi: null },
      { dealer_code: 'SH002', vin: 'V1', mi: 301, next_mi: 310 },
      { dealer_code: 'SH002', vin: 'V2', mi: 300, next_mi: null },
    ]);
    await expect(c.run("INSERT INTO visit_intervals VALUES (NULL, 'V1', 1, NULL)")).rejects.toThrow(/NOT NULL/i);
    c.closeSync();
    instance.closeSync();
  });
});
