// Undoes one load: removes the rows it added, puts back the rows it replaced (kept in the
// kinds' side tables), removes dealers it created and nothing else references, lets the caller
// recompute KPIs and flags, and logs an `undo` entry and a `load.undo` audit row — all in one transaction. Refused when a
// later load has since replaced the same slices (undo that one first) or the load was undone.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson, recordAudit, transaction, type AuditActor } from '@fixops/db';
import { err, FixopsException, ok, type FixopsError, type Result } from '@fixops/shared';
import type { KindId } from '../kinds/types.js';
import { nextLoadId } from './loadLog.js';
import { readSlices, replacedTable, type SliceChange } from './slices.js';

export interface UndoChange {
  kind: KindId;
  dealers: string[];
  /** Dealer-months whose rows changed (for customer snapshots: the months of the removed visit events). */
  pairs: { dealer: string; month: string }[];
}

export interface UndoOptions {
  /** Who asked (recorded in the load log). */
  by?: string;
  /** Who asked, from where (the audit row); default the `by` user on the command line. */
  actor?: AuditActor;
  /** Called inside the undo's transaction after the rows are back (e.g. recomputeAfterLoad). */
  afterUndo?: (connection: DuckDBConnection, change: UndoChange) => Promise<void>;
}

export interface UndoSummary {
  /** The `undo` entry in the load log. */
  undoId: number;
  /** The load undone. */
  loadId: number;
  file: string;
  kind: KindId;
  dealers: string[];
  months: string[];
  /** Rows the load had added, now removed. */
  rowsRemoved: number;
  /** Rows it had replaced, now back. */
  rowsRestored: number;
  /** Per (dealer, month, kind): rows while the load was in place → rows now. */
  slices: SliceChange[];
  /** Dealers the load had created that nothing else refers to, removed again. */
  dealersRemoved: string[];
  ms: number;
}

interface LoadRow { id: number; file_name: string; kind: string | null; status: string; dealers: string[]; rows_loaded: number; undone_by: number | null }

const MONTHLY_TABLES = ['repair_orders', 'bookings', 'accident_repairs'];

const refuse = (e: { ok: false; error: FixopsError }): never => {
  throw new FixopsException(e.error);
};

export async function undoLoad(connection: DuckDBConnection, loadId: number, opts: UndoOptions = {}): Promise<Result<UndoSummary>> {
  const started = Date.now();
  try {
    return ok(await transaction(connection, () => undoInTransaction(connection, loadId, opts, started)));
  } catch (e) {
    if (e instanceof FixopsException) return { ok: false, error: e.error };
    throw e;
  }
}

async function undoInTransaction(connection: DuckDBConnection, loadId: number, opts: UndoOptions, started: number): Promise<UndoSummary> {
  const [load] = await queryJson<LoadRow>(connection,
    'SELECT id::INTEGER AS id, file_name, kind, status, dealers, rows_loaded::INTEGER AS rows_loaded, undone_by::INTEGER AS undone_by FROM loads WHERE id = $id', { id: loadId });
  if (!load) refuse(err('load_not_found', { zh: `没有编号为 ${loadId} 的导入。`, en: `No load with id ${loadId}.` }, { id: loadId }));
  const l = load!;
  if (l.undone_by !== null) {
    refuse(err('load_already_undone', {
      zh: `导入 ${loadId}（${l.file_name}）已经撤销过（撤销记录 ${l.undone_by}）。`,
      en: `Load ${loadId} (${l.file_name}) was already undone (undo entry ${l.undone_by}).`,
    }, { id: loadId, undoneBy: l.undone_by }));
  }
  if (l.status !== 'loaded') {
    const what = l.status === 'undo' ? { zh: '撤销记录本身不能撤销', en: 'an undo entry cannot itself be undone' }
      : l.status === 'needs_confirmation' ? { zh: '它在等待确认，没有导入任何数据', en: 'it was held for confirmation and loaded nothing' }
        : { zh: '它被拒绝了，没有导入任何数据', en: 'it was refused and loaded nothing' };
    refuse(err('load_not_undoable', { zh: `导入 ${loadId} 无法撤销：${what.zh}。`, en: `Load ${loadId} cannot be undone: ${what.en}.` }, { id: loadId, status: l.status }));
  }
  const kind = l.kind as KindId;
  if (kind === 'dealers') {
    refuse(err('undo_unsupported', {
      zh: `导入 ${loadId} 是经销商主数据（名称、区域、分组），不支持撤销；请上传更正后的经销商文件。`,
      en: `Load ${loadId} is dealer master data (names, regions, peer groups), which cannot be undone; upload a corrected dealers file instead.`,
    }, { id: loadId, kind }));
  }

  let change: UndoChange;
  let slices: SliceChange[] = [];
  let rowsRemoved: number;
  let rowsRestored = 0;
  const t = replacedTable(kind);
  if (t) {
    slices = await readSlices(connection, loadId);
    if (slices.length === 0 && l.rows_loaded > 0) {
      refuse(err('undo_unavailable', {
        zh: `导入 ${loadId} 早于撤销功能，没有保留被替换的数据，无法撤销。`,
        en: `Load ${loadId} predates undo: the rows it replaced were not kept, so it cannot be undone.`,
      }, { id: loadId }));
    }
    await refuseIfReplacedLater(connection, loadId, kind);
    rowsRemoved = await countOf(connection, `SELECT count(*) AS n FROM ${t.table} WHERE load_id = $id`, loadId);
    rowsRestored = await countOf(connection, `SELECT count(*) AS n FROM ${t.side} WHERE replaced_by = $id`, loadId);
    await connection.run(`DELETE FROM ${t.table} WHERE load_id = $id`, { id: loadId });
    await connection.run(`INSERT INTO ${t.table} BY NAME SELECT * EXCLUDE (replaced_by) FROM ${t.side} WHERE replaced_by = $id`, { id: loadId });
    await connection.run(`DELETE FROM ${t.side} WHERE replaced_by = $id`, { id: loadId });
    change = { kind, dealers: [...new Set(slices.map((s) => s.dealer))], pairs: slices.map((s) => ({ dealer: s.dealer, month: s.month })) };
    slices = slices.map((s) => ({ ...s, rowsNow: s.rowsAfter, rowsAfter: s.rowsNow }));
  } else {
    // customers: the visit events this load added (it never deletes any) go again
    await refuseIfLaterSnapshot(connection, loadId, l.dealers);
    const pairs = await queryJson<{ dealer: string; month: string }>(connection,
      "SELECT DISTINCT dealer_code AS dealer, strftime(last_visit_time, '%Y-%m') AS month FROM customer_visits WHERE load_id = $id ORDER BY 1, 2", { id: loadId });
    rowsRemoved = await countOf(connection, 'SELECT count(*) AS n FROM customer_visits WHERE load_id = $id', loadId);
    await connection.run('DELETE FROM customer_visits WHERE load_id = $id', { id: loadId });
    await connection.run('DELETE FROM customer_snapshots WHERE load_id = $id', { id: loadId });
    change = { kind, dealers: l.dealers, pairs };
  }
  const dealersRemoved = await removeCreatedDealers(connection, loadId);
  await opts.afterUndo?.(connection, change);
  await dropValuesOfEmptyMonths(connection, change);

  const undoId = await nextLoadId(connection);
  const months = [...new Set(change.pairs.map((p) => p.month))].sort();
  const ms = Date.now() - started;
  await connection.run(
    `INSERT INTO loads (id, file_name, kind, status, dealers, months, rows_loaded, rows_rejected, rows_skipped, rows_duplicate, uploaded_by, started_at, ms, undoes)
     VALUES ($id, $file, $kind, 'undo', from_json($dealers, '["VARCHAR"]'), from_json($months, '["VARCHAR"]'), $restored, 0, 0, 0, $by, current_timestamp::TIMESTAMP, $ms, $undoes)`,
    { id: undoId, file: l.file_name, kind, dealers: JSON.stringify(change.dealers), months: JSON.stringify(t ? months : []), restored: rowsRestored, by: opts.by ?? 'cli', ms, undoes: loadId });
  await connection.run('UPDATE loads SET undone_by = $undo WHERE id = $id', { undo: undoId, id: loadId });
  await recordAudit(connection, {
    actor: opts.actor ?? { user: opts.by ?? 'cli', via: 'cli', ip: null }, action: 'load.undo', target: String(loadId),
    detail: { loadId, undoId, file: l.file_name, kind, dealers: change.dealers, months: t ? months : [], rowsRemoved, rowsRestored, dealersRemoved },
  });
  return { undoId, loadId, file: l.file_name, kind, dealers: change.dealers, months: t ? months : [], rowsRemoved, rowsRestored, slices, dealersRemoved, ms };
}

async function countOf(connection: DuckDBConnection, sql: string, id: number): Promise<number> {
  const rows = await queryJson<{ n: number }>(connection, sql, { id });
  return Number(rows[0]?.n ?? 0);
}

/** A later load, still in place, replaced one of the same (dealer, month, kind): it must be undone first. */
async function refuseIfReplacedLater(connection: DuckDBConnection, loadId: number, kind: KindId): Promise<void> {
  const later = await queryJson<{ id: number; dealer: string; month: string }>(connection, `
    SELECT o.load_id::INTEGER AS id, o.dealer_code AS dealer, strftime(o.month, '%Y-%m') AS month
    FROM load_slices s JOIN load_slices o ON o.kind = s.kind AND o.dealer_code = s.dealer_code AND o.month = s.month AND o.load_id > s.load_id
    JOIN loads l ON l.id = o.load_id
    WHERE s.load_id = $id AND s.kind = $kind AND l.status = 'loaded' AND l.undone_by IS NULL
    ORDER BY o.load_id DESC, 2, 3`, { id: loadId, kind });
  if (later.length === 0) return;
  const ids = [...new Set(later.map((r) => r.id))];
  const where = later.slice(0, 5).map((r) => `${r.dealer} ${r.month}`).join(', ');
  refuse(err('undo_blocked', {
    zh: `导入 ${loadId} 无法撤销：之后的导入 ${ids.join('、')} 又替换了相同的月份（${where}）。请先撤销导入 ${ids[0]}。`,
    en: `Load ${loadId} cannot be undone: later load(s) ${ids.join(', ')} replaced the same months since (${where}). Undo load ${ids[0]} first.`,
  }, { id: loadId, later: ids, slices: later.map((r) => ({ load: r.id, dealer: r.dealer, month: r.month })) }));
}

/** A later customer snapshot of the same dealer may count on this load's visit events. */
async function refuseIfLaterSnapshot(connection: DuckDBConnection, loadId: number, dealers: string[]): Promise<void> {
  const later = await queryJson<{ id: number }>(connection, `
    SELECT id::INTEGER AS id FROM loads WHERE kind = 'customers' AND status = 'loaded' AND undone_by IS NULL AND id > $id
      AND list_has_any(dealers, from_json($dealers, '["VARCHAR"]')) ORDER BY id DESC`, { id: loadId, dealers: JSON.stringify(dealers) });
  if (later.length === 0) return;
  const ids = later.map((r) => r.id);
  refuse(err('undo_blocked', {
    zh: `导入 ${loadId} 无法撤销：之后的基盘客户导入 ${ids.join('、')} 涉及相同的经销商。请先撤销导入 ${ids[0]}。`,
    en: `Load ${loadId} cannot be undone: later customer snapshot load(s) ${ids.join(', ')} cover the same dealers. Undo load ${ids[0]} first.`,
  }, { id: loadId, later: ids }));
}

/** Dealers the load created (code only) that no row, user or master data refers to any more. */
async function removeCreatedDealers(connection: DuckDBConnection, loadId: number): Promise<string[]> {
  const unused = (col: string) => [...MONTHLY_TABLES, 'customer_visits', ...MONTHLY_TABLES.map((x) => `${x}_replaced`), 'users']
    .map((x) => `AND ${col} NOT IN (SELECT dealer_code FROM ${x} WHERE dealer_code IS NOT NULL)`).join(' ');
  const gone = await queryJson<{ dealer: string }>(connection, `
    SELECT d.dealer_code AS dealer FROM dealers d JOIN load_created_dealers c ON c.dealer_code = d.dealer_code AND c.load_id = $id
    WHERE d.name IS NULL AND d.region IS NULL AND d.city IS NULL AND d.peer_group = 'default' AND d.load_id IS NULL ${unused('d.dealer_code')}
    ORDER BY 1`, { id: loadId });
  for (const g of gone) await connection.run('DELETE FROM dealers WHERE dealer_code = $d', { d: g.dealer });
  await connection.run('DELETE FROM load_created_dealers WHERE load_id = $id', { id: loadId });
  return gone.map((g) => g.dealer);
}

/**
 * A dealer-month the undo emptied (the load had opened it) has no KPIs any more: the
 * recompute covers only months with data, so its old values and flags go here.
 */
async function dropValuesOfEmptyMonths(connection: DuckDBConnection, change: UndoChange): Promise<void> {
  if (change.kind === 'customers' || change.pairs.length === 0) return;
  const empty = `(dealer_code, month) IN (
    SELECT p.dealer, strptime(p.month, '%Y-%m')::DATE FROM (SELECT unnest(from_json($pairs, '[{"dealer":"VARCHAR","month":"VARCHAR"}]'), recursive := true)) p
    WHERE NOT EXISTS (${MONTHLY_TABLES.map((x) => `SELECT 1 FROM ${x} WHERE dealer_code = p.dealer AND month = strptime(p.month, '%Y-%m')::DATE`).join(' UNION ALL ')}))`;
  const pairs = JSON.stringify(change.pairs);
  await connection.run(`DELETE FROM kpi_values WHERE ${empty}`, { pairs });
  await connection.run(`DELETE FROM kpi_flags WHERE ${empty}`, { pairs });
}
