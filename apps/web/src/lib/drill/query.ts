// The drill-down page's state lives in its URL (month, which rows, sort, page), so a view can be
// shared and works without JS. These helpers read that state, write the links that change one
// part of it, and build the rows API's paths (the API pages and sorts; the page only asks).

import { isMonth, type Lang } from '@fixops/shared';

export type Only = 'all' | 'numerator' | 'not_numerator';
export type Dir = 'asc' | 'desc';

export interface DrillState {
  month: string | null;
  only: Only;
  sort: string | null;
  dir: Dir;
  /** 1-based page of the rows table. */
  page: number;
}

/** Rows per page of the table. */
export const PAGE_SIZE = 50;
const ONLY: readonly Only[] = ['all', 'numerator', 'not_numerator'];
const COLUMN = /^[a-z][a-z0-9_]{0,63}$/;

/** The state in a URL's query; anything malformed falls back to its default (bad months are the caller's to refuse). */
export function readState(params: URLSearchParams): DrillState {
  const only = params.get('only');
  const sort = params.get('sort');
  const page = Number(params.get('page') ?? '1');
  return {
    month: params.get('month'),
    only: ONLY.includes(only as Only) ? (only as Only) : 'all',
    sort: sort !== null && COLUMN.test(sort) ? sort : null,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string (with "?") of `state` changed by `change`; defaults are left out. A new filter or sort starts at page 1. */
export function stateQuery(state: DrillState, change: Partial<DrillState> = {}): string {
  const resetsPage = 'only' in change || 'sort' in change || 'dir' in change || 'month' in change;
  const s: DrillState = { ...state, ...change, ...(resetsPage && !('page' in change) ? { page: 1 } : {}) };
  const q = new URLSearchParams();
  if (s.month && isMonth(s.month)) q.set('month', s.month);
  if (s.only !== 'all') q.set('only', s.only);
  if (s.sort) {
    q.set('sort', s.sort);
    q.set('dir', s.dir);
  }
  if (s.page > 1) q.set('page', String(s.page));
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The link of a column header: sorts by it ascending, or flips the direction when it is the sort already. */
export function sortChange(state: DrillState, column: string): Pick<DrillState, 'sort' | 'dir'> {
  return { sort: column, dir: state.sort === column && state.dir === 'asc' ? 'desc' : 'asc' };
}

function rowsBase(code: string, kpi: string): string {
  return `/api/dealers/${encodeURIComponent(code)}/kpis/${encodeURIComponent(kpi)}/rows`;
}

function rowsParams(month: string, state: DrillState): URLSearchParams {
  const q = new URLSearchParams({ month, only: state.only });
  if (state.sort) {
    q.set('sort', state.sort);
    q.set('dir', state.dir);
  }
  return q;
}

/** The rows API call for the page of the table the state asks for. */
export function rowsApiPath(code: string, kpi: string, month: string, state: DrillState): string {
  const q = rowsParams(month, state);
  q.set('limit', String(PAGE_SIZE));
  q.set('offset', String((state.page - 1) * PAGE_SIZE));
  return `${rowsBase(code, kpi)}?${q.toString()}`;
}

/** Every row of the same filter and order, as a CSV or Excel download (headers in `lang`). */
export function rowsDownloadHref(code: string, kpi: string, month: string, state: DrillState, format: 'csv' | 'xlsx', lang: Lang): string {
  const q = rowsParams(month, state);
  q.set('format', format);
  q.set('lang', lang);
  return `${rowsBase(code, kpi)}?${q.toString()}`;
}

/** How many pages `total` rows make (at least 1). */
export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** "first–last" of a page's rows (1-based), or null when there are none. */
export function pageSpan(page: number, shown: number, size = PAGE_SIZE): { from: number; to: number } | null {
  if (shown === 0) return null;
  const from = (page - 1) * size + 1;
  return { from, to: from + shown - 1 };
}
