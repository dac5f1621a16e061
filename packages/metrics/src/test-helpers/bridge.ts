// Moves rows between the reference implementation's shapes and the database: writes a
// RefInput into real tables (to run the engine on hand-made cases) and reads a loaded
// database back as a RefInput (to run the reference on what the engine saw).

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryJson } from '@fixops/db';
import { kpiDefinition } from '../catalog.js';
import { SETTINGS } from '../settings.js';
import type { RefInput, RefSettings } from './reference/types.js';

const lit = (v: string | number | null): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
const month = (ts: string) => `date_trunc('month', ${lit(ts)}::TIMESTAMP)::DATE`;

async function insert(c: DuckDBConnection, table: string, columns: string[], rows: string[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await c.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map((r) => `(${r.join(', ')})`).join(', ')}`);
  }
}

export async function writeInput(c: DuckDBConnection, input: RefInput): Promise<void> {
  const dealers = new Set<string>([
    ...input.repairOrders.map((r) => r.dealer), ...input.bookings.map((r) => r.dealer),
    ...input.accidentRepairs.map((r) => r.dealer), ...input.customerVisits.map((r) => r.dealer), ...input.dealers.map((d) => d.dealer),
  ]);
  const group = new Map(input.dealers.map((d) => [d.dealer, d.peer_group]));
  await insert(c, 'dealers', ['dealer_code', 'peer_group'], [...dealers].map((d) => [lit(d), lit(group.get(d) ?? 'default')]));
  await insert(c, 'repair_orders',
    ['dealer_code', 'month', 'ro_no', 'vin', 'open_time', 'repair_type', 'total_amount', 'promised_time', 'delivered_time', 'advisor', 'estimate_amount', 'booking_no', 'care_products_amount', 'load_id'],
    input.repairOrders.map((r) => [lit(r.dealer), month(r.open_time), lit(r.ro_no), lit(r.vin), `${lit(r.open_time)}::TIMESTAMP`, lit(r.repair_type), lit(r.total_amount),
      r.promised_time === null ? 'NULL' : `${lit(r.promised_time)}::TIMESTAMP`, r.delivered_time === null ? 'NULL' : `${lit(r.delivered_time)}::TIMESTAMP`,
      lit(r.advisor), lit(r.estimate_amount), lit(r.booking_no), lit(r.care_products_amount), '0']));
  await insert(c, 'bookings', ['dealer_code', 'month', 'booking_no', 'appointment_time', 'status', 'load_id'],
    input.bookings.map((b) => [lit(b.dealer), month(b.appointment_time), lit(b.booking_no), `${lit(b.appointment_time)}::TIMESTAMP`, lit(b.status), '0']));
  await insert(c, 'accident_repairs', ['dealer_code', 'month', 'ro_no', 'open_time', 'repair_amount', 'load_id'],
    input.accidentRepairs.map((a) => [lit(a.dealer), month(a.open_time), lit(a.ro_no), `${lit(a.open_time)}::TIMESTAMP`, lit(a.repair_amount), '0']));
  await insert(c, 'customer_visits', ['dealer_code', 'vin', 'last_visit_time', 'load_id'],
    input.customerVisits.map((v) => [lit(v.dealer), lit(v.vin), `${lit(v.last_visit_time)}::TIMESTAMP`, String(v.file ?? 0)]));
  // what ingest records for each customers file: its as_of, for every dealer in it
  await c.run(`INSERT INTO customer_snapshots (load_id, dealer_code, as_of)
    SELECT DISTINCT load_id, dealer_code, max(date_trunc('month', last_visit_time)) OVER (PARTITION BY load_id)::DATE FROM customer_visits`);
  await writeSettings(c, input.settings);
}

/**
 * The engine always has every target; a case without one gets a target that cannot be missed
 * (0 for "at least", 1 for "at most": rates lie in [0, 1]).
 */
export async function writeSettings(c: DuckDBConnection, s: RefSettings): Promise<void> {
  const targets = SETTINGS.filter((d) => d.key.startsWith('target.')).map((d): [string, number] => {
    const kpi = d.key.slice('target.'.length) as keyof RefSettings['targets'];
    const t = s.targets[kpi];
    return [d.key, t ? t.value : kpiDefinition(kpi)!.better === 'higher' ? 0 : 1];
  });
  const rows: [string, number][] = [
    ['majorAccidentAmount', s.majorAccidentAmount], ['timeEstimateToleranceMinutes', s.timeEstimateToleranceMinutes], ['costEstimateTolerance', s.costEstimateTolerance],
    ...targets,
  ];
  await c.run('DELETE FROM settings');
  await insert(c, 'settings', ['key', 'value', 'updated_at'], rows.map(([k, v]) => [lit(k), lit(v), 'current_timestamp::TIMESTAMP']));
}

const TS = "strftime(%s, '%Y-%m-%d %H:%M:%S')";
const ts = (col: string) => TS.replace('%s', col);

/** Everything the engine reads, in the reference's shapes. */
export async function readInput(c: DuckDBConnection, settings: RefSettings): Promise<RefInput> {
  return {
    repairOrders: await queryJson(c, `SELECT dealer_code AS dealer, ro_no, vin, ${ts('open_time')} AS open_time, repair_type, total_amount,
      ${ts('promised_time')} AS promised_time, ${ts('delivered_time')} AS delivered_time, advisor, estimate_amount, booking_no, care_products_amount FROM repair_orders`),
    bookings: await queryJson(c, `SELECT dealer_code AS dealer, booking_no, ${ts('appointment_time')} AS appointment_time, status FROM bookings`),
    accidentRepairs: await queryJson(c, `SELECT dealer_code AS dealer, ro_no, ${ts('open_time')} AS open_time, repair_amount FROM accident_repairs`),
    customerVisits: await queryJson(c, `SELECT dealer_code AS dealer, vin, ${ts('last_visit_time')} AS last_visit_time, load_id::INTEGER AS file FROM customer_visits`),
    dealers: await queryJson(c, 'SELECT dealer_code AS dealer, peer_group FROM dealers'),
    settings,
  };
}
