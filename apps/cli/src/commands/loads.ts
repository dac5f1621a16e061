// `fixops loads [--dealer CODE] [--kind KIND] [--status loaded|refused] [--month M] [--user NAME]
// [--limit N] [--offset N | --page N] [--json]`: the load log, newest first, filtered and paged.

import { countLoads, listLoads } from '@fixops/ingest';
import { checkMonth } from '@fixops/metrics';
import { DB_OPTION, JSON_OPTION, parse } from '../args.js';
import { withDatabase } from '../context.js';
import { dealerList, monthSpan, statusLabel } from '../output/loads.js';
import { pageOptions } from '../output/paging.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';

export async function loadsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' }, kind: { type: 'string' }, status: { type: 'string' }, month: { type: 'string' }, user: { type: 'string' },
    limit: { type: 'string' }, offset: { type: 'string' }, page: { type: 'string' },
  });
  const { limit, offset } = pageOptions('loads', values, 200);
  if (values.month !== undefined) orUsage(checkMonth(values.month));
  const filter = { dealer: values.dealer, kind: values.kind, status: values.status, month: values.month, user: values.user };
  const [loads, total] = await withDatabase(values.db, async (db) => [await listLoads(db.connection, { ...filter, limit, offset }), await countLoads(db.connection, filter)] as const);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(loads, null, 2)}\n`);
    return 0;
  }
  if (total === 0) {
    const filtered = Object.values(filter).some((v) => v !== undefined);
    process.stdout.write(filtered
      ? '没有符合条件的导入记录。\nNo loads match.\n'
      : '还没有导入记录。用 fixops ingest FILE… 或 fixops demo 导入数据。\nNo loads yet. Load data with fixops ingest FILE… or fixops demo.\n');
    return 0;
  }
  process.stdout.write(`${renderTable(
    ['ID', '时间 When', '文件 File', '状态 Status', '类型 Kind', '经销商 Dealers', '月份 Months', '导入 Loaded', '拒绝 Rejected', '跳过 Skipped', '重复 Dup.', '编码 Encoding', '分隔 Sep.', '上传 By', 'ms'],
    loads.map((l) => [l.id, l.startedAt.slice(0, 19), l.file, statusLabel(l.status), l.kind, dealerList(l.dealers), monthSpan(l.months), l.rowsLoaded, l.rowsRejected, l.rowsSkipped, l.rowsDuplicate, l.encoding, l.separator, l.uploadedBy, l.ms]),
  )}\n`);
  if (loads.length < total) process.stdout.write(`${offset + 1}–${offset + loads.length} / ${total}\n`);
  return 0;
}
