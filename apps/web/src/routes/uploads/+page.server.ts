// /uploads: the load history and write queue (server-rendered); the upload itself runs in the
// browser (preview, then XHR to POST /api/uploads with a progress bar per file).

import type { PageServerLoad } from './$types';
import { must, type DealerSummary, type Me } from '$lib/api';
import type { LoadList } from '$lib/upload/history';

export const load: PageServerLoad = async ({ fetch, url, parent, depends }) => {
  depends('fixops:loads');
  const { user } = (await parent()) as { user: Me | null };
  const [log, dealers] = await Promise.all([
    must<LoadList>(fetch, '/api/loads?limit=50', url),
    user?.role === 'dealer' ? Promise.resolve([] as DealerSummary[]) : must<DealerSummary[]>(fetch, '/api/dealers', url),
  ]);
  return { loads: log.loads, queue: log.queue, dealers: dealers.map((d) => ({ code: d.code, name: d.name })), dealerRole: user?.role === 'dealer' };
};
