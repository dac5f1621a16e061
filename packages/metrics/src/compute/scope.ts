// What a recompute covers. Values: dealer-months (fx_scope). Trend flags: dealer-months
// (fx_trend_scope). Peer flags: (peer group, month) pairs (fx_peer_scope). A full recompute
// puts every dealer-month in all three; a load puts only what it can have changed.

import type { DuckDBConnection } from '@duckdb/node-api';
import { WARMING_CHANGES } from './warming.js';

export const SCOPE = 'fx_scope';
export const TREND_SCOPE = 'fx_trend_scope';
export const PEER_SCOPE = 'fx_peer_scope';

/** Every dealer-month: months with at least one repair order, booking or accident repair (each table grouped first: a few thousand rows to unite, not millions). */
export const DEALER_MONTHS = `(
  SELECT dealer_code, month FROM repair_orders GROUP BY ALL
  UNION SELECT dealer_code, month FROM bookings GROUP BY ALL
  UNION SELECT dealer_code, month FROM accident_repairs GROUP BY ALL)`;

/** Every dealer-month that has values already (a settings change: the data did not move). */
export async function scopeValued(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${SCOPE} AS SELECT DISTINCT dealer_code, month FROM kpi_values`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${TREND_SCOPE} AS SELECT * FROM ${SCOPE}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${PEER_SCOPE} AS
    SELECT DISTINCT coalesce(d.peer_group, 'default') AS peer_group, s.month FROM ${SCOPE} s LEFT JOIN dealers d USING (dealer_code)`);
}

export async function scopeAll(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${SCOPE} AS SELECT DISTINCT dealer_code, month FROM ${DEALER_MONTHS}`);
  await wholeScopes(connection);
}

/**
 * The same scope as scopeAll, from fx_monthly computed with `definesScope` (monthly.ts: one row
 * per dealer-month of the export tables, from the per-month pass's own groups): a full recompute
 * then reads repair_orders once instead of twice.
 */
export async function scopeFromMonthly(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${SCOPE} AS SELECT dealer_code, month FROM fx_monthly`);
  await wholeScopes(connection);
}

/** The trend and peer scopes of a scope that is every dealer-month. */
async function wholeScopes(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${TREND_SCOPE} AS SELECT * FROM ${SCOPE}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${PEER_SCOPE} AS
    SELECT DISTINCT coalesce(d.peer_group, 'default') AS peer_group, s.month FROM ${SCOPE} s LEFT JOIN dealers d USING (dealer_code)`);
}

/**
 * After a load that touched `pairs` (dealer-months): each changed dealer's values in
 * [first, last+12] (the 12-month customer windows and next month's churn reach that far), its
 * trend flags in [first, last+24] (a changed value is history for the next 12 months), and the
 * peer flags of its whole peer group in the months whose values changed. The dealer-months are
 * those already in kpi_values (every dealer-month has its values there) plus, for monthly
 * exports, the load's own (customer snapshots add visit events, never months). Needs
 * warming.ts's refreshCoverage to have run first.
 */
export async function scopeChanges(connection: DuckDBConnection, pairs: { dealer: string; month: string }[], pairsAreDealerMonths: boolean): Promise<void> {
  await connection.run('CREATE OR REPLACE TEMP TABLE fx_touched (dealer_code VARCHAR, month VARCHAR)');
  if (pairs.length > 0) {
    const appender = await connection.createAppender('fx_touched', 'main', 'temp');
    for (const p of pairs) {
      appender.appendVarchar(p.dealer);
      appender.appendVarchar(p.month);
      appender.endRow();
    }
    appender.closeSync();
  }
  await connection.run(`CREATE OR REPLACE TEMP TABLE fx_changes AS
    SELECT dealer_code, min(m) AS from_month, max(m) AS to_month FROM (SELECT dealer_code, strptime(month, '%Y-%m')::DATE AS m FROM fx_touched) GROUP BY ALL`);
  // plus, where the load moved a dealer's history coverage (warming.ts), every month whose
  // warming-up status changed (and, for trends, the 12 months after them)
  const monthsOf = (months: number) => `
    SELECT DISTINCT dealer_code, month FROM (
      SELECT DISTINCT dealer_code, month FROM kpi_values
      WHERE dealer_code IN (SELECT dealer_code FROM fx_changes UNION SELECT dealer_code FROM ${WARMING_CHANGES})
      ${pairsAreDealerMonths ? "UNION SELECT dealer_code, strptime(month, '%Y-%m')::DATE FROM fx_touched" : ''}
    ) dm
    WHERE EXISTS (SELECT 1 FROM fx_changes c WHERE c.dealer_code = dm.dealer_code AND dm.month BETWEEN c.from_month AND c.to_month + INTERVAL ${months} MONTH)
      OR EXISTS (SELECT 1 FROM ${WARMING_CHANGES} w WHERE w.dealer_code = dm.dealer_code
        AND (w.from_month IS NULL OR dm.month >= w.from_month) AND (w.to_month IS NULL OR dm.month <= w.to_month + INTERVAL ${months - 12} MONTH))`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${SCOPE} AS ${monthsOf(12)}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${TREND_SCOPE} AS ${monthsOf(24)}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${PEER_SCOPE} AS
    SELECT DISTINCT coalesce(d.peer_group, 'default') AS peer_group, s.month FROM ${SCOPE} s LEFT JOIN dealers d USING (dealer_code)`);
}
