import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@fixops/db';
import { advisorKpis, byAdvisor, roMix } from './breakdown.js';
import { defaultSettings } from './settings.js';
import { writeInput } from './test-helpers/bridge.js';
import { DEFAULT_SETTINGS } from './test-helpers/reference/index.js';
import type { RefRepairOrder } from './test-helpers/reference/types.js';

const ro = (n: number, type: RefRepairOrder['repair_type'], advisor: string | null, extra: Partial<RefRepairOrder> = {}): RefRepairOrder => ({
  dealer: 'D1', ro_no: `R${n}`, vin: `V${n}`, open_time: '2025-03-10 09:00:00', repair_type: type, total_amount: 100, promised_time: null,
  delivered_time: null, advisor, estimate_amount: null, booking_no: null, care_products_amount: null, ...extra,
});

let db: Database;
beforeAll(async () => {
  db = await openDatabase(':memory:');
  await writeInput(db.connection, {
    repairOrders: [
      ro(1, 'maintenance', '王伟', { booking_no: 'B1', promised_time: '2025-03-10 12:00:00', delivered_time: '2025-03-10 11:45:00', estimate_amount: 100 }),
      ro(2, 'maintenance', '王伟', { promised_time: '2025-03-10 12:00:00', delivered_time: '2025-03-10 12:31:00', estimate_amount: 80 }),
      ro(3, 'accident', '李娜', { total_amount: 5000 }),
      ro(4, 'internal', '李娜', { total_amount: 999 }),
      ro(5, 'unclassified', null),
    ],
    bookings: [], accidentRepairs: [], customerVisits: [], dealers: [], settings: DEFAULT_SETTINGS,
  });
});
afterAll(() => db.close());

describe('breakdowns', () => {
  it('RO mix: every canonical type, internal and unclassified included', async () => {
    const mix = await roMix(db.connection, 'D1', '2025-03');
    expect(mix.map((r) => [r.repairType, r.roCount, r.revenue])).toEqual([
      ['maintenance', 2, 200], ['general', 0, 0], ['accident', 1, 5000], ['warranty', 0, 0], ['recall', 0, 0], ['rework', 0, 0], ['internal', 1, 999], ['unclassified', 1, 100],
    ]);
    expect(mix[0]!.share).toBeCloseTo(2 / 5, 12);
  });

  it('per advisor: the seed\'s KPIs over external ROs', async () => {
    const rows = (await byAdvisor(db.connection, 'D1', '2025-03', defaultSettings())).map(({ kpis: _, ...r }) => r);
    expect(rows).toEqual([
      { advisor: '王伟', ro_count: 2, revenue_per_ro: 100, booking_rate: 0.5, on_time_rate: 0.5, time_estimate_accuracy: 0.5, cost_estimate_accuracy: 0.5 },
      { advisor: '李娜', ro_count: 1, revenue_per_ro: 5000, booking_rate: 0, on_time_rate: null, time_estimate_accuracy: null, cost_estimate_accuracy: null },
      { advisor: null, ro_count: 1, revenue_per_ro: 100, booking_rate: 0, on_time_rate: null, time_estimate_accuracy: null, cost_estimate_accuracy: null },
    ]);
  });

  it('per advisor, by KPI id: every catalogue KPI over repair orders, compiled from its file, equal to the fixed fields', async () => {
    const rows = await byAdvisor(db.connection, 'D1', '2025-03', defaultSettings());
    const ids = advisorKpis().map((k) => k.id);
    // over repair orders only: not bookings (booking_show_rate), nor the engine's own ones (customer windows, completeness)
    expect(ids).toEqual(expect.arrayContaining(['ro_count', 'revenue', 'revenue_per_ro', 'booking_rate', 'on_time_rate', 'time_estimate_accuracy', 'cost_estimate_accuracy', 'warranty_share']));
    for (const absent of ['booking_show_rate', 'churn_rate', 'base_customers', 'data_completeness']) expect(ids).not.toContain(absent);
    for (const r of rows) {
      expect(Object.keys(r.kpis).sort()).toEqual([...ids].sort());
      for (const k of ['ro_count', 'revenue_per_ro', 'booking_rate', 'on_time_rate', 'time_estimate_accuracy', 'cost_estimate_accuracy'] as const) expect(r.kpis[k]).toBe(r[k]);
    }
    expect(rows[0]!.kpis.revenue).toBe(200);
    expect(rows[1]!.kpis.revenue).toBe(5000); // 李娜's internal RO is not revenue
  });
});
