// POST /logout: ends the API session and forgets the cookie.
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { SESSION_COOKIE } from '$lib/api';

export const POST: RequestHandler = async ({ fetch, cookies }) => {
  await fetch('/api/logout', { method: 'POST' }).catch(() => undefined);
  cookies.delete(SESSION_COOKIE, { path: '/' });
  redirect(303, '/login');
};
