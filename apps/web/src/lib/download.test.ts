import { describe, expect, it } from 'vitest';
import { benchmarkXlsxHref, coverageXlsxHref, dealerKpisXlsxHref, loadsXlsxHref, networkKpisXlsxHref, rejectsXlsxHref } from './download.js';

describe('xlsx download links', () => {
  it('ask the API for the same table with format=xlsx and the page\'s language', () => {
    expect(benchmarkXlsxHref({ month: '2025-12', kpi: 'booking_rate' }, 'zh')).toBe('/api/benchmark?month=2025-12&kpi=booking_rate&format=xlsx&lang=zh');
    expect(benchmarkXlsxHref({ month: '2025-12', kpi: 'booking_rate', group: '华东 A' }, 'en')).toBe('/api/benchmark?month=2025-12&kpi=booking_rate&format=xlsx&lang=en&group=%E5%8D%8E%E4%B8%9C+A');
    expect(rejectsXlsxHref(12)).toBe('/api/loads/12/rejects.xlsx');
    expect(networkKpisXlsxHref('2025-12', 'zh')).toBe('/api/kpis?month=2025-12&format=xlsx&lang=zh');
    expect(dealerKpisXlsxHref('SH 001', { from: '2025-01', to: '2025-12' }, 'en')).toBe('/api/dealers/SH%20001/kpis?format=xlsx&lang=en&from=2025-01&to=2025-12');
    expect(coverageXlsxHref({ from: '2025-01', to: '2025-03' }, 'zh')).toBe('/api/coverage?from=2025-01&to=2025-03&format=xlsx&lang=zh');
    expect(loadsXlsxHref({ dealer: 'SH001', kind: '', status: 'refused', month: undefined }, 'zh')).toBe('/api/loads?format=xlsx&lang=zh&dealer=SH001&status=refused');
  });
});
