import type { LayoutServerLoad } from './$types';
import { must, type Me } from '$lib/api';

export const load: LayoutServerLoad = async ({ fetch, locals, url }) => {
  if (url.pathname === '/login' || !locals.session) return { lang: locals.lang, user: null };
  const user = await must<Me>(fetch, '/api/me', url);
  locals.user = user;
  return { lang: locals.lang, user };
};
