// Moving a network's data out of (and back into) one DuckDB file as Parquet, partitioned by
// dealer and month in Hive layout, so an engine that reads Parquet (DuckDB on a bigger box,
// MotherDuck, Spark, Trino) can take over when one machine is not enough.

import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson, transaction } from './query.js';
import { quotedIdentifier, quotedString } from './sql.js';

/** Tables that hold data (schema_migrations stays with each database; the KPI engine's kept groups, kpi_groups_*, are derived: the first full recompute after an import rebuilds them). */
async function dataTables(connection: DuckDBConnection): Promise<{ name: string; columns: string[] }[]> {
  const rows = await queryJson<{ table_name: string; column_name: string }>(connection, `
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'main' AND table_catalog = current_database() AND table_name <> 'schema_migrations'
      AND table_name NOT LIKE 'kpi\\_groups\\_%' ESCAPE '\\'
    ORDER BY table_name, ordinal_position`);
  const byTable = new Map<string, string[]>();
  for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  return [...byTable].map(([name, columns]) => ({ name, columns }));
}

export interface ParquetStats {
  tables: { table: string; rows: number; partitionedBy: string[] }[];
}

/** Each thread of a partitioned write opens its own file per partition: one thread writes one file per partition, in less memory. */
async function singleThreaded<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  const before = (await queryJson<{ t: string }>(connection, "SELECT current_setting('threads')::VARCHAR AS t"))[0]!.t;
  await connection.run('SET threads = 1');
  try {
    return await work();
  } finally {
    await connection.run(`SET threads = ${Number(before)}`);
  }
}

export async function exportParquet(connection: DuckDBConnection, dir: string): Promise<ParquetStats> {
  mkdirSync(dir, { recursive: true });
  const stats: ParquetStats = { tables: [] };
  for (const t of await dataTables(connection)) {
    const partitionedBy = ['dealer_code', 'month'].filter((c) => t.columns.includes(c));
    const target = join(dir, t.name);
    const n = Number((await queryJson<{ n: string }>(connection, `SELECT count(*)::BIGINT AS n FROM ${quotedIdentifier(t.name)}`))[0]!.n);
    if (n > 0) {
      const options = partitionedBy.length
        ? `FORMAT PARQUET, PARTITION_BY (${partitionedBy.join(', ')}), OVERWRITE_OR_IGNORE`
        : 'FORMAT PARQUET';
      const path = partitionedBy.length ? target : `${target}.parquet`;
      const table = quotedIdentifier(t.name);
      if (!partitionedBy.length) await connection.run(`COPY ${table} TO ${quotedString(path)} (${options})`);
      else {
        // One month at a time: a partitioned write holds every (dealer, month) partition it has
        // open, so the whole table at once runs out of memory from ~50 dealers × 24 months on.
        const months = partitionedBy.includes('month')
          ? (await queryJson<{ m: string }>(connection, `SELECT DISTINCT strftime(month, '%Y-%m-%d') AS m FROM ${table} ORDER BY m`)).map((r) => `month = DATE ${quotedString(r.m)}`)
          : ['true'];
        await singleThreaded(connection, async () => {
          for (const where of months) await connection.run(`COPY (SELECT * FROM ${table} WHERE ${where}) TO ${quotedString(path)} (${options})`);
        });
      }
    }
    stats.tables.push({ table: t.name, rows: n, partitionedBy });
  }
  return stats;
}

/** Reads an export into this (freshly migrated) database, in one transaction. */
export async function importParquet(connection: DuckDBConnection, dir: string): Promise<ParquetStats> {
  const stats: ParquetStats = { tables: [] };
  const tables = await dataTables(connection);
  await transaction(connection, async () => {
    for (const t of tables) {
      const folder = join(dir, t.name);
      const single = `${folder}.parquet`;
      const source = existsSync(folder) && readdirSync(folder).length > 0
        ? `read_parquet(${quotedString(`${folder}/**/*.parquet`)}, hive_partitioning = true)`
        : existsSync(single) ? `read_parquet(${quotedString(single)})` : undefined;
      if (!source) {
        stats.tables.push({ table: t.name, rows: 0, partitionedBy: [] });
        continue;
      }
      // A fresh database holds nothing to replace; the audit log is never deleted from (append-only).
      if (t.name !== 'audit_log') await connection.run(`DELETE FROM ${quotedIdentifier(t.name)}`);
      const types = await queryJson<{ column_name: string; data_type: string }>(connection,
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = $t ORDER BY ordinal_position", { t: t.name });
      const cols = types.map((c) => `CAST(${quotedIdentifier(c.column_name)} AS ${c.data_type}) AS ${quotedIdentifier(c.column_name)}`).join(', ');
      await singleThreaded(connection, () => connection.run(`INSERT INTO ${quotedIdentifier(t.name)} BY NAME SELECT ${cols} FROM ${source}`));
      const n = Number((await queryJson<{ n: string }>(connection, `SELECT count(*)::BIGINT AS n FROM ${quotedIdentifier(t.name)}`))[0]!.n);
      stats.tables.push({ table: t.name, rows: n, partitionedBy: [] });
    }
    // Ids continue after the imported ones.
    for (const [seq, table] of [['load_id_seq', 'loads'], ['assessment_id_seq', 'assessments'], ['audit_id_seq', 'audit_log']] as const) {
      const next = Number((await queryJson<{ n: string }>(connection, `SELECT coalesce(max(id), 0)::BIGINT + 1 AS n FROM ${table}`))[0]!.n);
      await connection.run(`CREATE OR REPLACE SEQUENCE ${seq} START ${next}`);
    }
  });
  return stats;
}
