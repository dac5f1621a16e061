// The dealer's peer group quartiles per month and KPI (anonymous), for the dashboard's trend
// bands. The quartiles come from @fixops/metrics, the same definition as peer benchmarks.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { PeerStats } from '@fixops/contracts';
import { peerQuartiles } from '@fixops/metrics';
import type { Static } from 'typebox';

export interface PeerQuery { dealer: string; from?: string; to?: string; kpi?: string }

export async function readPeers(c: DuckDBConnection, q: PeerQuery): Promise<Static<typeof PeerStats>> {
  return peerQuartiles(c, q);
}
