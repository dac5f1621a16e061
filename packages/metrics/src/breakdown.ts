// Breakdowns of one dealer-month: the RO mix by canonical repair type, and the KPIs the seed
// looks at per service advisor (its weaknesses were per advisor), plus every catalogue KPI whose
// value counts or sums repair orders (a built-in or one a network added as a file), by KPI id.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import type { Settings } from './settings.js';
import { KPIS, type KpiDefinition } from './catalog.js';
import { measureSql, measuresOf, ratioSql, SqlParams } from './catalogue/compile.js';

export const REPAIR_TYPE_ORDER = ['maintenance', 'general', 'accident', 'warranty', 'recall', 'rework', 'internal', 'unclassified'] as const;

export interface RepairTypeRow {
  repairType: string;
  roCount: number;
  share: number;
  revenue: number;
}

export async function roMix(connection: DuckDBConnection, dealer: string, month: string): Promise<RepairTypeRow[]> {
  return queryJson<RepairTypeRow>(connection, `
    WITH t AS (SELECT unnest([${REPAIR_TYPE_ORDER.map((t) => `'${t}'`).join(', ')}]) AS repair_type, generate_subscripts([${REPAIR_TYPE_ORDER.map(() => '0').join(', ')}], 1) AS ord),
    r AS (
      SELECT repair_type, count(*) AS n, coalesce(sum(total_amount::DECIMAL(38, 6)), 0)::DOUBLE AS revenue FROM repair_orders
      WHERE dealer_code = $dealer AND month = strptime($month, '%Y-%m')::DATE GROUP BY ALL
    )
    SELECT t.repair_type AS "repairType", coalesce(r.n, 0)::INTEGER AS "roCount",
      coalesce(r.n, 0) / nullif(sum(coalesce(r.n, 0)) OVER (), 0) AS share, coalesce(r.revenue, 0) AS revenue
    FROM t LEFT JOIN r USING (repair_type) ORDER BY t.ord`, { dealer, month });
}

export interface AdvisorRow {
  advisor: string | null;
  ro_count: number;
  revenue_per_ro: number | null;
  booking_rate: number | null;
  on_time_rate: number | null;
  time_estimate_accuracy: number | null;
  cost_estimate_accuracy: number | null;
  /** Every KPI of advisorKpis() by id (built-in ones and those a network added as files), compiled from its file. */
  kpis: Record<string, number | null>;
}

/** The catalogue's KPIs whose measures all count or sum repair orders: they break down per advisor (an RO has one). */
export function advisorKpis(): KpiDefinition[] {
  return KPIS.filter((k) => k.value !== undefined && measuresOf(k.value).every((m) => m.table === 'repair_orders'));
}

/** Those KPIs per advisor of one dealer-month, compiled from their files (the same filters as their values). */
async function compiledByAdvisor(connection: DuckDBConnection, dealer: string, month: string, settings: Settings, kpis: KpiDefinition[]): Promise<Map<string | null, Record<string, number | null>>> {
  const p = new SqlParams(settings);
  const cols = kpis.map((k, i) => {
    const v = k.value!;
    return `${v.kind === 'measure' ? `(${measureSql(v.measure, p)})::DOUBLE` : ratioSql(measureSql(v.numerator, p), measureSql(v.denominator, p))} AS k${i}`;
  });
  const rows = await queryJson<Record<string, number | null> & { advisor: string | null }>(connection, `
    SELECT advisor, ${cols.join(', ')} FROM repair_orders
    WHERE dealer_code = $dealer AND month = strptime($month, '%Y-%m')::DATE GROUP BY advisor`, { ...p.values, dealer, month });
  return new Map(rows.map((r) => [r.advisor, Object.fromEntries(kpis.map((k, i) => [k.id, r[`k${i}`] ?? null]))]));
}

export async function byAdvisor(connection: DuckDBConnection, dealer: string, month: string, settings: Settings): Promise<AdvisorRow[]> {
  const both = 'promised_time IS NOT NULL AND delivered_time IS NOT NULL';
  const r = (num: string, den: string) => `CASE WHEN ${den} = 0 THEN NULL ELSE (${num})::DOUBLE / (${den}) END`;
  const rows = await queryJson<Omit<AdvisorRow, 'kpis'>>(connection, `
    WITH a AS (
      SELECT advisor, count(*) AS n, coalesce(sum(total_amount::DECIMAL(38, 6)), 0)::DOUBLE AS revenue,
        count_if(coalesce(booking_no <> '', false)) AS booked,
        count_if(coalesce(${both}, false)) AS both_times,
        count_if(coalesce(${both} AND delivered_time <= promised_time, false)) AS on_time,
        count_if(coalesce(${both} AND abs(epoch(delivered_time) - epoch(promised_time)) <= $timeTol, false)) AS time_ok,
        count_if(coalesce(estimate_amount > 0, false)) AS estimated,
        count_if(coalesce(estimate_amount > 0 AND abs(total_amount - estimate_amount) <= $costTol * estimate_amount, false)) AS cost_ok
      FROM repair_orders
      WHERE dealer_code = $dealer AND month = strptime($month, '%Y-%m')::DATE AND repair_type <> 'internal'
      GROUP BY advisor
    )
    SELECT advisor, n::INTEGER AS ro_count, ${r('revenue', 'n')} AS revenue_per_ro, ${r('booked', 'n')} AS booking_rate,
      ${r('on_time', 'both_times')} AS on_time_rate, ${r('time_ok', 'both_times')} AS time_estimate_accuracy, ${r('cost_ok', 'estimated')} AS cost_estimate_accuracy
    FROM a ORDER BY n DESC, advisor NULLS LAST`,
    { dealer, month, timeTol: settings.timeEstimateToleranceMinutes! * 60, costTol: settings.costEstimateTolerance! });
  const each = advisorKpis();
  const compiled = each.length === 0 ? new Map<string | null, Record<string, number | null>>() : await compiledByAdvisor(connection, dealer, month, settings, each);
  return rows.map((r) => ({ ...r, kpis: compiled.get(r.advisor) ?? Object.fromEntries(each.map((k) => [k.id, null])) }));
}
