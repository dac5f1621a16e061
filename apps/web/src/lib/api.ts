// The dashboard's only way to data: the HTTP API under /api. Server `load` functions pass
// their `fetch` (hooks.server.ts sends it in-process to the API); the browser uses its own
// (the session cookie goes along). `request` returns a value or an ApiProblem; `must` turns
// a problem into what the page should do: log in again (401), "no access" (403), or an error.

import { error, redirect } from '@sveltejs/kit';

import type { Static } from 'typebox';
import type * as C from '@fixops/contracts';

export type Fetch = typeof fetch;

// The answers' types are the API's schemas (@fixops/contracts), never restated here.
export type Role = Static<typeof C.Role>;
export type Me = Static<typeof C.Me>;
export type FlagCounts = Static<typeof C.FlagCounts>;
export type DealerSummary = Static<typeof C.DealerSummary>;
export type KpiValue = Static<typeof C.KpiValue>;
export type CatalogEntry = Static<typeof C.CatalogEntry>;
export type Setting = Static<typeof C.Setting>;
export type Flag = Static<typeof C.Flag>;
export type BenchmarkRow = Static<typeof C.BenchmarkRow>;
export type AssessmentSummary = Static<typeof C.AssessmentSummary>;
/** GET /api/assessments/:id: one visit with its scores and scorecard. */
export type Assessment = Static<typeof C.Assessment>;
export type LatestVisit = Static<typeof C.LatestVisit>;
/** One row of GET /api/overview. */
export type OverviewRow = Static<typeof C.OverviewRow>;
/** One row of GET /api/dealers/:code/peers. */
export type PeerStat = Static<typeof C.PeerStat>;
/** GET /api/dealers/:code/checklist. */
export type ChecklistModules = Static<typeof C.ChecklistModules>;
/** GET /api/dealers/:code/dashboard: everything the dealer page shows for one month. */
export type DealerPage = Static<typeof C.DealerPage>;
/** One entry of GET /api/templates. */
export type TemplateSummary = Static<typeof C.TemplateSummary>;
/** What POST /api/assessments answers (the scorecard as the checklist package scores it). */
export type Created = Static<typeof C.Created>;
/** The body of POST /api/assessments. */
export type NewAssessment = Static<typeof C.NewAssessment>;

export interface ApiProblem {
  status: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: ApiProblem };

/** Calls the API; never throws for an HTTP error or a network failure. */
export async function request<T>(fetch: Fetch, path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path.startsWith('/api/') ? path : `/api${path.startsWith('/') ? '' : '/'}${path}`, init);
  } catch (e) {
    return { ok: false, problem: { status: 0, code: 'network', message: e instanceof Error ? e.message : String(e), details: {} } };
  }
  const type = res.headers.get('content-type') ?? '';
  if (res.ok) {
    const value = (type.includes('json') ? await res.json() : await res.text()) as T;
    return { ok: true, value };
  }
  let body: { error?: { code?: string; message?: string; details?: Record<string, unknown> } } = {};
  if (type.includes('json')) body = (await res.json().catch(() => ({}))) as typeof body;
  return {
    ok: false,
    problem: { status: res.status, code: body.error?.code ?? `http_${res.status}`, message: body.error?.message ?? res.statusText, details: body.error?.details ?? {} },
  };
}

/** The path to come back to after logging in. */
export function loginPath(url: URL): string {
  const next = url.pathname + url.search;
  return next === '/' || next.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** For `load` functions: the value, or a redirect to /login (401), or a SvelteKit error page (403 "no access", 404, …). */
export async function must<T>(fetch: Fetch, path: string, url: URL, init?: RequestInit): Promise<T> {
  const r = await request<T>(fetch, path, init);
  if (r.ok) return r.value;
  if (r.problem.status === 401) redirect(303, loginPath(url));
  error(r.problem.status >= 400 && r.problem.status < 600 ? r.problem.status : 502, { message: r.problem.message, code: r.problem.code });
}

/** JSON request init for POST/PUT. */
export function json(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export const SESSION_COOKIE = 'fixops_session';
