// /dealers/CODE/staff: the dealer's people (advisors on its repair orders, people added by
// hand) with their latest scorecard and its change; admins and consultants add people here.

import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { json, must, request, type DealerSummary, type Me } from '$lib/api';
import type { StaffList, StaffMember } from '$lib/scorecards/types';
import { formField } from '$lib/formField';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
  const { user } = (await parent()) as { user: Me | null };
  const code = encodeURIComponent(params.code);
  const [dealer, staff] = await Promise.all([
    must<DealerSummary>(fetch, `/api/dealers/${code}`, url),
    must<StaffList>(fetch, `/api/dealers/${code}/staff`, url),
  ]);
  return { dealer: { code: dealer.code, name: dealer.name }, staff, canEdit: user?.role === 'admin' || user?.role === 'consultant' };
};

export const actions: Actions = {
  add: async ({ request: req, fetch, params }) => {
    const form = await req.formData();
    const name = (formField(form, 'name') ?? '').trim();
    const role = formField(form, 'role') ?? '';
    const r = await request<StaffMember>(fetch, `/api/dealers/${encodeURIComponent(params.code)}/staff`, json('POST', { name, role }));
    if (!r.ok) return fail(r.problem.status === 0 ? 502 : r.problem.status, { name, role, message: r.problem.message });
    return { added: r.value.name };
  },
};
