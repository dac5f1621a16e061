// Who is asking: a Bearer token, or the session cookie that POST /api/login set. Every route
// needs one unless its config says `public: true`. Sessions are stored hashed in the database
// (@fixops/accounts) and belong to the token they were opened with, so a revoked or expired
// token or a disabled user ends them at once. Lookups are remembered until the next write
// (revoking and disabling are writes), and expiry is checked on every request. Expired
// sessions are swept at start and every few minutes; a token's last use is recorded at most
// once a minute.
// A write with the cookie is refused when a browser says another site started it (CSRF).

import type { DuckDBConnection } from '@duckdb/node-api';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { sessionAccessByHash, sha256, sweepSessions, tokenAccessByHash, touchToken, type Access, type User } from '@fixops/accounts';
import { isCrossOriginWrite } from '@fixops/shared';
import { ApiError, unauthorized } from '../errors.js';

/** A write with the session cookie that another site started (cross-site request forgery). */
export const crossSite = () => new ApiError(403, 'cross_site_request', {
  zh: '拒绝跨站请求：此操作只能从本站页面发起。', en: 'Cross-site request refused: this action may only be started from this site\'s pages.',
});

export const SESSION_COOKIE = 'fixops_session';
export const SESSION_MS = 12 * 3600_000;
const TOUCH_MS = 60_000;
const SWEEP_MS = 10 * 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

const header1 = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface AuthOptions {
  /** How often expired sessions are deleted (default every 10 minutes). */
  sweepMs?: number;
}

export default fp<AuthOptions>(async (app, opts) => {
  await app.register(cookie);
  const touched = new Map<number, number>();
  app.decorateRequest('user', null);

  const lookup = (key: string, find: (c: DuckDBConnection) => Promise<Access | undefined>) =>
    app.store.memo(key, async (c) => {
      const access = await find(c);
      return access && { access, deadline: Date.now() + access.expiresInMs };
    });

  const sweep = () => app.store.write({ kind: 'token', label: 'sweep sessions', user: 'system' }, (c) => sweepSessions(c))
    .catch((e: unknown) => app.log.warn({ err: e }, 'session sweep failed'));
  app.addHook('onReady', async () => {
    await sweep();
  });
  const timer = setInterval(() => void sweep(), opts.sweepMs ?? SWEEP_MS);
  timer.unref();
  app.addHook('onClose', (_instance, next) => {
    clearInterval(timer);
    next();
  });

  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config?.public) return;
    const header = req.headers.authorization;
    let found: { access: Access; deadline: number } | undefined;
    if (typeof header === 'string' && /^Bearer\s+/i.test(header)) {
      const token = header.replace(/^Bearer\s+/i, '').trim();
      if (token.length > 0 && token.length <= 200) {
        const hash = sha256(token);
        found = await lookup(`token:${hash}`, (c) => tokenAccessByHash(c, hash));
      }
    } else {
      // Browsers send the cookie with other sites' forms too: a cookie write must come from our pages.
      if (req.cookies[SESSION_COOKIE] !== undefined && isCrossOriginWrite({ method: req.method, secFetchSite: header1(req.headers['sec-fetch-site']), origin: header1(req.headers.origin), host: req.headers.host })) throw crossSite();
      const sid = req.cookies[SESSION_COOKIE];
      if (sid && sid.length <= 200) {
        const hash = sha256(sid);
        found = await lookup(`session:${hash}`, (c) => sessionAccessByHash(c, hash));
      }
    }
    if (!found || found.deadline <= Date.now()) throw unauthorized();
    const { user, tokenId } = found.access;
    req.user = user;
    if (Date.now() - (touched.get(tokenId) ?? 0) > TOUCH_MS) {
      touched.set(tokenId, Date.now());
      void app.store.write({ kind: 'token', label: 'token last used', user: user.name }, (c) => touchToken(c, tokenId)).catch(() => undefined);
    }
  });
}, { name: 'auth', dependencies: ['db'] });
