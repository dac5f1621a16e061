// TEST ORACLE: the hand-written SQL the KPI files replaced (commit cc0d342), kept verbatim so a test
// can check the compiled catalogue gives bit-for-bit the same values. The per-month KPIs of the catalogue for the dealer-months in scope (everything but the
// customer windows and data_completeness), in one pass over each export table: one temp
// table fx_monthly (dealer_code, month, <kpi>...).

import type { DuckDBConnection } from '@duckdb/node-api';
import type { Settings } from '../settings.js';
import { SCOPE } from '../compute/scope.js';
import { BOTH, EXT, ratio } from '../compute/sql-parts.js';

/** `full`: the scope is every dealer-month, so no row needs checking against it. */
export async function legacyMonthly(connection: DuckDBConnection, settings: Settings, full: boolean): Promise<void> {
  const params = {
    major: settings.majorAccidentAmount!,
    timeTol: settings.timeEstimateToleranceMinutes! * 60,
    costTol: settings.costEstimateTolerance!,
  };
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE fx_monthly AS
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
    )
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
        ${ratio('ro.unclassified', 'ro.all_ros')} AS unclassified_rate
      FROM ${SCOPE} s
      LEFT JOIN ro USING (dealer_code, month) LEFT JOIN ar USING (dealer_code, month)
      LEFT JOIN bk USING (dealer_code, month)`, params);
}
