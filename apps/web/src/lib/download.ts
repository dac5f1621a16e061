// Where the pages' Excel downloads come from: the API's own table answers with ?format=xlsx
// (rows scoped to the signed-in user by the API, headers in the page's language).

import type { Lang } from '@fixops/shared';

/** The benchmark the page shows, as a workbook. */
export function benchmarkXlsxHref(q: { month: string; kpi: string; group?: string | null | undefined }, lang: Lang): string {
  const params = new URLSearchParams({ month: q.month, kpi: q.kpi, format: 'xlsx', lang });
  if (q.group) params.set('group', q.group);
  return `/api/benchmark?${params.toString()}`;
}

/** A load's rejected rows, as a workbook. */
export function rejectsXlsxHref(loadId: number): string {
  return `/api/loads/${loadId}/rejects.xlsx`;
}

/** The network's KPIs of one month (a dealer user: its own row), as a workbook. */
export function networkKpisXlsxHref(month: string, lang: Lang): string {
  return `/api/kpis?${new URLSearchParams({ month, format: 'xlsx', lang }).toString()}`;
}

/** One dealer's KPIs over a range of months, as a workbook. */
export function dealerKpisXlsxHref(code: string, range: { from?: string | undefined; to?: string | undefined }, lang: Lang): string {
  const params = new URLSearchParams({ format: 'xlsx', lang });
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  return `/api/dealers/${encodeURIComponent(code)}/kpis?${params.toString()}`;
}

/** Who has sent what over the page's range, as a workbook. */
export function coverageXlsxHref(range: { from: string; to: string }, lang: Lang): string {
  return `/api/coverage?${new URLSearchParams({ from: range.from, to: range.to, format: 'xlsx', lang }).toString()}`;
}

/** The load log with the page's filters, as a workbook. */
export function loadsXlsxHref(filters: Readonly<Record<string, string | undefined>>, lang: Lang): string {
  const params = new URLSearchParams({ format: 'xlsx', lang });
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  return `/api/loads?${params.toString()}`;
}
