// /audit (admins only): the audit log from GET /api/audit, filtered by since, user and action,
// a page of 50 at a time. Others get the 403 page before anything is asked of the API.

import { error } from '@sveltejs/kit';
import type { Static } from 'typebox';
import type { AuditEntry as AuditEntrySchema, AuditPage } from '@fixops/contracts';
import type { PageServerLoad } from './$types';
import { must, type Me } from '$lib/api';

export type AuditEntry = Static<typeof AuditEntrySchema>;

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ fetch, url, parent }) => {
  const { user } = (await parent()) as { user: Me | null };
  if (user?.role !== 'admin') error(403, { message: 'admin only', code: 'forbidden' });
  const since = url.searchParams.get('since') ?? '';
  const who = url.searchParams.get('user') ?? '';
  const action = url.searchParams.get('action') ?? '';
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
  const q = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) q.set('since', since);
  if (who) q.set('user', who);
  if (action) q.set('action', action);
  const log = await must<Static<typeof AuditPage>>(fetch, `/api/audit?${q}`, url);
  return { ...log, filters: { since, user: who, action }, page, pages: Math.max(1, Math.ceil(log.total / PAGE_SIZE)) };
};
