import { describe, expect, it } from 'vitest';
import { REF_KPI_IDS } from './catalogue.js';
import { DEFAULT_SETTINGS, median, percentileCont, referenceKpis } from './computeKpis.js';
import { compareFlags } from './flags.js';
import { monthKey, parseLocalTime, parseMonthKey } from './time.js';
import type { RefInput, RefRepairOrder } from './types.js';

function ro(dealer: string, open_time: string, vin: string, total_amount: number): RefRepairOrder {
  return {
    dealer, ro_no: `${dealer}-${open_time}-${vin}`, vin, open_time, repair_type: 'general', total_amount,
    promised_time: null, delivered_time: null, advisor: null, estimate_amount: null, booking_no: null, care_products_amount: null,
  };
}

function emptyInput(): RefInput {
  return { repairOrders: [], bookings: [], accidentRepairs: [], customerVisits: [], dealers: [], settings: DEFAULT_SETTINGS };
}

describe('percentileCont (DuckDB quantile_cont)', () => {
  it('interpolates between the neighbours of (n - 1) * q', () => {
    expect(percentileCont([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(percentileCont([1, 2, 3, 4, 5], 0.9)).toBeCloseTo(4.6, 12);
    expect(percentileCont([100, 200, 300, 400, 500], 0.1)).toBeCloseTo(140, 12);
    expect(percentileCont([0.1, 0.1, 0.1, 0.2, 0.5], 0.9)).toBeCloseTo(0.38, 12);
    expect(percentileCont([10, 20, 30, 40, 50, 60], 0.1)).toBeCloseTo(15, 12);
    expect(percentileCont([10, 20, 30, 40, 50, 60], 0.9)).toBeCloseTo(55, 12);
  });
  it('hits a value exactly when the position is whole', () => {
    expect(percentileCont([3, 7, 9], 0.5)).toBe(7);
    expect(percentileCont([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.1)).toBe(2);
    expect(percentileCont([42], 0.1)).toBe(42);
    expect(percentileCont([1, 5], 0)).toBe(1);
    expect(percentileCont([1, 5], 1)).toBe(5);
  });
  it('refuses an empty list', () => {
    expect(() => percentileCont([], 0.5)).toThrow();
  });
});

describe('median', () => {
  it('takes the middle value or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([100, 110, 120, 100, 110, 120])).toBe(110);
    expect(median([10, 0, 10, 10, 0, 10])).toBe(10);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([-3, 3])).toBe(0);
  });
  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
  it('refuses an empty list', () => {
    expect(() => median([])).toThrow();
  });
});

describe('local time parsing', () => {
  it('counts wall-clock seconds and months without a time zone', () => {
    expect(parseLocalTime('2025-03-10 10:30:00').seconds - parseLocalTime('2025-03-10 10:00:00').seconds).toBe(1800);
    expect(parseLocalTime('2025-04-01 00:00:00').seconds - parseLocalTime('2025-03-31 23:00:00').seconds).toBe(3600);
    expect(monthKey(parseLocalTime('2025-03-31 23:59:59').monthIndex)).toBe('2025-03');
    expect(monthKey(parseLocalTime('2025-01-01 00:00:00').monthIndex - 1)).toBe('2024-12');
    expect(parseMonthKey('2025-01') - parseMonthKey('2024-01')).toBe(12);
  });
  it('rejects what is not a local timestamp', () => {
    expect(() => parseLocalTime('2025-02-30 10:00:00')).toThrow();
    expect(() => parseLocalTime('2025/3/7 9:05')).toThrow();
  });
});

describe('referenceKpis shape', () => {
  it('emits 20 values per dealer-month in catalogue order, dealers and months sorted', () => {
    const input = emptyInput();
    input.repairOrders = [ro('D2', '2025-03-01 09:00:00', 'V1', 100), ro('D1', '2025-04-01 09:00:00', 'V1', 100), ro('D1', '2025-03-01 09:00:00', 'V2', 100)];
    const { values } = referenceKpis(input);
    expect(values).toHaveLength(60);
    expect(values.slice(0, 20).map((v) => v.kpi)).toEqual([...REF_KPI_IDS]);
    expect(values.filter((_, i) => i % 20 === 0).map((v) => `${v.dealer}|${v.month}`)).toEqual(['D1|2025-03', 'D1|2025-04', 'D2|2025-03']);
    expect(REF_KPI_IDS).toHaveLength(20);
  });

  it('adds no month for a delivery, a future customers row or a dealer seen only in customers', () => {
    const input = emptyInput();
    input.repairOrders = [{ ...ro('D1', '2025-03-31 23:00:00', 'V1', 100), promised_time: '2025-04-01 00:10:00', delivered_time: '2025-04-01 00:20:00' }];
    input.customerVisits = [{ dealer: 'D1', vin: 'V2', last_visit_time: '2025-07-01 09:00:00' }, { dealer: 'D9', vin: 'V3', last_visit_time: '2025-03-01 10:00:00' }];
    const { values } = referenceKpis(input);
    expect(new Set(values.map((v) => `${v.dealer}|${v.month}`))).toEqual(new Set(['D1|2025-03']));
  });

  it('returns no values and no flags without rows', () => {
    expect(referenceKpis(emptyInput())).toEqual({ values: [], flags: [] });
  });

  it('sorts flags by dealer, month, catalogue order, kind', () => {
    const input = emptyInput();
    input.repairOrders = [ro('D2', '2025-03-01 09:00:00', 'V1', 100), ro('D1', '2025-04-01 09:00:00', 'V1', 100), ro('D1', '2025-03-01 09:00:00', 'V2', 100)];
    input.bookings = [{ dealer: 'D1', booking_no: 'B1', appointment_time: '2025-02-01 09:00:00', status: 'no_show' }];
    const { flags } = referenceKpis(input);
    expect(flags.length).toBeGreaterThan(0);
    expect([...flags].sort(compareFlags)).toEqual(flags);
    expect(flags[0]).toEqual({ dealer: 'D1', month: '2025-02', kpi: 'ro_count', kind: 'not_tracked' });
  });

  it('gives a null value only the not_tracked flag, even where a target exists', () => {
    const input = emptyInput();
    input.bookings = [{ dealer: 'D1', booking_no: 'B1', appointment_time: '2025-02-01 09:00:00', status: 'cancelled' }];
    const { flags } = referenceKpis(input);
    expect(flags.filter((f) => f.kpi === 'booking_show_rate')).toEqual([{ dealer: 'D1', month: '2025-02', kpi: 'booking_show_rate', kind: 'not_tracked' }]);
  });
});
