// Every KPI of the catalogue for the dealer-months in scope, in DuckDB SQL: the per-month
// KPIs (monthly.ts) and the customer windows (customers.ts), joined with data_completeness
// into one long row (dealer, month, kpi, value) per KPI in kpi_values.

import type { DuckDBConnection } from '@duckdb/node-api';
import { KPI_IDS } from '../catalog.js';
import type { Settings } from '../settings.js';
import { computeCustomerWindows } from './customers.js';
import { col, computeMonthly } from './monthly.js';
import { SCOPE, scopeFromMonthly } from './scope.js';
import { refreshCoverage, warmingCondition } from './warming.js';
import { groupsTable } from './groups.js';
import { PhaseTimer } from './phases.js';

/**
 * `full`: the scope is every dealer-month, so no row needs checking against it (and kpi_values
 * was emptied first); the history coverage of every dealer is refreshed here too. Not full: the
 * caller refreshed the loaded dealers' coverage before making the scope. Answers the export
 * tables whose kept per-month groups were rebuilt from their rows.
 */
export async function computeValues(connection: DuckDBConnection, settings: Settings, full: boolean, timer = new PhaseTimer()): Promise<string[]> {
  let rebuilt: string[] = [];
  if (full) {
    // the per-month pass first: its groups give the scope (every dealer-month), no separate scan
    const monthly = await timer.time('monthly', () => computeMonthly(connection, settings, true, true));
    rebuilt = monthly.rebuilt;
    // the history coverage's first month per dealer from the kept groups of repair_orders, now current
    await timer.time('coverage', () => refreshCoverage(connection, undefined, monthly.kept.has('repair_orders') ? groupsTable('repair_orders') : 'repair_orders'));
    await timer.time('scope', () => scopeFromMonthly(connection));
  }
  await timer.time('customers', () => computeCustomerWindows(connection, full));
  if (!full) rebuilt = (await timer.time('monthly', () => computeMonthly(connection, settings, false))).rebuilt;
  await timer.time('values', () => storeValues(connection, full));
  return rebuilt;
}

/** `full`: kpi_values was emptied first, so nothing is deleted. */
async function storeValues(connection: DuckDBConnection, full: boolean): Promise<void> {
  // base_customers and churn_rate are null while warming up (warming.ts); data_completeness
  // leaves warming KPIs out of its numerator and its denominator.
  const warm = (kpi: string) => warmingCondition(`'${kpi}'`, 's.month');
  const others = KPI_IDS.filter((k) => k !== 'data_completeness');
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE fx_wide AS
    WITH v AS (
      SELECT s.dealer_code, s.month, m.* EXCLUDE (dealer_code, month),
        CASE WHEN ${warm('base_customers')} THEN NULL ELSE c.base_customers::DOUBLE END AS base_customers,
        CASE WHEN ${warm('churn_rate')} THEN NULL ELSE c.churn_rate END AS churn_rate,
        (${warm('base_customers')})::INTEGER + (${warm('churn_rate')})::INTEGER AS warming
      FROM ${SCOPE} s
      LEFT JOIN fx_monthly m USING (dealer_code, month) LEFT JOIN fx_customers c USING (dealer_code, month)
      LEFT JOIN kpi_coverage coverage ON coverage.dealer_code = s.dealer_code
    )
    SELECT v.* EXCLUDE (warming), (${others.map((k) => `(${col(k)} IS NOT NULL)::INTEGER`).join(' + ')}) / (${others.length}.0 - warming) AS data_completeness
    FROM v`);

  if (!full) await connection.run(`DELETE FROM kpi_values WHERE (dealer_code, month) IN (SELECT dealer_code, month FROM ${SCOPE})`);
  await connection.run(`
    INSERT INTO kpi_values (dealer_code, month, kpi, value)
    SELECT dealer_code, month, unnest([${KPI_IDS.map((k) => `'${k}'`).join(', ')}]) AS kpi, unnest([${KPI_IDS.map(col).join(', ')}]) AS value FROM fx_wide`);
}
