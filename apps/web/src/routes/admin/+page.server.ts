// /admin (admins only): users, API tokens, settings (thresholds and KPI targets) and the dealers
// master data, changed through form actions that call the admin API in-process. A settings or
// peer-group change answers the flags it added and removed. A new token is answered once, by
// the create action, and never again. Others get the 403 page before anything is asked of the API.

import { error, fail } from '@sveltejs/kit';
import type { Static } from 'typebox';
import type { Account, ApiToken, CreatedApiToken, DealerEdited, DealerMasterList, FlagChanges, SettingChanged } from '@fixops/contracts';
import type { Actions, PageServerLoad } from './$types';
import { json, must, request, type Fetch, type Me, type Setting } from '$lib/api';
import { formField } from '$lib/formField';
import { pick } from '$lib/i18n';

const NOT_A_NUMBER = { zh: '“{key}”的值“{text}”不是数字。', en: 'The value "{text}" for "{key}" is not a number.' };

export type AccountRow = Static<typeof Account>;
export type TokenRow = Static<typeof ApiToken>;
export type FlagChangeList = Static<typeof FlagChanges>;

/** Flags listed on the page per direction (the totals say how many there are). */
const SHOWN_FLAGS = 50;
const cut = (f: FlagChangeList): FlagChangeList => ({ ...f, added: f.added.slice(0, SHOWN_FLAGS), removed: f.removed.slice(0, SHOWN_FLAGS) });

export const load: PageServerLoad = async ({ fetch, url, parent }) => {
  const { user } = (await parent()) as { user: Me | null };
  if (user?.role !== 'admin') error(403, { message: 'admin only', code: 'forbidden' });
  const [users, tokens, settings, master] = await Promise.all([
    must<AccountRow[]>(fetch, '/api/users', url),
    must<TokenRow[]>(fetch, '/api/tokens', url),
    must<Setting[]>(fetch, '/api/settings', url),
    must<Static<typeof DealerMasterList>>(fetch, '/api/dealer-master', url),
  ]);
  return { users, tokens, settings, dealers: master.dealers, peerGroups: master.peerGroups, regionNames: master.regionNames ?? [], groupNames: master.groupNames ?? [] };
};

/** The API's problem (its message is already in the page's language) as the action's failure. */
function problem(action: string, status: number, message: string) {
  return fail(status >= 400 && status < 600 ? status : 502, { action, message });
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
    const r = await request<Static<typeof SettingChanged>>(fetch, '/api/settings', json('PUT', { key, value }));
    if (!r.ok) return problem('setting', r.problem.status, r.problem.message);
    const f = r.value.flags;
    return {
      action: 'setting',
      changed: { key: r.value.key, value: r.value.value, dealerMonths: r.value.dealerMonths, flagsBefore: f.before, flagsAfter: f.after },
      flags: cut(f),
    };
  },
  dealer: async ({ request: req, fetch }) => {
    const form = await req.formData();
    const code = formField(form, 'code') ?? '';
    const body = {
      name: formField(form, 'name') ?? '',
      region: formField(form, 'region') ?? '',
      city: formField(form, 'city') ?? '',
      peerGroup: formField(form, 'peerGroup') ?? '',
      // The names of the region and group: sent only when changed in the form (they belong to the
      // region or group, so an unchanged name must not follow the dealer into another one).
      ...Object.fromEntries((['regionEn', 'groupZh', 'groupEn'] as const)
        .map((f) => [f, formField(form, f) ?? '', formField(form, `${f}0`) ?? ''] as const)
        .filter(([, now, was]) => now.trim() !== was.trim())
        .map(([f, now]) => [f, now])),
    };
    const r = await request<Static<typeof DealerEdited>>(fetch, `/api/dealers/${encodeURIComponent(code)}`, json('PATCH', body));
    if (!r.ok) return fail(r.problem.status >= 400 && r.problem.status < 600 ? r.problem.status : 502, { action: 'dealer', message: r.problem.message, code });
    const e = r.value;
    return {
      action: 'dealer',
      edited: {
        code: e.dealer.code, changed: e.changed, before: { ...e.names?.before, ...e.before }, after: { ...e.names?.after, ...e.dealer },
        dealerMonths: e.recompute?.dealerMonths ?? null,
      },
      ...(e.recompute ? { flags: cut(e.recompute.flags) } : {}),
    };
  },
};

async function setDisabled(req: Request, fetch: Fetch, action: 'disable' | 'enable') {
  const name = formField(await req.formData(), 'name') ?? '';
  const r = await request<AccountRow>(fetch, `/api/users/${encodeURIComponent(name)}/${action}`, { method: 'POST' });
  if (!r.ok) return problem(action, r.problem.status, r.problem.message);
  return { action, user: r.value.name };
}
