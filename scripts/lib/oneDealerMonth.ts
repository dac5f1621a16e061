// A benchmark's "one new dealer-month": that dealer-month's repair orders written back out as a
// DMS export (Chinese headers), to be loaded through the real ingest.

import { join } from 'node:path';
import type { Database } from '@fixops/db';

export async function oneDealerMonthFile(db: Database, dir: string, dealer: string, month: string): Promise<string> {
  const path = join(dir, `one-dealer-month-${dealer}-${month}.csv`);
  await db.connection.run(`COPY (
    SELECT dealer_code AS "经销商代码", ro_no AS "工单号", vin AS "VIN", strftime(open_time, '%Y-%m-%d %H:%M:%S') AS "进厂时间", repair_type_raw AS "维修类型",
      total_amount AS "总金额", strftime(promised_time, '%Y-%m-%d %H:%M:%S') AS "预计交车时间", strftime(delivered_time, '%Y-%m-%d %H:%M:%S') AS "实际交车时间",
      advisor AS "服务顾问", estimate_amount AS "预估金额", booking_no AS "预约单号", care_products_amount AS "养护品金额"
    FROM repair_orders WHERE dealer_code = '${dealer}' AND month = DATE '${month}-01') TO '${path}' (HEADER, DELIMITER ',')`);
  return path;
}
