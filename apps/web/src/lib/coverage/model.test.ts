import { describe, expect, it } from 'vitest';
import { cellState, matrix, months, regions, type Coverage } from './model';

const cov: Coverage = {
  from: '2025-01', to: '2025-02', today: '2025-03-11', dueDay: 10, dueMonth: '2025-02', pastDue: true,
  dealers: [{ code: 'SH001', name: '上海一店', region: '华东' }, { code: 'GZ003', name: null, region: '华南' }],
  cells: [
    { dealer: 'SH001', month: '2025-01', kind: 'repair_orders', rows: 3 }, { dealer: 'SH001', month: '2025-01', kind: 'bookings', rows: null },
    { dealer: 'SH001', month: '2025-02', kind: 'repair_orders', rows: null }, { dealer: 'SH001', month: '2025-02', kind: 'bookings', rows: null },
    { dealer: 'GZ003', month: '2025-01', kind: 'repair_orders', rows: null }, { dealer: 'GZ003', month: '2025-01', kind: 'bookings', rows: 1 },
    { dealer: 'GZ003', month: '2025-02', kind: 'repair_orders', rows: 5 }, { dealer: 'GZ003', month: '2025-02', kind: 'bookings', rows: null },
  ],
  overdue: ['SH001'],
};

describe('coverage matrix', () => {
  it('states: loaded with rows, overdue only for the due month\'s repair orders of an overdue dealer, missing otherwise', () => {
    expect(cellState(cov, cov.cells[0]!)).toBe('loaded');
    expect(cellState(cov, cov.cells[2]!)).toBe('overdue');
    expect(cellState(cov, cov.cells[3]!)).toBe('missing');
    expect(cellState(cov, cov.cells[4]!)).toBe('missing');
  });

  it('one row per dealer and a cell per month, filtered by region', () => {
    expect(months(cov)).toEqual(['2025-01', '2025-02']);
    expect(regions(cov)).toEqual(['华东', '华南']);
    expect(matrix(cov, 'repair_orders', '')).toEqual([
      { dealer: 'SH001', name: '上海一店', region: '华东', cells: [{ month: '2025-01', rows: 3, state: 'loaded' }, { month: '2025-02', rows: null, state: 'overdue' }] },
      { dealer: 'GZ003', name: null, region: '华南', cells: [{ month: '2025-01', rows: null, state: 'missing' }, { month: '2025-02', rows: 5, state: 'loaded' }] },
    ]);
    expect(matrix(cov, 'bookings', '华南').map((r) => r.cells.map((c) => c.state))).toEqual([['loaded', 'missing']]);
  });
});
