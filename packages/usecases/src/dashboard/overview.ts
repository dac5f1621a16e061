// The dashboard's network overview: every dealer the caller may see, with its latest month's
// (or one chosen month's) key KPIs, flag counts by kind, a 12-month sparkline and its latest
// checklist visit. The KPI columns come from the catalogue: the key KPIs it holds, then every KPI
// a network added as a file.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { KPIS, warmingCondition } from '@fixops/metrics';
import { OVERVIEW_KPIS, SPARK_KPI, SPARK_MONTHS, type Overview } from '@fixops/contracts';
import type { Static } from 'typebox';
import { lastMonths } from '@fixops/shared';
import { NAME_COLUMNS, NAME_JOINS, withNames } from '../dealerNames.js';

interface Visit { id: number; dealer: string; date: string; month: string; total: number; max: number; rate: number; passed: boolean | null; complete: boolean; scored: number; items: number }
type FlagCounts = { total: number; not_tracked: number; target: number; trend: number; peer: number };

const noFlags = (): FlagCounts => ({ total: 0, not_tracked: 0, target: 0, trend: 0, peer: 0 });

/** The overview's KPIs: the key KPIs still in the catalogue, then the KPIs added as files (catalogue order). */
export function overviewKpis(): string[] {
  const known = new Set(KPIS.map((k) => k.id));
  return [...OVERVIEW_KPIS.filter((k) => known.has(k)), ...KPIS.filter((k) => k.custom && !(OVERVIEW_KPIS as readonly string[]).includes(k.id)).map((k) => k.id)];
}

/**
 * The overview of every dealer, or of one dealer (a dealer user sees only its own). With a
 * month (YYYY-MM), each dealer's values are that month's (a dealer without data that month has
 * none) and its latest visit is the latest up to that month.
 */
export async function readOverview(c: DuckDBConnection, q: { dealer?: string; month?: string } = {}): Promise<Static<typeof Overview>> {
  const { dealer, month: asked } = q;
  const where = dealer !== undefined ? 'WHERE dealer_code = $dealer' : '';
  // Each query gets only the parameters it uses.
  const p = dealer !== undefined ? { dealer } : undefined;
  const columns = overviewKpis();
  const inList = columns.length > 0 ? columns.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ') : 'NULL';
  const pm = asked !== undefined ? { ...p, month: `${asked}-01` } : p;
  const pv = asked !== undefined ? { ...p, ym: asked } : p;
  const inMonth = asked !== undefined ? 'AND month = CAST($month AS DATE)' : '';
  const visitsUpTo = asked !== undefined ? `${where ? 'AND' : 'WHERE'} data_month <= $ym` : '';
  const dealers = (await queryJson<{ code: string; name: string | null; region: string | null; group: string; city: string | null; regionEn: string | null; groupZh: string | null; groupEn: string | null }>(c,
    `SELECT dealer_code AS code, name, d.region, peer_group AS "group", city, ${NAME_COLUMNS} FROM dealers d ${NAME_JOINS} ${where} ORDER BY dealer_code`, p)).map(withNames);
  // Each dealer's latest month is the last month with a repair-order count.
  const latestCte = `latest AS (SELECT dealer_code, max(month) AS m FROM kpi_values WHERE kpi = '${SPARK_KPI}' ${dealer !== undefined ? 'AND dealer_code = $dealer' : ''} ${inMonth} GROUP BY 1)`;
  const kpis = await queryJson<{ dealer: string; month: string; kpi: string; value: number | null; warming: boolean }>(c, `
    WITH ${latestCte}
    SELECT k.dealer_code AS dealer, strftime(k.month, '%Y-%m') AS month, k.kpi, k.value, ${warmingCondition('k.kpi', 'k.month')} AS warming
    FROM kpi_values k JOIN latest l ON l.dealer_code = k.dealer_code LEFT JOIN kpi_coverage coverage ON coverage.dealer_code = k.dealer_code
    WHERE (k.month = l.m AND k.kpi IN (${inList}))
       OR (k.kpi = '${SPARK_KPI}' AND k.month > l.m - INTERVAL ${SPARK_MONTHS} MONTH AND k.month <= l.m)`, pm);
  const flags = await queryJson<{ dealer: string; kind: string; n: number }>(c, `
    WITH ${latestCte}
    SELECT f.dealer_code AS dealer, f.kind, count(*)::INTEGER AS n
    FROM kpi_flags f JOIN latest l ON l.dealer_code = f.dealer_code AND f.month = l.m GROUP BY 1, 2`, pm);
  const visits = await queryJson<Visit>(c, `
    SELECT id::INTEGER AS id, dealer_code AS dealer, strftime(assessed_on, '%Y-%m-%d') AS date, data_month AS month, total, max, total / max AS rate,
      CASE WHEN complete THEN passed END AS passed, complete, scored, lines AS items
    FROM assessments ${where} ${visitsUpTo} QUALIFY row_number() OVER (PARTITION BY dealer_code ORDER BY data_month DESC, assessed_on DESC, id DESC) = 1`, pv);

  const latest = new Map<string, string>();
  for (const k of kpis) if (k.kpi === SPARK_KPI && (latest.get(k.dealer) ?? '') < k.month) latest.set(k.dealer, k.month);
  const byDealer = new Map<string, { kpis: Record<string, number | null>; warming: string[]; spark: Map<string, number | null> }>();
  for (const k of kpis) {
    const d = byDealer.get(k.dealer) ?? { kpis: {}, warming: [], spark: new Map<string, number | null>() };
    if (k.month === latest.get(k.dealer) && columns.includes(k.kpi)) {
      d.kpis[k.kpi] = k.value;
      if (k.warming) d.warming.push(k.kpi);
    }
    if (k.kpi === SPARK_KPI) d.spark.set(k.month, k.value);
    byDealer.set(k.dealer, d);
  }
  const flagCounts = new Map<string, FlagCounts>();
  for (const f of flags) {
    const n = flagCounts.get(f.dealer) ?? noFlags();
    n.total += f.n;
    if (f.kind in n) n[f.kind as 'target'] += f.n;
    flagCounts.set(f.dealer, n);
  }
  const visitOf = new Map(visits.map((v) => [v.dealer, v]));
  return dealers.map((d) => {
    const month = latest.get(d.code) ?? null;
    const data = byDealer.get(d.code);
    const months = month ? lastMonths(month, SPARK_MONTHS) : [];
    const visit = visitOf.get(d.code);
    return {
      ...d, latestMonth: month, kpis: data?.kpis ?? {}, warming: data?.warming ?? [],
      flags: flagCounts.get(d.code) ?? noFlags(),
      spark: { kpi: SPARK_KPI, months, values: months.map((m) => data?.spark.get(m) ?? null) },
      checklist: visit ? { id: visit.id, date: visit.date, month: visit.month, total: visit.total, max: visit.max, rate: visit.rate, passed: visit.passed, complete: visit.complete, scored: visit.scored, items: visit.items } : null,
    };
  });
}
