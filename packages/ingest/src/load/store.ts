// Applies a validated file to the stored tables: replace per (dealer, month) for monthly
// kinds, add visit events for customer snapshots, upsert master data for dealers. Runs
// inside the load's transaction, so a file loads whole or not at all. Replaced rows are not
// deleted: they move to the kind's side table (`<table>_replaced`, with the replacing load), so
// an undo can put them back while reads of the live tables stay as fast as before.

import type { DuckDBConnection } from '@duckdb/node-api';
import { KINDS } from '../kinds/catalog.js';
import type { KindId } from '../kinds/types.js';
import { GOOD, ROWS } from '../stage/validate.js';
import { correctedRows, replacedTable } from './slices.js';

export const TABLE_OF: Record<KindId, string> = {
  repair_orders: 'repair_orders',
  bookings: 'bookings',
  accident_repairs: 'accident_repairs',
  customers: 'customer_visits',
  dealers: 'dealers',
};

/** Stored columns of a kind, in table order (load_id excluded). */
export function storedColumns(kind: KindId): string[] {
  const spec = KINDS[kind];
  const cols: string[] = [];
  for (const c of spec.columns) {
    cols.push(c.name);
    if (c.name === 'dealer_code' && spec.monthFrom) cols.push('month');
    if (c.type === 'repair_type' || c.type === 'booking_status') cols.push(`${c.name}_raw`);
  }
  return cols;
}

/** `corrections`: the file's rows replace the stored rows with the same key, not whole months (fixable.ts). */
export async function storeRows(connection: DuckDBConnection, kind: KindId, loadId: number, opts: { corrections?: boolean } = {}): Promise<void> {
  const table = TABLE_OF[kind];
  const cols = storedColumns(kind);
  // dealers this load creates, so that undoing it can remove them again
  await connection.run(`
    INSERT INTO load_created_dealers (load_id, dealer_code)
    SELECT DISTINCT $load, dealer_code FROM ${ROWS} WHERE ${GOOD} AND dealer_code NOT IN (SELECT dealer_code FROM dealers)`, { load: loadId });
  await connection.run(`
    INSERT INTO dealers (dealer_code) SELECT DISTINCT dealer_code FROM ${ROWS} WHERE ${GOOD}
    ON CONFLICT (dealer_code) DO NOTHING`);
  if (kind === 'dealers') {
    await connection.run(`
      UPDATE dealers SET name = coalesce(r.name, dealers.name), region = coalesce(r.region, dealers.region),
        peer_group = coalesce(r.peer_group, dealers.peer_group), city = coalesce(r.city, dealers.city), load_id = $load
      FROM (SELECT * FROM ${ROWS} WHERE ${GOOD}) r WHERE dealers.dealer_code = r.dealer_code`, { load: loadId });
    await storeNames(connection);
    return;
  }
  if (KINDS[kind].monthFrom) {
    const side = replacedTable(kind)!.side;
    const replaced = (opts.corrections ? correctedRows(kind) : null) ?? `(dealer_code, month) IN (SELECT DISTINCT dealer_code, month FROM ${ROWS} WHERE ${GOOD})`;
    await connection.run(`INSERT INTO ${side} BY NAME SELECT *, $load AS replaced_by FROM ${table} WHERE ${replaced}`, { load: loadId });
    await connection.run(`DELETE FROM ${table} WHERE ${replaced}`);
    await connection.run(`
      INSERT INTO ${table} (${cols.join(', ')}, load_id) SELECT ${cols.join(', ')}, $load FROM ${ROWS} WHERE ${GOOD}`, { load: loadId });
    return;
  }
  // customers: the file's as_of (month of its latest visit, over every good row, stored or
  // already known) for each dealer in it: kpis.md's history coverage reads it.
  await connection.run(`
    INSERT INTO customer_snapshots (load_id, dealer_code, as_of)
    SELECT DISTINCT $load, dealer_code, (SELECT max(date_trunc('month', last_visit_time))::DATE FROM ${ROWS} WHERE ${GOOD})
    FROM ${ROWS} WHERE ${GOOD}`, { load: loadId });
  // customers: a snapshot adds the visit events not already known; it never deletes.
  await connection.run(`
    INSERT INTO ${table} (${cols.join(', ')}, load_id)
    SELECT ${cols.join(', ')}, $load FROM (
      SELECT * FROM ${ROWS} WHERE ${GOOD}
      QUALIFY row_number() OVER (PARTITION BY dealer_code, vin, last_visit_time ORDER BY ord) = 1
    ) r
    WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.dealer_code = r.dealer_code AND t.vin = r.vin AND t.last_visit_time = r.last_visit_time)`, { load: loadId });
}

/**
 * Dealers and months of the rows about to be stored ("YYYY-MM"). `months` are the replaced
 * months (monthly kinds only); `pairs` also give customer snapshots the months of their visit
 * events, which is what KPIs downstream depend on.
 */
export async function touched(connection: DuckDBConnection, kind: KindId): Promise<{ dealers: string[]; months: string[]; pairs: { dealer: string; month: string }[] }> {
  const spec = KINDS[kind];
  const monthOf = spec.monthFrom ? "strftime(month, '%Y-%m')" : kind === 'customers' ? "strftime(last_visit_time, '%Y-%m')" : 'NULL::VARCHAR';
  const reader = await connection.runAndReadAll(`
    SELECT DISTINCT dealer_code AS dealer, ${monthOf} AS month FROM ${ROWS} WHERE ${GOOD} ORDER BY 1, 2`);
  const rows = reader.getRowObjectsJS() as { dealer: string; month: string | null }[];
  const dealers = [...new Set(rows.map((p) => p.dealer))];
  const pairs = rows.flatMap((p) => (p.month ? [{ dealer: p.dealer, month: p.month }] : []));
  const months = spec.monthFrom ? [...new Set(pairs.map((p) => p.month))].sort() : [];
  return { dealers, months, pairs };
}

/** The file's English region names and peer-group names (optional columns) into the name tables; a name the file leaves empty keeps the stored one. */
async function storeNames(connection: DuckDBConnection): Promise<void> {
  await connection.run(`
    INSERT INTO regions (region, name_en)
    SELECT region, max(region_en) FROM ${ROWS} WHERE ${GOOD} AND region IS NOT NULL AND region_en IS NOT NULL GROUP BY region
    ON CONFLICT (region) DO UPDATE SET name_en = excluded.name_en`);
  await connection.run(`
    INSERT INTO peer_groups (id, name_zh, name_en)
    SELECT peer_group, max(group_zh), max(group_en) FROM ${ROWS}
    WHERE ${GOOD} AND peer_group IS NOT NULL AND (group_zh IS NOT NULL OR group_en IS NOT NULL) GROUP BY peer_group
    ON CONFLICT (id) DO UPDATE SET name_zh = coalesce(excluded.name_zh, peer_groups.name_zh), name_en = coalesce(excluded.name_en, peer_groups.name_en)`);
}
