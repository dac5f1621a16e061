import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@fixops/db';
import { byAdvisor, roMix } from './breakdown.js';
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
    const rows = await byAdvisor(db.connection, 'D1', '2025-03', defaultSettings());
    expect(rows).toEqual([
      { advisor: '王伟', ro_count: 2, revenue_per_ro: 100, booking_rate: 0.5, on_time_rate: 0.5, time_estimate_accuracy: 0.5, cost_estimate_accuracy: 0.5 },
      { advisor: '李娜', ro_count: 1, revenue_per_ro: 5000, booking_rate: 0, on_time_rate: null, time_estimate_accuracy: null, cost_estimate_accuracy: null },
      { advisor: null, ro_count: 1, revenue_per_ro: 100, booking_rate: 0, on_time_rate: null, time_estimate_accuracy: null, cost_estimate_accuracy: null },
    ]);
  });
});
