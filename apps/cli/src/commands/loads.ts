// `fixops loads [--db FILE] [--json]`: the load log, newest first.

import { listLoads } from '@fixops/ingest';
import { DB_OPTION, JSON_OPTION, parse } from '../args.js';
import { withDatabase } from '../context.js';
import { dealerList, monthSpan, statusLabel } from '../output/loads.js';
import { renderTable } from '../output/table.js';

export async function loadsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' }, limit: { type: 'string' } });
  const limit = values.limit === undefined ? 200 : Number(values.limit);
  const loads = await withDatabase(values.db, (db) => listLoads(db.connection, { dealer: values.dealer, limit }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(loads, null, 2)}\n`);
    return 0;
  }
  if (loads.length === 0) {
    process.stdout.write('还没有导入记录。用 fixops ingest FILE… 或 fixops demo 导入数据。\nNo loads yet. Load data with fixops ingest FILE… or fixops demo.\n');
    return 0;
  }
  process.stdout.write(`${renderTable(
    ['ID', '时间 When', '文件 File', '状态 Status', '类型 Kind', '经销商 Dealers', '月份 Months', '导入 Loaded', '拒绝 Rejected', '跳过 Skipped', '重复 Dup.', '编码 Encoding', '分隔 Sep.', 'ms'],
    loads.map((l) => [l.id, l.startedAt.slice(0, 19), l.file, statusLabel(l.status), l.kind, dealerList(l.dealers), monthSpan(l.months), l.rowsLoaded, l.rowsRejected, l.rowsSkipped, l.rowsDuplicate, l.encoding, l.separator, l.ms]),
  )}\n`);
  return 0;
}
