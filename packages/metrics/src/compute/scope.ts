// What a recompute covers. Values: dealer-months (fx_scope). Trend flags: dealer-months
// (fx_trend_scope). Peer flags: (peer group, month) pairs (fx_peer_scope). A full recompute
// puts every dealer-month in all three; a load puts only what it can have changed.

import type { DuckDBConnection } from '@duckdb/node-api';

export const SCOPE = 'fx_scope';
export const TREND_SCOPE = 'fx_trend_scope';
export const PEER_SCOPE = 'fx_peer_scope';

/** Every dealer-month: months with at least one repair order, booking or accident repair. */
export const DEALER_MONTHS = `(
  SELECT dealer_code, month FROM repair_orders
  UNION SELECT dealer_code, month FROM bookings
  UNION SELECT dealer_code, month FROM accident_repairs)`;

export async function scopeAll(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${SCOPE} AS SELECT DISTINCT dealer_code, month FROM ${DEALER_MONTHS}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${TREND_SCOPE} AS SELECT * FROM ${SCOPE}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${PEER_SCOPE} AS
    SELECT DISTINCT coalesce(d.peer_group, 'default') AS peer_group, s.month FROM ${SCOPE} s LEFT JOIN dealers d USING (dealer_code)`);
}

/**
 * After a load that changed dealer `d` in months `from`..`to`: its values in [from, to+12]
 * (the 12-month customer windows and next month's churn reach that far), its trend flags in
 * [from, to+24] (a changed value is history for the next 12 months), and the peer flags of
 * its whole peer group in the months whose values changed.
 */
export async function scopeChanges(connection: DuckDBConnection, changes: { dealer: string; from: string; to: string }[]): Promise<void> {
  await connection.run('CREATE OR REPLACE TEMP TABLE fx_changes (dealer_code VARCHAR, from_month VARCHAR, to_month VARCHAR)');
  if (changes.length > 0) {
    const appender = await connection.createAppender('fx_changes', 'main', 'temp');
    for (const c of changes) {
      appender.appendVarchar(c.dealer);
      appender.appendVarchar(c.from);
      appender.appendVarchar(c.to);
      appender.endRow();
    }
    appender.closeSync();
  }
  const within = (months: number) => `EXISTS (SELECT 1 FROM fx_changes c WHERE c.dealer_code = dm.dealer_code
      AND dm.month BETWEEN strptime(c.from_month, '%Y-%m')::DATE AND strptime(c.to_month, '%Y-%m')::DATE + INTERVAL ${months} MONTH)`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${SCOPE} AS
    SELECT DISTINCT dealer_code, month FROM ${DEALER_MONTHS} dm WHERE dealer_code IN (SELECT dealer_code FROM fx_changes) AND ${within(12)}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${TREND_SCOPE} AS
    SELECT DISTINCT dealer_code, month FROM ${DEALER_MONTHS} dm WHERE dealer_code IN (SELECT dealer_code FROM fx_changes) AND ${within(24)}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${PEER_SCOPE} AS
    SELECT DISTINCT coalesce(d.peer_group, 'default') AS peer_group, s.month FROM ${SCOPE} s LEFT JOIN dealers d USING (dealer_code)`);
}
