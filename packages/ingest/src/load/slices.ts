// What a load would do to each (dealer, month, kind) it replaces: rows stored now and rows
// after. A big drop (a partial export replacing a full month) holds the load until confirmed.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import type { FixopsError } from '@fixops/shared';
import { KINDS } from '../kinds/catalog.js';
import type { KindId } from '../kinds/types.js';
import { GOOD, ROWS } from '../stage/validate.js';

/** A load holds when it removes this share or more of a replaced slice's rows (CLI and API default). */
export const DEFAULT_MAX_DROP_RATE = 0.3;

export interface SliceChange {
  kind: KindId;
  dealer: string;
  /** "YYYY-MM" */
  month: string;
  rowsNow: number;
  rowsAfter: number;
}

const TABLES: Partial<Record<KindId, string>> = { repair_orders: 'repair_orders', bookings: 'bookings', accident_repairs: 'accident_repairs' };

/** The replaced table of a monthly kind and its side table of replaced rows. */
export function replacedTable(kind: KindId): { table: string; side: string } | undefined {
  const table = TABLES[kind];
  return table ? { table, side: `${table}_replaced` } : undefined;
}

/** The stored rows a corrections file replaces: those with the key of one of its rows (null: whole months are replaced). */
export function correctedRows(kind: KindId): string | null {
  const key = KINDS[kind].key;
  return key && KINDS[kind].monthFrom ? `(dealer_code, ${key}) IN (SELECT dealer_code, ${key} FROM ${ROWS} WHERE ${GOOD})` : null;
}

/**
 * Per (dealer, month) of the validated rows: rows stored now and rows after this load (monthly
 * kinds only). A corrections file keeps the other rows of the month: after = now − the rows it
 * replaces by key + its own.
 */
export async function sliceCounts(connection: DuckDBConnection, kind: KindId, opts: { corrections?: boolean } = {}): Promise<SliceChange[]> {
  const t = replacedTable(kind);
  if (!t || !KINDS[kind].monthFrom) return [];
  const corrected = opts.corrections ? correctedRows(kind) : null;
  const kept = corrected ? `(SELECT dealer_code, month, count(*)::INTEGER AS n FROM ${t.table} WHERE NOT ${corrected} GROUP BY ALL)` : null;
  const rows = await queryJson<{ dealer: string; month: string; now: number; after: number }>(connection, `
    WITH incoming AS (SELECT dealer_code, month, count(*)::INTEGER AS n FROM ${ROWS} WHERE ${GOOD} GROUP BY ALL),
    stored AS (SELECT dealer_code, month, count(*)::INTEGER AS n FROM ${t.table} SEMI JOIN incoming USING (dealer_code, month) GROUP BY ALL)
    ${kept ? `, kept AS ${kept}` : ''}
    SELECT i.dealer_code AS dealer, strftime(i.month, '%Y-%m') AS month, coalesce(s.n, 0)::INTEGER AS now, (i.n ${kept ? '+ coalesce(k.n, 0)' : ''})::INTEGER AS after
    FROM incoming i LEFT JOIN stored s USING (dealer_code, month) ${kept ? 'LEFT JOIN kept k USING (dealer_code, month)' : ''} ORDER BY 1, 2`);
  return rows.map((r) => ({ kind, dealer: r.dealer, month: r.month, rowsNow: Number(r.now), rowsAfter: Number(r.after) }));
}

/** Slices that would lose `maxDropRate` or more of their stored rows. */
export function bigDrops(slices: readonly SliceChange[], maxDropRate: number | undefined): SliceChange[] {
  if (maxDropRate === undefined) return [];
  return slices.filter((s) => s.rowsNow > 0 && (s.rowsNow - s.rowsAfter) / s.rowsNow >= maxDropRate);
}

/** The message of a held load: which months shrink, and how to confirm. */
export function holdError(file: string, drops: readonly SliceChange[], maxDropRate: number): FixopsError {
  const pct = Math.round(maxDropRate * 100);
  const list = drops.slice(0, 6);
  const more = drops.length - list.length;
  const zh = list.map((d) => `${d.dealer} ${d.month}（${KINDS[d.kind].zh}）${d.rowsNow} → ${d.rowsAfter} 行`).join('；') + (more > 0 ? `；另有 ${more} 个` : '');
  const en = list.map((d) => `${d.dealer} ${d.month} (${d.kind}) ${d.rowsNow} → ${d.rowsAfter} rows`).join('; ') + (more > 0 ? `; ${more} more` : '');
  return {
    code: 'needs_confirmation',
    message: {
      zh: `${file}：将替换已导入的数据，且有 ${drops.length} 个月份的行数减少 ${pct}% 以上：${zh}。尚未导入任何数据；确认替换后才会导入（命令行加 --confirm，接口发送 confirm=true）。`,
      en: `${file}: this load replaces stored data and ${drops.length} month(s) would lose ${pct}% or more of their rows: ${en}. Nothing was loaded; confirm the replacement to load it (--confirm on the command line, confirm=true in the API).`,
    },
    details: { file, maxDropRate, slices: drops },
  };
}

export async function recordSlices(connection: DuckDBConnection, loadId: number, slices: readonly SliceChange[]): Promise<void> {
  if (slices.length === 0) return;
  await connection.run(`
    INSERT INTO load_slices (load_id, kind, dealer_code, month, rows_before, rows_after)
    SELECT $id, s.kind, s.dealer, strptime(s.month, '%Y-%m')::DATE, s.rowsNow, s.rowsAfter
    FROM (SELECT unnest(from_json($slices, '[{"kind":"VARCHAR","dealer":"VARCHAR","month":"VARCHAR","rowsNow":"BIGINT","rowsAfter":"BIGINT"}]'), recursive := true)) s`,
  { id: loadId, slices: JSON.stringify(slices) });
}

export async function readSlices(connection: DuckDBConnection, loadId: number): Promise<SliceChange[]> {
  const rows = await queryJson<{ kind: KindId; dealer: string; month: string; now: number; after: number }>(connection, `
    SELECT kind, dealer_code AS dealer, strftime(month, '%Y-%m') AS month, rows_before::INTEGER AS now, rows_after::INTEGER AS after
    FROM load_slices WHERE load_id = $id ORDER BY kind, dealer, month`, { id: loadId });
  return rows.map((r) => ({ kind: r.kind, dealer: r.dealer, month: r.month, rowsNow: Number(r.now), rowsAfter: Number(r.after) }));
}
