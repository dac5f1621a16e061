// Every page request: the language (cookie, else Accept-Language), the session cookie (no
// session → /login), and the <html lang>. `handleFetch` sends the pages' /api requests
// in-process to the Fastify app when `fixops start` mounted the dashboard on it (the API
// registers itself on a global symbol), else over HTTP to FIXOPS_API_URL or this origin.
// Every page answer carries the security headers; a write (form action) another site started
// is refused before it runs (cross-site request forgery; the API checks its own writes).

import type { Handle, HandleFetch, HandleServerError } from '@sveltejs/kit';
import { settingOrFail } from '@fixops/config';
import { SESSION_COOKIE, loginPath } from '$lib/api';
import { LANG_COOKIE, chooseLang, htmlLang, t } from '$lib/i18n';
import { isCrossOriginWrite } from '@fixops/shared';

/** Pages anyone may open. */
const PUBLIC = ['/login', '/lang'];

/** Never framed, no MIME sniffing, no referrer to other sites (the content policy is kit.csp). */
const SECURITY_HEADERS: Record<string, string> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

function withSecurityHeaders(response: Response): Response {
  try {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!response.headers.has(k)) response.headers.set(k, v);
    return response;
  } catch {
    // Immutable headers (a fetched response passed through): copy them.
    const headers = new Headers(response.headers);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!headers.has(k)) headers.set(k, v);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

const CROSS_SITE = { zh: '拒绝跨站请求：此操作只能从本站页面发起。', en: 'Cross-site request refused: this action may only be started from this site\'s pages.' };

export const handle: Handle = async ({ event, resolve }) => withSecurityHeaders(await route({ event, resolve }));

const route: Handle = async ({ event, resolve }) => {
  const lang = chooseLang(event.cookies.get(LANG_COOKIE), event.request.headers.get('accept-language'));
  const h = event.request.headers;
  if (isCrossOriginWrite({ method: event.request.method, secFetchSite: h.get('sec-fetch-site'), origin: h.get('origin'), host: h.get('host') ?? event.url.host })) {
    return new Response(JSON.stringify({ error: { code: 'cross_site_request', message: CROSS_SITE[lang], details: {} } }), {
      status: 403, headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  }
  event.locals.lang = lang;
  event.locals.session = event.cookies.get(SESSION_COOKIE) ?? null;
  event.locals.user = null;
  const path = event.url.pathname;
  if (!event.locals.session && !PUBLIC.some((p) => path === p || path.startsWith(`${p}/`))) {
    return new Response(null, { status: 303, headers: { location: loginPath(event.url) } });
  }
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', htmlLang(lang)) });
};

interface InjectResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  rawPayload: Buffer;
}
interface Injectable {
  inject(opts: { method: string; url: string; headers: Record<string, string>; payload?: Buffer; remoteAddress?: string }): Promise<InjectResponse>;
}

const API_APP = Symbol.for('fixops.api.app');

function apiApp(): Injectable | undefined {
  return (globalThis as Record<symbol, unknown>)[API_APP] as Injectable | undefined;
}

const FORWARD = ['content-type', 'accept', 'authorization'];

export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const url = new URL(request.url);
  if (url.origin !== event.url.origin || !url.pathname.startsWith('/api/')) return fetch(request);
  const headers: Record<string, string> = {};
  for (const name of FORWARD) {
    const v = request.headers.get(name);
    if (v) headers[name] = v;
  }
  const sid = event.cookies.get(SESSION_COOKIE);
  if (sid && !headers.authorization) headers.cookie = `${SESSION_COOKIE}=${sid}`;
  headers['accept-language'] = htmlLang(event.locals.lang);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.from(await request.arrayBuffer());
  const app = apiApp();
  if (app) {
    let remoteAddress: string | undefined;
    try {
      remoteAddress = event.getClientAddress();
    } catch {
      remoteAddress = undefined;
    }
    const res = await app.inject({ method: request.method, url: url.pathname + url.search, headers, payload: body, remoteAddress });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (v === undefined || k === 'content-length' || k === 'transfer-encoding' || k === 'connection') continue;
      if (Array.isArray(v)) for (const one of v) out.append(k, one);
      else out.set(k, String(v));
    }
    const empty = res.statusCode === 204 || res.statusCode === 304 || request.method === 'HEAD';
    return new Response(empty ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: out });
  }
  const base = settingOrFail('apiUrl');
  const target = base ? new URL(url.pathname + url.search, base) : url;
  return globalThis.fetch(target, { method: request.method, headers, body: body ? new Uint8Array(body) : undefined });
};

/** Unexpected failures: logged with their stack on the server, a plain message for the user. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) console.error(`[fixops web] ${event.request.method} ${event.url.pathname}:`, error);
  const lang = event.locals.lang ?? 'zh';
  return { message: status === 404 ? t(lang, 'error.notFound') : t(lang, 'error.title'), code: status === 404 ? 'not_found' : 'internal' };
};
