// The dashboard's form actions for action plans (整改计划): add an action against a KPI or a module,
// and change an action's status or add a note. They call the API in-process, which decides who may
// (admin and consultant add and verify; a dealer account marks its own done and adds notes) and
// records every write in the audit log; the API's message comes back in the page's language.

import { fail, type RequestEvent } from '@sveltejs/kit';
import { json, request } from '$lib/api';
import { formField } from '$lib/formField';

const problem = (action: string, status: number, message: string) => fail(status >= 400 && status < 600 ? status : 502, { action, message });

export async function addActionForm({ request: req, fetch, params }: Pick<RequestEvent, 'request' | 'fetch' | 'params'>) {
  const form = await req.formData();
  const kind = formField(form, 'kind') === 'module' ? 'module' : 'kpi';
  const body = {
    dealer: params.code ?? '',
    target: { kind, id: formField(form, 'target') ?? '' },
    title: (formField(form, 'title') ?? '').trim(),
    owner: (formField(form, 'owner') ?? '').trim(),
    due: formField(form, 'due') ?? '',
  };
  const r = await request<{ id: number }>(fetch, '/api/actions', json('POST', body));
  if (!r.ok) return problem('addAction', r.problem.status, r.problem.message);
  return { action: 'addAction', id: r.value.id };
}

export async function setActionForm({ request: req, fetch }: Pick<RequestEvent, 'request' | 'fetch'>) {
  const form = await req.formData();
  const id = formField(form, 'id') ?? '';
  const status = formField(form, 'status');
  const note = (formField(form, 'note') ?? '').trim();
  const body = { ...(status ? { status } : {}), ...(note ? { note } : {}) };
  const r = await request<{ id: number }>(fetch, `/api/actions/${encodeURIComponent(id)}`, json('POST', body));
  if (!r.ok) return problem('setAction', r.problem.status, r.problem.message);
  return { action: 'setAction', id: r.value.id };
}
