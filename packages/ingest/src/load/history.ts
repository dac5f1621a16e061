// Reading the load log and a load's rejected rows back, for the CLI and the API.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import type { Message } from '@fixops/shared';
import type { LoadSummary } from './summary.js';
import { readSlices, type SliceChange } from './slices.js';

/** A load as the log keeps it: the summary's counts and detection, plus who and when. */
export type LoadRecord = Pick<LoadSummary,
  'file' | 'checksum' | 'dealers' | 'months' | 'rowsLoaded' | 'rowsRejected' | 'rowsSkipped' | 'rowsDuplicate' | 'columns' | 'encoding' | 'separator' | 'ms'
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
}

function toRecord(r: LoadRow): LoadRecord {
  return {
    id: Number(r.id), file: r.file_name, checksum: r.checksum, kind: r.kind, status: r.status as LoadRecord['status'],
    dealers: r.dealers, months: r.months,
    rowsLoaded: Number(r.rows_loaded), rowsRejected: Number(r.rows_rejected), rowsSkipped: Number(r.rows_skipped), rowsDuplicate: Number(r.rows_duplicate),
    columns: { mapped: r.columns_mapped ? JSON.parse(r.columns_mapped) : {}, ignored: r.columns_ignored ?? [], dropped: r.columns_dropped ?? [] },
    encoding: r.encoding, separator: r.separator,
    error: r.error_code ? { code: r.error_code, message: JSON.parse(r.error_message ?? '{"zh":"","en":""}') } : null,
    uploadedBy: r.uploaded_by, startedAt: r.started_at, ms: Number(r.ms),
    undoes: r.undoes === null ? null : Number(r.undoes), undoneBy: r.undone_by === null ? null : Number(r.undone_by),
  };
}

export async function listLoads(connection: DuckDBConnection, opts: { dealer?: string; limit?: number } = {}): Promise<LoadRecord[]> {
  const where = opts.dealer !== undefined ? 'WHERE list_contains(dealers, $dealer)' : '';
  const params: Record<string, string | number> = { limit: opts.limit ?? 1000 };
  if (opts.dealer !== undefined) params.dealer = opts.dealer;
  const rows = await queryJson<LoadRow>(connection, `SELECT * FROM loads ${where} ORDER BY id DESC LIMIT $limit`, params);
  return rows.map(toRecord);
}

export async function getLoad(connection: DuckDBConnection, id: number): Promise<LoadRecord | undefined> {
  const rows = await queryJson<LoadRow>(connection, 'SELECT * FROM loads WHERE id = $id', { id });
  if (!rows[0]) return undefined;
  const slices = await readSlices(connection, id);
  return slices.length > 0 ? { ...toRecord(rows[0]), slices } : toRecord(rows[0]);
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
