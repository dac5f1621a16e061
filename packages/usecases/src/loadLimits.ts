// A load inside a running server gets a smaller DuckDB budget (memory, threads) than the reads
// beside it, so dashboards stay fast while a large file goes in. Shared by the upload route and
// the CLI's commands sent over the server's local socket, so both loads run under the same limits.

import type { DuckDBConnection } from '@duckdb/node-api';
import { quotedString } from '@fixops/db';

export interface LoadLimits {
  /** DuckDB memory_limit during the load, e.g. '64MB'. */
  memory: string;
  /** DuckDB threads during the load (at least 1). */
  threads: number;
}

/**
 * Runs `work` with DuckDB's (instance-wide) memory budget and thread count lowered, then restores
 * the threads `c` had and `memoryAfter`. If DuckDB cannot lower the budget (memory held by running
 * reads), the load runs in the usual one.
 */
export async function withLoadLimits<T>(c: DuckDBConnection, during: LoadLimits, memoryAfter: string, work: () => Promise<T>): Promise<T> {
  const threadsAfter = Number((await c.runAndReadAll("SELECT current_setting('threads')::INTEGER AS n")).getRowObjects()[0]!.n);
  await c.run(`SET memory_limit = ${quotedString(during.memory)}`).catch(() => undefined);
  await c.run(`SET threads = ${Math.max(1, Math.floor(during.threads))}`);
  try {
    return await work();
  } finally {
    await c.run(`SET threads = ${threadsAfter}`);
    await c.run(`SET memory_limit = ${quotedString(memoryAfter)}`);
  }
}
