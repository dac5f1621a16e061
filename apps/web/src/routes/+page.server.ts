import type { PageServerLoad } from './$types';
import { must, request, type CatalogEntry, type OverviewRow, type Setting } from '$lib/api';

export const load: PageServerLoad = async ({ fetch, url }) => {
  // Who is overdue does not depend on the range: ask for one month to keep the answer small.
  const month = new Date().toISOString().slice(0, 7);
  const [rows, catalog, settings, coverage] = await Promise.all([
    must<OverviewRow[]>(fetch, '/api/overview', url),
    must<CatalogEntry[]>(fetch, '/api/catalog', url),
    must<Setting[]>(fetch, '/api/settings', url),
    request<{ overdue: string[]; dueMonth: string }>(fetch, `/api/coverage?from=${month}&to=${month}`),
  ]);
  const overdue = coverage.ok ? { count: coverage.value.overdue.length, month: coverage.value.dueMonth } : null;
  return { rows, catalog, settings, overdue };
};
