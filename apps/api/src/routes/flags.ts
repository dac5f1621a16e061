// GET /api/flags: not_tracked, target, trend and peer flags, with a sentence in the
// request's language. A dealer user gets its own dealer's flags only. ?format=xlsx: the same
// flags as a workbook download.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { checkKpi, readFlags } from '@fixops/metrics';
import { dealerScope } from '../auth/access.js';
import { orHttp, requestLang } from '../errors.js';
import { responses } from '@fixops/contracts';
import { FlagQuery, Flags } from '@fixops/contracts';
import { knownDealer } from './dealers.js';
import { flagsSheet } from '@fixops/usecases';
import { sendXlsx } from '../download.js';

const flags: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/flags', {
    schema: { tags: ['flags'], summary: 'Flags, filtered by dealer, month, kind and KPI', querystring: FlagQuery, response: responses(Flags, [400, 403, 404]) },
  }, async (req, reply) => {
    const { month, kind, kpi } = req.query;
    const dealer = dealerScope(req, req.query.dealer);
    if (req.query.dealer !== undefined) await knownDealer(app, req, req.query.dealer);
    if (kpi !== undefined) orHttp(checkKpi(kpi));
    const lang = req.query.lang ?? requestLang(req.headers['accept-language']);
    const rows = await app.store.read((c) => readFlags(c, { dealer, month, kind, kpi, lang }));
    if (req.query.format === 'xlsx') return sendXlsx(reply, flagsSheet(rows, { dealer, month, kind, kpi, lang }), lang);
    return rows;
  });
  done();
};

export default flags;
