// GET /api/audit (admin only): the audit log, newest first, filtered by since, user and action,
// one page at a time with the total count.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { isSince, listAudit } from '@fixops/db';
import { AuditPage, AuditQuery, responses } from '@fixops/contracts';
import { requireRole } from '../auth/access.js';
import { ApiError } from '../errors.js';

const audit: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/audit', {
    schema: {
      tags: ['accounts'], summary: 'The audit log: every write with who, when, from where and what changed (admin only)',
      querystring: AuditQuery, response: responses(AuditPage, [400, 403]),
    },
  }, async (req) => {
    requireRole(req, 'admin');
    const { since, user, action, limit, offset } = req.query;
    if (since !== undefined && !isSince(since)) {
      throw new ApiError(400, 'invalid_request', { zh: `日期“${since}”无效（YYYY-MM-DD）`, en: `Invalid date "${since}" (YYYY-MM-DD)` }, { field: 'since' });
    }
    return app.store.read((c) => listAudit(c, { since, user, action, limit: limit ?? 100, offset: offset ?? 0 }));
  });
  done();
};

export default audit;
