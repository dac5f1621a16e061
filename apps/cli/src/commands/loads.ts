// `fixops loads [--dealer CODE] [--kind KIND] [--status loaded|refused] [--month M] [--user NAME]
// [--limit N] [--offset N | --page N] [--json | --format xlsx --out FILE] [--lang zh|en]`: the load log,
// newest first, filtered and paged.
// `fixops loads undo ID [--db FILE] [--json]`: undo one load (restore what it replaced, remove
// what it added, recompute), refused with a clear message when that cannot be done exactly.

import { countLoads, listLoads } from '@fixops/ingest';
import { checkMonth } from '@fixops/metrics';
import { undoLoad } from '@fixops/usecases';
import { bilingual } from '@fixops/shared';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { dealerList, monthSpan, renderSlices, statusLabel } from '../output/loads.js';
import { pageOptions } from '../output/paging.js';
import { printJson, printList } from '../output/print.js';
import { renderTable } from '../output/table.js';
import { chooseFormat, writeWorkbook } from '../output/xlsx.js';
import { langOption, orUsage } from '../select.js';

async function undoCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, 'by': { type: 'string' } }, true);
  const id = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(id) || id < 1) throw new UsageError('fixops loads undo: give one load id (usage: fixops loads undo ID [--db FILE] [--json])');
  const r = await withDatabase(values.db, (db) => undoLoad(db.connection, id, { by: values.by ?? process.env.USER ?? 'cli' }));
  if (values.json) {
    printJson(r.ok ? r.value : { error: r.error });
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
  const { values } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' }, kind: { type: 'string' }, status: { type: 'string' }, month: { type: 'string' }, user: { type: 'string' },
    limit: { type: 'string' }, offset: { type: 'string' }, page: { type: 'string' },
    format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' },
  });
  const lang = langOption(values.lang);
  const format = chooseFormat('loads', values, ['table', 'json', 'xlsx']);
  const { limit, offset } = pageOptions('loads', values, 200);
  if (values.month !== undefined) orUsage(checkMonth(values.month));
  const filter = { dealer: values.dealer, kind: values.kind, status: values.status, month: values.month, user: values.user };
  const [loads, total] = await withDatabase(values.db, async (db) => [await listLoads(db.connection, { ...filter, limit, offset }), await countLoads(db.connection, filter)] as const);
  if (format === 'xlsx') return writeWorkbook(values.out!, (await import('@fixops/usecases/sheets')).loadsSheet(loads, filter), lang);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const code = printList(loads, {
    json: format === 'json',
    empty: filtered
      ? '没有符合条件的导入记录。\nNo loads match.\n'
      : '还没有导入记录。用 fixops ingest FILE… 或 fixops demo 导入数据。\nNo loads yet. Load data with fixops ingest FILE… or fixops demo.\n',
    table: (rows) => renderTable(
      ['ID', '时间 When', '文件 File', '状态 Status', '类型 Kind', '经销商 Dealers', '月份 Months', '导入 Loaded', '拒绝 Rejected', '跳过 Skipped', '重复 Dup.', '编码 Encoding', '分隔 Sep.', '上传 By', 'ms'],
      rows.map((l) => [l.id, l.startedAt.slice(0, 19), l.file, statusLabel(l.status), l.kind, dealerList(l.dealers), monthSpan(l.months), l.rowsLoaded, l.rowsRejected, l.rowsSkipped, l.rowsDuplicate, l.encoding, l.separator, l.uploadedBy, l.ms]),
    ),
  });
  if (format !== 'json' && loads.length > 0 && loads.length < total) process.stdout.write(`${offset + 1}–${offset + loads.length} / ${total}\n`);
  return code;
}
