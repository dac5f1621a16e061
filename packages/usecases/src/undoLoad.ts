// Undoing a load, the way the CLI (`fixops loads undo`) and the API (POST /api/loads/:id/undo)
// both do it: ingest restores what the load replaced and removes what it added, and the
// dealer-months it changed get fresh KPIs and flags inside the same transaction.

import type { DuckDBConnection } from '@duckdb/node-api';
import { undoLoad as undoIngest, type UndoSummary } from '@fixops/ingest';
import { recomputeAfterLoad } from '@fixops/metrics';
import type { AuditActor } from '@fixops/db';
import type { Result } from '@fixops/shared';

export async function undoLoad(connection: DuckDBConnection, loadId: number, opts: { by?: string; actor?: AuditActor } = {}): Promise<Result<UndoSummary>> {
  return undoIngest(connection, loadId, {
    ...opts,
    afterUndo: async (c, change) => {
      await recomputeAfterLoad(c, change);
    },
  });
}
