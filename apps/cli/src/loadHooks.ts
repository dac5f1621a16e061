// What the CLI wires around every load: the reject threshold from settings, the hold on big
// drops (DEFAULT_MAX_DROP_RATE), and fresh KPIs and flags inside the load's own transaction.

import type { DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_MAX_DROP_RATE, type IngestOptions, type UndoOptions } from '@fixops/ingest';
import { readSettings, recomputeAfterLoad } from '@fixops/metrics';

export async function loadHooks(connection: DuckDBConnection, maxRejectRate?: number): Promise<Pick<IngestOptions, 'maxRejectRate' | 'maxDropRate' | 'afterStore'>> {
  const settings = await readSettings(connection);
  return {
    maxRejectRate: maxRejectRate ?? settings.maxRejectRate,
    maxDropRate: DEFAULT_MAX_DROP_RATE,
    afterStore: async (c, change) => {
      await recomputeAfterLoad(c, change);
    },
  };
}

/** An undo recomputes the dealer-months it changed, the same way a load does. */
export const undoHooks: Pick<UndoOptions, 'afterUndo'> = {
  afterUndo: async (c, change) => {
    await recomputeAfterLoad(c, change);
  },
};
