import { describe, expect, it } from 'vitest';
import { findDealers } from './dealerSearch.js';

const dealers = [
  { code: 'SZ009', name: '深圳南山店' },
  { code: 'SZ010', name: '深圳福田店' },
  { code: 'BJ002', name: '北京朝阳店' },
  { code: 'GZ001', name: null },
];

describe('dealer search', () => {
  it('an exact code finds that dealer alone, in any case', () => {
    expect(findDealers('sz009', dealers).map((d) => d.code)).toEqual(['SZ009']);
    expect(findDealers(' GZ001 ', dealers).map((d) => d.code)).toEqual(['GZ001']);
  });
  it('a code followed by its name (as the suggestion list fills it in) finds the code', () => {
    expect(findDealers('BJ002 北京朝阳店', dealers).map((d) => d.code)).toEqual(['BJ002']);
  });
  it('part of a code or a name finds every dealer containing it', () => {
    expect(findDealers('SZ0', dealers).map((d) => d.code)).toEqual(['SZ009', 'SZ010']);
    expect(findDealers('深圳', dealers).map((d) => d.code)).toEqual(['SZ009', 'SZ010']);
    expect(findDealers('朝阳', dealers).map((d) => d.code)).toEqual(['BJ002']);
  });
  it('finds nothing for empty or unknown text', () => {
    expect(findDealers('  ', dealers)).toEqual([]);
    expect(findDealers('XX999', dealers)).toEqual([]);
  });
});
