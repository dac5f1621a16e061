// One dealer for one month (?month=YYYY-MM, default its latest): the API's dealer-page read
// (key KPIs over the 12 months up to it with the peer group's quartiles, RO mix, advisors,
// flags, the latest checklist visit), the KPI catalogue and the targets. The API decides who
// may see the dealer (403 → the no-access page).

import { isMonth } from '@fixops/shared';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { addActionForm, setActionForm } from '$lib/actions/server';
import { must, type CatalogEntry, type DealerPage, type Setting } from '$lib/api';
import { t } from '$lib/i18n';


export const load: PageServerLoad = async ({ fetch, url, params, locals }) => {
  const asked = url.searchParams.get('month');
  if (asked !== null && !isMonth(asked)) error(400, { message: t(locals.lang, 'dealer.badMonth', { month: asked }), code: 'invalid_month' });
  const [page, catalog, settings] = await Promise.all([
    must<DealerPage>(fetch, `/api/dealers/${encodeURIComponent(params.code)}/dashboard${asked ? `?month=${asked}` : ''}`, url),
    must<CatalogEntry[]>(fetch, '/api/catalog', url),
    must<Setting[]>(fetch, '/api/settings', url),
  ]);
  const lang = locals.lang;
  return { ...page, catalog, settings, flags: page.flags.map((f) => ({ month: f.month, kpi: f.kpi, kind: f.kind, text: f.messages[lang], detail: f.details?.[lang] ?? null })) };
};

/** 整改计划: add an action from a flagged KPI or a failed module; change an action's status or add a note. */
export const actions: Actions = {
  addAction: (event) => addActionForm(event),
  setAction: (event) => setActionForm(event),
};
