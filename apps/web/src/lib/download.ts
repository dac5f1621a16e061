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
