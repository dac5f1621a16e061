// The per-month pass casts a money column to the narrower DECIMAL(18, 6) only when every stored
// value fits it: amounts beyond ±1e11 take DECIMAL(38, 6) and are summed exactly as before. And a
// full recompute's pass that defines the scope gives exactly scopeAll's dealer-months and values.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, queryJson, type Database } from '@fixops/db';
import { defaultSettings } from '../settings.js';
import { computeMonthly } from './monthly.js';
import { scopeAll, scopeFromMonthly, SCOPE } from './scope.js';

let db: Database;
beforeEach(async () => {
  db = await openDatabase(':memory:');
});
afterEach(() => db.close());

/** The pass's revenue and accident average, and what one DECIMAL(38, 6) aggregate over the rows gives. */
type Row = { revenue: number; accident_avg_value: number };
async function revenue(amounts: number[]): Promise<{ pass: Row[]; direct: Row[] }> {
  await db.connection.run(`INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, total_amount, load_id)
    SELECT 'D1', DATE '2025-01-01', 'R' || i, 'V' || i, TIMESTAMP '2025-01-05 08:00:00', 'accident', a, 0
    FROM (SELECT unnest(l) AS a, generate_subscripts(l, 1) AS i FROM (SELECT [${amounts.map(String).join(', ')}]::DOUBLE[] AS l))`);
  await scopeAll(db.connection);
  await computeMonthly(db.connection, defaultSettings(), true);
  const pass = await queryJson<Row>(db.connection, 'SELECT revenue, accident_avg_value FROM fx_monthly');
  const direct = await queryJson<Row>(db.connection, `SELECT sum(total_amount::DECIMAL(38, 6))::DOUBLE AS revenue,
    avg(total_amount::DECIMAL(38, 6)) AS accident_avg_value FROM repair_orders`);
  return { pass, direct };
}

describe('per-month pass, money casts', () => {
  it('sums amounts that fit DECIMAL(18, 6) exactly', async () => {
    const { pass, direct } = await revenue([0.1, 0.2, 99999999999.5, -12.345678]);
    expect(pass).toEqual(direct);
    expect(pass[0]!.revenue).toBeCloseTo(99999999987.4543, 3);
    expect(pass[0]!.accident_avg_value).toBeCloseTo(24999999996.8636, 3);
  });

  it('sums amounts beyond ±1e11 exactly too (DECIMAL(38, 6), no overflow)', async () => {
    const { pass, direct } = await revenue([5e12 + 0.25, 1.5, -2e15]);
    expect(pass).toEqual(direct);
    expect(pass[0]!.revenue).toBe(5e12 + 1.75 - 2e15);
    expect(pass[0]!.accident_avg_value).toBeCloseTo((5e12 + 1.75 - 2e15) / 3, 0);
  });
});

describe('per-month pass that defines the scope', () => {
  it('has a row for every dealer-month of any export table, with the same values as over scopeAll', async () => {
    await db.connection.run(`INSERT INTO repair_orders (dealer_code, month, ro_no, vin, open_time, repair_type, total_amount, booking_no, load_id) VALUES
      ('D1', DATE '2025-01-01', 'R1', 'V1', TIMESTAMP '2025-01-05 08:00:00', 'accident', 120.5, 'B1', 0),
      ('D1', DATE '2025-01-01', 'R2', 'V2', TIMESTAMP '2025-01-06 08:00:00', 'maintenance', 80, NULL, 0),
      ('D2', DATE '2025-02-01', 'R3', 'V3', TIMESTAMP '2025-02-05 08:00:00', 'internal', 10, '', 0)`);
    await db.connection.run(`INSERT INTO bookings (dealer_code, month, booking_no, appointment_time, status, load_id) VALUES
      ('D1', DATE '2025-01-01', 'B1', TIMESTAMP '2025-01-05 08:00:00', 'arrived', 0),
      ('D3', DATE '2025-03-01', 'B2', TIMESTAMP '2025-03-05 08:00:00', 'no_show', 0)`);
    await db.connection.run(`INSERT INTO accident_repairs (dealer_code, month, ro_no, open_time, repair_amount, vin, load_id) VALUES
      ('D4', DATE '2025-04-01', 'A1', TIMESTAMP '2025-04-05 08:00:00', 30000, 'V9', 0)`);
    const read = (sql: string) => queryJson(db.connection, `${sql} ORDER BY ALL`);
    await scopeAll(db.connection);
    const scope = await read(`SELECT * FROM ${SCOPE}`);
    await computeMonthly(db.connection, defaultSettings(), true);
    const overScope = await read('SELECT * FROM fx_monthly');
    await db.connection.run(`DROP TABLE temp.${SCOPE}; DROP TABLE temp.fx_monthly`);
    await computeMonthly(db.connection, defaultSettings(), true, true);
    await scopeFromMonthly(db.connection);
    expect(await read(`SELECT * FROM ${SCOPE}`)).toEqual(scope);
    expect(await read('SELECT * FROM fx_monthly')).toEqual(overScope);
    expect(scope.length).toBe(4);
  });
});
