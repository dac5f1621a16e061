// `fixops backup FILE [--db DB] [--force]`: a consistent copy of the database in a new DuckDB
// file, which `fixops start --db FILE` opens as it is. Run beside a server, it goes through the
// server's write queue, so the copy is taken between two writes while reads keep answering.

import { backupDatabase } from '@fixops/db';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';

export async function backupCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, force: { type: 'boolean', default: false } }, true);
  if (positionals.length !== 1) throw new UsageError('usage: fixops backup FILE [--db FILE] [--force]');
  const target = positionals[0]!;
  const result = await withDatabase(values.db, (db) => backupDatabase(db.connection, target, { force: values.force }));
  if (values.json) process.stdout.write(`${JSON.stringify({ file: target, tables: result.tables, bytes: result.bytes }, null, 2)}\n`);
  else process.stdout.write(`已备份 Backed up to ${target} (${result.tables} 张表 tables)\n`);
  return 0;
}
