// Visit intervals of kpis.md's customer windows, kept current at load time: one row per
// (dealer, VIN, month index) with a visit event — an external RO or a customers row — and the
// VIN's next visit month at that dealer (NULL: none). The windows (customers.ts) only need these
// intervals; keeping them in visit_intervals spares every full recompute a sort of all events.
// A load or undo re-derives the rows of every VIN that had or has an event in the dealer-months
// it touched, from the stored tables as they now are, so the table is exact in any upload order.
// visit_month_counts sums, per (dealer, month index), what the intervals contribute to the
// windows: delta = VINs entering the 12-month window minus those leaving it (a visit in e counts
// from e until e + 12 or its next visit, whichever is first), churned = VINs whose visit 12
// months before had no other within 12 months. A load adds its new rows' contributions and takes
// off the old ones', so a full recompute reads a table of a few rows per dealer-month.

import type { DuckDBConnection } from '@duckdb/node-api';
import { dealersSql, EXT } from './sql-parts.js';

const MI = (ts: string) => `(year(${ts}) * 12 + month(${ts}) - 1)::INTEGER`;

/** Visit events (dealer_code, vin, mi) of the stored tables, narrowed by `where` (SQL over dealer_code, vin, mi). */
const events = (where: string) => `
  SELECT DISTINCT dealer_code, vin, mi FROM (
    SELECT dealer_code, vin, ${MI('month')} AS mi FROM repair_orders WHERE ${EXT}
    UNION ALL
    SELECT dealer_code, vin, ${MI('last_visit_time')} FROM customer_visits
  ) WHERE ${where}`;

const withNext = (from: string) => `SELECT dealer_code, vin, mi, lead(mi) OVER (PARTITION BY dealer_code, vin ORDER BY mi) AS next_mi FROM (${from})`;

/** What interval rows (SQL with dealer_code, mi, next_mi) add to visit_month_counts, times `sign`. */
const contributions = (rows: string, sign: 1 | -1) => `
  SELECT dealer_code, mi, ${sign} AS delta, 0 AS churned FROM ${rows}
  UNION ALL SELECT dealer_code, least(mi + 12, coalesce(next_mi, mi + 12)), ${-sign}, 0 FROM ${rows}
  UNION ALL SELECT dealer_code, mi + 12, 0, ${sign} FROM ${rows} WHERE next_mi IS NULL OR next_mi > mi + 12`;

/** Derives both tables again from the stored visit events. */
export async function rebuildVisitIntervals(connection: DuckDBConnection): Promise<void> {
  await connection.run('DELETE FROM visit_intervals');
  // in dealer order (migration 15), so that a load's scans skip the other dealers' row groups
  await connection.run(`INSERT INTO visit_intervals SELECT * FROM (${withNext(events('true'))}) ORDER BY dealer_code, vin, mi`);
  await connection.run('DELETE FROM visit_month_counts');
  await connection.run(`INSERT INTO visit_month_counts
    SELECT dealer_code, mi, sum(delta), sum(churned) FROM (${contributions('visit_intervals', 1)}) GROUP BY ALL HAVING sum(delta) <> 0 OR sum(churned) <> 0`);
}

/** A database whose events were stored without their intervals (older versions, fixtures) gets them. */
export async function ensureVisitIntervals(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(`SELECT
    EXISTS (SELECT 1 FROM visit_intervals) AS kept,
    EXISTS (SELECT 1 FROM repair_orders WHERE ${EXT}) OR EXISTS (SELECT 1 FROM customer_visits) AS events`);
  const row = reader.getRowObjects()[0]!;
  if (!row.kept && row.events) await rebuildVisitIntervals(connection);
}

/**
 * After a load or undo that touched `pairs` (dealer, 'YYYY-MM'): the rows of every VIN that had
 * or has an event there. In chunks of dealers (a VIN's intervals are per dealer) whose stored
 * rows fit DuckDB's memory budget: a load in the server runs within FIXOPS_LOAD_MEMORY (64MB),
 * and ordering every event of a dozen dealers at once (a 100 MB upload) ran out of it.
 */
export async function updateVisitIntervals(connection: DuckDBConnection, pairs: readonly { dealer: string; month: string }[], rowsPerChunk?: number): Promise<void> {
  const byDealer = new Map<string, { dealer: string; month: string }[]>();
  for (const p of pairs) {
    const own = byDealer.get(p.dealer);
    if (own) own.push(p);
    else byDealer.set(p.dealer, [p]);
  }
  for (const dealers of await intervalChunks(connection, [...byDealer.keys()], rowsPerChunk)) {
    await updateDealerIntervals(connection, dealers.flatMap((d) => byDealer.get(d)!));
  }
}

/** Bytes of DuckDB's memory budget per stored event row one chunk may order (measured: 600k rows did not fit 64MB, 50k did). */
const BYTES_PER_EVENT = 512;

/**
 * `dealers` in consecutive chunks whose repair orders and customer rows together fit the memory
 * budget, or `rowsPerChunk` (one chunk for a single dealer; a dealer bigger than a chunk is a
 * chunk of its own).
 */
export async function intervalChunks(connection: DuckDBConnection, dealers: readonly string[], rowsPerChunk?: number): Promise<string[][]> {
  if (dealers.length <= 1) return dealers.length ? [[...dealers]] : [];
  const reader = await connection.runAndReadAll(`
    SELECT dealer_code, sum(n)::BIGINT AS n FROM (
      SELECT dealer_code, count(*) AS n FROM repair_orders WHERE ${dealersSql(dealers)} GROUP BY ALL
      UNION ALL SELECT dealer_code, count(*) FROM customer_visits WHERE ${dealersSql(dealers)} GROUP BY ALL
    ) GROUP BY ALL`);
  const rows = new Map(reader.getRows().map((r) => [String(r[0]), Number(r[1])]));
  const budget = rowsPerChunk ?? Math.max(20_000, Math.floor((await memoryLimitBytes(connection)) / BYTES_PER_EVENT));
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const d of dealers) {
    const n = rows.get(d) ?? 0;
    if (current.length > 0 && size + n > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(d);
    size += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 2 ** 10, MIB: 2 ** 20, GIB: 2 ** 30, TIB: 2 ** 40 };

/** DuckDB's memory_limit in bytes ('61.0 MiB'); 512MB when it cannot be read. */
async function memoryLimitBytes(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll("SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'");
  const m = /^([\d.]+)\s*([KMGT]?i?B)$/i.exec(String(reader.getRows()[0]?.[0] ?? '').trim());
  const unit = m ? UNITS[m[2]!.toUpperCase()] : undefined;
  return m && unit ? Number(m[1]) * unit : 512e6;
}

async function updateDealerIntervals(connection: DuckDBConnection, pairs: readonly { dealer: string; month: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await connection.run('CREATE OR REPLACE TEMP TABLE fx_visit_touched (dealer_code VARCHAR, mi INTEGER)');
  const appender = await connection.createAppender('fx_visit_touched', 'main', 'temp');
  for (const p of pairs) {
    appender.appendVarchar(p.dealer);
    appender.appendInteger(Number(p.month.slice(0, 4)) * 12 + Number(p.month.slice(5, 7)) - 1);
    appender.endRow();
  }
  appender.closeSync();
  // the touched dealers as literals, so that every scan of the big tables (repair_orders,
  // customer_visits, visit_intervals) skips the other dealers' row groups by their min/max
  const dealers = dealersSql([...new Set(pairs.map((p) => p.dealer))]);
  await connection.run(`CREATE OR REPLACE TEMP TABLE fx_visit_vins AS
    SELECT DISTINCT dealer_code, vin FROM visit_intervals WHERE ${dealers} AND (dealer_code, mi) IN (SELECT dealer_code, mi FROM fx_visit_touched)
    UNION
    SELECT dealer_code, vin FROM (${events(dealers)}) WHERE (dealer_code, mi) IN (SELECT dealer_code, mi FROM fx_visit_touched)`);
  const ofVins = `${dealers} AND (dealer_code, vin) IN (SELECT dealer_code, vin FROM fx_visit_vins)`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE fx_visit_old AS SELECT dealer_code, mi, next_mi FROM visit_intervals WHERE ${ofVins}`);
  await connection.run(`DELETE FROM visit_intervals WHERE ${ofVins}`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE fx_visit_new AS ${withNext(events(ofVins))}`);
  await connection.run('INSERT INTO visit_intervals SELECT * FROM fx_visit_new ORDER BY dealer_code, vin, mi');
  // counts: what was there, minus the old rows' contributions, plus the new rows'
  await connection.run(`CREATE OR REPLACE TEMP TABLE fx_visit_net AS
    SELECT dealer_code, mi, sum(delta) AS delta, sum(churned) AS churned FROM (
      ${contributions('fx_visit_old', -1)} UNION ALL ${contributions('fx_visit_new', 1)}
    ) GROUP BY ALL`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE fx_visit_sum AS
    SELECT dealer_code, mi, sum(delta) AS delta, sum(churned) AS churned FROM (
      SELECT * FROM visit_month_counts WHERE (dealer_code, mi) IN (SELECT dealer_code, mi FROM fx_visit_net)
      UNION ALL SELECT * FROM fx_visit_net
    ) GROUP BY ALL`);
  await connection.run('DELETE FROM visit_month_counts WHERE (dealer_code, mi) IN (SELECT dealer_code, mi FROM fx_visit_net)');
  await connection.run('INSERT INTO visit_month_counts SELECT * FROM fx_visit_sum WHERE delta <> 0 OR churned <> 0');
  await connection.run(['fx_visit_touched', 'fx_visit_vins', 'fx_visit_old', 'fx_visit_new', 'fx_visit_net', 'fx_visit_sum'].map((t) => `DROP TABLE IF EXISTS temp.${t};`).join(' '));
}
