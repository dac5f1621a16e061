// /comparisons/new (admin, consultant): a form that writes a comparison file — title in Chinese
// and English, dealers from the dealer list, KPIs from the catalogue with weights (and optional
// targets and zero lines), month and period to compare with. The API checks it exactly as
// `fixops compare` checks a file; its refusals come back per field in the page's language.
// Saved, the page goes to the new comparison.

import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { json, must, request, type CatalogEntry, type DealerSummary, type Me } from '$lib/api';
import { t } from '$lib/i18n';
import { comparisonOf, fieldErrors, readForm, type ComparisonSaved } from '$lib/comparisons/model';

export const load: PageServerLoad = async ({ fetch, url, parent, locals }) => {
  const { user } = (await parent()) as { user: Me | null };
  if (user?.role === 'dealer') error(403, { message: t(locals.lang, 'error.forbidden'), code: 'forbidden' });
  const [dealers, catalog] = await Promise.all([
    must<DealerSummary[]>(fetch, '/api/dealers', url),
    must<CatalogEntry[]>(fetch, '/api/catalog', url),
  ]);
  return { dealers: dealers.map((d) => ({ code: d.code, name: d.name, region: d.region, group: d.group, regionName: d.regionName, groupName: d.groupName })), catalog };
};

export const actions: Actions = {
  default: async ({ request: req, fetch, locals }) => {
    const values = readForm(await req.formData());
    const kpis = values.kpis.map((k) => k.kpi);
    if (values.id === 'new') return fail(422, { values, errors: { id: [t(locals.lang, 'cmp.idReserved')] } });
    const r = await request<ComparisonSaved>(fetch, '/api/comparisons', json('POST', { comparison: comparisonOf(values), overwrite: values.overwrite }));
    if (!r.ok) return fail(r.problem.status === 0 ? 502 : r.problem.status, { values, errors: fieldErrors(r.problem, kpis, locals.lang) });
    redirect(303, `/comparisons/${encodeURIComponent(r.value.id)}`);
  },
};
