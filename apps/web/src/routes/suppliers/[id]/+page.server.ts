// /suppliers/ID: one supplier — its class weights, the status now with the reason, the monthly
// rating form (four dimensions, composite previewed as you type) and every rating with the
// status as of its month. Admins and consultants only (the API answers 403 to dealer users).

import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { json, must, request } from '$lib/api';
import type { SupplierDetail } from '$lib/scorecards/types';
import { formField } from '$lib/formField';

function idOf(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1 || id > 2147483647) error(404, { message: 'not found', code: 'not_found' });
  return id;
}

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  return { supplier: await must<SupplierDetail>(fetch, `/api/suppliers/${idOf(params.id)}`, url), thisMonth: new Date().toISOString().slice(0, 7) };
};

const DIMS = ['quality', 'delivery', 'service', 'price'] as const;

export const actions: Actions = {
  default: async ({ request: req, fetch, params }) => {
    const form = await req.formData();
    const values: Record<string, string> = {};
    for (const d of DIMS) values[d] = formField(form, d) ?? '';
    const month = formField(form, 'month') ?? '';
    const body: Record<string, unknown> = { month, rater: formField(form, 'rater') || undefined, notes: formField(form, 'notes') || undefined };
    for (const d of DIMS) body[d] = values[d]!.trim() === '' ? null : Number(values[d]);
    const r = await request<SupplierDetail>(fetch, `/api/suppliers/${idOf(params.id)}/ratings`, json('POST', body));
    if (!r.ok) return fail(r.problem.status === 0 ? 502 : r.problem.status, { values, month, message: r.problem.message });
    const latest = r.value.latest;
    return { saved: { month, composite: latest?.composite ?? null, grade: latest?.grade ?? '' } };
  },
};
