// Dealers: the list (latest month's key KPIs and those a network added as files, flag counts), one dealer, its KPIs over a range,
// its breakdowns. A dealer user sees only its own dealer. Admins: the master data
// (GET /dealer-master) and its edit (PATCH /dealers/:code: name, region, city, peer group;
// audited; a peer-group change recomputes and answers the flags added and removed).

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { byAdvisor, checkDealer, checkKpi, KPIS, readFlags, readKpis, readSettings, roMix } from '@fixops/metrics';
import { requireDealer, requireRole, userOf } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import { dealerNames, editDealer, kpisSheet, listDealerMaster, NAME_COLUMNS, NAME_JOINS, peerGroups, withNames } from '@fixops/usecases';
import type { Store } from '../plugins/db.js';
import { sendMemoJson } from '../plugins/memoJson.js';
import { ApiError, orHttp, requestLang } from '../errors.js';
import { sendXlsx } from '../download.js';
import { DealerParams, responses } from '@fixops/contracts';
import { BreakdownQuery, BreakdownRows, DealerList, DealerSummary, KEY_KPIS } from '@fixops/contracts';
import { DealerKpiQuery, KpiValues } from '@fixops/contracts';
import { DealerEdited, DealerMasterList, DealerPatch } from '@fixops/contracts';

interface DealerRow { code: string; name: string | null; region: string | null; group: string; city: string | null; regionEn: string | null; groupZh: string | null; groupEn: string | null }

async function summaries(c: DuckDBConnection, dealer?: string) {
  const rows = (await queryJson<DealerRow>(c,
    `SELECT dealer_code AS code, name, d.region, peer_group AS "group", city, ${NAME_COLUMNS} FROM dealers d ${NAME_JOINS} ${dealer !== undefined ? 'WHERE dealer_code = $dealer' : ''} ORDER BY dealer_code`,
    dealer !== undefined ? { dealer } : undefined)).map(withNames);
  // Each dealer's latest month, from one KPI; then only the months that are someone's latest.
  const latest = new Map<string, string>();
  for (const v of await readKpis(c, { dealer, kpi: 'ro_count' })) if ((latest.get(v.dealer) ?? '') < v.month) latest.set(v.dealer, v.month);
  const months = [...new Set(latest.values())].sort();
  const kpis = new Map<string, Record<string, number | null>>();
  const warming = new Map<string, string[]>();
  const flags = new Map<string, { total: number; not_tracked: number; target: number; trend: number; peer: number }>();
  // the key KPIs, and those a network added as files (shown with them, as on the dealer page)
  const shown = new Set<string>([...KEY_KPIS, ...KPIS.filter((k) => k.custom).map((k) => k.id)]);
  for (const month of months) {
    for (const v of await readKpis(c, { dealer, from: month, to: month })) {
      if (latest.get(v.dealer) !== month || !shown.has(v.kpi)) continue;
      const k = kpis.get(v.dealer) ?? {};
      k[v.kpi] = v.value;
      kpis.set(v.dealer, k);
      if (v.status === 'warming_up') warming.set(v.dealer, [...(warming.get(v.dealer) ?? []), v.kpi]);
    }
    for (const f of await readFlags(c, { dealer, month })) {
      if (latest.get(f.dealer) !== month) continue;
      const n = flags.get(f.dealer) ?? { total: 0, not_tracked: 0, target: 0, trend: 0, peer: 0 };
      n.total++;
      n[f.kind]++;
      flags.set(f.dealer, n);
    }
  }
  return rows.map((d) => ({
    ...d, latestMonth: latest.get(d.code) ?? null, kpis: kpis.get(d.code) ?? {}, warming: warming.get(d.code) ?? [],
    flags: flags.get(d.code) ?? { total: 0, not_tracked: 0, target: 0, trend: 0, peer: 0 },
  }));
}

/** 403 for another dealer (before anything else), then 404 with the valid codes. */
export async function knownDealer(app: { store: Store }, req: Parameters<typeof requireDealer>[0], code: string): Promise<void> {
  const user = requireDealer(req, code);
  if (user.role === 'dealer') return;
  orHttp(await app.store.memo(`dealer:${code}`, (c) => checkDealer(c, code)));
}

const dealers: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/dealers', {
    schema: { tags: ['dealers'], summary: 'Dealers with the latest month\'s key KPIs and flag counts', response: responses(DealerList) },
  }, async (req) => {
    const user = userOf(req);
    return app.store.read((c) => summaries(c, user.role === 'dealer' ? user.dealer ?? '' : undefined));
  });

  app.get('/dealers/:code', {
    schema: { tags: ['dealers'], summary: 'One dealer', params: DealerParams, response: responses(DealerSummary, [403, 404]) },
  }, async (req) => {
    await knownDealer(app, req, req.params.code);
    const [d] = await app.store.read((c) => summaries(c, req.params.code));
    if (!d) throw new ApiError(404, 'unknown_dealer', { zh: `没有经销商“${req.params.code}”`, en: `Unknown dealer "${req.params.code}"` }, { value: req.params.code });
    return d;
  });

  app.get('/dealer-master', {
    schema: { tags: ['dealers'], summary: 'Dealers master data (name, region, city, peer group) and the peer groups in use; admin only', response: responses(DealerMasterList, [403]) },
  }, async (req) => {
    requireRole(req, 'admin');
    return app.store.read(async (c) => {
      const names = await dealerNames(c);
      return { dealers: await listDealerMaster(c), peerGroups: await peerGroups(c), regionNames: names.regions, groupNames: names.groups };
    });
  });

  app.patch('/dealers/:code', {
    schema: {
      tags: ['dealers'], summary: 'Edit one dealer\'s name, region, city or peer group, or the names of its region (English) and peer group (zh/en); admin only; audited; a peer-group change recomputes',
      params: DealerParams, body: DealerPatch, response: responses(DealerEdited, [400, 403, 404]),
    },
  }, async (req) => {
    const user = requireRole(req, 'admin');
    const edited = await app.store.write({ kind: 'settings', label: `dealer ${req.params.code}`, user: user.name },
      (c) => editDealer(c, req.params.code, req.body, actorOf(req)));
    return orHttp(edited);
  });

  app.get('/dealers/:code/kpis', {
    schema: { tags: ['kpis'], summary: 'One dealer\'s KPI values over a range of months', params: DealerParams, querystring: DealerKpiQuery, response: responses(KpiValues, [400, 403, 404]) },
  }, async (req, reply) => {
    const { from, to, kpi } = req.query;
    if (from !== undefined && to !== undefined && from > to) {
      throw new ApiError(400, 'invalid_request', { zh: `from（${from}）晚于 to（${to}）`, en: `from (${from}) is after to (${to})` }, { field: 'from' });
    }
    if (kpi !== undefined) orHttp(checkKpi(kpi));
    await knownDealer(app, req, req.params.code);
    if (req.query.format === 'xlsx') {
      const lang = req.query.lang ?? requestLang(req.headers['accept-language']);
      const rows = await app.store.read((c) => readKpis(c, { dealer: req.params.code, from, to, kpi }));
      return sendXlsx(reply, kpisSheet(rows, { dealer: req.params.code, from, to, kpi }, lang), lang);
    }
    // Asked for again and again between writes: remembered as the text the response schema made.
    await sendMemoJson<Static<typeof KpiValues>>(app.store, reply, `kpis:${JSON.stringify([req.params.code, from, to, kpi])}`,
      (c) => readKpis(c, { dealer: req.params.code, from, to, kpi }));
    return reply;
  });

  app.get('/dealers/:code/breakdown', {
    schema: { tags: ['kpis'], summary: 'RO mix by repair type, or KPIs per service advisor', params: DealerParams, querystring: BreakdownQuery, response: responses(BreakdownRows, [400, 403, 404]) },
  }, async (req) => {
    await knownDealer(app, req, req.params.code);
    const { month, by } = req.query;
    const rows = await app.store.read(async (c) => (by === 'advisor'
      ? byAdvisor(c, req.params.code, month, await readSettings(c))
      : roMix(c, req.params.code, month)));
    return rows;
  });
  done();
};

export default dealers;
