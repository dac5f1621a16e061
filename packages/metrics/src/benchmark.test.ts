import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, transaction, type Database } from '@fixops/db';
import { benchmark } from './benchmark.js';
import { recomputeAll } from './compute/recompute.js';
import { writeInput } from './test-helpers/bridge.js';
import { DEFAULT_SETTINGS } from './test-helpers/reference/index.js';
import type { RefRepairOrder } from './test-helpers/reference/types.js';

// Five metro dealers with booking rates 0.5, 0.25, 0.25, 0.75, 0 and one city dealer.
function ros(dealer: string, booked: number, of: number): RefRepairOrder[] {
  return Array.from({ length: of }, (_, i) => ({
    dealer, ro_no: `${dealer}-${i}`, vin: `${dealer}V${i}`, open_time: '2025-03-10 09:00:00', repair_type: 'general', total_amount: 100,
    promised_time: null, delivered_time: null, advisor: null, estimate_amount: null, booking_no: i < booked ? `B${i}` : null, care_products_amount: null,
  }));
}

let db: Database;
beforeAll(async () => {
  db = await openDatabase(':memory:');
  await writeInput(db.connection, {
    repairOrders: [...ros('A', 2, 4), ...ros('B', 1, 4), ...ros('C', 1, 4), ...ros('D', 3, 4), ...ros('E', 0, 4), ...ros('Z', 1, 2)],
    bookings: [], accidentRepairs: [], customerVisits: [],
    dealers: ['A', 'B', 'C', 'D', 'E'].map((d) => ({ dealer: d, peer_group: 'metro' })).concat([{ dealer: 'Z', peer_group: 'city' }]),
    settings: DEFAULT_SETTINGS,
  });
  await transaction(db.connection, () => recomputeAll(db.connection));
});
afterAll(() => db.close());

describe('peer benchmark', () => {
  it('ranks best first, ties share the better rank, with percentiles, quartiles and gaps', async () => {
    const rows = await benchmark(db.connection, { month: '2025-03', kpi: 'booking_rate', group: 'metro' });
    expect(rows.map((r) => [r.dealer, r.value, r.rank, r.percentile])).toEqual([
      ['D', 0.75, 1, 100], ['A', 0.5, 2, 75], ['B', 0.25, 3, 50], ['C', 0.25, 3, 50], ['E', 0, 5, 0],
    ]);
    // sorted values 0, .25, .25, .5, .75: P25 = .25, median = .25, P75 = .5
    expect(rows[0]).toMatchObject({ group: 'metro', groupSize: 5, p25: 0.25, median: 0.25, p75: 0.5, gapToMedian: 0.5, gapToTopQuartile: 0.25 });
    expect(rows[4]).toMatchObject({ gapToMedian: -0.25, gapToTopQuartile: -0.5 });
  });

  it('ranks lower-is-better KPIs from the lowest up, and states each group without --group', async () => {
    const rows = await benchmark(db.connection, { month: '2025-03', kpi: 'rework_rate' });
    expect(new Set(rows.map((r) => `${r.group}:${r.groupSize}`))).toEqual(new Set(['city:1', 'metro:5']));
    expect(rows.filter((r) => r.group === 'metro').every((r) => r.rank === 1 && r.value === 0)).toBe(true);
    expect(rows.find((r) => r.group === 'city')).toMatchObject({ dealer: 'Z', rank: 1, percentile: 100 });
  });

  it('lists dealers without a value last, unranked', async () => {
    const rows = await benchmark(db.connection, { month: '2025-03', kpi: 'on_time_rate', group: 'metro' });
    expect(rows.every((r) => r.value === null && r.rank === null && r.percentile === null)).toBe(true);
    expect(rows[0]!.groupSize).toBe(0);
  });
});
