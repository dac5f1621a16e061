import type { LayoutServerLoad } from './$types';
import { must, request, type DealerSummary, type Me } from '$lib/api';
import type { DealerChoice } from '$lib/dealerSearch';

export const load: LayoutServerLoad = async ({ fetch, locals, url }) => {
  if (url.pathname === '/login' || !locals.session) return { lang: locals.lang, user: null, dealerChoices: [] as DealerChoice[] };
  const user = await must<Me>(fetch, '/api/me', url);
  locals.user = user;
  // The header's dealer search: every dealer the user may see (a dealer user sees only itself: no search).
  let dealerChoices: DealerChoice[] = [];
  if (user.role !== 'dealer') {
    const r = await request<DealerSummary[]>(fetch, '/api/dealers');
    if (r.ok) dealerChoices = r.value.map((d) => ({ code: d.code, name: d.name }));
  }
  return { lang: locals.lang, user, dealerChoices };
};
