import { describe, expect, it } from 'vitest';
import { historyPageHref, historyQuery } from './historyQuery';

describe('upload history query', () => {
  it('passes valid filters and the page to GET /api/loads', () => {
    const q = historyQuery(new URL('http://x/uploads?dealer=SH001&kind=bookings&status=refused&month=2025-03&user=li&page=3'));
    expect(q.filters).toEqual({ dealer: 'SH001', kind: 'bookings', status: 'refused', month: '2025-03', user: 'li' });
    expect(q.page).toBe(3);
    expect(q.api).toBe('/api/loads?limit=50&offset=100&dealer=SH001&kind=bookings&status=refused&month=2025-03&user=li');
  });

  it('drops malformed values and defaults to the first page', () => {
    const q = historyQuery(new URL('http://x/uploads?month=2025-13&kind=DROP%20TABLE&page=-4'));
    expect(q.filters).toEqual({ dealer: '', kind: '', status: '', month: '', user: '' });
    expect(q.api).toBe('/api/loads?limit=50&offset=0');
  });

  it('links another page keeping the filters', () => {
    expect(historyPageHref(new URL('http://x/uploads?kind=bookings&page=2'), 3)).toBe('/uploads?kind=bookings&page=3#history');
  });

  it('takes a page size from the URL among the allowed ones', () => {
    expect(historyQuery(new URL('http://x/uploads?size=10&page=2')).api).toBe('/api/loads?limit=10&offset=10');
    expect(historyQuery(new URL('http://x/uploads?size=7')).size).toBe(50);
    expect(historyQuery(new URL('http://x/uploads?size=5000')).size).toBe(50);
  });
});
