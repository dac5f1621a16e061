// History coverage of kpis.md ("数据积累中 / warming up"): per dealer, the first month whose
// 12-month customer windows are known. first(d) = earliest month with repair orders (internal
// ones included); a customers file with as_of A helps when first(d) <= A + 1 month, from A on;
// otherwise the windows are known from first(d) + 11 months. base_customers(m) is known from
// that month, churn_rate(m) one month later (it also needs m-1). A dealer without repair
// orders has none (known_from NULL).
//
// The result is kept in kpi_coverage so that a load (or undo) that moves a dealer's
// known_from can widen its incremental recompute to every month whose status changed.

import type { DuckDBConnection } from '@duckdb/node-api';
import { dealersSql } from './sql-parts.js';

/** Dealers whose known_from changed, with the months whose warming status may have changed. */
export const WARMING_CHANGES = 'fx_warming_changes';

/**
 * SQL: per dealer (of those `where` keeps: SQL over dealer_code), known_from (DATE or NULL) from
 * the stored tables; `firstMonths` has a row per (dealer_code, month) with repair orders.
 */
const knownFrom = (where: string, firstMonths: string) => `
  WITH f AS (SELECT dealer_code, min(month) AS first_month FROM ${firstMonths} WHERE ${where} GROUP BY ALL),
  s AS (
    SELECT f.dealer_code, min(c.as_of) AS snapshot_from
    FROM f JOIN customer_snapshots c ON c.dealer_code = f.dealer_code AND f.first_month <= c.as_of + INTERVAL 1 MONTH
    GROUP BY ALL
  )
  SELECT f.dealer_code, least(f.first_month + INTERVAL 11 MONTH, s.snapshot_from)::DATE AS known_from
  FROM f LEFT JOIN s USING (dealer_code)`;

/**
 * Recomputes kpi_coverage for every dealer (or only `dealers`: after a load, the only ones whose
 * rows changed; `firstMonths`: repair_orders, or its kept per-month groups when current) and leaves in WARMING_CHANGES the dealers whose
 * known_from moved (or had none stored) with the month range [from_month, to_month] that
 * covers every base_customers and churn_rate whose status changed (NULL ends: unbounded). When
 * known_from moves from a to b, base_customers changes status in [a, b-1] and churn_rate in
 * [a+1, b]: the range is [min(a, b), max(a, b)].
 */
export async function refreshCoverage(connection: DuckDBConnection, dealers?: readonly string[], firstMonths = 'repair_orders'): Promise<void> {
  // the dealers as literals, so that the scan of repair_orders skips the others' row groups
  const only = dealersSql(dealers === undefined ? undefined : [...new Set(dealers)]);
  await connection.run(`CREATE OR REPLACE TEMP TABLE fx_known AS ${knownFrom(only, firstMonths)}`);
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ${WARMING_CHANGES} AS
    WITH dealers_seen AS (SELECT dealer_code FROM fx_known UNION SELECT dealer_code FROM kpi_coverage WHERE ${only}),
    pair AS (
      SELECT d.dealer_code, n.known_from AS new_from, o.known_from AS old_from, o.dealer_code IS NOT NULL AS stored
      FROM dealers_seen d LEFT JOIN fx_known n USING (dealer_code) LEFT JOIN kpi_coverage o USING (dealer_code)
    )
    SELECT dealer_code,
      CASE WHEN stored AND new_from IS NOT NULL AND old_from IS NOT NULL THEN least(new_from, old_from) END AS from_month,
      CASE WHEN stored AND new_from IS NOT NULL AND old_from IS NOT NULL THEN greatest(new_from, old_from) END AS to_month
    FROM pair
    WHERE NOT stored OR new_from IS DISTINCT FROM old_from`);
  await connection.run(`DELETE FROM kpi_coverage WHERE ${only}; INSERT INTO kpi_coverage SELECT dealer_code, known_from FROM fx_known`);
}

/**
 * SQL condition: the KPI `kpi` of (`dealer`, `month`) is warming up. Needs kpi_coverage joined
 * as `coverage` (LEFT JOIN kpi_coverage coverage ON coverage.dealer_code = <dealer>).
 */
export function warmingCondition(kpi: string, month: string, coverage = 'coverage'): string {
  return `((${kpi}) = 'base_customers' AND (${coverage}.known_from IS NULL OR ${month} < ${coverage}.known_from)
    OR (${kpi}) = 'churn_rate' AND (${coverage}.known_from IS NULL OR ${month} < ${coverage}.known_from + INTERVAL 1 MONTH))`;
}

/** The customer-window KPIs warming-up applies to. */
export const WARMING_KPIS = ['base_customers', 'churn_rate'] as const;
