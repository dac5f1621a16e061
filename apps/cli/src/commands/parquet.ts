// `fixops export --parquet DIR` · `fixops import --parquet DIR`: every table as Parquet,
// partitioned by dealer and month (Hive layout), and back into a database.

import { existsSync } from 'node:fs';
import { exportParquet, importParquet } from '@fixops/db';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { printJson } from '../output/print.js';

function dirOption(argv: string[], verb: string) {
  const { values } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, parquet: { type: 'string' } });
  if (values.parquet === undefined) throw new UsageError(`usage: fixops ${verb} --parquet DIR [--db FILE]`);
  return { ...values, dir: values.parquet };
}

export async function exportCommand(argv: string[]): Promise<number> {
  const o = dirOption(argv, 'export');
  const stats = await withDatabase(o.db, (db) => exportParquet(db.connection, o.dir));
  if (o.json) printJson(stats);
  else process.stdout.write(`${renderTable(['表 Table', '行 Rows', '分区 Partitioned by'], stats.tables.map((t) => [t.table, t.rows, t.partitionedBy.join(', ')]))}\n已导出到 Exported to ${o.dir}\n`);
  return 0;
}

export async function importCommand(argv: string[]): Promise<number> {
  const o = dirOption(argv, 'import');
  if (!existsSync(o.dir)) throw new UsageError(`fixops import: folder not found: ${o.dir}`);
  const stats = await withDatabase(o.db, (db) => importParquet(db.connection, o.dir));
  if (o.json) printJson(stats);
  else process.stdout.write(`${renderTable(['表 Table', '行 Rows'], stats.tables.map((t) => [t.table, t.rows]))}\n已导入 Imported from ${o.dir}\n`);
  return 0;
}
