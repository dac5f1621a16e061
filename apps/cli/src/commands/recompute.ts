// `fixops recompute [--db FILE] [--from-rows]`: reads the KPI files again (FIXOPS_KPIS_DIR or
// data/kpis) and recomputes every KPI and flag; says which KPIs were added, changed or removed
// (the load log keeps the same line) and which tables' per-month groups it rebuilt from their
// rows. `--from-rows` rebuilds every table's groups from the rows, trusting none kept.

import { transaction } from '@fixops/db';
import { changeText, forgetGroups, recomputeAll, reloadCatalogue } from '@fixops/metrics';
import { bilingual } from '@fixops/shared';
import { DB_OPTION, parse } from '../args.js';
import { withDatabase } from '../context.js';

export async function recomputeCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...DB_OPTION, 'from-rows': { type: 'boolean', default: false } });
  const catalogue = reloadCatalogue();
  if (!catalogue.ok) {
    process.stderr.write(`fixops recompute: ${bilingual(catalogue.error.message)}\n`);
    return 1;
  }
  const stats = await withDatabase(values.db, (db) => transaction(db.connection, async () => {
    if (values['from-rows']) await forgetGroups(db.connection);
    return recomputeAll(db.connection);
  }), { sync: false });
  process.stdout.write(`已重新计算 Recomputed ${stats.dealerMonths} 个经销商月 dealer-months in ${stats.ms} ms\n`);
  const changed = stats.catalogue ? changeText(stats.catalogue) : '';
  if (changed) process.stdout.write(`KPI 目录 catalogue: ${changed}\n`);
  if (stats.groupsRebuilt.length > 0) process.stdout.write(`按明细行重建月度分组 per-month groups rebuilt from the rows: ${stats.groupsRebuilt.join(', ')}\n`);
  return 0;
}
