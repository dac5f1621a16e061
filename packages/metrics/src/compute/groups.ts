// The per-month pass's stage-1 groups (catalogue/passes.ts), kept current between recomputes:
// per export table a KPI reads, kpi_groups_<table> holds one row per (dealer, month, repair type
// or booking status) with every count and exact DECIMAL sum the KPIs' measures need, and
// load_sum, the sum of its rows' load_id. Like visit_intervals, they are kept current at load
// time: an incremental recompute re-derives the groups of its dealer-months from the rows as they
// now are, so a full recompute only adds groups up (stage 2) instead of reading millions of rows.
//
// A kept table is used only while it is what the rows give today:
//  - its fingerprint (the stage-1 SQL and the settings it uses, kpi_groups_state) must be the
//    one of today's KPI files and settings, else the table is rebuilt from the rows (a KPI file
//    added or changed, a threshold changed);
//  - a full recompute also checks that its groups add up to the table's row count and sum of
//    load_id (two aggregates answered in a few milliseconds). Every write to an export table
//    adds or removes whole loads' rows (nothing updates them in place), so rows stored or
//    removed by a path that did not recompute their dealer-months change one of the two, and the
//    table is rebuilt from the rows.

import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quotedString } from '@fixops/db';
import type { KpiTable } from '../catalogue/columns.js';
import { usedParams } from '../catalogue/compile.js';
import type { TablePass } from '../catalogue/passes.js';
import { SCOPE } from './scope.js';
import { dealersSql } from './sql-parts.js';

export const groupsTable = (table: KpiTable) => `kpi_groups_${table}`;

const fingerprintOf = (pass: TablePass, params: Readonly<Record<string, number>>) =>
  createHash('sha256').update(pass.fingerprint(params)).digest('hex');

/** Of `passes`, the tables whose kept groups exist and were built with today's fingerprint (one query). */
async function currentTables(connection: DuckDBConnection, passes: readonly TablePass[], params: Readonly<Record<string, number>>): Promise<Set<KpiTable>> {
  if (passes.length === 0) return new Set();
  const wanted = passes.map((p) => `(${quotedString(p.table)}, ${quotedString(fingerprintOf(p, params))})`).join(', ');
  const rows = (await connection.runAndReadAll(`
    SELECT s.source FROM kpi_groups_state s
    WHERE (s.source, s.fingerprint) IN (SELECT * FROM (VALUES ${wanted}) w(source, fingerprint))
      AND EXISTS (SELECT 1 FROM duckdb_tables() t WHERE t.database_name = current_database() AND t.schema_name = 'main' AND t.table_name = 'kpi_groups_' || s.source)`)).getRows();
  return new Set(rows.map((r) => String(r[0]) as KpiTable));
}

/** Of `tables` (whose kept groups exist), those whose groups hold as many rows and the same sum of load_id as the table (one query). */
async function addingUp(connection: DuckDBConnection, tables: readonly KpiTable[]): Promise<Set<KpiTable>> {
  if (tables.length === 0) return new Set();
  const checks = tables.map((t) => `(SELECT count(*) FROM ${t}) = (SELECT coalesce(sum(n), 0) FROM ${groupsTable(t)})
      AND (SELECT coalesce(sum(load_id), 0) FROM ${t}) = (SELECT coalesce(sum(load_sum), 0) FROM ${groupsTable(t)}) AS ${t}`);
  const row = (await connection.runAndReadAll(`SELECT ${checks.join(',\n      ')}`)).getRows()[0]!;
  return new Set(tables.filter((_, i) => row[i] === true));
}

async function rebuild(connection: DuckDBConnection, pass: TablePass, params: Readonly<Record<string, number>>, fingerprint: string): Promise<void> {
  const sql = `CREATE OR REPLACE TABLE ${groupsTable(pass.table)} AS ${pass.groupsSql(pass.table, true)} ORDER BY dealer_code, month`;
  await connection.run(sql, usedParams(sql, params));
  await connection.run('DELETE FROM kpi_groups_state WHERE source = $table', { table: pass.table });
  await connection.run('INSERT INTO kpi_groups_state VALUES ($table, $fingerprint, current_timestamp::TIMESTAMP)', { table: pass.table, fingerprint });
}

/**
 * Full recompute: the tables of `passes` whose kept groups cannot be used (none kept, built for
 * other KPI files or settings, or not adding up to the table's rows).
 */
export async function staleGroups(connection: DuckDBConnection, passes: readonly TablePass[], params: Readonly<Record<string, number>>): Promise<KpiTable[]> {
  const current = await currentTables(connection, passes, params);
  const fine = await addingUp(connection, [...current]);
  return passes.map((p) => p.table).filter((t) => !fine.has(t));
}

/** Builds the groups of `passes` again from every row of their tables. */
export async function rebuildGroups(connection: DuckDBConnection, passes: readonly TablePass[], params: Readonly<Record<string, number>>): Promise<void> {
  for (const pass of passes) await rebuild(connection, pass, params, fingerprintOf(pass, params));
}

/**
 * Incremental recompute (`dealers`: the scope's dealers): re-derives the scope's dealer-months
 * from the rows in every kept table whose fingerprint is today's, and answers those tables. A
 * table without one is left for the next full recompute to rebuild (its stage 1 is then computed
 * from the rows, as a CTE).
 */
export async function refreshGroups(connection: DuckDBConnection, passes: readonly TablePass[], params: Readonly<Record<string, number>>, dealers: readonly string[]): Promise<Set<KpiTable>> {
  const kept = await currentTables(connection, passes, params);
  const only = dealersSql(dealers);
  for (const pass of passes) {
    if (!kept.has(pass.table)) continue;
    const name = groupsTable(pass.table);
    await connection.run(`DELETE FROM ${name} WHERE ${only} AND (dealer_code, month) IN (SELECT dealer_code, month FROM ${SCOPE})`);
    const sql = `INSERT INTO ${name} BY NAME ${pass.groupsSql(`${pass.table} SEMI JOIN ${SCOPE} USING (dealer_code, month) WHERE ${only}`, true)}`;
    await connection.run(sql, usedParams(sql, params));
  }
  return kept;
}

/** Forgets every kept table (they are rebuilt from the rows by the next full recompute). */
export async function forgetGroups(connection: DuckDBConnection): Promise<void> {
  await connection.run('DELETE FROM kpi_groups_state');
}
