// /dealers/CODE/staff/NAME?template=ID&month=YYYY-MM: one person — the scorecard form (admin,
// consultant), every scorecard newest first with its change, and beside it the advisor's KPIs
// for the month (?month, else the latest scorecard's), with those of the KPIs a network added as
// files (named from the catalogue). Saving is a form action (works without JS).

import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { json, must, request, type CatalogEntry, type Me } from '$lib/api';
import type { Template } from '@fixops/checklist';
import type { StaffDetail, StaffScorecardCreated } from '$lib/scorecards/types';
import { liveState, type FormValues } from '$lib/assessment/form';
import { formField } from '$lib/formField';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const personPath = (code: string, name: string) => `/api/dealers/${encodeURIComponent(code)}/staff/${encodeURIComponent(name)}`;

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
  const { user } = (await parent()) as { user: Me | null };
  const month = url.searchParams.get('month');
  const person = await must<StaffDetail>(fetch, `${personPath(params.code, params.name)}${month && MONTH.test(month) ? `?month=${month}` : ''}`, url);
  const asked = url.searchParams.get('template');
  const templateId = asked && ID.test(asked) && person.templates.some((t) => t.id === asked) ? asked : person.defaultTemplate;
  const [template, catalog] = await Promise.all([
    must<Template>(fetch, `/api/templates/${encodeURIComponent(templateId)}`, url),
    must<CatalogEntry[]>(fetch, '/api/catalog', url),
  ]);
  const now = new Date().toISOString().slice(0, 7);
  return {
    person, template, added: catalog.filter((k) => k.custom), canEdit: user?.role === 'admin' || user?.role === 'consultant', assessor: user?.name ?? '',
    defaultMonth: person.lastMonth ?? now,
  };
};

export const actions: Actions = {
  default: async ({ request: req, fetch, params }) => {
    const form = await req.formData();
    const values: FormValues = {};
    for (const [k, v] of form) if (k.startsWith('s:') && typeof v === 'string') values[k.slice(2)] = v;
    const id = formField(form, 'template') ?? '';
    const month = formField(form, 'month') ?? '';
    const t = await request<Template>(fetch, `/api/templates/${encodeURIComponent(ID.test(id) ? id : 'aftersales-staff')}`);
    if (!t.ok || t.value.kind !== 'points') return fail(400, { values, message: t.ok ? id : t.problem.message });
    const live = liveState(t.value, values);
    if (live.issues.length > 0) return fail(400, { values, message: live.issues.map((i) => i.message.zh === i.message.en ? i.message.zh : `${i.message.zh} / ${i.message.en}`).join('；') });
    const body = { month, template: t.value.id, assessor: formField(form, 'assessor') ?? undefined, notes: formField(form, 'notes') || undefined, scores: live.scores };
    const saved = await request<StaffScorecardCreated>(fetch, `${personPath(params.code, params.name)}/scorecards`, json('POST', body));
    if (!saved.ok) return fail(saved.problem.status === 0 ? 502 : saved.problem.status, { values, message: saved.problem.message });
    const card = saved.value.scorecard as { total: number; max: number; passed?: boolean };
    return { saved: { id: saved.value.id, total: card.total, max: card.max, passed: card.passed === true, month } };
  },
};
