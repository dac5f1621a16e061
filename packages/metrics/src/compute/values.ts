// Every KPI of the catalogue for the dealer-months in scope, in DuckDB SQL: one pass over
// each export table, customer windows from visit-event intervals, then one long row
// (dealer, month, kpi, value) per KPI into kpi_values.

import type { DuckDBConnection } from '@duckdb/node-api';
import { KPI_IDS } from '../catalog.js';
import type { Settings } from '../settings.js';
import { SCOPE } from './scope.js';

const EXT = "repair_type <> 'internal'";
// Money is summed as DECIMAL: exact, so the result does not depend on the order DuckDB's
// threads add rows in (incremental and full recomputes must agree to the last bit).
// count_if(x) is NULL over rows where x is always NULL (a NULL amount, say), so every
// condition is wrapped in coalesce(x, false): a count is never NULL.
const BOTH = 'promised_time IS NOT NULL AND delivered_time IS NOT NULL';

/** A ratio: NULL when the denominator is 0 or NULL. */
const ratio = (num: string, den: string) => `CASE WHEN ${den} IS NULL OR ${den} = 0 THEN NULL ELSE (${num})::DOUBLE / (${den}) END`;

/** `full`: the scope is every dealer-month, so no row needs checking against it. */
export async function computeValues(connection: DuckDBConnection, settings: Settings, full: boolean): Promise<void> {
  const params = {
    major: settings.majorAccidentAmount!,
    timeTol: settings.timeEstimateToleranceMinutes! * 60,
    costTol: settings.costEstimateTolerance!,
  };
  // Visit events of the dealers in scope, as (dealer, VIN, month index), each with the next
  // month the VIN came back. Two events of a VIN in one month make an empty interval below, so
  // no DISTINCT is needed. VINs are grouped by a 64-bit hash of (dealer, VIN): three times
  // faster than grouping the strings (a collision among a dealer's VINs is ~1e-11 likely).
  // An incremental recompute reads only its dealers' events that can reach its months: from 12
  // months before the first (churn looks back 12) to the last (later visits only end intervals).
  const inScope = (ts: string) => (full ? '' : `AND dealer_code IN (SELECT dealer_code FROM ${SCOPE})
        AND ${ts} >= (SELECT min(month) - INTERVAL 12 MONTH FROM ${SCOPE}) AND ${ts} < (SELECT max(month) + INTERVAL 1 MONTH FROM ${SCOPE})`);
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE fx_events AS
    WITH e AS (
      SELECT dealer_code, hash(dealer_code, vin) AS h, year(month) * 12 + month(month) - 1 AS mi FROM repair_orders WHERE ${EXT} ${inScope('month')}
      UNION ALL
      SELECT dealer_code, hash(dealer_code, vin), year(last_visit_time) * 12 + month(last_visit_time) - 1 FROM customer_visits WHERE true ${inScope('last_visit_time')}
    )
    SELECT dealer_code, mi, lead(mi) OVER (PARTITION BY h ORDER BY mi) AS next_mi FROM e`);
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

  await connection.run(`
    CREATE OR REPLACE TEMP TABLE fx_wide AS
    WITH ro AS (
      SELECT dealer_code, month,
        count(*) AS all_ros,
        count_if(coalesce(${EXT}, false)) AS ext,
        count_if(coalesce(repair_type = 'accident', false)) AS acc,
        avg(total_amount::DECIMAL(38, 6)) FILTER (WHERE repair_type = 'accident')::DOUBLE AS acc_avg,
        count_if(coalesce(repair_type = 'accident' AND total_amount >= $major, false)) AS acc_major,
        coalesce(sum(total_amount::DECIMAL(38, 6)) FILTER (WHERE ${EXT}), 0)::DOUBLE AS revenue,
        coalesce(sum(total_amount::DECIMAL(38, 6)) FILTER (WHERE repair_type = 'warranty'), 0)::DOUBLE AS warranty_revenue,
        count_if(coalesce(${EXT} AND booking_no <> '', false)) AS booked,
        count_if(coalesce(${EXT} AND ${BOTH}, false)) AS both_times,
        count_if(coalesce(${EXT} AND ${BOTH} AND delivered_time <= promised_time, false)) AS on_time,
        count_if(coalesce(${EXT} AND promised_time IS NOT NULL, false)) AS promised,
        count_if(coalesce(${EXT} AND ${BOTH} AND abs(epoch(delivered_time) - epoch(promised_time)) <= $timeTol, false)) AS time_ok,
        count_if(coalesce(${EXT} AND estimate_amount > 0, false)) AS estimated,
        count_if(coalesce(${EXT} AND estimate_amount > 0 AND abs(total_amount - estimate_amount) <= $costTol * estimate_amount, false)) AS cost_ok,
        count_if(coalesce(repair_type = 'maintenance', false)) AS maintenance,
        count_if(coalesce(repair_type = 'maintenance' AND care_products_amount > 0, false)) AS with_care,
        count_if(coalesce(repair_type = 'rework', false)) AS rework,
        count_if(coalesce(repair_type = 'unclassified', false)) AS unclassified
      FROM repair_orders ${full ? '' : `SEMI JOIN ${SCOPE} USING (dealer_code, month)`} GROUP BY ALL
    ), ar AS (
      SELECT dealer_code, month, count(*) AS n, avg(repair_amount::DECIMAL(38, 6))::DOUBLE AS avg_amount, count_if(coalesce(repair_amount >= $major, false)) AS major
      FROM accident_repairs ${full ? '' : `SEMI JOIN ${SCOPE} USING (dealer_code, month)`} GROUP BY ALL
    ), bk AS (
      SELECT dealer_code, month, count_if(coalesce(status = 'arrived', false)) AS arrived, count_if(coalesce(status = 'arrived' OR status = 'no_show', false)) AS kept_or_missed
      FROM bookings ${full ? '' : `SEMI JOIN ${SCOPE} USING (dealer_code, month)`} GROUP BY ALL
    ), v AS (
      SELECT s.dealer_code, s.month,
        ro.ext::DOUBLE AS ro_count,
        ro.acc::DOUBLE AS accident_ro_count,
        ${ratio('ro.acc', 'ro.ext')} AS accident_share,
        CASE WHEN ar.n > 0 THEN ar.avg_amount ELSE ro.acc_avg END AS accident_avg_value,
        CASE WHEN ar.n > 0 THEN ar.major WHEN ro.all_ros IS NOT NULL THEN ro.acc_major END::DOUBLE AS major_accident_count,
        ro.revenue::DOUBLE AS revenue,
        ${ratio('ro.revenue', 'ro.ext')} AS revenue_per_ro,
        ${ratio('ro.warranty_revenue', 'ro.revenue')} AS warranty_share,
        ${ratio('ro.booked', 'ro.ext')} AS booking_rate,
        ${ratio('bk.arrived', 'bk.kept_or_missed')} AS booking_show_rate,
        ${ratio('ro.on_time', 'ro.both_times')} AS on_time_rate,
        ${ratio('ro.promised', 'ro.ext')} AS promise_coverage,
        ${ratio('ro.time_ok', 'ro.both_times')} AS time_estimate_accuracy,
        ${ratio('ro.cost_ok', 'ro.estimated')} AS cost_estimate_accuracy,
        ${ratio('ro.with_care', 'ro.maintenance')} AS care_product_penetration,
        ${ratio('ro.rework', 'ro.ext')} AS rework_rate,
        ${ratio('ro.unclassified', 'ro.all_ros')} AS unclassified_rate,
        c.base_customers::DOUBLE AS base_customers,
        c.churn_rate AS churn_rate
      FROM ${SCOPE} s
      LEFT JOIN ro USING (dealer_code, month) LEFT JOIN ar USING (dealer_code, month)
      LEFT JOIN bk USING (dealer_code, month) LEFT JOIN fx_customers c USING (dealer_code, month)
    )
    SELECT v.*, (${KPI_IDS.filter((k) => k !== 'data_completeness').map((k) => `(${k} IS NOT NULL)::INTEGER`).join(' + ')}) / ${KPI_IDS.length - 1}.0 AS data_completeness
    FROM v`, params);

  await connection.run(`DELETE FROM kpi_values WHERE (dealer_code, month) IN (SELECT dealer_code, month FROM ${SCOPE})`);
  await connection.run(`
    INSERT INTO kpi_values (dealer_code, month, kpi, value)
    SELECT dealer_code, month, unnest([${KPI_IDS.map((k) => `'${k}'`).join(', ')}]) AS kpi, unnest([${KPI_IDS.join(', ')}]) AS value FROM fx_wide`);
}
