// /coverage: who has sent what (数据上报情况), server-rendered from GET /api/coverage. The range
// goes to the API; the region and kind filters only choose what the page shows.

import type { PageServerLoad } from './$types';
import { must } from '$lib/api';
import type { Coverage } from '$lib/coverage/model';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const q = new URLSearchParams();
  for (const k of ['from', 'to']) {
    const v = url.searchParams.get(k);
    if (v && MONTH.test(v)) q.set(k, v);
  }
  const coverage = await must<Coverage>(fetch, `/api/coverage${q.size ? `?${q}` : ''}`, url);
  return { coverage, region: url.searchParams.get('region') ?? '', kind: url.searchParams.get('kind') ?? '' };
};
