// Log in with a token: the API checks it and opens a session; the session id becomes a
// cookie for the whole site (pages and the browser's own /api requests).

import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { SESSION_COOKIE, json } from '$lib/api';
import { t } from '$lib/i18n';
import { safeNext } from '$lib/safeNext';

/** Only paths on this site (never an open redirect), and not back to this page. */
function nextPath(next: string | null, origin: string): string {
  const path = safeNext(next, origin);
  return path === '/login' || path.startsWith('/login?') || path.startsWith('/login/') ? '/' : path;
}

export const load: PageServerLoad = async ({ locals, url }) => ({ lang: locals.lang, next: nextPath(url.searchParams.get('next'), url.origin) });

export const actions: Actions = {
  default: async ({ request: req, fetch, cookies, locals, url }) => {
    const form = await req.formData();
    const token = String(form.get('token') ?? '').trim();
    const next = nextPath(String(form.get('next') ?? url.searchParams.get('next') ?? '/'), url.origin);
    if (!token) return fail(400, { message: t(locals.lang, 'login.missing'), next });
    const res = await fetch('/api/login', json('POST', { token }));
    if (!res.ok) {
      const key = res.status === 429 ? 'login.tooMany' : 'login.failed';
      return fail(res.status === 429 ? 429 : 400, { message: t(locals.lang, key), next });
    }
    const sid = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.slice(SESSION_COOKIE.length + 1);
    if (!sid) return fail(500, { message: t(locals.lang, 'login.failed'), next });
    cookies.set(SESSION_COOKIE, sid, { path: '/', httpOnly: true, sameSite: 'strict', secure: url.protocol === 'https:', maxAge: 12 * 3600 });
    redirect(303, next);
  },
};

