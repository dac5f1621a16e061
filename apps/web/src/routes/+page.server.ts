import type { PageServerLoad } from './$types';
import { isMonth, lastMonths } from '@fixops/shared';
import { must, request, type CatalogEntry, type DealerSummary, type OverviewRow, type Setting } from '$lib/api';
import type { Static } from 'typebox';
import type { ActionCounts } from '@fixops/contracts';

type ActionCountsAnswer = Static<typeof ActionCounts>;

/** How many months back the overview's month picker offers. */
const PICK_MONTHS = 24;

const newest = (months: readonly (string | null)[]): string | null => months.reduce<string | null>((m, x) => (x !== null && (m === null || x > m) ? x : m), null);

export const load: PageServerLoad = async ({ fetch, url }) => {
  // ?month=YYYY-MM: every dealer's values for that month; default each dealer's latest.
  const asked = url.searchParams.get('month');
  const pickedMonth = asked && isMonth(asked) ? asked : null;
  // Who is overdue does not depend on the range: ask for one month to keep the answer small.
  const month = new Date().toISOString().slice(0, 7);
  const [rows, catalog, settings, coverage, actionCounts, dealers] = await Promise.all([
    must<OverviewRow[]>(fetch, pickedMonth ? `/api/overview?month=${pickedMonth}` : '/api/overview', url),
    must<CatalogEntry[]>(fetch, '/api/catalog', url),
    must<Setting[]>(fetch, '/api/settings', url),
    request<{ overdue: string[]; dueMonth: string }>(fetch, `/api/coverage?from=${month}&to=${month}`),
    request<ActionCountsAnswer>(fetch, '/api/actions/counts'),
    // With a month picked, the network's newest month comes from the dealers list.
    pickedMonth ? request<DealerSummary[]>(fetch, '/api/dealers') : Promise.resolve(null),
  ]);
  const overdue = coverage.ok ? { count: coverage.value.overdue.length, month: coverage.value.dueMonth } : null;
  // 整改计划: open and overdue actions per dealer and for the network
  const actions = actionCounts.ok ? actionCounts.value : null;
  // The months to pick from, newest first: the 24 up to the network's newest (or the picked one, if later).
  const latest = newest([...(dealers?.ok ? dealers.value.map((d) => d.latestMonth) : rows.map((r) => r.latestMonth)), pickedMonth]);
  const months = latest ? lastMonths(latest, PICK_MONTHS).reverse() : [];
  return { rows, catalog, settings, overdue, actions, pickedMonth, months };
};
