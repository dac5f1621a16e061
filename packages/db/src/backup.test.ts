// backupDatabase: the copy opens as a Fixops database with the same rows, schema version,
// sequences and views; an existing file is kept unless forced; a failed copy leaves nothing.

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FixopsException } from '@fixops/shared';
import { backupDatabase } from './backup.js';
import { openDatabase } from './database.js';
import { queryJson } from './query.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const snapshot = async (c: Parameters<typeof queryJson>[0]) => ({
  tables: await queryJson(c, "SELECT schema_name, table_name, estimated_size::INTEGER AS n, sql FROM duckdb_tables() WHERE database_name = current_database() ORDER BY ALL"),
  views: await queryJson(c, "SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND NOT internal ORDER BY ALL"),
  sequences: await queryJson(c, "SELECT sequence_name FROM duckdb_sequences() WHERE database_name = current_database() ORDER BY ALL"),
  kpis: await queryJson(c, 'SELECT dealer_code, month::VARCHAR AS month, kpi, value FROM kpi_values ORDER BY ALL'),
});

describe('backupDatabase', () => {
  it('writes a copy that opens with the same content, and keeps an existing file unless forced', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fixops-backup-'));
    const db = await openDatabase(join(dir, 'a.duckdb'));
    const copy = join(dir, 'copy.duckdb');
    try {
      await db.connection.run(`INSERT INTO kpi_values (dealer_code, month, kpi, value)
        SELECT printf('D%03d', d), DATE '2024-01-01' + to_months(m), 'kpi' || k, d * 100 + m + k / 10
        FROM range(5) t1(d), range(3) t2(m), range(4) t3(k)`);
      const sequences = await queryJson<{ name: string }>(db.connection, "SELECT sequence_name AS name FROM duckdb_sequences() WHERE database_name = current_database()");
      for (const s of sequences) await queryJson(db.connection, `SELECT nextval('${s.name}'), nextval('${s.name}')`);
      const result = await backupDatabase(db.connection, copy);
      expect(result.file).toBe(copy);
      expect(result.tables).toBeGreaterThan(5);
      expect(result.bytes).toBeGreaterThan(0);
      const before = await snapshot(db.connection);
      const back = await openDatabase(copy);
      try {
        expect(back.migrated).toEqual([]);
        expect(await snapshot(back.connection)).toEqual(before);
        // Ids already given out are never given again (DuckDB's copy may skip one).
        for (const s of sequences) {
          const next = (await queryJson<{ next: number }>(back.connection, `SELECT nextval('${s.name}')::INTEGER AS next`))[0]!.next;
          expect(next).toBeGreaterThan(2);
        }
      } finally {
        back.close();
      }
      await expect(backupDatabase(db.connection, copy)).rejects.toSatisfy((e) => e instanceof FixopsException && e.error.code === 'backup_exists');
      await db.connection.run("DELETE FROM kpi_values WHERE dealer_code = 'D000'");
      await backupDatabase(db.connection, copy, { force: true });
      const again = await openDatabase(copy);
      try {
        expect((await queryJson<{ n: number }>(again.connection, 'SELECT count(*)::INTEGER AS n FROM kpi_values'))[0]!.n).toBe(48);
      } finally {
        again.close();
      }
      await expect(backupDatabase(db.connection, join(dir, 'a.duckdb'), { force: true })).rejects.toSatisfy((e) => e instanceof FixopsException && e.error.code === 'backup_is_source');
      await expect(backupDatabase(db.connection, join(dir, 'nope', 'x.duckdb'))).rejects.toSatisfy((e) => e instanceof FixopsException && e.error.code === 'backup_folder_missing');
    } finally {
      db.close();
    }
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    expect(existsSync(copy)).toBe(true);
  });
});
