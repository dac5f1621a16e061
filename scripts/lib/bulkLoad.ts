// Benchmark fixture only: puts a generated scale network (clean, plain UTF-8 files) straight
// into the tables with DuckDB's read_csv, so a 7M-RO database is ready in seconds. Product
// loads always go through @fixops/ingest.

import type { DuckDBConnection } from '@duckdb/node-api';
import { BOOKING_STATUSES, REPAIR_TYPES } from '@fixops/ingest';
import { quotedString } from '@fixops/db';
import { rebuildVisitIntervals } from '@fixops/metrics';

const lookup = (map: Record<string, readonly string[]>) =>
  Object.entries(map).flatMap(([canon, values]) => values.map((v) => `(${quotedString(v.toLowerCase())}, ${quotedString(canon)})`)).join(', ');

/** Loads the whole folder, or only the given dealers' files (a prefix of a bigger scale network). */
export async function bulkLoadScaleNetwork(c: DuckDBConnection, dir: string, dealers?: readonly string[]): Promise<void> {
  const files = (kind: string) => dealers
    ? `[${dealers.map((d) => quotedString(`${dir}/${d}_${kind}*.csv`)).join(', ')}]`
    : quotedString(`${dir}/*_${kind}*.csv`);
  const csv = (kind: string) => `read_csv(${files(kind)}, header = true, all_varchar = true, auto_detect = true)`;
  await c.run(`CREATE OR REPLACE TEMP TABLE fx_rt AS SELECT * FROM (VALUES ${lookup(REPAIR_TYPES)}) t(raw, canon)`);
  await c.run(`CREATE OR REPLACE TEMP TABLE fx_bs AS SELECT * FROM (VALUES ${lookup(BOOKING_STATUSES)}) t(raw, canon)`);
  await c.run(`INSERT INTO dealers (dealer_code, name, region, peer_group, city)
    SELECT "经销商代码", "经销商名称", "大区", "分组", "城市" FROM read_csv(${quotedString(`${dir}/dealers.csv`)}, header = true, all_varchar = true)
    ${dealers ? `WHERE "经销商代码" IN (${dealers.map(quotedString).join(', ')})` : ''}`);
  await c.run(`INSERT INTO repair_orders
    SELECT "经销商代码", date_trunc('month', "进厂时间"::TIMESTAMP)::DATE, "工单号", "VIN", "进厂时间"::TIMESTAMP, coalesce(rt.canon, 'unclassified'), "维修类型",
      "总金额"::DOUBLE, "预计交车时间"::TIMESTAMP, "实际交车时间"::TIMESTAMP, "服务顾问", "工时费"::DOUBLE, "材料费"::DOUBLE, "预估金额"::DOUBLE,
      "预约单号", "养护品金额"::DOUBLE, "进厂里程"::BIGINT, 0
    FROM ${csv('repair_orders')} LEFT JOIN fx_rt rt ON rt.raw = lower("维修类型")`);
  await c.run(`INSERT INTO bookings
    SELECT "经销商代码", date_trunc('month', "预约时间"::TIMESTAMP)::DATE, "预约单号", "预约时间"::TIMESTAMP, bs.canon, "预约状态", "VIN",
      "登记时间"::TIMESTAMP, "预约渠道", "服务顾问", 0
    FROM ${csv('bookings')} JOIN fx_bs bs ON bs.raw = lower("预约状态")`);
  await c.run(`INSERT INTO accident_repairs
    SELECT "经销商代码", date_trunc('month', "进厂时间"::TIMESTAMP)::DATE, "工单号", "进厂时间"::TIMESTAMP, "维修金额"::DOUBLE, "VIN", "保险公司", "定损金额"::DOUBLE, 0
    FROM ${csv('accident_repairs')}`);
  await c.run(`INSERT INTO customer_visits
    SELECT "经销商代码", "VIN", "最近进厂时间"::TIMESTAMP, "客户编号", "购车日期"::TIMESTAMP, 0 FROM ${csv('customers')}`);
  // what ingest records per customers load (here: one load, id 0): its as_of for each dealer in it
  await c.run(`INSERT INTO customer_snapshots
    SELECT DISTINCT 0, dealer_code, max(date_trunc('month', last_visit_time)) OVER ()::DATE FROM customer_visits`);
  // and what every load keeps current: each VIN's visit intervals
  await rebuildVisitIntervals(c);
}
