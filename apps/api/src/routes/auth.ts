// POST /api/login turns a token into a session cookie (rate-limited); POST /api/logout ends it;
// GET /api/me says who the caller is.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { userOfToken } from '../auth/users.js';
import { userOf } from '../auth/access.js';
import { unauthorized } from '../errors.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { Login, Me } from '@fixops/contracts';
import { responses } from '@fixops/contracts';

export interface LoginOptions {
  /** Login attempts allowed per client per minute. */
  loginRateLimit?: number;
}

const auth: FastifyPluginAsyncTypebox<LoginOptions> = async (app, opts) => {
  app.post('/login', {
    config: { public: true, rateLimit: { max: opts.loginRateLimit ?? 10, timeWindow: 60_000 } },
    schema: { tags: ['auth'], summary: 'Log in with a token: sets the session cookie', security: [], body: Login, response: responses(Me, [400, 429]) },
  }, async (req, reply) => {
    const found = await app.store.read((c) => userOfToken(c, req.body.token));
    if (!found) throw unauthorized();
    const sid = app.sessions.open(req.body.token);
    void reply.setCookie(SESSION_COOKIE, sid, { path: '/api', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', maxAge: 12 * 3600 });
    return { name: found.name, role: found.role, dealer: found.dealer };
  });

  app.post('/logout', {
    schema: { tags: ['auth'], summary: 'End the session', response: responses(Me) },
  }, async (req, reply) => {
    const sid = req.cookies[SESSION_COOKIE];
    if (sid) app.sessions.drop(sid);
    void reply.clearCookie(SESSION_COOKIE, { path: '/api' });
    const u = userOf(req);
    return { name: u.name, role: u.role, dealer: u.dealer };
  });

  app.get('/me', { schema: { tags: ['auth'], summary: 'The caller', response: responses(Me) } }, async (req) => {
    const u = userOf(req);
    return { name: u.name, role: u.role, dealer: u.dealer };
  });
};

export default auth;
