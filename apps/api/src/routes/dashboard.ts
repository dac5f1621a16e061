// Reads shaped for the dashboard: GET /api/overview (every dealer the caller may see, with
// its latest month's key KPIs, flag counts, a 12-month sparkline and the latest checklist
// visit), GET /api/dealers/:code/peers (the dealer's peer group quartiles per month and KPI,
// anonymous, for trend bands), GET /api/dealers/:code/checklist (module score rates of the
// latest visit with their pass lines), GET /api/dealers/:code/dashboard (the dealer page).
// A dealer user sees only its own dealer. The reads themselves are @fixops/usecases' read model.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { checkKpi } from '@fixops/metrics';
import { readChecklist, readDealerPage, readOverview, readPeers } from '@fixops/usecases';
import { userOf } from '../auth/access.js';
import { ApiError, orHttp } from '../errors.js';
import { DealerParams, responses } from '@fixops/contracts';
import { ChecklistModules, DealerPage, DealerPageQuery, Overview, OverviewQuery, PeerQuery, PeerStats } from '@fixops/contracts';
import { knownDealer } from './dealers.js';

export interface DashboardOptions {
  /** Where a visit's template is looked up for its pass lines (default: the shipped templates). */
  templatesDir?: string;
}

const dashboard: FastifyPluginCallbackTypebox<DashboardOptions> = (app, opts, done) => {
  const checklistOpts = opts.templatesDir !== undefined ? { templatesDir: opts.templatesDir } : {};

  app.get('/overview', {
    schema: { tags: ['dashboard'], summary: 'Every visible dealer: latest (or ?month=) key KPIs, flag counts, 12-month sparkline, latest checklist visit', querystring: OverviewQuery, response: responses(Overview, [400]) },
  }, async (req) => {
    const user = userOf(req);
    const dealer = user.role === 'dealer' ? user.dealer ?? '\u0000' : undefined;
    const { month } = req.query;
    const q = { ...(dealer !== undefined && { dealer }), ...(month !== undefined && { month }) };
    return app.store.memo(`overview:${dealer ?? '*'}${month !== undefined ? `:${month}` : ''}`, (c) => readOverview(c, q));
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
    const q = { dealer: req.params.code, ...(from !== undefined && { from }), ...(to !== undefined && { to }), ...(kpi !== undefined && { kpi }) };
    return app.store.memo(`peers:${JSON.stringify(q)}`, (c) => readPeers(c, q));
  });

  app.get('/dealers/:code/checklist', {
    schema: { tags: ['dashboard'], summary: 'The latest checklist visit\'s module score rates, each with its own pass line', params: DealerParams, response: responses(ChecklistModules, [403, 404]) },
  }, async (req) => {
    await knownDealer(app, req, req.params.code);
    return app.store.memo(`checklist:${req.params.code}`, (c) => readChecklist(c, req.params.code, checklistOpts));
  });

  app.get('/dealers/:code/dashboard', {
    schema: {
      tags: ['dashboard'], summary: 'Everything the dashboard\'s dealer page shows for one month (default the latest): key KPIs and peer quartiles over 12 months, RO mix, advisors, flags, latest checklist',
      params: DealerParams, querystring: DealerPageQuery, response: responses(DealerPage, [400, 403, 404]),
    },
  }, async (req) => {
    await knownDealer(app, req, req.params.code);
    return app.store.memo(`dealer-page:${req.params.code}:${req.query.month ?? ''}`, (c) => readDealerPage(c, req.params.code, req.query.month, checklistOpts));
  });
  done();
};

export default dashboard;
