// /dealers/CODE/assess?template=ID: the checklist as a form, history of visits; saving is a
// form action (works without JS; with JS the page enhances it and keeps live totals).

import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { json, must, request, type AssessmentSummary, type Created, type DealerSummary, type Me, type TemplateSummary } from '$lib/api';
import type { PointsTemplate, Template } from '@fixops/checklist';
import { requestBody, type FieldIssue, type FormValues } from '$lib/assessment/form';

const DEFAULT_TEMPLATE = 'dealer-aftersales';
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function templateId(url: URL): string {
  const t = url.searchParams.get('template');
  return t && ID.test(t) ? t : DEFAULT_TEMPLATE;
}

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
  const { user } = (await parent()) as { user: Me | null };
  const code = encodeURIComponent(params.code);
  const dealer = await must<DealerSummary>(fetch, `/api/dealers/${code}`, url);
  const [templates, visits] = await Promise.all([
    must<TemplateSummary[]>(fetch, '/api/templates', url),
    must<AssessmentSummary[]>(fetch, `/api/dealers/${code}/assessments`, url),
  ]);
  const id = templateId(url);
  const template = await must<Template>(fetch, `/api/templates/${encodeURIComponent(id)}`, url);
  return {
    dealer: { code: dealer.code, name: dealer.name, latestMonth: dealer.latestMonth },
    templates: templates.filter((t) => t.kind === 'points'),
    template,
    visits,
    canEdit: user?.role === 'admin' || user?.role === 'consultant',
    today: new Date().toISOString().slice(0, 10),
    assessor: user?.name ?? '',
  };
};

export const actions: Actions = {
  default: async ({ request: req, fetch, params, url }) => {
    const form = await req.formData();
    const values: FormValues = {};
    for (const [k, v] of form) if (k.startsWith('s:') && typeof v === 'string') values[k.slice(2)] = v;
    const id = String(form.get('template') ?? templateId(url));
    const visit = { dealer: params.code, date: String(form.get('date') ?? ''), assessor: String(form.get('assessor') ?? ''), notes: String(form.get('notes') ?? '') };
    const t = await request<Template>(fetch, `/api/templates/${encodeURIComponent(ID.test(id) ? id : DEFAULT_TEMPLATE)}`);
    if (!t.ok) return fail(t.problem.status === 404 ? 404 : 400, { values, message: t.problem.message, issues: [] as FieldIssue[] });
    if (t.value.kind !== 'points') return fail(400, { values, message: 'weighted', issues: [] as FieldIssue[] });
    const body = requestBody(t.value as PointsTemplate, visit, values);
    if (!body.ok) return fail(400, { values, message: null, issues: body.issues });
    const saved = await request<Created>(fetch, '/api/assessments', json('POST', body.body));
    if (!saved.ok) return fail(saved.problem.status, { values, message: saved.problem.message, issues: [] as FieldIssue[] });
    return { saved: { id: saved.value.id, total: saved.value.scorecard.total, max: saved.value.scorecard.max, month: visit.date.slice(0, 7) } };
  },
};
