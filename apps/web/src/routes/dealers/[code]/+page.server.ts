// One dealer for one month (?month=YYYY-MM, default its latest): KPIs over the 12 months up
// to it with the peer group's quartiles, targets, RO mix, advisors, flags, the latest
// checklist visit. Everything through the API, which enforces who may see the dealer.

import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { must, type CatalogEntry, type ChecklistModules, type DealerSummary, type Flag, type KpiValue, type PeerStat, type Setting } from '$lib/api';
import { lastMonths } from '$lib/format';
import { t } from '$lib/i18n';
import { KEY_KPIS } from '$lib/kpi';

export interface RepairTypeRow { repairType: string; roCount: number; share: number | null; revenue: number }
export interface AdvisorRow {
  advisor: string | null; ro_count: number; revenue_per_ro: number | null; booking_rate: number | null;
  on_time_rate: number | null; time_estimate_accuracy: number | null; cost_estimate_accuracy: number | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const load: PageServerLoad = async ({ fetch, url, params, locals }) => {
  const code = params.code;
  const base = `/api/dealers/${encodeURIComponent(code)}`;
  const asked = url.searchParams.get('month');
  if (asked !== null && !MONTH.test(asked)) error(400, { message: t(locals.lang, 'dealer.badMonth', { month: asked }), code: 'invalid_month' });
  // The dealer first: a 403 or 404 ends here, before anything else is asked.
  const [dealer, roCounts] = await Promise.all([
    must<DealerSummary>(fetch, base, url),
    must<KpiValue[]>(fetch, `${base}/kpis?kpi=ro_count`, url),
  ]);
  const months = roCounts.map((k) => k.month).sort();
  const month = asked ?? dealer.latestMonth ?? months.at(-1) ?? null;
  if (month === null) {
    return { dealer, month: null, months, window: [], kpis: [], peers: [], catalog: [], settings: [], mix: [], advisors: [], flags: [], checklist: { visit: null, modules: [] } };
  }
  const window = lastMonths(month, 12);
  const range = `from=${window[0]}&to=${month}`;
  const [kpis, peers, catalog, settings, mix, advisors, flags, checklist] = await Promise.all([
    must<KpiValue[]>(fetch, `${base}/kpis?${range}`, url),
    must<PeerStat[]>(fetch, `${base}/peers?${range}`, url),
    must<CatalogEntry[]>(fetch, '/api/catalog', url),
    must<Setting[]>(fetch, '/api/settings', url),
    must<RepairTypeRow[]>(fetch, `${base}/breakdown?month=${month}&by=repair_type`, url),
    must<AdvisorRow[]>(fetch, `${base}/breakdown?month=${month}&by=advisor`, url),
    must<Flag[]>(fetch, `/api/flags?dealer=${encodeURIComponent(code)}`, url),
    must<ChecklistModules>(fetch, `${base}/checklist`, url),
  ]);
  // Only what the page shows goes into it: the key KPIs; flags newest first, none after the
  // month on screen, the month's all and at most 60 earlier ones, as sentences.
  const key = new Set<string>(KEY_KPIS);
  const shownFlags = flags.filter((f) => f.month <= month).sort((a, b) => (a.month === b.month ? 0 : a.month < b.month ? 1 : -1));
  const current = shownFlags.filter((f) => f.month === month);
  const earlier = shownFlags.filter((f) => f.month !== month).slice(0, 60);
  return {
    dealer, month, months, window, catalog, settings, mix, advisors, checklist,
    kpis: kpis.filter((k) => key.has(k.kpi)),
    peers: peers.filter((p) => key.has(p.kpi)),
    flags: [...current, ...earlier].map((f) => ({ month: f.month, kpi: f.kpi, kind: f.kind, text: f.message })),
  };
};
