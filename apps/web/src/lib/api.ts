// The dashboard's only way to data: the HTTP API under /api. Server `load` functions pass
// their `fetch` (hooks.server.ts sends it in-process to the API); the browser uses its own
// (the session cookie goes along). `request` returns a value or an ApiProblem; `must` turns
// a problem into what the page should do: log in again (401), "no access" (403), or an error.

import { error, redirect } from '@sveltejs/kit';

export type Fetch = typeof fetch;
export type Role = 'admin' | 'consultant' | 'dealer';

export interface Me {
  name: string;
  role: Role;
  dealer: string | null;
}

export interface FlagCounts {
  total: number;
  not_tracked: number;
  target: number;
  trend: number;
  peer: number;
}

export interface DealerSummary {
  code: string;
  name: string | null;
  region: string | null;
  group: string;
  city: string | null;
  latestMonth: string | null;
  kpis: Record<string, number | null>;
  flags: FlagCounts;
}

export interface KpiValue {
  dealer?: string;
  month: string;
  kpi: string;
  value: number | null;
}

export interface CatalogEntry {
  id: string;
  zh: string;
  en: string;
  unit: 'count' | 'rate' | 'money';
  better: 'higher' | 'lower';
  description: { zh: string; en: string };
  formula: { zh: string; en: string };
}

export interface Setting {
  key: string;
  value: number;
  default: number;
  min: number;
  max: number;
  zh: string;
  en: string;
}

export interface Flag {
  dealer: string;
  month: string;
  kpi: string;
  kind: 'not_tracked' | 'target' | 'trend' | 'peer';
  value: number | null;
  reference: Record<string, unknown> | null;
  /** The sentence in the request's language. */
  message: string;
  messages: { zh: string; en: string };
}

export interface BenchmarkRow {
  group: string;
  groupSize: number;
  dealer: string | null;
  name: string | null;
  value: number | null;
  rank: number | null;
  percentile: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  gapToMedian: number | null;
  gapToTopQuartile: number | null;
}

export interface AssessmentSummary {
  id: number;
  dealer: string;
  date: string;
  assessor: string | null;
  templateId: string;
  templateVersion: number;
  total: number;
  max: number;
  rate: number;
  passed: boolean;
  complete: boolean;
}

export interface LatestVisit {
  id: number;
  date: string;
  total: number;
  max: number;
  rate: number;
  passed: boolean;
  complete: boolean;
}

/** One row of GET /api/overview. */
export interface OverviewRow extends DealerSummary {
  spark: { kpi: string; months: string[]; values: (number | null)[] };
  checklist: LatestVisit | null;
}

/** One row of GET /api/dealers/:code/peers. */
export interface PeerStat {
  month: string;
  kpi: string;
  group: string;
  groupSize: number;
  p25: number | null;
  median: number | null;
  p75: number | null;
}

/** GET /api/dealers/:code/checklist. */
export interface ChecklistModules {
  visit: LatestVisit | null;
  modules: { section: string; id: string; zh: string; en: string; score: number; max: number; rate: number | null; passRate: number; passed: boolean }[];
}

/** GET /api/dealers/:code/dashboard: everything the dealer page shows for one month. */
export interface DealerPage {
  dealer: { code: string; name: string | null; region: string | null; group: string; city: string | null };
  months: string[];
  month: string | null;
  window: string[];
  kpis: KpiValue[];
  peers: PeerStat[];
  mix: { repairType: string; roCount: number; share: number | null; revenue: number }[];
  advisors: {
    advisor: string | null; ro_count: number; revenue_per_ro: number | null; booking_rate: number | null;
    on_time_rate: number | null; time_estimate_accuracy: number | null; cost_estimate_accuracy: number | null;
  }[];
  flags: { month: string; kpi: string; kind: Flag['kind']; messages: { zh: string; en: string } }[];
  checklist: ChecklistModules;
}

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
export function json(method: 'POST' | 'PUT' | 'DELETE', body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export const SESSION_COOKIE = 'fixops_session';
