// Keeps KPI values and flags fresh: a full recompute (settings changes, migrations, on demand)
// or, after a load, only what that load can have changed. Both run the same SQL over a scope.

import type { DuckDBConnection } from '@duckdb/node-api';
import { readSettings } from '../settings.js';
import { computeFlags } from './flags.js';
import { scopeAll, scopeChanges, SCOPE, TREND_SCOPE, PEER_SCOPE } from './scope.js';
import { computeValues } from './values.js';
import { refreshCoverage, WARMING_CHANGES } from './warming.js';
import { PhaseTimer, type Phases } from './phases.js';
import { ensureVisitIntervals, updateVisitIntervals } from './intervals.js';

export interface RecomputeStats {
  mode: 'full' | 'incremental';
  dealerMonths: number;
  ms: number;
  /** Milliseconds per step (coverage, scope, customers, monthly, values, flags). */
  phases: Phases;
}

export interface LoadChange {
  kind: string;
  dealers: string[];
  /** Dealer-months the load touched (for customer snapshots: the months of its visit events). */
  pairs: { dealer: string; month: string }[];
}

export async function recomputeAll(connection: DuckDBConnection): Promise<RecomputeStats> {
  const started = Date.now();
  const timer = new PhaseTimer();
  await timer.time('intervals', () => ensureVisitIntervals(connection));
  await timer.time('coverage', () => refreshCoverage(connection));
  await timer.time('scope', async () => {
    await scopeAll(connection);
    await connection.run('DELETE FROM kpi_values');
    await connection.run('DELETE FROM kpi_flags');
  });
  return run(connection, 'full', started, timer);
}

export async function recomputeAfterLoad(connection: DuckDBConnection, change: LoadChange): Promise<RecomputeStats> {
  if (change.kind === 'dealers') return recomputeAll(connection); // peer groups may have moved
  const started = Date.now();
  const timer = new PhaseTimer();
  await timer.time('intervals', () => updateVisitIntervals(connection, change.pairs));
  await timer.time('coverage', () => refreshCoverage(connection));
  await timer.time('scope', () => scopeChanges(connection, change.pairs, change.kind !== 'customers'));
  return run(connection, 'incremental', started, timer);
}

async function run(connection: DuckDBConnection, mode: RecomputeStats['mode'], started: number, timer: PhaseTimer): Promise<RecomputeStats> {
  const settings = await readSettings(connection);
  await computeValues(connection, settings, mode === 'full', timer);
  await timer.time('flags', () => computeFlags(connection, settings, timer));
  const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${SCOPE}`);
  const dealerMonths = Number(reader.getRowObjects()[0]!.n);
  const temps = [SCOPE, TREND_SCOPE, PEER_SCOPE, 'fx_changes', 'fx_touched', 'fx_events', 'fx_customers', 'fx_wide', 'fx_directions', 'fx_targets', 'fx_known', WARMING_CHANGES];
  await connection.run(temps.map((t) => `DROP TABLE IF EXISTS temp.${t};`).join('\n'));
  return { mode, dealerMonths, ms: Date.now() - started, phases: timer.phases };
}
