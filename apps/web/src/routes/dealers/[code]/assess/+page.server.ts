// /dealers/CODE/assess?template=ID[&visit=ID]: the checklist as a form, history of visits. A visit
// is a draft until every line is scored: "save" stores it (a new visit, or the draft given by
// ?visit) and comes back to it with its values; "finish" judges it, asking first when lines are
// left (the rest count 0). Both are form actions (they work without JS; with JS the page enhances
// them and keeps live totals). A complete visit, and every visit for a dealer user, is read-only.

import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { json, must, request, type Assessment, type AssessmentSummary, type Created, type DealerSummary, type Me, type TemplateSummary } from '$lib/api';
import type { Template } from '@fixops/checklist';
import { liveState, requestBody, type FieldIssue, type FormValues } from '$lib/assessment/form';
import { formField } from '$lib/formField';

const DEFAULT_TEMPLATE = 'dealer-aftersales';
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function templateId(url: URL): string {
  const t = url.searchParams.get('template');
  return t && ID.test(t) ? t : DEFAULT_TEMPLATE;
}

/** ?visit=ID as a number, or null. */
function visitId(url: URL): number | null {
  const v = url.searchParams.get('visit');
  return v && /^[1-9]\d{0,15}$/.test(v) ? Number(v) : null;
}

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
  const { user } = (await parent()) as { user: Me | null };
  const code = encodeURIComponent(params.code);
  const dealer = await must<DealerSummary>(fetch, `/api/dealers/${code}`, url);
  const [templates, visits] = await Promise.all([
    must<TemplateSummary[]>(fetch, '/api/templates', url),
    must<AssessmentSummary[]>(fetch, `/api/dealers/${code}/assessments`, url),
  ]);
  const canEdit = user?.role === 'admin' || user?.role === 'consultant';
  // The visit shown: ?visit, else (read-only for a dealer user) the latest one.
  const asked = visitId(url);
  const shownId = asked ?? (canEdit ? null : visits[0]?.id ?? null);
  const visit = shownId !== null && visits.some((v) => v.id === shownId) ? await must<Assessment>(fetch, `/api/assessments/${shownId}`, url) : null;
  const id = visit?.templateId ?? templateId(url);
  const template = await must<Template>(fetch, `/api/templates/${encodeURIComponent(id)}`, url);
  const today = new Date().toISOString().slice(0, 10);
  return {
    dealer: { code: dealer.code, name: dealer.name, latestMonth: dealer.latestMonth },
    templates: templates.filter((t) => t.kind === 'points'),
    template,
    visits,
    visit,
    /** The latest draft, offered to continue when the form starts a new visit. */
    draft: visit ? null : visits.find((v) => !v.complete) ?? null,
    saved: visit !== null && url.searchParams.get('saved') === '1',
    canEdit,
    today,
    /** The data month a new visit gets by default: the dealer's latest month with data, not after today's. */
    defaultMonth: dealer.latestMonth !== null && dealer.latestMonth <= today.slice(0, 7) ? dealer.latestMonth : today.slice(0, 7),
    assessor: user?.name ?? '',
  };
};

/** The posted form: scores as typed, and the visit's fields. */
function posted(form: FormData, params: { code: string }) {
  const values: FormValues = {};
  for (const [k, v] of form) if (k.startsWith('s:') && typeof v === 'string') values[k.slice(2)] = v;
  const raw = formField(form, 'visit');
  const id = raw && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
  const visit = { dealer: params.code, date: formField(form, 'date') ?? '', month: formField(form, 'month') ?? '', assessor: formField(form, 'assessor') ?? '', notes: formField(form, 'notes') ?? '' };
  return { values, id, visit, template: formField(form, 'template') };
}

async function store(event: Parameters<Actions[string]>[0], finish: boolean) {
  const { request: req, fetch, params, url } = event;
  const form = await req.formData();
  const { values, id, visit, template } = posted(form, params);
  const tid = template ?? templateId(url);
  const t = await request<Template>(fetch, `/api/templates/${encodeURIComponent(ID.test(tid) ? tid : DEFAULT_TEMPLATE)}`);
  if (!t.ok) return fail(t.problem.status === 404 ? 404 : 400, { values, message: t.problem.message, issues: [] as FieldIssue[] });
  if (t.value.kind !== 'points') return fail(400, { values, message: 'weighted', issues: [] as FieldIssue[] });
  const body = requestBody(t.value, visit, values);
  if (!body.ok) return fail(400, { values, message: null, issues: body.issues });
  if (finish) {
    // Finishing with lines left counts them 0: the assessor confirms that first.
    const live = liveState(t.value, values);
    if (live.filled < live.toFill && formField(form, 'confirm') !== '1') {
      return fail(409, { values, message: null, issues: [] as FieldIssue[], confirmFinish: { scored: live.filled, of: live.toFill } });
    }
  }
  const { dealer: _dealer, template: _template, ...update } = body.body;
  const saved = id === null
    ? await request<Created>(fetch, '/api/assessments', json('POST', { ...body.body, finish }))
    : await request<Created>(fetch, `/api/assessments/${id}`, json('PUT', { ...update, finish }));
  if (!saved.ok) return fail(saved.problem.status, { values, message: saved.problem.message, issues: [] as FieldIssue[] });
  const q = new URLSearchParams({ visit: String(saved.value.id), saved: '1' });
  if (tid !== DEFAULT_TEMPLATE) q.set('template', tid);
  redirect(303, `/dealers/${encodeURIComponent(params.code)}/assess?${q}`);
}

export const actions: Actions = {
  save: (event) => store(event, false),
  finish: (event) => store(event, true),
};
