// `fixops audit [--since DATE] [--user U] [--action A] [--limit N] [--offset N] [--json]`: the
// audit log, newest first — every write with who, when, from where and what changed.

import { isSince, listAudit } from '@fixops/db';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { printJson } from '../output/print.js';
import { renderTable } from '../output/table.js';
import { pageOptions } from '../output/paging.js';

export async function auditCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, since: { type: 'string' }, user: { type: 'string' }, action: { type: 'string' },
    limit: { type: 'string' }, offset: { type: 'string' }, page: { type: 'string' },
  });
  if (values.since !== undefined && !isSince(values.since)) {
    throw new UsageError(`fixops audit: --since must be YYYY-MM-DD, not "${values.since}"`);
  }
  const { limit, offset } = pageOptions('audit', values, 100);
  const page = await withDatabase(values.db, (db) => listAudit(db.connection, { since: values.since, user: values.user, action: values.action, limit, offset }));
  if (values.json) {
    printJson(page.entries);
    return 0;
  }
  if (page.total === 0) {
    process.stdout.write('审计日志里没有符合条件的记录。\nNo audit entries match.\n');
    return 0;
  }
  process.stdout.write(`${renderTable(
    ['ID', '时间 When', '用户 User', '来源 From', '操作 Action', '对象 Target', '变更 What changed'],
    page.entries.map((e) => [e.id, e.at.replace('T', ' '), e.user, e.ip ? `${e.via} ${e.ip}` : e.via, e.action, e.target, JSON.stringify(e.detail)]),
  )}\n`);
  process.stdout.write(`${offset + 1}–${offset + page.entries.length} / ${page.total}\n`);
  return 0;
}
