// The network's KPIs for one month, the KPI catalogue, peer benchmarks. In a benchmark a
// dealer user sees other dealers only as anonymous ranks. ?format=xlsx: the same rows as a workbook.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { benchmark, checkGroup, checkKpi, KPIS, readKpis } from '@fixops/metrics';
import { userOf } from '../auth/access.js';
import { orHttp, requestLang } from '../errors.js';
import { benchmarkSheet, kpisSheet } from '@fixops/usecases';
import { sendXlsx } from '../download.js';
import { responses } from '@fixops/contracts';
import { BenchmarkQuery, BenchmarkRows, Catalog, KpiValues, NetworkKpiQuery } from '@fixops/contracts';

const kpis: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/kpis', {
    schema: { tags: ['kpis'], summary: 'Every dealer\'s KPI values for one month (a dealer user: its own)', querystring: NetworkKpiQuery, response: responses(KpiValues, [400, 404]) },
  }, async (req, reply) => {
    const user = userOf(req);
    const { month, kpi } = req.query;
    if (kpi !== undefined) orHttp(checkKpi(kpi));
    const dealer = user.role === 'dealer' ? user.dealer ?? '' : undefined;
    const rows = await app.store.read((c) => readKpis(c, { from: month, to: month, kpi, dealer }));
    if (req.query.format === 'xlsx') {
      const lang = req.query.lang ?? requestLang(req.headers['accept-language']);
      return sendXlsx(reply, kpisSheet(rows, { dealer, from: month, to: month, kpi }, lang), lang);
    }
    return rows;
  });

  app.get('/catalog', {
    schema: { tags: ['kpis'], summary: 'The KPI catalogue: names, units, direction, formulas', response: responses(Catalog) },
  }, () => KPIS.map((k) => ({ ...k })));

  app.get('/benchmark', {
    schema: { tags: ['kpis'], summary: 'A peer group ranked on one KPI for one month', querystring: BenchmarkQuery, response: responses(BenchmarkRows, [400, 404]) },
  }, async (req, reply) => {
    const user = userOf(req);
    const { month, group } = req.query;
    const kpi = orHttp(checkKpi(req.query.kpi));
    const rows = await app.store.read(async (c) => {
      if (group !== undefined && user.role !== 'dealer') orHttp(await checkGroup(c, group));
      return benchmark(c, { month, kpi, group });
    });
    const seen = user.role !== 'dealer' ? rows : rows.map((r) => (r.dealer === user.dealer ? r : { ...r, dealer: null, name: null, gapToMedian: null, gapToTopQuartile: null }));
    if (req.query.format === 'xlsx') return sendXlsx(reply, benchmarkSheet(seen as typeof rows, { month, kpi, group }), req.query.lang ?? requestLang(req.headers['accept-language']));
    return seen;
  });
  done();
};

export default kpis;
