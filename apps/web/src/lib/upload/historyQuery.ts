// The upload page's history filters and pages, read from the page URL and turned into the
// GET /api/loads query (dealer, kind, status, month, user, limit, offset).

export const HISTORY_PAGE_SIZE = 50;
/** Page sizes a URL may ask for (`?size=`). */
export const HISTORY_PAGE_SIZES = [10, 25, 50, 100, 200] as const;
export const HISTORY_FILTERS = ['dealer', 'kind', 'status', 'month', 'user'] as const;
export type HistoryFilters = Record<(typeof HISTORY_FILTERS)[number], string>;

const VALID: Record<keyof HistoryFilters, RegExp> = {
  dealer: /^.{1,64}$/,
  kind: /^[a-z_]{1,32}$/,
  status: /^[a-z]{1,16}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  user: /^.{1,64}$/,
};

export function historyQuery(url: URL): { filters: HistoryFilters; page: number; size: number; api: string } {
  const filters = Object.fromEntries(HISTORY_FILTERS.map((k) => {
    const v = (url.searchParams.get(k) ?? '').trim();
    return [k, VALID[k].test(v) ? v : ''];
  })) as HistoryFilters;
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
  const asked = Number(url.searchParams.get('size'));
  const size = (HISTORY_PAGE_SIZES as readonly number[]).includes(asked) ? asked : HISTORY_PAGE_SIZE;
  const q = new URLSearchParams({ limit: String(size), offset: String((page - 1) * size) });
  for (const k of HISTORY_FILTERS) if (filters[k]) q.set(k, filters[k]);
  return { filters, page, size, api: `/api/loads?${q}` };
}

/** The same page URL on another page of the history (filters kept). */
export function historyPageHref(url: URL, page: number): `/uploads?${string}` {
  const u = new URL(url);
  u.searchParams.set('page', String(page));
  return `/uploads?${u.searchParams.toString()}#history`;
}
