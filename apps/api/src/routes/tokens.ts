// The API tokens, for admins: GET /api/tokens (never the token or its hash), POST /api/tokens
// (answers the new token, once), DELETE /api/tokens/:id (revokes it and ends its sessions).

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { createToken, getUser, listTokens, revokeToken, unknownUser } from '@fixops/accounts';
import { ApiToken, ApiTokenList, ApiTokenQuery, CreatedApiToken, IdParams, NewApiToken, responses } from '@fixops/contracts';
import { ok } from '@fixops/shared';
import { requireRole } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import { orAccountError } from './users.js';

const tokens: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/tokens', {
    schema: { tags: ['accounts'], summary: 'Every token, newest first: user, created, expires, last used (admin only)', querystring: ApiTokenQuery, response: responses(ApiTokenList, [400, 403]) },
  }, async (req) => {
    requireRole(req, 'admin');
    const { user } = req.query;
    return orAccountError(await app.store.read(async (c) => {
      if (user !== undefined && !(await getUser(c, user))) return unknownUser(user);
      return ok(await listTokens(c, { user }));
    }));
  });

  app.post('/tokens', {
    schema: { tags: ['accounts'], summary: 'Create a token for a user; the answer is the only time it is shown (admin only)', body: NewApiToken, response: responses(CreatedApiToken, [400, 403, 404, 409], 201) },
  }, async (req, reply) => {
    const admin = requireRole(req, 'admin');
    const { user, expiresDays } = req.body;
    const made = orAccountError(await app.store.write({ kind: 'account', label: `token for ${user}`, user: admin.name }, (c) => createToken(c, user, { days: expiresDays, actor: actorOf(req) })));
    void reply.header('cache-control', 'no-store');
    return reply.code(201).send({ id: made.id, token: made.token, user: made.user.name, expiresAt: made.expiresAt });
  });

  app.delete('/tokens/:id', {
    schema: { tags: ['accounts'], summary: 'Revoke a token: it and its sessions stop working at once (admin only)', params: IdParams, response: responses(ApiToken, [400, 403, 404]) },
  }, async (req) => {
    const admin = requireRole(req, 'admin');
    const { id } = req.params;
    return orAccountError(await app.store.write({ kind: 'account', label: `revoke token ${id}`, user: admin.name }, (c) => revokeToken(c, id, actorOf(req))));
  });
  done();
};

export default tokens;
