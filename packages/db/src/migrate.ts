// Applies the migrations a database has not seen yet, each in its own transaction.

import type { DuckDBConnection } from '@duckdb/node-api';
import { migrations, type Migration } from './migrations.js';

export async function schemaVersion(connection: DuckDBConnection): Promise<number> {
  await connection.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)',
  );
  const reader = await connection.runAndReadAll('SELECT coalesce(max(version), 0)::INTEGER AS v FROM schema_migrations');
  return Number(reader.getRowObjects()[0]?.v ?? 0);
}

export async function migrate(connection: DuckDBConnection, list: readonly Migration[] = migrations): Promise<number[]> {
  const current = await schemaVersion(connection);
  const applied: number[] = [];
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(m.sql);
      await connection.run('INSERT INTO schema_migrations VALUES ($1, $2, current_timestamp::TIMESTAMP)', [m.version, m.name]);
      await connection.run('COMMIT');
    } catch (e) {
      await connection.run('ROLLBACK');
      throw e;
    }
    applied.push(m.version);
  }
  return applied;
}
