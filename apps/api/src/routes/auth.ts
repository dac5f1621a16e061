// POST /api/login turns a token into a session cookie; POST /api/logout ends it; GET /api/me
// says who the caller is. Logins are limited per IP (@fastify/rate-limit) and failed ones per
// account as well: the account named in the body, else the owner of the token tried.
// The session cookie is Secure when the request came over TLS, directly or through a proxy that
// says so in FIXOPS_WEB_PROTOCOL_HEADER (x-forwarded-proto by default).

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { settingOrFail } from '@fixops/config';
import { accountBlocked, AccountLoginLimit, endSession, openSession, tokenAccess, tokenOwner, type LoginLimitOptions } from '@fixops/accounts';
import { userOf } from '../auth/access.js';
import { fromFixopsError, unauthorized } from '../errors.js';
import { SESSION_COOKIE, SESSION_MS } from '../plugins/auth.js';
import { Login, Me } from '@fixops/contracts';
import { responses } from '@fixops/contracts';

export interface LoginOptions {
  /** Login attempts allowed per client per minute. */
  loginRateLimit?: number;
  /** Failed logins allowed per account (default 5 per 15 minutes). */
  accountLoginLimit?: LoginLimitOptions;
}

/** Whether the browser reached us over https (a TLS proxy names the scheme in `header`). */
export function overTls(req: FastifyRequest, header: string): boolean {
  const said = req.headers[header];
  return req.protocol === 'https' || String(Array.isArray(said) ? said[0] : said ?? '').split(',')[0]!.trim().toLowerCase() === 'https';
}

const auth: FastifyPluginCallbackTypebox<LoginOptions> = (app, opts, done) => {
  const perAccount = new AccountLoginLimit(opts.accountLoginLimit);
  const protocolHeader = settingOrFail('webProtocolHeader');

  app.post('/login', {
    config: { public: true, rateLimit: { max: opts.loginRateLimit ?? 10, timeWindow: 60_000 } },
    schema: { tags: ['auth'], summary: 'Log in with a token: sets the session cookie', security: [], body: Login, response: responses(Me, [400, 429]) },
  }, async (req, reply) => {
    const { token, user: named } = req.body;
    const [access, owner] = await app.store.read(async (c) => [await tokenAccess(c, token), named ?? (await tokenOwner(c, token))] as const);
    if (owner !== undefined) {
      const wait = perAccount.blockedFor(owner);
      if (wait > 0) {
        const e = accountBlocked(owner, wait);
        void reply.header('retry-after', String(e.details!.retryAfterSeconds));
        throw fromFixopsError(e, 429);
      }
    }
    if (!access || (named !== undefined && access.user.name !== named)) {
      if (owner !== undefined) perAccount.fail(owner);
      throw unauthorized();
    }
    perAccount.succeed(access.user.name);
    const ttl = Math.min(SESSION_MS, access.expiresInMs);
    const sid = await app.store.write({ kind: 'token', label: 'login', user: access.user.name }, (c) => openSession(c, access.tokenId, ttl));
    void reply.setCookie(SESSION_COOKIE, sid, { path: '/api', httpOnly: true, sameSite: 'strict', secure: overTls(req, protocolHeader), maxAge: Math.floor(ttl / 1000) });
    const { name, role, dealer } = access.user;
    return { name, role, dealer };
  });

  app.post('/logout', {
    schema: { tags: ['auth'], summary: 'End the session', response: responses(Me) },
  }, async (req, reply) => {
    const u = userOf(req);
    const sid = req.cookies[SESSION_COOKIE];
    if (sid) await app.store.write({ kind: 'account', label: 'logout', user: u.name }, (c) => endSession(c, sid));
    void reply.clearCookie(SESSION_COOKIE, { path: '/api' });
    return { name: u.name, role: u.role, dealer: u.dealer };
  });

  app.get('/me', { schema: { tags: ['auth'], summary: 'The caller', response: responses(Me) } }, (req) => {
    const u = userOf(req);
    return { name: u.name, role: u.role, dealer: u.dealer };
  });
  done();
};

export default auth;
