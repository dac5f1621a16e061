// `fixops recompute [--db FILE]`: every KPI and flag from scratch.

import { transaction } from '@fixops/db';
import { recomputeAll } from '@fixops/metrics';
import { DB_OPTION, parse } from '../args.js';
import { withDatabase } from '../context.js';

export async function recomputeCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...DB_OPTION });
  const stats = await withDatabase(values.db, (db) => transaction(db.connection, () => recomputeAll(db.connection)));
  process.stdout.write(`已重新计算 Recomputed ${stats.dealerMonths} 个经销商月 dealer-months in ${stats.ms} ms\n`);
  return 0;
}
