// GET /lang?to=en&next=/path: remembers the language in a cookie for a year and goes back.
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { LANG_COOKIE, isLang } from '$lib/i18n';
import { safeNext } from '$lib/safeNext';

export const GET: RequestHandler = ({ url, cookies }) => {
  const to = url.searchParams.get('to');
  if (isLang(to)) cookies.set(LANG_COOKIE, to, { path: '/', httpOnly: false, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 365 * 24 * 3600 });
  redirect(303, safeNext(url.searchParams.get('next'), url.origin));
};
