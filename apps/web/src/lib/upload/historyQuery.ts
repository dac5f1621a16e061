// The upload page's history filters and pages, read from the page URL and turned into the
// GET /api/loads query (dealer, kind, status, month, user, limit, offset).

export const HISTORY_PAGE_SIZE = 50;
export const HISTORY_FILTERS = ['dealer', 'kind', 'status', 'month', 'user'] as const;
export type HistoryFilters = Record<(typeof HISTORY_FILTERS)[number], string>;

const VALID: Record<keyof HistoryFilters, RegExp> = {
  dealer: /^.{1,64}$/,
  kind: /^[a-z_]{1,32}$/,
  status: /^[a-z]{1,16}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  user: /^.{1,64}$/,
};

export function historyQuery(url: URL): { filters: HistoryFilters; page: number; api: string } {
  const filters = Object.fromEntries(HISTORY_FILTERS.map((k) => {
    const v = (url.searchParams.get(k) ?? '').trim();
    return [k, VALID[k].test(v) ? v : ''];
  })) as HistoryFilters;
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
  const q = new URLSearchParams({ limit: String(HISTORY_PAGE_SIZE), offset: String((page - 1) * HISTORY_PAGE_SIZE) });
  for (const k of HISTORY_FILTERS) if (filters[k]) q.set(k, filters[k]);
  return { filters, page, api: `/api/loads?${q}` };
}

/** The same page URL on another page of the history (filters kept). */
export function historyPageHref(url: URL, page: number): string {
  const u = new URL(url);
  u.searchParams.set('page', String(page));
  return `${u.pathname}${u.search}#history`;
}
