// Flags of kpis.md, computed from kpi_values: not_tracked (null, unless warming up), target (wrong side of its
// target), trend (robust z against the dealer's own last 12 months), peer (outside P10/P90 of
// its peer group that month). Each stores the value and the reference it was compared with;
// the sentences are written when flags are read, in the reader's language.

import type { DuckDBConnection } from '@duckdb/node-api';
import { quotedString } from '@fixops/db';
import { KPIS } from '../catalog.js';
import { targetsOf, type Settings } from '../settings.js';
import { PEER_SCOPE, SCOPE, TREND_SCOPE } from './scope.js';
import { warmingCondition } from './warming.js';
import { PhaseTimer } from './phases.js';

export const TREND_MIN_HISTORY = 6;
export const TREND_Z = 3.5;
export const PEER_MIN_GROUP = 5;


export type FlagKindName = 'not_tracked' | 'target' | 'trend' | 'peer';

/** What a partial recompute re-derives (a settings change): some kinds of flag, of some KPIs. */
export interface FlagSelection {
  kinds?: readonly FlagKindName[];
  kpis?: readonly string[];
  /** A full recompute: kpi_flags was emptied first (nothing to delete) and every scope is every dealer-month. */
  emptied?: boolean;
  /** Every dealer-month with values is in scope (a target change): no scope table is read. */
  whole?: boolean;
}

/** `valuedDealerMonths`: of the (only) KPI of `only.kpis`, how many dealer-months have a value row (counted in the same call). */
export interface FlagsResult {
  valuedDealerMonths?: number;
}

export async function computeFlags(connection: DuckDBConnection, settings: Settings, timer = new PhaseTimer(), only: FlagSelection = {}): Promise<FlagsResult> {
  const wants = (kind: FlagKindName) => only.kinds === undefined || only.kinds.includes(kind);
  // a full recompute: every scope is every dealer-month, and kpi_values holds exactly those, so
  // checking values against the scopes would keep every row (skipped)
  const whole = only.emptied === true || only.whole === true;
  const inScope = (scope: string) => (whole ? '' : `SEMI JOIN ${scope} USING (dealer_code, month)`);
  const ofKpis = (alias: string) => (only.kpis === undefined ? '' : `AND ${alias}kpi IN (${only.kpis.map(quotedString).join(', ')})`);
  const directions = KPIS.map((k) => `(${quotedString(k.id)}, ${quotedString(k.better)})`).join(', ');
  const targets = targetsOf(settings).map((t) => `(${quotedString(t.kpi)}, ${quotedString(t.op)}, (${t.value})::DOUBLE)`).join(', ');
  // out with the flags being replaced: value flags of the scope, trend flags of the trend scope, peer flags of the peer scope
  const inDeleteScope = (pairs: string) => (whole ? '' : `AND (dealer_code, month) IN (${pairs})`);
  // one call for the deletes and the value flags (a statement each costs ~0.5–1 ms of overhead,
  // which a target change, ~20 ms in all, notices)
  const batch: string[] = [];
  if (wants('trend') || wants('peer')) batch.push(`CREATE OR REPLACE TEMP TABLE fx_directions AS SELECT * FROM (VALUES ${directions}) t(kpi, better)`);
  if (!only.emptied) {
    if (wants('not_tracked')) batch.push(`DELETE FROM kpi_flags WHERE kind = 'not_tracked' ${ofKpis('')} ${inDeleteScope(`SELECT dealer_code, month FROM ${SCOPE}`)}`);
    if (wants('target')) batch.push(`DELETE FROM kpi_flags WHERE kind = 'target' ${ofKpis('')} ${inDeleteScope(`SELECT dealer_code, month FROM ${SCOPE}`)}`);
    if (wants('trend')) batch.push(`DELETE FROM kpi_flags WHERE kind = 'trend' ${ofKpis('')} ${inDeleteScope(`SELECT dealer_code, month FROM ${TREND_SCOPE}`)}`);
    if (wants('peer')) {
      batch.push(`DELETE FROM kpi_flags WHERE kind = 'peer' ${ofKpis('')} ${inDeleteScope(`
      SELECT d.dealer_code, p.month FROM ${PEER_SCOPE} p JOIN dealers d ON d.peer_group = p.peer_group`)}`);
    }
  }
  if (wants('not_tracked')) {
    batch.push(`
    INSERT INTO kpi_flags
    SELECT v.dealer_code, v.month, v.kpi, 'not_tracked', NULL, NULL
    FROM kpi_values v ${inScope(SCOPE)} LEFT JOIN kpi_coverage coverage ON coverage.dealer_code = v.dealer_code
    WHERE v.value IS NULL AND NOT ${warmingCondition('v.kpi', 'v.month')} ${ofKpis('v.')}`);
  }
  if (wants('target')) {
    const selected = targetsOf(settings).filter((t) => only.kpis === undefined || only.kpis.includes(t.kpi));
    const flagged = (op: string, target: string) => `
      SELECT v.dealer_code, v.month, v.kpi, 'target', v.value, json_object('op', ${op}, 'target', ${target})
      FROM kpi_values v ${inScope(SCOPE)}`;
    const wrongSide = (op: string, target: string) => `((${op} = '>=' AND v.value < ${target}) OR (${op} = '<=' AND v.value > ${target}))`;
    // a few KPIs (a target change): each one's rows by their KPI alone; every KPI: one join
    const sql = only.kpis !== undefined && selected.length <= 3
      ? selected.map((t) => `${flagged(quotedString(t.op), `(${t.value})::DOUBLE`)} WHERE v.kpi = ${quotedString(t.kpi)} AND ${wrongSide(quotedString(t.op), `(${t.value})::DOUBLE`)}`).join('\n UNION ALL ')
      : `${flagged('t.op', 't.target')} JOIN (VALUES ${targets}) t(kpi, op, target) USING (kpi) WHERE ${wrongSide('t.op', 't.target')} ${ofKpis('v.')}`;
    if (selected.length > 0) batch.push(`INSERT INTO kpi_flags ${sql}`);
  }
  // a target change also wants its dealer-month count: the last statement of the same call
  const counting = only.whole === true && only.kpis?.length === 1;
  if (counting) batch.push(`SELECT count(*)::INTEGER AS n FROM kpi_values WHERE kpi = ${quotedString(only.kpis![0]!)}`);
  const result: FlagsResult = {};
  if (counting) result.valuedDealerMonths = Number((await connection.runAndReadAll(batch.join(';\n'))).getRows()[0]![0]);
  else if (batch.length > 0) await connection.run(batch.join(';\n'));
  if (wants('trend')) await timer.time('flags.trend', () => connection.run(`
    INSERT INTO kpi_flags
    WITH w AS (
      -- each non-null value with the dealer's non-null values of the same KPI in months m-12 .. m-1:
      -- one window pass over the non-null values (a month without a value is simply absent)
      SELECT dealer_code, month, kpi, value, list(value) OVER (
        PARTITION BY dealer_code, kpi ORDER BY month RANGE BETWEEN INTERVAL 12 MONTH PRECEDING AND INTERVAL 1 MONTH PRECEDING) AS history
      FROM kpi_values v WHERE value IS NOT NULL ${whole ? '' : `AND dealer_code IN (SELECT dealer_code FROM ${TREND_SCOPE})`} ${ofKpis('v.')}
    ), z AS (
      -- mad: the median of |x - median|, DuckDB's own aggregate (the same numbers as taking the median twice)
      SELECT *, list_aggregate(history, 'median') AS median, list_aggregate(history, 'mad') AS mad
      FROM w ${inScope(TREND_SCOPE)}
      WHERE len(history) >= ${TREND_MIN_HISTORY}
    )
    SELECT z.dealer_code, z.month, z.kpi, 'trend', z.value,
      json_object('median', median, 'mad', mad, 'z', 0.6745 * (value - median) / mad, 'n', len(history),
        'direction', CASE WHEN (value > median) = (d.better = 'higher') THEN 'better' ELSE 'worse' END)
    FROM z JOIN fx_directions d USING (kpi)
    WHERE mad > 0 AND abs(0.6745 * (value - median) / mad) >= ${TREND_Z}`));
  if (!wants('peer')) return result;
  await connection.run(`
    INSERT INTO kpi_flags
    WITH g AS (
      SELECT v.dealer_code, v.month, v.kpi, v.value, coalesce(d.peer_group, 'default') AS peer_group
      FROM kpi_values v LEFT JOIN dealers d USING (dealer_code)
      WHERE v.value IS NOT NULL ${ofKpis('v.')} ${whole ? '' : `AND (coalesce(d.peer_group, 'default'), v.month) IN (SELECT peer_group, month FROM ${PEER_SCOPE})`}
    ), q AS (
      SELECT peer_group, month, kpi, count(*) AS n, quantile_cont(value, 0.1) AS p10, quantile_cont(value, 0.9) AS p90
      FROM g ${whole ? '' : `SEMI JOIN ${PEER_SCOPE} USING (peer_group, month)`} GROUP BY ALL HAVING count(*) >= ${PEER_MIN_GROUP}
    )
    SELECT g.dealer_code, g.month, g.kpi, 'peer', g.value, json_object('group', g.peer_group, 'n', q.n, 'p10', q.p10, 'p90', q.p90)
    FROM g JOIN q USING (peer_group, month, kpi) JOIN fx_directions d USING (kpi)
    WHERE (d.better = 'higher' AND g.value < q.p10) OR (d.better = 'lower' AND g.value > q.p90)`);
  return result;
}
