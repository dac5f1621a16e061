// Reading the load log and a load's rejected rows back, for the CLI and the API.
// A dealer's view (`dealer` given) holds only what belongs to that dealer: the rejected rows
// that name it, and their count. A rejected row that names no dealer (its dealer code empty
// or unreadable) is the load's dealer's when the load is single-dealer (all its loaded rows
// are one dealer's, so the row came from that dealer's export); in a multi-dealer load it
// could be anyone's, and only admins and consultants see it.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { csvLine, type Message } from '@fixops/shared';
import type { LoadSummary } from './summary.js';
import { readSlices, type SliceChange } from './slices.js';

/** A load as the log keeps it: the summary's counts and detection, plus who and when. */
export type LoadRecord = Pick<LoadSummary,
  'file' | 'checksum' | 'dealers' | 'months' | 'rowsLoaded' | 'rowsRejected' | 'rejectsStored' | 'rowsSkipped' | 'rowsDuplicate' | 'columns' | 'encoding' | 'separator' | 'ms'
> & {
  id: number;
  kind: string | null;
  /** loaded, refused, needs_confirmation (held, nothing changed) or undo (an entry that undid `undoes`). */
  status: LoadSummary['status'] | 'undo';
  error: { code: string; message: Message } | null;
  uploadedBy: string | null;
  startedAt: string;
  /** An `undo` entry: the load it undid. */
  undoes: number | null;
  /** A load that was undone: the `undo` entry that did it. */
  undoneBy: number | null;
  /** One load (getLoad): per (dealer, month, kind) it replaces, rows before → after (held loads too). */
  slices?: SliceChange[];
};

interface LoadRow {
  id: string; file_name: string; checksum: string | null; kind: string | null; status: string;
  dealers: string[]; months: string[]; rows_loaded: string; rows_rejected: string; rows_skipped: string; rows_duplicate: string;
  columns_mapped: string | null; columns_ignored: string[] | null; columns_dropped: string[] | null;
  encoding: string | null; separator: string | null; error_code: string | null; error_message: string | null;
  uploaded_by: string | null; started_at: string; ms: string; undoes: string | null; undone_by: string | null;
  rejects_stored: string | null; rejects_by_dealer: string | null; own_stored?: string | null;
}

/** Rejected rows of a load that belong to `dealer` (see the top of this file). */
const OWN_REJECT = `r.row_no > 0 AND coalesce(r.dealer_code, CASE WHEN len(l.dealers) = 1 THEN l.dealers[1] END) = $dealer`;

function toRecord(r: LoadRow, dealer?: string): LoadRecord {
  const rejected = Number(r.rows_rejected);
  const stored = r.rejects_stored === null ? rejected : Number(r.rejects_stored); // older loads stored every rejected row
  let rowsRejected = rejected;
  let rejectsStored = stored;
  if (dealer !== undefined) {
    const byDealer = r.rejects_by_dealer ? (JSON.parse(r.rejects_by_dealer) as Record<string, number>) : undefined;
    const single = r.dealers.length === 1 && r.dealers[0] === dealer;
    rowsRejected = byDealer ? (byDealer[dealer] ?? 0) + (single ? byDealer[''] ?? 0 : 0) : Number(r.own_stored ?? 0);
    rejectsStored = Number(r.own_stored ?? 0);
  }
  return {
    id: Number(r.id), file: r.file_name, checksum: r.checksum, kind: r.kind, status: r.status as LoadRecord['status'],
    dealers: r.dealers, months: r.months,
    rowsLoaded: Number(r.rows_loaded), rowsRejected, rejectsStored, rowsSkipped: Number(r.rows_skipped), rowsDuplicate: Number(r.rows_duplicate),
    columns: { mapped: r.columns_mapped ? JSON.parse(r.columns_mapped) as Record<string, string> : {}, ignored: r.columns_ignored ?? [], dropped: r.columns_dropped ?? [] },
    encoding: r.encoding, separator: r.separator,
    error: r.error_code ? { code: r.error_code, message: JSON.parse(r.error_message ?? '{"zh":"","en":""}') as Message } : null,
    uploadedBy: r.uploaded_by, startedAt: r.started_at, ms: Number(r.ms),
    undoes: r.undoes === null ? null : Number(r.undoes), undoneBy: r.undone_by === null ? null : Number(r.undone_by),
  };
}

/** A dealer's view: the rejected rows stored for it, per load. */
const ownStored = `(SELECT count(*) FROM rejected_rows r WHERE r.load_id = l.id AND ${OWN_REJECT})::BIGINT AS own_stored`;

/** Filters of the load log; each one narrows it. `month` matches a load naming that month. */
export interface LoadFilter {
  dealer?: string;
  kind?: string;
  status?: string;
  month?: string;
  /** Who uploaded it (`uploaded_by`). */
  user?: string;
  /** What a dealer account may see: loads it uploaded, or loads naming only its own dealer. */
  visibleTo?: { user: string; dealer: string | null };
}

function loadWhere(f: LoadFilter): { clause: string; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (f.dealer !== undefined) { where.push('list_contains(dealers, $filterDealer)'); params.filterDealer = f.dealer; }
  if (f.kind !== undefined) { where.push('kind = $kind'); params.kind = f.kind; }
  if (f.status !== undefined) { where.push('status = $status'); params.status = f.status; }
  if (f.month !== undefined) { where.push('list_contains(months, $month)'); params.month = f.month; }
  if (f.user !== undefined) { where.push('uploaded_by = $user'); params.user = f.user; }
  if (f.visibleTo !== undefined) {
    where.push('(uploaded_by = $ownUser OR (len(dealers) > 0 AND list_has_all([$ownDealer], dealers)))');
    params.ownUser = f.visibleTo.user;
    params.ownDealer = f.visibleTo.dealer ?? '\u0000';
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export interface LoadListOptions extends LoadFilter {
  limit?: number;
  offset?: number;
  /** Counts as this dealer may see them (a dealer user's view). */
  viewer?: string;
}

export async function listLoads(connection: DuckDBConnection, opts: LoadListOptions = {}): Promise<LoadRecord[]> {
  const { clause, params } = loadWhere(opts);
  const own = opts.viewer !== undefined ? `, ${ownStored}` : '';
  const all: Record<string, string | number> = { ...params, limit: opts.limit ?? 1000, offset: opts.offset ?? 0 };
  if (opts.viewer !== undefined) all.dealer = opts.viewer;
  const rows = await queryJson<LoadRow>(connection, `SELECT l.*${own} FROM loads l ${clause} ORDER BY l.id DESC LIMIT $limit OFFSET $offset`, all);
  return rows.map((r) => toRecord(r, opts.viewer));
}

/** How many loads match the filter (for paging). */
export async function countLoads(connection: DuckDBConnection, f: LoadFilter = {}): Promise<number> {
  const { clause, params } = loadWhere(f);
  const [row] = await queryJson<{ n: number }>(connection, `SELECT count(*)::INTEGER AS n FROM loads ${clause}`, params);
  return row?.n ?? 0;
}

export async function getLoad(connection: DuckDBConnection, id: number, opts: { viewer?: string } = {}): Promise<LoadRecord | undefined> {
  const own = opts.viewer !== undefined ? `, ${ownStored}` : '';
  const params: Record<string, string | number> = { id };
  if (opts.viewer !== undefined) params.dealer = opts.viewer;
  const rows = await queryJson<LoadRow>(connection, `SELECT l.*${own} FROM loads l WHERE l.id = $id`, params);
  if (!rows[0]) return undefined;
  const slices = await readSlices(connection, id);
  return slices.length > 0 ? { ...toRecord(rows[0], opts.viewer), slices } : toRecord(rows[0], opts.viewer);
}

export interface StoredReject {
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
  rawText: string | null;
}

export interface RejectsOptions {
  /** A dealer's view: only the rejected rows that belong to this dealer. */
  viewer?: string;
}

function rejectsQuery(loadId: number, opts: RejectsOptions): { sql: string; params: Record<string, string | number> } {
  const params: Record<string, string | number> = { id: loadId };
  if (opts.viewer !== undefined) params.dealer = opts.viewer;
  const own = opts.viewer !== undefined ? `AND ${OWN_REJECT}` : '';
  return {
    sql: `SELECT r.row_no, r.column_name, r.value, r.reason, r.raw_text FROM rejected_rows r JOIN loads l ON l.id = r.load_id
      WHERE r.load_id = $id AND r.row_no > 0 ${own} ORDER BY r.row_no`,
    params,
  };
}

/** The rejected rows of a load, all at once (small loads, JSON answers). Downloads use streamRejects. */
export async function listRejects(connection: DuckDBConnection, loadId: number, opts: RejectsOptions = {}): Promise<StoredReject[]> {
  const { sql, params } = rejectsQuery(loadId, opts);
  const rows = await queryJson<{ row_no: string; column_name: string | null; value: string | null; reason: string; raw_text: string | null }>(connection, sql, params);
  return rows.map((r) => ({ row: Number(r.row_no), column: r.column_name, value: r.value, reason: r.reason, rawText: r.raw_text }));
}

/**
 * The rejected rows of a load, chunk by chunk as DuckDB produces them (2048 rows each): a
 * download never holds more than one chunk in memory.
 */
export async function* streamRejects(connection: DuckDBConnection, loadId: number, opts: RejectsOptions = {}): AsyncGenerator<StoredReject[]> {
  const { sql, params } = rejectsQuery(loadId, opts);
  const result = await connection.stream(sql, params);
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    yield chunk.getRows().map(([row, column, value, reason, raw]) => ({
      row: Number(row), column: column as string | null, value: value as string | null, reason: reason as string, rawText: raw as string | null,
    }));
  }
}

/** The CSV of a load's rejected rows, streamed: the header line, then one piece per chunk (formula cells neutralised). */
export async function* rejectsCsv(connection: DuckDBConnection, loadId: number, opts: RejectsOptions & { newline?: string } = {}): AsyncGenerator<string> {
  const newline = opts.newline ?? '\r\n';
  yield `row,column,value,reason,raw_text${newline}`;
  for await (const rows of streamRejects(connection, loadId, opts)) {
    yield rows.map((r) => csvLine([r.row, r.column, r.value, r.reason, r.rawText]) + newline).join('');
  }
}
