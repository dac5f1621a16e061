// The users, for admins: GET /api/users, POST /api/users, POST /api/users/:name/disable and
// /enable. Disabling ends the user's tokens' sessions and refuses its tokens at once.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { addUser, listUsers, setUserDisabled } from '@fixops/accounts';
import { Account, AccountList, AccountParams, NewAccount, responses } from '@fixops/contracts';
import type { Result } from '@fixops/shared';
import { requireRole } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import { orHttp } from '../errors.js';

/** HTTP status of the accounts package's error codes (the rest are 400). */
export const ACCOUNT_STATUS: Record<string, number> = {
  unknown_user: 404, unknown_token: 404, user_exists: 409, last_admin: 409, user_disabled: 409,
};

export function orAccountError<T>(r: Result<T>): T {
  return orHttp(r, r.ok ? undefined : ACCOUNT_STATUS[r.error.code]);
}

const users: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/users', {
    schema: { tags: ['accounts'], summary: 'Every user (admin only)', response: responses(AccountList, [403]) },
  }, async (req) => {
    requireRole(req, 'admin');
    return app.store.read((c) => listUsers(c));
  });

  app.post('/users', {
    schema: { tags: ['accounts'], summary: 'Add a user (admin only)', body: NewAccount, response: responses(Account, [400, 403, 409], 201) },
  }, async (req, reply) => {
    const admin = requireRole(req, 'admin');
    const { name, role, dealer } = req.body;
    const user = orAccountError(await app.store.write({ kind: 'account', label: `user ${name}`, user: admin.name }, (c) => addUser(c, { name, role, dealer }, actorOf(req))));
    return reply.code(201).send(user);
  });

  for (const action of ['disable', 'enable'] as const) {
    app.post(`/users/:name/${action}`, {
      schema: {
        tags: ['accounts'], summary: action === 'disable' ? 'Disable a user: its tokens and sessions stop working at once (admin only)' : 'Enable a user again (admin only)',
        params: AccountParams, response: responses(Account, [400, 403, 404, 409]),
      },
    }, async (req) => {
      const admin = requireRole(req, 'admin');
      const { name } = req.params;
      return orAccountError(await app.store.write({ kind: 'account', label: `user ${name} ${action}`, user: admin.name }, (c) => setUserDisabled(c, name, action === 'disable', actorOf(req))));
    });
  }
  done();
};

export default users;
