// Loading one DMS export, the way every entry point does it (CLI ingest, API upload, demo
// loader): ingest the file with the reject threshold from the settings (unless the caller
// overrides it), recompute KPIs and flags inside the load's own transaction, and record the
// load in the load log (ingest writes it); a load that would remove 30 % (FIXOPS_MAX_DROP_RATE) or
// more of a stored month is held unless confirmed; the upload limits are the FIXOPS_* settings
// unless the caller gives its own. One function, so the three cannot drift apart.

import type { DuckDBConnection } from '@duckdb/node-api';
import { configuredLimits, configuredMaxDropRate, ingestFile, type IngestOptions, type LoadSummary } from '@fixops/ingest';
import { readSettings, recomputeAfterLoad } from '@fixops/metrics';

/**
 * What the caller may set about a load: everything ingest takes (dealer, refuseForeignRows,
 * uploadedBy, fileName, kind, encoding, separator, progress and phase callbacks, worker) except
 * the after-store hook, which is always the KPI recompute. `maxRejectRate` overrides the setting;
 * `maxDropRate` defaults to FIXOPS_MAX_DROP_RATE (0.3) and `confirm` applies a held load;
 * `limits` default to the FIXOPS_* limits (configuredLimits), so the CLI and the server refuse alike.
 */
export type LoadExportOptions = Omit<IngestOptions, 'afterStore'>;

export interface LoadExportRequest extends LoadExportOptions {
  /** The file on disk. */
  path: string;
}

/** Loads one export into the open database and answers its load summary (refused files too). */
export async function loadExport(connection: DuckDBConnection, request: LoadExportRequest): Promise<LoadSummary> {
  const { path, ...opts } = request;
  const maxRejectRate = opts.maxRejectRate ?? (await readSettings(connection)).maxRejectRate;
  return ingestFile(connection, path, {
    ...opts,
    maxRejectRate,
    maxDropRate: opts.maxDropRate ?? configuredMaxDropRate(),
    limits: opts.limits ?? configuredLimits(),
    afterStore: async (c, change) => {
      await recomputeAfterLoad(c, change);
    },
  });
}
