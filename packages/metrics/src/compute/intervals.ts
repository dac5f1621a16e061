// Visit intervals of kpis.md's customer windows, kept current at load time: one row per
// (dealer, VIN, month index) with a visit event — an external RO or a customers row — and the
// VIN's next visit month at that dealer (NULL: none). The windows (customers.ts) only need these
// intervals; keeping them in visit_intervals spares every full recompute a sort of all events.
// A load or undo re-derives the rows of every VIN that had or has an event in the dealer-months
// it touched, from the stored tables as they now are, so the table is exact in any upload order.

import type { DuckDBConnection } from '@duckdb/node-api';
import { EXT } from './sql-parts.js';

const MI = (ts: string) => `(year(${ts}) * 12 + month(${ts}) - 1)::INTEGER`;

/** Visit events (dealer_code, vin, mi) of the stored tables, narrowed by `where` (SQL over dealer_code, vin, mi). */
const events = (where: string) => `
  SELECT DISTINCT dealer_code, vin, mi FROM (
    SELECT dealer_code, vin, ${MI('month')} AS mi FROM repair_orders WHERE ${EXT}
    UNION ALL
    SELECT dealer_code, vin, ${MI('last_visit_time')} FROM customer_visits
  ) WHERE ${where}`;

const withNext = (from: string) => `SELECT dealer_code, vin, mi, lead(mi) OVER (PARTITION BY dealer_code, vin ORDER BY mi) AS next_mi FROM (${from})`;

/** Derives the whole table again from the stored visit events. */
export async function rebuildVisitIntervals(connection: DuckDBConnection): Promise<void> {
  await connection.run('DELETE FROM visit_intervals');
  await connection.run(`INSERT INTO visit_intervals ${withNext(events('true'))}`);
}

/** A database whose events were stored without their intervals (older versions, fixtures) gets them. */
export async function ensureVisitIntervals(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(`SELECT
    EXISTS (SELECT 1 FROM visit_intervals) AS kept,
    EXISTS (SELECT 1 FROM repair_orders WHERE ${EXT}) OR EXISTS (SELECT 1 FROM customer_visits) AS events`);
  const row = reader.getRowObjects()[0]!;
  if (!row.kept && row.events) await rebuildVisitIntervals(connection);
}

/** After a load or undo that touched `pairs` (dealer, 'YYYY-MM'): the rows of every VIN that had or has an event there. */
export async function updateVisitIntervals(connection: DuckDBConnection, pairs: readonly { dealer: string; month: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await connection.run('CREATE OR REPLACE TEMP TABLE fx_visit_touched (dealer_code VARCHAR, mi INTEGER)');
  const appender = await connection.createAppender('fx_visit_touched', 'main', 'temp');
  for (const p of pairs) {
    appender.appendVarchar(p.dealer);
    appender.appendInteger(Number(p.month.slice(0, 4)) * 12 + Number(p.month.slice(5, 7)) - 1);
    appender.endRow();
  }
  appender.closeSync();
  const dealers = 'dealer_code IN (SELECT dealer_code FROM fx_visit_touched)';
  await connection.run(`CREATE OR REPLACE TEMP TABLE fx_visit_vins AS
    SELECT DISTINCT dealer_code, vin FROM visit_intervals WHERE (dealer_code, mi) IN (SELECT dealer_code, mi FROM fx_visit_touched)
    UNION
    SELECT dealer_code, vin FROM (${events(dealers)}) WHERE (dealer_code, mi) IN (SELECT dealer_code, mi FROM fx_visit_touched)`);
  await connection.run('DELETE FROM visit_intervals WHERE (dealer_code, vin) IN (SELECT dealer_code, vin FROM fx_visit_vins)');
  await connection.run(`INSERT INTO visit_intervals ${withNext(events(`${dealers} AND (dealer_code, vin) IN (SELECT dealer_code, vin FROM fx_visit_vins)`))}`);
  await connection.run('DROP TABLE IF EXISTS temp.fx_visit_touched; DROP TABLE IF EXISTS temp.fx_visit_vins;');
}
