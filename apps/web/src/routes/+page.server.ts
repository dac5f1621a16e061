import type { PageServerLoad } from './$types';
import { must, request, type CatalogEntry, type OverviewRow, type Setting } from '$lib/api';
import type { Static } from 'typebox';
import type { ActionCounts } from '@fixops/contracts';

type ActionCountsAnswer = Static<typeof ActionCounts>;

export const load: PageServerLoad = async ({ fetch, url }) => {
  // Who is overdue does not depend on the range: ask for one month to keep the answer small.
  const month = new Date().toISOString().slice(0, 7);
  const [rows, catalog, settings, coverage, actionCounts] = await Promise.all([
    must<OverviewRow[]>(fetch, '/api/overview', url),
    must<CatalogEntry[]>(fetch, '/api/catalog', url),
    must<Setting[]>(fetch, '/api/settings', url),
    request<{ overdue: string[]; dueMonth: string }>(fetch, `/api/coverage?from=${month}&to=${month}`),
    request<ActionCountsAnswer>(fetch, '/api/actions/counts'),
  ]);
  const overdue = coverage.ok ? { count: coverage.value.overdue.length, month: coverage.value.dueMonth } : null;
  // 整改计划: open and overdue actions per dealer and for the network
  const actions = actionCounts.ok ? actionCounts.value : null;
  return { rows, catalog, settings, overdue, actions };
};
