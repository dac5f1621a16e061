// /admin (admins only): users, API tokens and settings (thresholds and KPI targets), changed
// through form actions that call the admin API in-process. A new token is answered once, by
// the create action, and never again. Others get the 403 page before anything is asked of the API.

import { error, fail } from '@sveltejs/kit';
import type { Static } from 'typebox';
import type { Account, ApiToken, CreatedApiToken, SettingChanged } from '@fixops/contracts';
import type { Actions, PageServerLoad } from './$types';
import { json, must, request, type Fetch, type Flag, type Me, type Setting } from '$lib/api';
import { formField } from '$lib/formField';
import { pick } from '$lib/i18n';

const NOT_A_NUMBER = { zh: '“{key}”的值“{text}”不是数字。', en: 'The value "{text}" for "{key}" is not a number.' };

export type AccountRow = Static<typeof Account>;
export type TokenRow = Static<typeof ApiToken>;

export const load: PageServerLoad = async ({ fetch, url, parent }) => {
  const { user } = (await parent()) as { user: Me | null };
  if (user?.role !== 'admin') error(403, { message: 'admin only', code: 'forbidden' });
  const [users, tokens, settings] = await Promise.all([
    must<AccountRow[]>(fetch, '/api/users', url),
    must<TokenRow[]>(fetch, '/api/tokens', url),
    must<Setting[]>(fetch, '/api/settings', url),
  ]);
  return { users, tokens, settings };
};

/** The API's problem (its message is already in the page's language) as the action's failure. */
function problem(action: string, status: number, message: string) {
  return fail(status >= 400 && status < 600 ? status : 502, { action, message });
}

async function flagCount(fetch: Fetch): Promise<number | null> {
  const r = await request<Flag[]>(fetch, '/api/flags');
  return r.ok ? r.value.length : null;
}

export const actions: Actions = {
  addUser: async ({ request: req, fetch }) => {
    const form = await req.formData();
    const name = (formField(form, 'name') ?? '').trim();
    const role = formField(form, 'role') ?? '';
    const dealer = (formField(form, 'dealer') ?? '').trim();
    const r = await request<AccountRow>(fetch, '/api/users', json('POST', { name, role, dealer: role === 'dealer' ? dealer || null : null }));
    if (!r.ok) return problem('addUser', r.problem.status, r.problem.message);
    return { action: 'addUser', user: r.value.name };
  },
  disable: async ({ request: req, fetch }) => setDisabled(req, fetch, 'disable'),
  enable: async ({ request: req, fetch }) => setDisabled(req, fetch, 'enable'),
  createToken: async ({ request: req, fetch }) => {
    const form = await req.formData();
    const user = formField(form, 'user') ?? '';
    const daysText = (formField(form, 'days') ?? '').trim();
    const body: { user: string; expiresDays?: number } = { user };
    if (daysText) body.expiresDays = Number(daysText);
    const r = await request<Static<typeof CreatedApiToken>>(fetch, '/api/tokens', json('POST', body));
    if (!r.ok) return problem('createToken', r.problem.status, r.problem.message);
    return { action: 'createToken', created: r.value };
  },
  revoke: async ({ request: req, fetch }) => {
    const id = formField(await req.formData(), 'id') ?? '';
    const r = await request<TokenRow>(fetch, `/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
    if (!r.ok) return problem('revoke', r.problem.status, r.problem.message);
    return { action: 'revoke', revoked: r.value.id };
  },
  setting: async ({ request: req, fetch, locals }) => {
    const form = await req.formData();
    const key = formField(form, 'key') ?? '';
    const text = (formField(form, 'value') ?? '').trim();
    // As on the command line: "85%" is 0.85. The API checks the range and answers in the page's language.
    const value = Number(text.replace(/%$/, '')) / (text.endsWith('%') ? 100 : 1);
    if (text === '' || !Number.isFinite(value)) return problem('setting', 400, pick(locals.lang, NOT_A_NUMBER, { key, text }));
    const before = await flagCount(fetch);
    const r = await request<Static<typeof SettingChanged>>(fetch, '/api/settings', json('PUT', { key, value }));
    if (!r.ok) return problem('setting', r.problem.status, r.problem.message);
    const after = await flagCount(fetch);
    return { action: 'setting', changed: { key: r.value.key, value: r.value.value, dealerMonths: r.value.dealerMonths, flagsBefore: before, flagsAfter: after } };
  },
};

async function setDisabled(req: Request, fetch: Fetch, action: 'disable' | 'enable') {
  const name = formField(await req.formData(), 'name') ?? '';
  const r = await request<AccountRow>(fetch, `/api/users/${encodeURIComponent(name)}/${action}`, { method: 'POST' });
  if (!r.ok) return problem(action, r.problem.status, r.problem.message);
  return { action, user: r.value.name };
}
