// `fixops demo [--db FILE]`: generates the demo dealer network and loads it through the
// same ingest path as real exports, then says what was loaded.

import { resolveDbPath } from '@fixops/db';
import { loadDemoNetwork } from '@fixops/usecases';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderLoadSummaries } from '../output/loads.js';

export async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, seed: { type: 'string' } });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('fixops demo: --seed must be a whole number');
  process.stderr.write('生成演示经销商网络… / Generating the demo dealer network…\n');
  const dbPath = resolveDbPath(values.db);
  const { summaries, totals } = await withDatabase(values.db, (db) => loadDemoNetwork(db.connection, {
    ...(seed === undefined ? {} : { seed }),
    onFile: (name) => process.stderr.write(`导入 Loading ${name}\n`),
  }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ db: dbPath, totals, files: summaries }, null, 2)}\n`);
  } else {
    process.stdout.write(`${renderLoadSummaries(summaries)}\n\n`);
    process.stdout.write(
      `演示数据已导入 Demo data loaded into ${dbPath}\n` +
      `  经销商 dealers ${totals.dealers} · 月份 months ${totals.months} · 工单 repair orders ${totals.repair_orders} · ` +
      `预约 bookings ${totals.bookings} · 事故车 accident repairs ${totals.accident_repairs} · 客户到店事件 customer visits ${totals.customer_visits}\n` +
      `  下一步 Next:\n` +
      `    pnpm -s fixops flags --dealer SZ009 --month 2025-12          问题提示 / what is wrong\n` +
      `    pnpm -s fixops benchmark --month 2025-12 --kpi booking_rate   同组对标 / peer benchmark\n` +
      `    pnpm -s fixops report --dealer SZ009 --month 2025-12 --out report.html   评估报告 / assessment report\n` +
      `    pnpm -s fixops loads                                           导入记录 / load log\n`,
    );
  }
  // The demo includes files that must be refused (that is part of the demo); it fails only if nothing loaded.
  return summaries.some((s) => s.status === 'loaded') ? 0 : 1;
}
