// The per-month KPIs of the catalogue for the dealer-months in scope (everything but the
// customer windows and data_completeness), compiled from the KPI definitions: one two-stage pass
// over each export table computes every filtered measure at once (catalogue/passes.ts), and each
// KPI is an expression over its measures. One temp table fx_monthly (dealer_code, month, "<kpi>"...).
// The accident fall-back rule (accident_avg_value, major_accident_count) stays built in here.

import type { DuckDBConnection } from '@duckdb/node-api';
import { KPIS, type KpiDefinition } from '../catalog.js';
import { KPI_TABLES, type KpiTable } from '../catalogue/columns.js';
import { ratioSql, SqlParams, usedParams } from '../catalogue/compile.js';
import { Passes, type TablePass } from '../catalogue/passes.js';
import type { Measure } from '../catalogue/types.js';
import type { Settings } from '../settings.js';
import { SCOPE } from './scope.js';
import { groupsTable, rebuildGroups, refreshGroups, staleGroups } from './groups.js';
import { dealersSql } from './sql-parts.js';

/** A KPI id as a SQL column name. */
export const col = (id: string) => `"${id.replace(/"/g, '""')}"`;

const MAJOR = { setting: 'majorAccidentAmount' };
/** kpis.md's accident fall-back measures, in the KPI files' own terms. */
const ACCIDENT_RO = { column: 'repair_type', op: 'equals', arg: 'accident' } as const;
const MAJOR_RO: Measure = { fn: 'count', table: 'repair_orders', where: [ACCIDENT_RO, { column: 'total_amount', op: 'gte', arg: MAJOR }] };
const MAJOR_AR: Measure = { fn: 'count', table: 'accident_repairs', where: [{ column: 'repair_amount', op: 'gte', arg: MAJOR }] };

/**
 * The SQL of fx_monthly for `kpis`, and its parameters. Exported for tests. Not `full`: the rows
 * of the scope's dealer-months; `dealers` (the scope's dealers) lets each scan skip the others.
 * `kept`: tables whose stage-1 groups are read from kpi_groups_<table> (groups.ts), not computed
 * from their rows.
 */
export function compileMonthly(kpis: readonly KpiDefinition[], settings: Settings, full: boolean, dealers?: readonly string[], narrow?: ReadonlySet<string>, definesScope = false, kept: ReadonlySet<KpiTable> = new Set()): MonthlyPlan {
  const p = new SqlParams(settings);
  const passes = new Passes(p, narrow);
  const measure = (m: Measure) => passes.measure(m);
  const select: string[] = [];
  for (const k of kpis) {
    if (k.value) {
      const v = k.value;
      select.push(`${v.kind === 'measure' ? `(${measure(v.measure)})::DOUBLE` : ratioSql(measure(v.numerator), measure(v.denominator))} AS ${col(k.id)}`);
    } else if (k.id === 'accident_avg_value' || k.id === 'major_accident_count') {
      // kpis.md: from accident_repairs where the dealer-month has such rows, else from its accident ROs
      const ar = passes.table('accident_repairs');
      const arRows = ar.rows();
      if (k.id === 'accident_avg_value') {
        const arAvg = ar.avg('repair_amount');
        const roAvg = passes.table('repair_orders').avgWhereEnum('total_amount', 'repair_type', 'accident');
        select.push(`CASE WHEN ${arRows} > 0 THEN ${arAvg} ELSE ${roAvg} END AS ${col(k.id)}`);
      } else {
        const roRows = passes.table('repair_orders').rows();
        select.push(`CASE WHEN ${arRows} > 0 THEN ${measure(MAJOR_AR)} WHEN ${roRows} IS NOT NULL THEN ${measure(MAJOR_RO)} END::DOUBLE AS ${col(k.id)}`);
      }
    }
  }
  const tables = passes.tables(KPI_TABLES);
  // not full: the scope's dealers as literals too, so that each scan skips other dealers' row groups
  const only = dealers === undefined ? '' : ` WHERE ${dealersSql(dealers)}`;
  const rowsOf = (source: string) => (full ? source : `${source} SEMI JOIN ${SCOPE} USING (dealer_code, month)${only}`);
  const ctes = tables.map((t) => (kept.has(t.table) ? t.measuresSql(`(SELECT * FROM ${rowsOf(groupsTable(t.table))})`) : t.sql(rowsOf(t.table))));
  let from = `${SCOPE} s ${tables.map((t) => `LEFT JOIN t_${t.table} USING (dealer_code, month)`).join(' ')}`;
  if (full && definesScope) {
    // every dealer-month of the export tables (scope.ts's DEALER_MONTHS): the passes' own groups,
    // plus the grouped dealer-months of a table no measure reads
    const rest = KPI_TABLES.filter((t) => !tables.some((p) => p.table === t));
    ctes.push(...rest.map((t) => `t_${t} AS (SELECT dealer_code, month FROM ${t} GROUP BY ALL)`));
    from = [...tables.map((t) => t.table), ...rest].map((t, i) => (i === 0 ? `t_${t}` : `FULL JOIN t_${t} USING (dealer_code, month)`)).join(' ');
  }
  const sql = `
    CREATE OR REPLACE TEMP TABLE fx_monthly AS
    ${ctes.length ? `WITH ${ctes.join(', ')}` : ''}
    SELECT dealer_code, month${select.map((x) => `,\n      ${x}`).join('')}
    FROM ${from}`;
  return { sql, params: p.values, cast: tables.flatMap((t) => [...t.cast].map((c) => `${t.table}.${c}`)), passes: tables };
}

export interface MonthlyPlan {
  sql: string;
  params: Record<string, number>;
  /** 'table.column' of the stored money columns cast per row. */
  cast: string[];
  /** The passes, one per table a measure reads. */
  passes: TablePass[];
}

/** Money values this far from zero still fit DECIMAL(18, 6) with room to spare. */
const NARROW_LIMIT = 1e11;

/**
 * Of the stored money columns `cast` ('table.column'), those whose values all lie within
 * ±NARROW_LIMIT: DuckDB answers min/max of a whole table from its statistics (a millisecond) while
 * they are exact, else scans the column (far cheaper than the pass).
 */
async function narrowColumns(connection: DuckDBConnection, cast: readonly string[]): Promise<Set<string>> {
  const narrow = new Set<string>();
  const byTable = new Map<string, string[]>();
  for (const tc of cast) {
    const [table, column] = tc.split('.') as [string, string];
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  for (const [table, columns] of byTable) {
    const row = (await connection.runAndReadAll(`SELECT ${columns.map((c) => `min(${c})::DOUBLE, max(${c})::DOUBLE`).join(', ')} FROM ${table}`)).getRows()[0]!;
    columns.forEach((c, i) => {
      const [lo, hi] = [row[2 * i], row[2 * i + 1]];
      // no values at all (NULL bounds) fit too; NaN and infinities fail the comparison
      const fits = (v: unknown) => v === null || (typeof v === 'number' && Math.abs(v) < NARROW_LIMIT);
      if (fits(lo) && fits(hi)) narrow.add(`${table}.${c}`);
    });
  }
  return narrow;
}

/**
 * `full`: the scope is every dealer-month, so no row needs checking against it. `definesScope`
 * (full only): no scope exists yet; fx_monthly gets a row for every dealer-month of the export
 * tables, from the passes' own groups (scope.ts's scopeFromMonthly then makes it the scope), so
 * that no separate scan groups repair_orders by dealer-month first.
 */
export interface MonthlyResult {
  /** The tables whose kept stage-1 groups were rebuilt from their rows (groups.ts). */
  rebuilt: KpiTable[];
  /** The tables whose kept groups are now current (every table a measure reads, after a full pass). */
  kept: ReadonlySet<KpiTable>;
}

export async function computeMonthly(connection: DuckDBConnection, settings: Settings, full: boolean, definesScope = false): Promise<MonthlyResult> {
  const dealers = full ? undefined : (await connection.runAndReadAll(`SELECT DISTINCT dealer_code FROM ${SCOPE}`)).getRows().map((r) => String(r[0]));
  const plan = compileMonthly(KPIS, settings, full, dealers);
  let kept: ReadonlySet<KpiTable>;
  let stale: KpiTable[] = [];
  if (full) {
    stale = await staleGroups(connection, plan.passes, plan.params);
    if (stale.length > 0) {
      // only when rebuilding from the rows: after deletes DuckDB's statistics are no longer exact
      // and min/max scans the column (~80 ms here)
      const narrow = await narrowColumns(connection, plan.cast.filter((c) => stale.some((t) => c.startsWith(`${t}.`))));
      const rebuilding = compileMonthly(KPIS, settings, full, dealers, narrow);
      await rebuildGroups(connection, rebuilding.passes.filter((p) => stale.includes(p.table)), rebuilding.params);
    }
    kept = new Set(plan.passes.map((p) => p.table));
  } else {
    kept = await refreshGroups(connection, plan.passes, plan.params, dealers!);
  }
  const { sql, params } = compileMonthly(KPIS, settings, full, dealers, undefined, definesScope, kept);
  await connection.run(sql, usedParams(sql, params));
  return { rebuilt: stale, kept };
}
