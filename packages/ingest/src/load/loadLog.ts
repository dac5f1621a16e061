// The load log: every attempt, loaded or refused, with its counts, columns, detection
// results and the rejected rows (downloadable afterwards).

import type { DuckDBConnection } from '@duckdb/node-api';
import { YIELD_EVERY, yieldToEventLoop, type RejectedRow } from '../stage/rejects.js';
import type { LoadSummary } from './summary.js';

/**
 * The file's own header is kept beside its rejected rows (as row 0: line numbers start at 1, so
 * no data row has it), so the rejected rows can be given back with the file's columns, fixed in
 * Excel and uploaded again. Readers of rejected rows skip it (history.ts).
 */
export const HEADER_ROW_NO = 0;

/** The file's header as read (headers in file order) and the separator of the raw text kept for each rejected row. */
export interface OriginalHeader {
  headers: readonly string[];
  separator: string;
}

export async function nextLoadId(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll("SELECT nextval('load_id_seq')::BIGINT AS id");
  return Number(reader.getRowObjects()[0]!.id);
}

/**
 * Records one load and its stored rejected rows (the first ones only: `rejects` is already cut
 * to the limit). `byDealer` counts every rejected row per dealer code, so that a dealer can be
 * shown its own count without seeing another dealer's.
 */
export async function recordLoad(connection: DuckDBConnection, s: LoadSummary & { loadId: number }, startedAt: Date, uploadedBy: string, rejects: RejectedRow[], byDealer: Record<string, number> = {}, original?: OriginalHeader): Promise<void> {
  await connection.run(
    `INSERT INTO loads (id, file_name, checksum, kind, status, dealers, months, rows_loaded, rows_rejected, rows_skipped, rows_duplicate,
       columns_mapped, columns_ignored, columns_dropped, encoding, separator, error_code, error_message, uploaded_by, started_at, ms, rejects_stored, rejects_by_dealer)
     VALUES ($id, $file, $checksum, $kind, $status, from_json($dealers, '["VARCHAR"]'), from_json($months, '["VARCHAR"]'), $loaded, $rejected, $skipped, $duplicate,
       $mapped::JSON, from_json($ignored, '["VARCHAR"]'), from_json($dropped, '["VARCHAR"]'), $encoding, $separator, $errorCode, $errorMessage::JSON, $by, $startedAt::TIMESTAMP, $ms, $stored, $byDealer::JSON)`,
    {
      id: s.loadId,
      file: s.file,
      checksum: s.checksum,
      kind: s.kind,
      status: s.status,
      dealers: JSON.stringify(s.dealers),
      months: JSON.stringify(s.months),
      loaded: s.rowsLoaded,
      rejected: s.rowsRejected,
      skipped: s.rowsSkipped,
      duplicate: s.rowsDuplicate,
      mapped: JSON.stringify(s.columns.mapped),
      ignored: JSON.stringify(s.columns.ignored),
      dropped: JSON.stringify(s.columns.dropped),
      encoding: s.encoding,
      separator: s.separator,
      errorCode: s.error?.code ?? null,
      errorMessage: s.error ? JSON.stringify(s.error.message) : null,
      by: uploadedBy,
      startedAt: startedAt.toISOString().replace('T', ' ').replace('Z', ''),
      ms: s.ms,
      stored: rejects.length,
      byDealer: JSON.stringify(byDealer),
    },
  );
  if (rejects.length === 0) return;
  const appender = await connection.createAppender('rejected_rows');
  if (original) {
    // header names are never personal data; the separator (value) parses each raw text again
    appender.appendBigInt(BigInt(s.loadId));
    appender.appendBigInt(BigInt(HEADER_ROW_NO));
    appender.appendVarchar('');
    appender.appendVarchar(original.separator);
    appender.appendVarchar('');
    appender.appendVarchar(JSON.stringify(original.headers));
    appender.appendNull();
    appender.endRow();
  }
  for (let i = 0; i < rejects.length; i++) {
    if (i > 0 && i % YIELD_EVERY === 0) {
      // appending is synchronous: flush a batch, then let the event loop answer others
      appender.flushSync();
      await yieldToEventLoop();
    }
    const r = rejects[i]!;
    appender.appendBigInt(BigInt(s.loadId));
    appender.appendBigInt(BigInt(r.row));
    appender.appendVarchar(r.column || r.field);
    if (r.value === null) appender.appendNull();
    else appender.appendVarchar(r.value);
    appender.appendVarchar(r.reason);
    appender.appendVarchar(r.rawText);
    if (r.dealer === null) appender.appendNull();
    else appender.appendVarchar(r.dealer);
    appender.endRow();
  }
  appender.closeSync();
}
