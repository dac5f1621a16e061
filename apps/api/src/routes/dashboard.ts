// Reads shaped for the dashboard: GET /api/overview (every dealer the caller may see, with
// its latest month's key KPIs, flag counts, a 12-month sparkline and the latest checklist
// visit), GET /api/dealers/:code/peers (the dealer's peer group quartiles per month and KPI,
// anonymous, for trend bands), GET /api/dealers/:code/checklist (module score rates of the
// latest visit with their pass lines). A dealer user sees only its own dealer.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { lastMonths } from '@fixops/shared';
import { findTemplate, getAssessment, listAssessments } from '@fixops/assessment';
import { passRateOf } from '@fixops/checklist';
import { byAdvisor, checkKpi, readFlags, readKpis, readSettings, roMix } from '@fixops/metrics';
import { userOf } from '../auth/access.js';
import { ApiError, orHttp } from '../errors.js';
import { DealerParams, responses } from '@fixops/contracts';
import { ChecklistModules, DealerPage, DealerPageQuery, Overview, OVERVIEW_KPIS, PeerQuery, PeerStats, SPARK_KPI, SPARK_MONTHS } from '@fixops/contracts';
import { knownDealer } from './dealers.js';

interface Visit { id: number; dealer: string; date: string; total: number; max: number; rate: number; passed: boolean; complete: boolean }


async function overview(c: DuckDBConnection, dealer: string | undefined) {
  const where = dealer !== undefined ? 'WHERE dealer_code = $dealer' : '';
  const p = dealer !== undefined ? { dealer } : undefined;
  const dealers = await queryJson<{ code: string; name: string | null; region: string | null; group: string; city: string | null }>(c,
    `SELECT dealer_code AS code, name, region, peer_group AS "group", city FROM dealers ${where} ORDER BY dealer_code`, p);
  // Each dealer's latest month is the last month with a repair-order count.
  const latestCte = `latest AS (SELECT dealer_code, max(month) AS m FROM kpi_values WHERE kpi = '${SPARK_KPI}' ${dealer !== undefined ? 'AND dealer_code = $dealer' : ''} GROUP BY 1)`;
  const kpis = await queryJson<{ dealer: string; month: string; kpi: string; value: number | null }>(c, `
    WITH ${latestCte}
    SELECT k.dealer_code AS dealer, strftime(k.month, '%Y-%m') AS month, k.kpi, k.value
    FROM kpi_values k JOIN latest l ON l.dealer_code = k.dealer_code
    WHERE (k.month = l.m AND k.kpi IN (${OVERVIEW_KPIS.map((x) => `'${x}'`).join(', ')}))
       OR (k.kpi = '${SPARK_KPI}' AND k.month > l.m - INTERVAL ${SPARK_MONTHS} MONTH)`, p);
  const flags = await queryJson<{ dealer: string; kind: string; n: number }>(c, `
    WITH ${latestCte}
    SELECT f.dealer_code AS dealer, f.kind, count(*)::INTEGER AS n
    FROM kpi_flags f JOIN latest l ON l.dealer_code = f.dealer_code AND f.month = l.m GROUP BY 1, 2`, p);
  const visits = await queryJson<Visit>(c, `
    SELECT id::INTEGER AS id, dealer_code AS dealer, strftime(assessed_on, '%Y-%m-%d') AS date, total, max, total / max AS rate, passed, complete
    FROM assessments ${where} QUALIFY row_number() OVER (PARTITION BY dealer_code ORDER BY assessed_on DESC, id DESC) = 1`, p);

  const latest = new Map<string, string>();
  for (const k of kpis) if (k.kpi === SPARK_KPI && (latest.get(k.dealer) ?? '') < k.month) latest.set(k.dealer, k.month);
  const byDealer = new Map<string, { kpis: Record<string, number | null>; spark: Map<string, number | null> }>();
  for (const k of kpis) {
    const d = byDealer.get(k.dealer) ?? { kpis: {} as Record<string, number | null>, spark: new Map<string, number | null>() };
    if (k.month === latest.get(k.dealer) && (OVERVIEW_KPIS as readonly string[]).includes(k.kpi)) d.kpis[k.kpi] = k.value;
    if (k.kpi === SPARK_KPI) d.spark.set(k.month, k.value);
    byDealer.set(k.dealer, d);
  }
  const flagCounts = new Map<string, { total: number; not_tracked: number; target: number; trend: number; peer: number }>();
  for (const f of flags) {
    const n = flagCounts.get(f.dealer) ?? { total: 0, not_tracked: 0, target: 0, trend: 0, peer: 0 };
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
      ...d, latestMonth: month, kpis: data?.kpis ?? {},
      flags: flagCounts.get(d.code) ?? { total: 0, not_tracked: 0, target: 0, trend: 0, peer: 0 },
      spark: { kpi: SPARK_KPI, months, values: months.map((m) => data?.spark.get(m) ?? null) },
      checklist: visit ? { id: visit.id, date: visit.date, total: visit.total, max: visit.max, rate: visit.rate, passed: visit.passed, complete: visit.complete } : null,
    };
  });
}

const PEERS_SQL = (where: string[]) => `
  SELECT strftime(k.month, '%Y-%m') AS month, k.kpi, d.peer_group AS "group", count(k.value)::INTEGER AS "groupSize",
    quantile_cont(k.value, 0.25) AS p25, quantile_cont(k.value, 0.5) AS median, quantile_cont(k.value, 0.75) AS p75
  FROM kpi_values k JOIN dealers d USING (dealer_code)
  WHERE d.peer_group = (SELECT peer_group FROM dealers WHERE dealer_code = $dealer) ${where.map((w) => `AND ${w}`).join(' ')}
  GROUP BY 1, 2, 3 ORDER BY 1, 2`;

async function checklistOf(c: DuckDBConnection, dealer: string) {
  const [latest] = await listAssessments(c, { dealer });
  if (!latest) return { visit: null, modules: [] };
  const a = (await getAssessment(c, latest.id))!;
  const template = await findTemplate(a.templateId);
  const modules = a.scorecard.sections.flatMap((s) => s.modules.map((m) => ({
    section: s.id, id: m.id, zh: m.zh, en: m.en, score: m.score, max: m.max, rate: m.complete ? m.rate : null,
    passRate: (template.ok ? passRateOf(template.value, m.id) : undefined) ?? 0.7, passed: m.passed,
  })));
  return { visit: { id: a.id, date: a.date, total: a.total, max: a.max, rate: a.rate, passed: a.passed, complete: a.complete }, modules };
}

const PAGE_KPIS = new Set<string>(OVERVIEW_KPIS);

/** The dealer page of the dashboard: one read for everything it shows. */
async function dealerPage(c: DuckDBConnection, code: string, asked: string | undefined) {
  const [dealer] = await queryJson<{ code: string; name: string | null; region: string | null; group: string; city: string | null }>(c,
    'SELECT dealer_code AS code, name, region, peer_group AS "group", city FROM dealers WHERE dealer_code = $code', { code });
  const months = (await readKpis(c, { dealer: code, kpi: SPARK_KPI })).map((k) => k.month).sort();
  const month = asked ?? months.at(-1) ?? null;
  const empty = { visit: null, modules: [] };
  if (!dealer || month === null) {
    return { dealer: dealer ?? { code, name: null, region: null, group: '', city: null }, months, month, window: [], kpis: [], peers: [], mix: [], advisors: [], flags: [], checklist: empty };
  }
  const window = lastMonths(month, 12);
  const kpis = (await readKpis(c, { dealer: code, from: window[0], to: month })).filter((k) => PAGE_KPIS.has(k.kpi)).map(({ month: m, kpi, value }) => ({ month: m, kpi, value }));
  const peers = (await queryJson<{ month: string; kpi: string; group: string; groupSize: number; p25: number | null; median: number | null; p75: number | null }>(c,
    PEERS_SQL(["k.month >= strptime($from, '%Y-%m')::DATE", "k.month <= strptime($to, '%Y-%m')::DATE"]), { dealer: code, from: window[0]!, to: month }))
    .filter((p) => PAGE_KPIS.has(p.kpi));
  const mix = await roMix(c, code, month);
  const advisors = await byAdvisor(c, code, month, await readSettings(c));
  const all = (await readFlags(c, { dealer: code })).filter((f) => f.month <= month);
  const flags = [...all.filter((f) => f.month === month), ...all.filter((f) => f.month < month).slice(0, 60)]
    .map((f) => ({ month: f.month, kpi: f.kpi, kind: f.kind, messages: f.messages }));
  return { dealer, months, month, window, kpis, peers, mix, advisors, flags, checklist: await checklistOf(c, code) };
}

const dashboard: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/overview', {
    schema: { tags: ['dashboard'], summary: 'Every visible dealer: latest key KPIs, flag counts, 12-month sparkline, latest checklist visit', response: responses(Overview) },
  }, async (req) => {
    const user = userOf(req);
    const dealer = user.role === 'dealer' ? user.dealer ?? '\u0000' : undefined;
    return app.store.memo(`overview:${dealer ?? '*'}`, (c) => overview(c, dealer));
  });

  app.get('/dealers/:code/peers', {
    schema: { tags: ['dashboard'], summary: 'The dealer\'s peer group: P25, median and P75 per month and KPI (anonymous)', params: DealerParams, querystring: PeerQuery, response: responses(PeerStats, [400, 403, 404]) },
  }, async (req) => {
    const { from, to, kpi } = req.query;
    if (from !== undefined && to !== undefined && from > to) {
      throw new ApiError(400, 'invalid_request', { zh: `from（${from}）晚于 to（${to}）`, en: `from (${from}) is after to (${to})` }, { field: 'from' });
    }
    if (kpi !== undefined) orHttp(checkKpi(kpi));
    await knownDealer(app, req, req.params.code);
    const params: Record<string, string> = { dealer: req.params.code };
    const where: string[] = [];
    if (from !== undefined) { params.from = from; where.push("k.month >= strptime($from, '%Y-%m')::DATE"); }
    if (to !== undefined) { params.to = to; where.push("k.month <= strptime($to, '%Y-%m')::DATE"); }
    if (kpi !== undefined) { params.kpi = kpi; where.push('k.kpi = $kpi'); }
    return app.store.memo(`peers:${JSON.stringify(params)}`, (c) => queryJson(c, PEERS_SQL(where), params));
  });

  app.get('/dealers/:code/checklist', {
    schema: { tags: ['dashboard'], summary: 'The latest checklist visit\'s module score rates with their pass lines', params: DealerParams, response: responses(ChecklistModules, [403, 404]) },
  }, async (req) => {
    await knownDealer(app, req, req.params.code);
    return app.store.memo(`checklist:${req.params.code}`, (c) => checklistOf(c, req.params.code));
  });

  app.get('/dealers/:code/dashboard', {
    schema: {
      tags: ['dashboard'], summary: 'Everything the dashboard\'s dealer page shows for one month (default the latest): key KPIs and peer quartiles over 12 months, RO mix, advisors, flags, latest checklist',
      params: DealerParams, querystring: DealerPageQuery, response: responses(DealerPage, [400, 403, 404]),
    },
  }, async (req) => {
    await knownDealer(app, req, req.params.code);
    return app.store.memo(`dealer-page:${req.params.code}:${req.query.month ?? ''}`, (c) => dealerPage(c, req.params.code, req.query.month));
  });
};

export default dashboard;
