// /benchmark?month=&kpi=&group=&dealer=: one KPI for one month ranked within peer groups.
// A dealer-role user is pinned to itself (the API answers other dealers anonymously).

import { isMonth } from '@fixops/shared';
import type { PageServerLoad } from './$types';
import { must, request, type BenchmarkRow, type CatalogEntry, type DealerSummary, type Me, type Setting } from '$lib/api';

const DEFAULT_KPI = 'booking_rate';

export const load: PageServerLoad = async ({ fetch, url, parent }) => {
  const { user } = (await parent()) as { user: Me | null };
  const [catalog, dealers, settings] = await Promise.all([
    must<CatalogEntry[]>(fetch, '/api/catalog', url),
    must<DealerSummary[]>(fetch, '/api/dealers', url),
    request<Setting[]>(fetch, '/api/settings'),
  ]);
  const groups = [...new Set(dealers.map((d) => d.group))].sort();
  const latest = dealers.reduce<string | null>((m, d) => (d.latestMonth && (!m || d.latestMonth > m) ? d.latestMonth : m), null);
  const askedMonth = url.searchParams.get('month');
  const month = askedMonth && isMonth(askedMonth) ? askedMonth : latest;
  const askedKpi = url.searchParams.get('kpi');
  const kpi = catalog.some((k) => k.id === askedKpi) ? askedKpi! : DEFAULT_KPI;
  const own = user?.role === 'dealer' ? user.dealer : null;
  const ownGroup = own ? dealers.find((d) => d.code === own)?.group ?? null : null;
  const askedGroup = url.searchParams.get('group');
  const group = own ? ownGroup : askedGroup && groups.includes(askedGroup) ? askedGroup : null;
  const dealer = own ?? (url.searchParams.get('dealer') || null);

  let rows: BenchmarkRow[] = [];
  let problem: string | null = null;
  if (month) {
    const q = new URLSearchParams({ month, kpi });
    if (group) q.set('group', group);
    const r = await request<BenchmarkRow[]>(fetch, `/api/benchmark?${q}`);
    if (r.ok) rows = r.value;
    else if (r.problem.status === 401) await must(fetch, '/api/me', url);
    else problem = r.problem.message;
  }
  // The KPI's target (settings `target.<kpi>`), drawn on the chart.
  const target = settings.ok ? settings.value.find((s) => s.key === `target.${kpi}`)?.value ?? null : null;
  return {
    catalog, groups, month, kpi, group, dealer, rows, problem, target: typeof target === 'number' ? target : null,
    dealerRole: own !== null,
    dealerChoices: own ? [] : dealers.map((d) => ({ code: d.code, name: d.name, group: d.group })),
    hasDealers: dealers.length > 0,
    // the names of the groups (from the dealers master), for the page's language
    names: dealers.map((d) => ({ region: d.region, group: d.group, regionName: d.regionName, groupName: d.groupName })),
  };
};
