// `fixops rejects --load ID [--csv]`: the rows a load rejected, with line, column, value and reason.
// The CSV is streamed chunk by chunk from DuckDB to stdout, never built in memory.

import { once } from 'node:events';
import { getLoad, listRejects, rejectsCsv } from '@fixops/ingest';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';

export async function rejectsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, load: { type: 'string' }, csv: { type: 'boolean', default: false } });
  if (values.load === undefined || !/^\d+$/.test(values.load)) throw new UsageError('fixops rejects: --load ID is required (see fixops loads)');
  const id = Number(values.load);
  if (values.csv) {
    const found = await withDatabase(values.db, async (db) => {
      if (!(await getLoad(db.connection, id))) return false;
      for await (const piece of rejectsCsv(db.connection, id)) {
        if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
      }
      return true;
    });
    if (!found) process.stderr.write(`fixops rejects: 没有编号为 ${id} 的导入 / no load with id ${id} (see fixops loads)\n`);
    return found ? 0 : 1;
  }
  const result = await withDatabase(values.db, async (db) => {
    const load = await getLoad(db.connection, id);
    return load ? { load, rejects: await listRejects(db.connection, id) } : undefined;
  });
  if (!result) {
    process.stderr.write(`fixops rejects: 没有编号为 ${id} 的导入 / no load with id ${id} (see fixops loads)\n`);
    return 1;
  }
  const { load, rejects } = result;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rejects, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`导入 Load ${load.id} · ${load.file} · 被拒 ${rejects.length} 行 rejected rows\n`);
  if (rejects.length > 0) {
    process.stdout.write(`${renderTable(['行 Line', '列 Column', '值 Value', '原因 Reason', '原始内容 Raw text'],
      rejects.map((r) => [r.row, r.column, r.value, r.reason, (r.rawText ?? '').replace(/\r?\n/g, '⏎').slice(0, 80)]))}\n`);
  }
  return 0;
}
