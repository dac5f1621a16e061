// GET /api/coverage?from=&to=: who has sent what (数据上报情况) — every dealer × month × monthly
// kind with its stored rows, and who is overdue. A dealer user sees only its own row.
// ?format=xlsx: the same cells as a workbook.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { readCoverage } from '@fixops/metrics';
import { CoverageAnswer, CoverageQuery, responses } from '@fixops/contracts';
import { userOf } from '../auth/access.js';
import { ApiError, requestLang } from '../errors.js';
import { coverageSheet } from '@fixops/usecases';
import { sendXlsx } from '../download.js';

const coverage: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/coverage', {
    schema: {
      tags: ['uploads'], summary: 'Who has sent what: rows stored per dealer, month and kind (null when missing), and the dealers overdue',
      querystring: CoverageQuery, response: responses(CoverageAnswer, [400]),
    },
  }, async (req, reply) => {
    const user = userOf(req);
    const { from, to } = req.query;
    if (from !== undefined && to !== undefined && from > to) {
      throw new ApiError(400, 'invalid_request', { zh: `起始月份 ${from} 晚于结束月份 ${to}`, en: `from ${from} is after to ${to}` }, { from, to });
    }
    const dealer = user.role === 'dealer' ? user.dealer ?? '\u0000' : undefined;
    const cov = await app.store.read((c) => readCoverage(c, { from, to, dealer }));
    if (req.query.format === 'xlsx') {
      const lang = req.query.lang ?? requestLang(req.headers['accept-language']);
      return sendXlsx(reply, coverageSheet(cov, lang, { dealer: user.role === 'dealer' ? user.dealer ?? undefined : undefined }), lang);
    }
    return cov;
  });
  done();
};

export default coverage;
