import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { migrate, schemaVersion } from './migrate.js';
import { migrations } from './migrations.js';
import { queryJson } from './query.js';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixops-db-'));
  dirs.push(dir);
  return join(dir, 'test.duckdb');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('creates the schema on a new file and records every version', async () => {
    const db = await openDatabase(tempDb());
    expect(await schemaVersion(db.connection)).toBe(migrations.at(-1)!.version);
    const tables = await queryJson<{ table_name: string }>(db.connection, 'SELECT table_name FROM information_schema.tables ORDER BY 1');
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['accident_repairs', 'bookings', 'customer_visits', 'dealers', 'loads', 'rejected_rows', 'repair_orders']),
    );
    db.close();
  });

  it('upgrades a database made by an older version, keeping its data', async () => {
    const path = tempDb();
    const older = [{ version: 1, name: 'v1', sql: 'CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (7);' }];
    const newer = [...older, { version: 2, name: 'v2', sql: 'ALTER TABLE t ADD COLUMN b VARCHAR;' }];
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    expect(await migrate(c, older)).toEqual([1]);
    expect(await migrate(c, newer)).toEqual([2]);
    expect(await migrate(c, newer)).toEqual([]);
    expect(await queryJson(c, 'SELECT a, b FROM t')).toEqual([{ a: 7, b: null }]);
    c.closeSync();
    instance.closeSync();
  });

  it('rolls back a failing migration completely', async () => {
    const instance = await DuckDBInstance.create(tempDb());
    const c = await instance.connect();
    const bad = [{ version: 1, name: 'bad', sql: 'CREATE TABLE t (a INTEGER); SELECT * FROM missing_table;' }];
    await expect(migrate(c, bad)).rejects.toThrow();
    expect(await schemaVersion(c)).toBe(0);
    expect(await queryJson(c, "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 't'")).toEqual([{ n: 0 }]);
    c.closeSync();
    instance.closeSync();
  });
});
