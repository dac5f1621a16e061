// Keeps KPI values and flags fresh: a full recompute (settings changes, migrations, on demand)
// or, after a load, only what that load can have changed. Both run the same SQL over a scope.

import type { DuckDBConnection } from '@duckdb/node-api';
import { FixopsException } from '@fixops/shared';
import { catalogueProblem } from '../catalog.js';
import { readSettings, settingEffect } from '../settings.js';
import { col, computeMonthly } from './monthly.js';
import { computeFlags } from './flags.js';
import { scopeChanges, scopeValued, SCOPE, TREND_SCOPE, PEER_SCOPE } from './scope.js';
import { computeValues } from './values.js';
import { catalogueChanges, noChange, storeCatalogue, type CatalogueChange } from './catalogue-state.js';
import { refreshCoverage, WARMING_CHANGES } from './warming.js';
import { PhaseTimer, type Phases } from './phases.js';
import { ensureVisitIntervals, updateVisitIntervals } from './intervals.js';

export interface RecomputeStats {
  mode: 'full' | 'incremental' | 'partial';
  dealerMonths: number;
  ms: number;
  /** Full recomputes: the KPIs added, changed or removed since the catalogue the stored values were computed with. */
  catalogue?: CatalogueChange;
  /** Milliseconds per step (coverage, scope, customers, monthly, values, flags). */
  phases: Phases;
  /**
   * The export tables whose per-month groups (compute/groups.ts) this recompute rebuilt from
   * their rows: KPI files or a threshold changed, or rows changed without a recompute. Empty when
   * every kept group could be used.
   */
  groupsRebuilt: string[];
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
  // the coverage (after the per-month pass) and the scope (every dealer-month) come from the
  // per-month pass's own groups (values.ts)
  await timer.time('scope', async () => {
    await connection.run('DELETE FROM kpi_values');
    await connection.run('DELETE FROM kpi_flags');
  });
  const change = await catalogueChanges(connection);
  const stats = await run(connection, 'full', started, timer);
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
  const timer = new PhaseTimer();
  await timer.time('intervals', () => updateVisitIntervals(connection, change.pairs));
  // only the dealers the load touched can have moved their coverage
  await timer.time('coverage', () => refreshCoverage(connection, [...change.dealers, ...change.pairs.map((p) => p.dealer)]));
  await timer.time('scope', () => scopeChanges(connection, change.pairs, change.kind !== 'customers'));
  return run(connection, 'incremental', started, timer);
}

/**
 * After one setting changed: only what depends on it (settingEffect). A target re-derives that
 * KPI's target flags; a threshold the KPIs computed with it and all their flags. Equal to a
 * full recompute (tested).
 */
export async function recomputeAfterSetting(connection: DuckDBConnection, key: string): Promise<RecomputeStats> {
  const started = Date.now();
  const timer = new PhaseTimer();
  const effect = settingEffect(key);
  if (effect.kind === 'none') return { mode: 'partial', dealerMonths: 0, ms: Date.now() - started, phases: timer.phases, groupsRebuilt: [] };
  const settings = await readSettings(connection);
  if (effect.kind === 'target') {
    // every dealer-month with values, so no scope table: that KPI's target flags, replaced whole
    const flags = await timer.time('flags', () => computeFlags(connection, settings, timer, { kinds: ['target'], kpis: [effect.kpi], whole: true }));
    return finish(connection, 'partial', started, timer, [], flags.valuedDealerMonths ?? 0);
  }
  await timer.time('scope', () => scopeValued(connection));
  const { rebuilt } = await timer.time('monthly', () => computeMonthly(connection, settings, true));
  await timer.time('values', async () => {
    const kpis = effect.kpis.map((k) => `'${k}'`).join(', ');
    await connection.run(`DELETE FROM kpi_values WHERE kpi IN (${kpis})`);
    await connection.run(`
      INSERT INTO kpi_values (dealer_code, month, kpi, value)
      SELECT dealer_code, month, unnest([${kpis}]) AS kpi, unnest([${effect.kpis.map(col).join(', ')}]) AS value FROM fx_monthly`);
  });
  await timer.time('flags', () => computeFlags(connection, settings, timer, { kpis: effect.kpis }));
  return finish(connection, 'partial', started, timer, rebuilt);
}

async function run(connection: DuckDBConnection, mode: RecomputeStats['mode'], started: number, timer: PhaseTimer): Promise<RecomputeStats> {
  const settings = await readSettings(connection);
  // a full recompute emptied kpi_values and kpi_flags first: nothing to delete
  const rebuilt = await computeValues(connection, settings, mode === 'full', timer);
  await timer.time('flags', () => computeFlags(connection, settings, timer, { emptied: mode === 'full' }));
  return finish(connection, mode, started, timer, rebuilt);
}

/** `dealerMonths`: how many the recompute covered, when it made no temp table (no scope to count, nothing to drop). */
async function finish(connection: DuckDBConnection, mode: RecomputeStats['mode'], started: number, timer: PhaseTimer, groupsRebuilt: string[], dealerMonths?: number): Promise<RecomputeStats> {
  if (dealerMonths !== undefined) return { mode, dealerMonths, ms: Date.now() - started, phases: timer.phases, groupsRebuilt };
  dealerMonths = Number((await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${SCOPE}`)).getRowObjects()[0]!.n);
  const temps = [SCOPE, TREND_SCOPE, PEER_SCOPE, 'fx_changes', 'fx_touched', 'fx_events', 'fx_customers', 'fx_wide', 'fx_directions', 'fx_known', 'fx_monthly', WARMING_CHANGES];
  await connection.run(temps.map((t) => `DROP TABLE IF EXISTS temp.${t};`).join('\n'));
  return { mode, dealerMonths, ms: Date.now() - started, phases: timer.phases, groupsRebuilt };
}

/** Refuses (as a FixopsException naming the file and field) when the KPI files could not be used at start. */
export function assertCatalogue(): void {
  const problem = catalogueProblem();
  if (problem) throw new FixopsException(problem);
}
