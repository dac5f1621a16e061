// The two-stage pass against the one-aggregate-per-measure SQL (measureSql): the same numbers to
// the last bit, with NULLs, negative and fractional amounts, enum conditions, several enum
// conditions on one measure, and a dealer-month with no matching row.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryJson, type Database } from '@fixops/db';
import { measureSql, SqlParams } from './compile.js';
import { Passes } from './passes.js';
import type { Measure } from './types.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase(':memory:');
  await db.connection.run(`INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, repair_type_raw, total_amount, promised_time, delivered_time, booking_no, estimate_amount, load_id)
    SELECT 'D' || (i % 3), DATE '2025-01-01' + INTERVAL (i % 2) MONTH, 'R' || i, 'V' || i, TIMESTAMP '2025-01-05 08:00:00',
      ['maintenance', 'accident', 'internal', 'warranty', 'general'][1 + i % 5], CASE WHEN i % 7 = 0 THEN '首保' END,
      CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 37.123457 - 900) END,
      CASE WHEN i % 4 = 0 THEN NULL ELSE TIMESTAMP '2025-01-05 17:00:00' END,
      CASE WHEN i % 6 = 0 THEN NULL ELSE TIMESTAMP '2025-01-05 16:00:00' + INTERVAL (i % 5 * 20) MINUTE END,
      CASE WHEN i % 3 = 0 THEN '' WHEN i % 3 = 1 THEN 'B' || i END, CASE WHEN i % 5 = 1 THEN i * 30.5 END, 0
    FROM range(1, 400) t(i)`);
  await db.connection.run(`INSERT INTO bookings (dealer_code, month, booking_no, appointment_time, status, load_id)
    SELECT 'D' || (i % 3), DATE '2025-01-01', 'B' || i, TIMESTAMP '2025-01-05 08:00:00', ['arrived', 'no_show', 'cancelled'][1 + i % 3], 0 FROM range(1, 50) t(i)`);
});
afterAll(() => db.close());

const ro = (fn: 'count' | 'sum', where: Measure['where'], column?: string): Measure => ({ fn, table: 'repair_orders', column, where });
const MEASURES: Measure[] = [
  ro('count', []),
  ro('count', [{ column: 'repair_type', op: 'not_equals', arg: 'internal' }, { column: 'booking_no', op: 'not_empty' }]),
  ro('count', [{ column: 'repair_type', op: 'in', arg: ['maintenance', 'warranty'] }, { column: 'repair_type_raw', op: 'equals', arg: '首保' }]),
  ro('count', [{ column: 'promised_time', op: 'not_null' }, { column: 'delivered_time', op: 'not_null' }, { column: 'delivery_deviation_minutes', op: 'lte', arg: { setting: 'timeEstimateToleranceMinutes' } }]),
  ro('count', [{ column: 'repair_type', op: 'equals', arg: 'recall' }]),
  ro('sum', [], 'total_amount'),
  ro('sum', [{ column: 'repair_type', op: 'equals', arg: 'accident' }, { column: 'total_amount', op: 'gte', arg: 0 }], 'total_amount'),
  ro('sum', [{ column: 'estimate_amount', op: 'gt', arg: 0 }, { column: 'repair_type', op: 'not_in', arg: ['internal', 'general'] }], 'estimate_deviation_amount'),
  ro('sum', [{ column: 'repair_type', op: 'equals', arg: 'recall' }], 'total_amount'),
  { fn: 'count', table: 'bookings', where: [{ column: 'status', op: 'in', arg: ['arrived', 'no_show'] }] },
];

describe('the two-stage pass', () => {
  it.each([
    ['DECIMAL(38, 6)', new Set<string>()],
    ['DECIMAL(18, 6) for total_amount (narrow)', new Set(['repair_orders.total_amount'])],
  ])('gives every measure exactly what its own filtered aggregate gives, casting to %s', async (_, narrow) => {
    const settings = { timeEstimateToleranceMinutes: 30 };
    const p = new SqlParams(settings);
    const passes = new Passes(p, narrow);
    const names = MEASURES.map((m) => passes.measure(m));
    const avg = passes.table('repair_orders').avgWhereEnum('total_amount', 'repair_type', 'accident');
    const tables = passes.tables(['repair_orders', 'bookings', 'accident_repairs']);
    const passSql = tables.map((t) => t.sql(t.table)).join('\n');
    expect(passSql.includes('(total_amount)::DECIMAL(18, 6)')).toBe(narrow.size > 0);
    expect(passSql).toContain('((abs(total_amount - estimate_amount)))::DECIMAL(38, 6)'); // a derived column: never narrowed
    expect([...tables[0]!.cast].sort()).toEqual(['total_amount']);
    const twoStage = await queryJson<Record<string, unknown>>(db.connection, `
      WITH ${tables.map((t) => t.sql(t.table)).join(', ')}
      SELECT dealer_code, month, ${names.map((n, i) => `${n}::DOUBLE AS m${i}`).join(', ')}, ${avg} AS a
      FROM t_repair_orders FULL JOIN t_bookings USING (dealer_code, month) ORDER BY ALL`, p.values);
    const q = new SqlParams(settings);
    const single = (table: string, ms: [Measure, number][]) => `SELECT dealer_code, month, ${ms.map(([m, i]) => `(${measureSql(m, q)})::DOUBLE AS m${i}`).join(', ')} FROM ${table} GROUP BY ALL`;
    const roMeasures = MEASURES.map((m, i) => [m, i] as [Measure, number]).filter(([m]) => m.table === 'repair_orders');
    const oneByOne = await queryJson<Record<string, unknown>>(db.connection, `
      WITH r AS (${single('repair_orders', roMeasures)}),
      ra AS (SELECT dealer_code, month, avg(total_amount::DECIMAL(38, 6)) FILTER (WHERE repair_type = 'accident')::DOUBLE AS a FROM repair_orders GROUP BY ALL),
      b AS (${single('bookings', [[MEASURES.at(-1)!, MEASURES.length - 1]])})
      SELECT dealer_code, month, ${MEASURES.map((_, i) => `m${i}`).join(', ')}, a
      FROM r JOIN ra USING (dealer_code, month) FULL JOIN b USING (dealer_code, month) ORDER BY ALL`, q.values);
    expect(twoStage.length).toBe(6);
    expect(twoStage).toEqual(oneByOne);
    expect(twoStage.some((r) => r.m4 === 0 && r.m8 === 0)).toBe(true); // no recall ROs: 0, not NULL
  });
});
