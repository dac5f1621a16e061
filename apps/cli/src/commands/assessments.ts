// `fixops assessments --dealer CODE [--json]`: a dealer's visits (data month, draft or judged), and how each module moved between them.

import { listAssessments, moduleHistory } from '@fixops/assessment';
import { checkDealer } from '@fixops/metrics';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';
import { printJson } from '../output/print.js';

export async function assessmentsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' } });
  if (values.dealer === undefined) throw new UsageError('usage: fixops assessments --dealer CODE [--json]');
  const dealer = values.dealer;
  const { visits, history } = await withDatabase(values.db, async (db) => {
    orUsage(await checkDealer(db.connection, dealer));
    return { visits: await listAssessments(db.connection, { dealer }), history: await moduleHistory(db.connection, dealer) };
  });
  if (values.json) {
    printJson({ visits, modules: history });
    return 0;
  }
  if (visits.length === 0) {
    process.stdout.write(`${dealer} 尚无现场评估。用 fixops assess 录入。\n${dealer} has no on-site assessment yet; enter one with fixops assess.\n`);
    return 0;
  }
  // A draft is never a pass or a fail: 未评完 scored/items.
  process.stdout.write(`${renderTable(['#', '日期 Date', '数据月份 Month', '评估人 Assessor', '评估表 Template', '得分 Score', '得分率 Rate', '结果 Result'],
    visits.map((v) => [v.id, v.date, v.month, v.assessor ?? '', `${v.templateId} v${v.templateVersion}`, `${v.total}/${v.max}`, `${(v.rate * 100).toFixed(1)}%`,
      !v.complete ? `未评完 incomplete ${v.scored}/${v.items}` : `${v.passed ? '合格 pass' : '不合格 fail'}${v.finished ? ` (${v.scored}/${v.items})` : ''}`]))}\n`);
  if (history.length > 1) {
    const ids = Object.keys(history.at(-1)!.modules);
    const rows = ids.map((id) => [id, ...history.map((h) => (h.modules[id] === null || h.modules[id] === undefined ? '—' : `${(h.modules[id] * 100).toFixed(0)}%`))]);
    process.stdout.write(`${renderTable(['模块 Module', ...history.map((h) => h.date)], rows.filter((r) => r.slice(1).some((c) => c !== '—')))}\n`);
  }
  return 0;
}
