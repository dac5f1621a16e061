// `fixops loads [--db FILE] [--json]`: the load log, newest first.
// `fixops loads undo ID [--db FILE] [--json]`: undo one load (restore what it replaced, remove
// what it added, recompute), refused with a clear message when that cannot be done exactly.

import { listLoads } from '@fixops/ingest';
import { undoLoad } from '@fixops/usecases';
import { bilingual } from '@fixops/shared';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { dealerList, monthSpan, renderSlices, statusLabel } from '../output/loads.js';
import { renderTable } from '../output/table.js';

async function undoCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, 'by': { type: 'string' } }, true);
  const id = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(id) || id < 1) throw new UsageError('fixops loads undo: give one load id (usage: fixops loads undo ID [--db FILE] [--json])');
  const r = await withDatabase(values.db, (db) => undoLoad(db.connection, id, { by: values.by ?? process.env.USER ?? 'cli' }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(r.ok ? r.value : { error: r.error }, null, 2)}\n`);
    return r.ok ? 0 : 1;
  }
  if (!r.ok) {
    process.stdout.write(`✗ ${bilingual(r.error.message)}\n`);
    return 1;
  }
  const u = r.value;
  process.stdout.write(`已撤销导入 ${u.loadId}（${u.file}）：移除 ${u.rowsRemoved} 行，恢复 ${u.rowsRestored} 行；撤销记录 ${u.undoId}。\n`);
  process.stdout.write(`Undid load ${u.loadId} (${u.file}): ${u.rowsRemoved} rows removed, ${u.rowsRestored} restored; undo entry ${u.undoId}.\n`);
  if (u.slices.length > 0) process.stdout.write(`${renderSlices(u.slices)}\n`);
  if (u.dealersRemoved.length > 0) process.stdout.write(`移除的经销商 Dealers removed: ${u.dealersRemoved.join(', ')}\n`);
  return 0;
}

export async function loadsCommand(argv: string[]): Promise<number> {
  if (argv[0] === 'undo') return undoCommand(argv.slice(1));
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
