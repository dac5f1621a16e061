import { describe, expect, it } from 'vitest';
import { UsageError } from '../args.js';
import { pageOptions } from './paging.js';

describe('pageOptions', () => {
  it('turns --page into an offset of whole pages', () => {
    expect(pageOptions('loads', { limit: '20', page: '3' }, 200)).toEqual({ limit: 20, offset: 40 });
    expect(pageOptions('loads', {}, 200)).toEqual({ limit: 200, offset: 0 });
  });

  it('refuses numbers DuckDB cannot page by, as a usage error (exit 2), not a crash', () => {
    expect(() => pageOptions('loads', { offset: '99999999999999999999' }, 200)).toThrow(UsageError);
    expect(() => pageOptions('audit', { limit: '1e308' }, 100)).toThrow(UsageError);
    expect(() => pageOptions('loads', { limit: '1000', page: '2147483647' }, 200)).toThrow(/past the last possible row/);
    expect(() => pageOptions('loads', { offset: '1', page: '1' }, 200)).toThrow(/--offset or --page/);
  });
});
