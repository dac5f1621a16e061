// What the CLI wires around every load: the reject threshold from settings, and fresh KPIs
// and flags inside the load's own transaction.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { IngestOptions } from '@fixops/ingest';
import { readSettings, recomputeAfterLoad } from '@fixops/metrics';

export async function loadHooks(connection: DuckDBConnection, maxRejectRate?: number): Promise<Pick<IngestOptions, 'maxRejectRate' | 'afterStore'>> {
  const settings = await readSettings(connection);
  return {
    maxRejectRate: maxRejectRate ?? settings.maxRejectRate,
    afterStore: async (c, change) => {
      await recomputeAfterLoad(c, change);
    },
  };
}
