// The customer-window KPIs (base_customers, churn_rate) of the dealer-months in scope, from
// the visit intervals kept at load time (intervals.ts): one temp table fx_customers (dealer_code, month, base_customers,
// churn_rate). kpis.md: "Visit events of a dealer" and the 12-month windows.

import type { DuckDBConnection } from '@duckdb/node-api';
import { SCOPE } from './scope.js';
import { ratio } from './sql-parts.js';

/** `full`: the scope is every dealer-month, so no row needs checking against it. */
export async function computeCustomerWindows(connection: DuckDBConnection, full: boolean): Promise<void> {
  // Visit months of the dealers in scope, as (dealer, month index) each with the VIN's next visit
  // month: kept current at load time in visit_intervals (intervals.ts), so no sort here.
  // An incremental recompute reads only its dealers' visits that can reach its months: from 12
  // months before the first (churn looks back 12) to the last (later visits only end intervals).
  const mi = (d: string) => `(year(${d}) * 12 + month(${d}) - 1)`;
  const inScope = full ? '' : `WHERE dealer_code IN (SELECT dealer_code FROM ${SCOPE})
        AND mi >= (SELECT ${mi('min(month)')} - 12 FROM ${SCOPE}) AND mi <= (SELECT ${mi('max(month)')} FROM ${SCOPE})`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE fx_events AS SELECT dealer_code, mi, next_mi FROM visit_intervals ${inScope}`);
  // base(m): a VIN counts from each visit month e until e+11 or its next visit, whichever is first
  // (disjoint intervals, so a running sum of +1/-1 per month counts distinct VINs).
  // churned(m): VINs whose visit in m-12 was not followed by another within 12 months.
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE fx_customers AS
    WITH deltas AS (
      SELECT dealer_code, mi, count(*) AS d FROM fx_events GROUP BY ALL
      UNION ALL
      SELECT dealer_code, least(mi + 12, coalesce(next_mi, mi + 12)), -count(*) FROM fx_events GROUP BY ALL
    ), running AS (
      SELECT dealer_code, mi, sum(d) OVER (PARTITION BY dealer_code ORDER BY mi ROWS UNBOUNDED PRECEDING) AS base
      FROM (SELECT dealer_code, mi, sum(d) AS d FROM deltas GROUP BY ALL)
    ), months AS (
      SELECT dealer_code, year(month) * 12 + month(month) - 1 AS mi FROM ${SCOPE}
      UNION SELECT dealer_code, year(month) * 12 + month(month) - 2 FROM ${SCOPE}
    ), base AS (
      -- the running count as of the last change at or before each month
      SELECT m.dealer_code, m.mi, r.base FROM months m ASOF LEFT JOIN running r ON m.dealer_code = r.dealer_code AND m.mi >= r.mi
    ), churned AS (
      SELECT dealer_code, mi + 12 AS mi, count(*) AS n FROM fx_events WHERE next_mi IS NULL OR next_mi > mi + 12 GROUP BY ALL
    )
    SELECT s.dealer_code, s.month, nullif(b.base, 0) AS base_customers, ${ratio('coalesce(c.n, 0)', 'nullif(p.base, 0)')} AS churn_rate
    FROM (SELECT *, year(month) * 12 + month(month) - 1 AS mi FROM ${SCOPE}) s
    LEFT JOIN base b ON b.dealer_code = s.dealer_code AND b.mi = s.mi
    LEFT JOIN base p ON p.dealer_code = s.dealer_code AND p.mi = s.mi - 1
    LEFT JOIN churned c ON c.dealer_code = s.dealer_code AND c.mi = s.mi`);

}
