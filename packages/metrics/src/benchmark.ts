// Peer benchmarks: for a month and a KPI, every dealer of a peer group with its value, rank
// (1 = best, ties share the better rank), percentile, the group's quartiles, and its gaps to
// the median and to the best quartile. Every row states the group and its size. The quartiles
// of a group are defined once here (`quartileColumns`), for benchmarks and for the dashboard's
// peer bands (`peerQuartiles`) alike, so the two cannot drift apart.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { kpiDefinition, type KpiId } from './catalog.js';

export interface BenchmarkRow {
  group: string;
  /** Dealers of the group with a value this month. */
  groupSize: number;
  dealer: string;
  name: string | null;
  value: number | null;
  /** 1 = best; ties share the better rank; null without a value. */
  rank: number | null;
  /** 100 = best of the group, 0 = worst: 100 × (n − rank) / (n − 1). */
  percentile: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  gapToMedian: number | null;
  /** Distance to the best quartile's edge (P75 when higher is better, P25 when lower is). */
  gapToTopQuartile: number | null;
}

/** A peer group's size (dealers with a value) and quartiles of `value`, as SQL select columns. */
export function quartileColumns(value: string): string {
  return `count(${value})::INTEGER AS "groupSize", quantile_cont(${value}, 0.25) AS p25, quantile_cont(${value}, 0.5) AS median, quantile_cont(${value}, 0.75) AS p75`;
}

export interface PeerQuartiles {
  month: string;
  kpi: string;
  group: string;
  /** Dealers of the group with a value that month. */
  groupSize: number;
  p25: number | null;
  median: number | null;
  p75: number | null;
}

/** The quartiles of a dealer's peer group per month and KPI (anonymous: no dealer named), oldest first. */
export async function peerQuartiles(connection: DuckDBConnection, q: { dealer: string; from?: string; to?: string; kpi?: string }): Promise<PeerQuartiles[]> {
  const params: Record<string, string> = { dealer: q.dealer };
  const where: string[] = [];
  if (q.from !== undefined) { params.from = q.from; where.push("k.month >= strptime($from, '%Y-%m')::DATE"); }
  if (q.to !== undefined) { params.to = q.to; where.push("k.month <= strptime($to, '%Y-%m')::DATE"); }
  if (q.kpi !== undefined) { params.kpi = q.kpi; where.push('k.kpi = $kpi'); }
  return queryJson<PeerQuartiles>(connection, `
    SELECT strftime(k.month, '%Y-%m') AS month, k.kpi, d.peer_group AS "group", ${quartileColumns('k.value')}
    FROM kpi_values k JOIN dealers d USING (dealer_code)
    WHERE d.peer_group = (SELECT peer_group FROM dealers WHERE dealer_code = $dealer) ${where.map((w) => `AND ${w}`).join(' ')}
    GROUP BY 1, 2, 3 ORDER BY 1, 2`, params);
}

export async function benchmark(connection: DuckDBConnection, q: { month: string; kpi: KpiId; group?: string }): Promise<BenchmarkRow[]> {
  const higher = kpiDefinition(q.kpi)!.better === 'higher';
  const params: Record<string, string> = { month: q.month, kpi: q.kpi };
  if (q.group !== undefined) params.group = q.group;
  const rows = await queryJson<BenchmarkRow>(connection, `
    WITH v AS (
      SELECT d.peer_group AS grp, d.dealer_code AS dealer, d.name, k.value
      FROM kpi_values k JOIN dealers d USING (dealer_code)
      WHERE k.month = strptime($month, '%Y-%m')::DATE AND k.kpi = $kpi ${q.group !== undefined ? 'AND d.peer_group = $group' : ''}
    ), s AS (
      SELECT grp, ${quartileColumns('value')}
      FROM v GROUP BY grp
    ), r AS (
      SELECT v.*, CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY grp, value IS NULL ORDER BY value ${higher ? 'DESC' : 'ASC'}) END AS rank FROM v
    )
    SELECT r.grp AS "group", s."groupSize", r.dealer, r.name, r.value, r.rank::INTEGER AS rank,
      CASE WHEN r.rank IS NULL THEN NULL WHEN s."groupSize" = 1 THEN 100.0 ELSE 100.0 * (s."groupSize" - r.rank) / (s."groupSize" - 1) END AS percentile,
      s.p25, s.median, s.p75,
      r.value - s.median AS "gapToMedian",
      r.value - ${higher ? 's.p75' : 's.p25'} AS "gapToTopQuartile"
    FROM r JOIN s USING (grp)
    ORDER BY r.grp, r.rank NULLS LAST, r.dealer`, params);
  return rows;
}
