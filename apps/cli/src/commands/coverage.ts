// `fixops coverage [--from M --to M] [--dealer CODE] [--today YYYY-MM-DD] [--json | --format xlsx --out FILE] [--lang zh|en]`: who has sent
// what (数据上报情况). --json prints [{dealer, month, kind, rows}] for every dealer × month ×
// kind (rows null when nothing is stored); otherwise a table per dealer and kind, months across,
// with the overdue cells marked. --today judges "overdue" as on another day.

import { checkDealer, checkMonth, COVERAGE_KINDS, isOverdueCell, readCoverage } from '@fixops/metrics';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { printJson } from '../output/print.js';
import { renderTable } from '../output/table.js';
import { chooseFormat, writeWorkbook } from '../output/xlsx.js';
import { langOption, orUsage } from '../select.js';

const KIND_LABEL: Record<string, string> = { repair_orders: '维修工单 ROs', bookings: '预约 bookings', accident_repairs: '事故车 accidents' };

export async function coverageCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, from: { type: 'string' }, to: { type: 'string' }, dealer: { type: 'string' }, today: { type: 'string' },
    format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' },
  });
  const lang = langOption(values.lang);
  const format = chooseFormat('coverage', values, ['table', 'json', 'xlsx']);
  const { from, to } = values;
  if (from !== undefined) orUsage(checkMonth(from));
  if (to !== undefined) orUsage(checkMonth(to));
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`fixops coverage: --from ${from} is after --to ${to}`);
  let today: Date | undefined;
  if (values.today !== undefined) {
    today = new Date(`${values.today}T12:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || Number.isNaN(today.getTime())) throw new UsageError(`fixops coverage: --today must be YYYY-MM-DD, not "${values.today}"`);
  }
  const cov = await withDatabase(values.db, async (db) => {
    if (values.dealer !== undefined) orUsage(await checkDealer(db.connection, values.dealer));
    return readCoverage(db.connection, { from, to, dealer: values.dealer, today });
  });
  if (format === 'xlsx') return writeWorkbook(values.out!, (await import('@fixops/usecases/sheets')).coverageSheet(cov, lang, { dealer: values.dealer }), lang);
  if (format === 'json') {
    printJson(cov.cells);
    return 0;
  }
  if (cov.dealers.length === 0) {
    process.stdout.write('还没有经销商。用 fixops ingest FILE… 或 fixops demo 导入数据。\nNo dealers yet. Load data with fixops ingest FILE… or fixops demo.\n');
    return 0;
  }
  const months = [...new Set(cov.cells.map((c) => c.month))];
  const rows: (string | number)[][] = [];
  for (const d of cov.dealers) {
    for (const kind of COVERAGE_KINDS) {
      const mine = cov.cells.filter((c) => c.dealer === d.code && c.kind === kind);
      rows.push([d.code, KIND_LABEL[kind]!, ...mine.map((c) => (c.rows !== null ? c.rows : isOverdueCell(cov, c) ? '逾期 OVERDUE' : '— 缺 missing'))]);
    }
  }
  process.stdout.write(`${renderTable(['经销商 Dealer', '类型 Kind', ...months], rows)}\n`);
  const due = `${cov.dueMonth} 维修工单每月 ${cov.dueDay} 日前上报 · ${cov.dueMonth} repair orders due by day ${cov.dueDay}`;
  process.stdout.write(cov.overdue.length
    ? `逾期 Overdue (${due}): ${cov.overdue.join(', ')}\n`
    : `没有逾期 Nobody overdue (${due}${cov.pastDue ? '' : '; 未到期 not due yet'})\n`);
  return 0;
}
