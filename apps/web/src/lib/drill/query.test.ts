import { describe, expect, it } from 'vitest';
import { pageCount, pageSpan, PAGE_SIZE, readState, rowsApiPath, rowsDownloadHref, sortChange, stateQuery } from './query.js';
import { drillPath } from './links.js';

const state = (q: string) => readState(new URLSearchParams(q));

describe('the drill-down URL state', () => {
  it('reads month, filter, sort and page, with defaults for anything malformed', () => {
    expect(state('')).toEqual({ month: null, only: 'all', sort: null, dir: 'asc', page: 1 });
    expect(state('month=2025-12&only=not_numerator&sort=delivered_time&dir=desc&page=3'))
      .toEqual({ month: '2025-12', only: 'not_numerator', sort: 'delivered_time', dir: 'desc', page: 3 });
    expect(state('only=late&sort=x;drop&dir=up&page=-2')).toEqual({ month: null, only: 'all', sort: null, dir: 'asc', page: 1 });
    expect(state('page=1.5').page).toBe(1);
  });

  it('writes links that change one part; a new filter, sort or month starts at page 1', () => {
    const s = state('month=2025-12&only=not_numerator&page=3');
    expect(stateQuery(s)).toBe('?month=2025-12&only=not_numerator&page=3');
    expect(stateQuery(s, { page: 4 })).toBe('?month=2025-12&only=not_numerator&page=4');
    expect(stateQuery(s, { only: 'all' })).toBe('?month=2025-12');
    expect(stateQuery(s, sortChange(s, 'advisor'))).toBe('?month=2025-12&only=not_numerator&sort=advisor&dir=asc');
    expect(stateQuery(s, { month: '2025-11' })).toBe('?month=2025-11&only=not_numerator');
    expect(stateQuery(state(''))).toBe('');
  });

  it('a header sorts ascending first, then flips', () => {
    expect(sortChange(state(''), 'ro_no')).toEqual({ sort: 'ro_no', dir: 'asc' });
    expect(sortChange(state('sort=ro_no&dir=asc'), 'ro_no')).toEqual({ sort: 'ro_no', dir: 'desc' });
    expect(sortChange(state('sort=ro_no&dir=desc'), 'ro_no')).toEqual({ sort: 'ro_no', dir: 'asc' });
    expect(sortChange(state('sort=ro_no&dir=desc'), 'vin')).toEqual({ sort: 'vin', dir: 'asc' });
  });

  it('asks the rows API for the page, and downloads every row of the same filter and order', () => {
    const s = state('only=not_numerator&sort=advisor&dir=desc&page=2');
    const api = new URL(rowsApiPath('SH 1', 'on_time_rate', '2025-12', s), 'http://x');
    expect(api.pathname).toBe('/api/dealers/SH%201/kpis/on_time_rate/rows');
    expect(Object.fromEntries(api.searchParams)).toEqual({ month: '2025-12', only: 'not_numerator', sort: 'advisor', dir: 'desc', limit: String(PAGE_SIZE), offset: String(PAGE_SIZE) });
    const csv = new URL(rowsDownloadHref('SH001', 'on_time_rate', '2025-12', s, 'csv', 'en'), 'http://x');
    expect(Object.fromEntries(csv.searchParams)).toEqual({ month: '2025-12', only: 'not_numerator', sort: 'advisor', dir: 'desc', format: 'csv', lang: 'en' });
  });

  it('counts pages and the rows a page shows', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageSpan(2, 7, 50)).toEqual({ from: 51, to: 57 });
    expect(pageSpan(1, 0, 50)).toBeNull();
  });

  it('a KPI value links to its drill-down', () => {
    expect(drillPath('SH001', 'on_time_rate', '2025-12')).toBe('/dealers/SH001/kpis/on_time_rate?month=2025-12');
    expect(drillPath('A/B', 'x', null)).toBe('/dealers/A%2FB/kpis/x');
  });
});
