// Reading the load log and a load's rejected rows back, for the CLI and the API.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import type { Message } from '@fixops/shared';
import type { LoadSummary } from './summary.js';

/** A load as the log keeps it: the summary's counts and detection, plus who and when. */
export type LoadRecord = Pick<LoadSummary,
  'file' | 'checksum' | 'status' | 'dealers' | 'months' | 'rowsLoaded' | 'rowsRejected' | 'rowsSkipped' | 'rowsDuplicate' | 'columns' | 'encoding' | 'separator' | 'ms'
> & {
  id: number;
  kind: string | null;
  error: { code: string; message: Message } | null;
  uploadedBy: string | null;
  startedAt: string;
};

interface LoadRow {
  id: string; file_name: string; checksum: string | null; kind: string | null; status: 'loaded' | 'refused';
  dealers: string[]; months: string[]; rows_loaded: string; rows_rejected: string; rows_skipped: string; rows_duplicate: string;
  columns_mapped: string | null; columns_ignored: string[] | null; columns_dropped: string[] | null;
  encoding: string | null; separator: string | null; error_code: string | null; error_message: string | null;
  uploaded_by: string | null; started_at: string; ms: string;
}

function toRecord(r: LoadRow): LoadRecord {
  return {
    id: Number(r.id), file: r.file_name, checksum: r.checksum, kind: r.kind, status: r.status,
    dealers: r.dealers, months: r.months,
    rowsLoaded: Number(r.rows_loaded), rowsRejected: Number(r.rows_rejected), rowsSkipped: Number(r.rows_skipped), rowsDuplicate: Number(r.rows_duplicate),
    columns: { mapped: r.columns_mapped ? JSON.parse(r.columns_mapped) : {}, ignored: r.columns_ignored ?? [], dropped: r.columns_dropped ?? [] },
    encoding: r.encoding, separator: r.separator,
    error: r.error_code ? { code: r.error_code, message: JSON.parse(r.error_message ?? '{"zh":"","en":""}') } : null,
    uploadedBy: r.uploaded_by, startedAt: r.started_at, ms: Number(r.ms),
  };
}

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
  if (f.dealer !== undefined) { where.push('list_contains(dealers, $dealer)'); params.dealer = f.dealer; }
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

export async function listLoads(connection: DuckDBConnection, opts: LoadFilter & { limit?: number; offset?: number } = {}): Promise<LoadRecord[]> {
  const { clause, params } = loadWhere(opts);
  const rows = await queryJson<LoadRow>(connection, `SELECT * FROM loads ${clause} ORDER BY id DESC LIMIT $limit OFFSET $offset`,
    { ...params, limit: opts.limit ?? 1000, offset: opts.offset ?? 0 });
  return rows.map(toRecord);
}

/** How many loads match the filter (for paging). */
export async function countLoads(connection: DuckDBConnection, f: LoadFilter = {}): Promise<number> {
  const { clause, params } = loadWhere(f);
  const [row] = await queryJson<{ n: number }>(connection, `SELECT count(*)::INTEGER AS n FROM loads ${clause}`, params);
  return row?.n ?? 0;
}

export async function getLoad(connection: DuckDBConnection, id: number): Promise<LoadRecord | undefined> {
  const rows = await queryJson<LoadRow>(connection, 'SELECT * FROM loads WHERE id = $id', { id });
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export interface StoredReject {
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
  rawText: string | null;
}

export async function listRejects(connection: DuckDBConnection, loadId: number): Promise<StoredReject[]> {
  const rows = await queryJson<{ row_no: string; column_name: string | null; value: string | null; reason: string; raw_text: string | null }>(
    connection, 'SELECT row_no, column_name, value, reason, raw_text FROM rejected_rows WHERE load_id = $id ORDER BY row_no', { id: loadId });
  return rows.map((r) => ({ row: Number(r.row_no), column: r.column_name, value: r.value, reason: r.reason, rawText: r.raw_text }));
}
