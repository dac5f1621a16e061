// /suppliers: the network's suppliers with their latest grade and status (and why), the class
// weights, grade bands and rules; admins and consultants add suppliers. Dealer users get the
// 403 page: supplier ratings are the network's purchasing data about third parties.

import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { json, must, request } from '$lib/api';
import type { Supplier, SupplierList } from '$lib/scorecards/types';
import { formField } from '$lib/formField';

export const load: PageServerLoad = async ({ fetch, url }) => {
  return { list: await must<SupplierList>(fetch, '/api/suppliers', url) };
};

export const actions: Actions = {
  add: async ({ request: req, fetch }) => {
    const form = await req.formData();
    const name = (formField(form, 'name') ?? '').trim();
    const cls = formField(form, 'class') ?? '';
    const r = await request<Supplier>(fetch, '/api/suppliers', json('POST', { name, class: cls }));
    if (!r.ok) return fail(r.problem.status === 0 ? 502 : r.problem.status, { name, class: cls, message: r.problem.message });
    return { added: { id: r.value.id, name: r.value.name } };
  },
};
