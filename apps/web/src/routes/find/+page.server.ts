// /find?q=: the header's dealer search without JS. One match goes to its dealer page; several
// or none are listed here. A dealer user (who sees only itself) goes to its own page.

import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { must, type DealerSummary, type Me } from '$lib/api';
import { findDealers } from '$lib/dealerSearch';

export const load: PageServerLoad = async ({ fetch, url, parent }) => {
  const { user } = (await parent()) as { user: Me | null };
  if (user?.role === 'dealer' && user.dealer) redirect(303, `/dealers/${encodeURIComponent(user.dealer)}`);
  const q = (url.searchParams.get('q') ?? '').slice(0, 100);
  const dealers = await must<DealerSummary[]>(fetch, '/api/dealers', url);
  const matches = findDealers(q, dealers.map((d) => ({ code: d.code, name: d.name })));
  if (matches.length === 1) redirect(303, `/dealers/${encodeURIComponent(matches[0]!.code)}`);
  return { q, matches };
};
