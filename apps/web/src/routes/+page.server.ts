import type { PageServerLoad } from './$types';
import { must, type CatalogEntry, type OverviewRow, type Setting } from '$lib/api';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const [rows, catalog, settings] = await Promise.all([
    must<OverviewRow[]>(fetch, '/api/overview', url),
    must<CatalogEntry[]>(fetch, '/api/catalog', url),
    must<Setting[]>(fetch, '/api/settings', url),
  ]);
  return { rows, catalog, settings };
};
