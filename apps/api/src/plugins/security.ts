// Security headers on every answer (API, docs and, when `fixops start` mounts it, the
// dashboard): no MIME sniffing, never framed, no referrer to other sites, and for the API's
// JSON a content policy that allows nothing. Pages set their own policy (SvelteKit's
// kit.csp, which replaces this one); /api/docs sets swagger-ui's (see swagger.ts).
// No HSTS: the server speaks plain HTTP; the TLS proxy in front of it sets that.

import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

export const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * The same headers, for the few answers that come before any hook runs (a URL the router
 * cannot decode; see errors.ts).
 */
export const BARE_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

export default fp(async (app) => {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  });
}, { name: 'security' });
