import { describe, expect, it } from 'vitest';
import { whereOf } from './where.js';

describe('whereOf', () => {
  const conditions = { dealer: 'dealer_code = $dealer', from: 'month >= $from' };

  it('joins the given filters in the conditions\' order, with their parameters', () => {
    expect(whereOf(conditions, { from: '2025-01', dealer: 'SH001' })).toEqual({
      sql: 'WHERE dealer_code = $dealer AND month >= $from',
      params: { dealer: 'SH001', from: '2025-01' },
    });
    expect(whereOf(conditions, { from: '2025-01', dealer: undefined })).toEqual({ sql: 'WHERE month >= $from', params: { from: '2025-01' } });
  });

  it('gives no clause when nothing is given', () => {
    expect(whereOf(conditions, {})).toEqual({ sql: '', params: {} });
  });
});
