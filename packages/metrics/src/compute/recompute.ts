// Keeps KPI values and flags fresh: a full recompute (settings changes, migrations, on demand)
// or, after a load, only what that load can have changed. Both run the same SQL over a scope.

import type { DuckDBConnection } from '@duckdb/node-api';
import { FixopsException } from '@fixops/shared';
import { catalogueProblem } from '../catalog.js';
import { readSettings } from '../settings.js';
import { computeFlags } from './flags.js';
import { scopeAll, scopeChanges, SCOPE, TREND_SCOPE, PEER_SCOPE } from './scope.js';
import { computeValues } from './values.js';
import { catalogueChanges, noChange, storeCatalogue, type CatalogueChange } from './catalogue-state.js';

export interface RecomputeStats {
  mode: 'full' | 'incremental';
  dealerMonths: number;
  ms: number;
  /** Full recomputes: the KPIs added, changed or removed since the catalogue the stored values were computed with. */
  catalogue?: CatalogueChange;
}

export interface LoadChange {
  kind: string;
  dealers: string[];
  /** Dealer-months the load touched (for customer snapshots: the months of its visit events). */
  pairs: { dealer: string; month: string }[];
}

export async function recomputeAll(connection: DuckDBConnection): Promise<RecomputeStats> {
  const started = Date.now();
  await scopeAll(connection);
  await connection.run('DELETE FROM kpi_values');
  await connection.run('DELETE FROM kpi_flags');
  const change = await catalogueChanges(connection);
  const stats = await run(connection, 'full', started);
  await storeCatalogue(connection, change, stats.ms);
  return { ...stats, catalogue: { added: change.added, changed: change.changed, removed: change.removed } };
}

/**
 * At start: when the KPI files differ from the catalogue the stored values were computed with
 * (or none is stored yet), a full recompute (which logs what changed). Null when nothing changed.
 */
export async function syncCatalogue(connection: DuckDBConnection): Promise<RecomputeStats | null> {
  const change = await catalogueChanges(connection);
  if (change.stored && noChange(change)) return null;
  return recomputeAll(connection);
}

export async function recomputeAfterLoad(connection: DuckDBConnection, change: LoadChange): Promise<RecomputeStats> {
  if (change.kind === 'dealers') return recomputeAll(connection); // peer groups may have moved
  const started = Date.now();
  await scopeChanges(connection, change.pairs, change.kind !== 'customers');
  return run(connection, 'incremental', started);
}

async function run(connection: DuckDBConnection, mode: RecomputeStats['mode'], started: number): Promise<RecomputeStats> {
  const settings = await readSettings(connection);
  await computeValues(connection, settings, mode === 'full');
  await computeFlags(connection, settings);
  const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${SCOPE}`);
  const dealerMonths = Number(reader.getRowObjects()[0]!.n);
  const temps = [SCOPE, TREND_SCOPE, PEER_SCOPE, 'fx_changes', 'fx_touched', 'fx_events', 'fx_customers', 'fx_wide', 'fx_directions', 'fx_targets'];
  await connection.run(temps.map((t) => `DROP TABLE IF EXISTS temp.${t};`).join('\n'));
  return { mode, dealerMonths, ms: Date.now() - started };
}

/** Refuses (as a FixopsException naming the file and field) when the KPI files could not be used at start. */
export function assertCatalogue(): void {
  const problem = catalogueProblem();
  if (problem) throw new FixopsException(problem);
}
