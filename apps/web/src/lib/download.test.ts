import { describe, expect, it } from 'vitest';
import { benchmarkXlsxHref, rejectsXlsxHref } from './download.js';

describe('xlsx download links', () => {
  it('ask the API for the same table with format=xlsx and the page\'s language', () => {
    expect(benchmarkXlsxHref({ month: '2025-12', kpi: 'booking_rate' }, 'zh')).toBe('/api/benchmark?month=2025-12&kpi=booking_rate&format=xlsx&lang=zh');
    expect(benchmarkXlsxHref({ month: '2025-12', kpi: 'booking_rate', group: '华东 A' }, 'en')).toBe('/api/benchmark?month=2025-12&kpi=booking_rate&format=xlsx&lang=en&group=%E5%8D%8E%E4%B8%9C+A');
    expect(rejectsXlsxHref(12)).toBe('/api/loads/12/rejects.xlsx');
  });
});
