// Who is asking: a Bearer token, or the session cookie that POST /api/login set. Every route
// needs one unless its config says `public: true`. A session is a random id kept in memory
// that points at the hash of the token it was opened with, so revoking the token ends it.
// A write with the cookie is refused when a browser says another site started it (CSRF).

import { randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { hashToken, touchToken, userOfTokenHash, type User } from '../auth/users.js';
import { isCrossOriginWrite } from '@fixops/shared';
import { ApiError, unauthorized } from '../errors.js';

/** A write with the session cookie that another site started (cross-site request forgery). */
export const crossSite = () => new ApiError(403, 'cross_site_request', {
  zh: '拒绝跨站请求：此操作只能从本站页面发起。', en: 'Cross-site request refused: this action may only be started from this site\'s pages.',
});

export const SESSION_COOKIE = 'fixops_session';
const SESSION_MS = 12 * 3600_000;
const TOUCH_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
  interface FastifyInstance {
    sessions: {
      open(token: string): string;
      drop(id: string): void;
    };
  }
}

const header1 = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default fp(async (app) => {
  await app.register(cookie);
  const sessions = new Map<string, { hash: string; expires: number }>();
  const touched = new Map<number, number>();
  app.decorateRequest('user', null);
  app.decorate('sessions', {
    open(token: string): string {
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { hash: hashToken(token), expires: Date.now() + SESSION_MS });
      return id;
    },
    drop(id: string) {
      sessions.delete(id);
    },
  });

  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config?.public) return;
    const header = req.headers.authorization;
    let hash: string | undefined;
    if (typeof header === 'string' && /^Bearer\s+/i.test(header)) {
      const token = header.replace(/^Bearer\s+/i, '').trim();
      if (token.length > 0 && token.length <= 200) hash = hashToken(token);
    } else {
      // Browsers send the cookie with other sites' forms too: a cookie write must come from our pages.
      if (req.cookies[SESSION_COOKIE] !== undefined && isCrossOriginWrite({ method: req.method, secFetchSite: header1(req.headers['sec-fetch-site']), origin: header1(req.headers.origin), host: req.headers.host })) throw crossSite();
      const sid = req.cookies[SESSION_COOKIE];
      const s = sid ? sessions.get(sid) : undefined;
      if (s && s.expires > Date.now()) hash = s.hash;
      else if (sid) sessions.delete(sid);
    }
    if (!hash) throw unauthorized();
    const found = await app.store.memo(`token:${hash}`, (c) => userOfTokenHash(c, hash));
    if (!found) throw unauthorized();
    const { tokenId, ...user } = found;
    req.user = user;
    if (Date.now() - (touched.get(tokenId) ?? 0) > TOUCH_MS) {
      touched.set(tokenId, Date.now());
      void app.store.write({ kind: 'token', label: 'token last used', user: user.name }, (c) => touchToken(c, tokenId)).catch(() => undefined);
    }
  });
}, { name: 'auth', dependencies: ['db'] });
