// The drill-down of one KPI of one dealer-month (?month=YYYY-MM, default the dealer's latest):
// its value and definition, 24 months of history with the target and the peer band, the
// dealer's rank in its peer group, its flags, and one page of the rows behind the number
// (filtered, sorted and paged by the rows API, as the URL says). Every read goes through the API,
// which decides who may see the dealer (a dealer account: only its own; 403 → the no-access page).

import { isMonth, lastMonths } from '@fixops/shared';
import { COLUMN_NAMES } from '@fixops/metrics';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { must, request, type BenchmarkRow, type CatalogEntry, type DealerSummary, type Flag, type KpiValue, type PeerStat, type Setting } from '$lib/api';
import { t } from '$lib/i18n';
import { readState, rowsApiPath } from '$lib/drill/query';
import type { KpiRowsAnswer } from '$lib/drill/types';

export const load: PageServerLoad = async ({ fetch, url, params, locals }) => {
  const lang = locals.lang;
  const state = readState(url.searchParams);
  if (state.month !== null && !isMonth(state.month)) error(400, { message: t(lang, 'dealer.badMonth', { month: state.month }), code: 'invalid_month' });
  const code = encodeURIComponent(params.code);
  const kpi = params.kpi;
  // The dealer first: another dealer's code ends here with the no-access page.
  const dealer = await must<DealerSummary>(fetch, `/api/dealers/${code}`, url);
  const [catalog, settings] = await Promise.all([must<CatalogEntry[]>(fetch, '/api/catalog', url), must<Setting[]>(fetch, '/api/settings', url)]);
  if (!catalog.some((k) => k.id === kpi)) error(404, { message: t(lang, 'drill.unknownKpi', { kpi }), code: 'unknown_kpi' });
  const all = await must<KpiValue[]>(fetch, `/api/dealers/${code}/kpis?${new URLSearchParams({ kpi })}`, url);
  const months = [...new Set(all.map((v) => v.month))].sort();
  const month = state.month ?? months.at(-1) ?? null;
  if (month === null) return { dealer, catalog, settings, kpi, state, month, months, history: [], window: [], peers: [], rank: null, flags: [], rows: null, rowsProblem: null };

  const window = lastMonths(month, 24);
  const [peers, bench, flags, rows] = await Promise.all([
    request<PeerStat[]>(fetch, `/api/dealers/${code}/peers?${new URLSearchParams({ kpi, from: window[0]!, to: month })}`),
    request<BenchmarkRow[]>(fetch, `/api/benchmark?${new URLSearchParams({ month, kpi, group: dealer.group })}`),
    request<Flag[]>(fetch, `/api/flags?${new URLSearchParams({ dealer: params.code, month, kpi, lang })}`),
    request<KpiRowsAnswer>(fetch, rowsApiPath(params.code, kpi, month, state)),
  ]);
  const mine = bench.ok ? bench.value.find((r) => r.dealer === params.code) ?? null : null;
  const columns = rows.ok ? rows.value.columns.map((c) => ({ id: c, label: COLUMN_NAMES[c]?.[lang] ?? c })) : [];
  return {
    dealer, catalog, settings, kpi, state, month, months,
    history: all.filter((v) => window.includes(v.month)),
    window,
    peers: peers.ok ? peers.value : [],
    rank: mine && { rank: mine.rank, groupSize: mine.groupSize, percentile: mine.percentile, p25: mine.p25, median: mine.median, p75: mine.p75 },
    flags: flags.ok ? flags.value.map((f) => ({ kind: f.kind, text: f.messages[lang] })) : [],
    rows: rows.ok ? { ...rows.value, columns } : null,
    // KPIs over customer windows have no rows: the page says why (the API's words), the rest still shows.
    rowsProblem: rows.ok ? null : { code: rows.problem.code, message: rows.problem.message },
  };
};
