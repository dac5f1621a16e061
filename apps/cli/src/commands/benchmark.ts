// `fixops benchmark --month YYYY-MM --kpi ID [--group NAME] [--format table|csv|json|md] [--lang zh|en]`

import { benchmark, checkGroup, checkKpi, checkMonth, valueText, kpiDefinition, type BenchmarkRow } from '@fixops/metrics';
import { csvText, recordRows } from '@fixops/shared';
import { DB_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { langOption, orUsage } from '../select.js';

const FORMATS = ['table', 'csv', 'json', 'md'];

export async function benchmarkCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, month: { type: 'string' }, kpi: { type: 'string' }, group: { type: 'string' }, format: { type: 'string', default: 'table' }, lang: { type: 'string' },
  });
  const lang = langOption(values.lang);
  if (values.month === undefined || values.kpi === undefined) throw new UsageError('fixops benchmark: --month YYYY-MM and --kpi ID are required');
  if (!FORMATS.includes(values.format!)) throw new UsageError(`fixops benchmark: unknown format "${values.format}" (choose from ${FORMATS.join(', ')})`);
  const month = orUsage(checkMonth(values.month));
  const kpi = orUsage(checkKpi(values.kpi));
  const rows = await withDatabase(values.db, async (db) => {
    if (values.group !== undefined) orUsage(await checkGroup(db.connection, values.group));
    return benchmark(db.connection, { month, kpi, group: values.group });
  });
  const def = kpiDefinition(kpi)!;
  const fmt = (v: number | null) => valueText(v, def.unit, lang);
  const pct = (v: number | null) => (v === null ? '' : `${v.toFixed(0)}`);
  switch (values.format) {
    case 'json':
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    case 'csv':
      process.stdout.write(rows.length === 0 ? '\n' : csvText(recordRows(rows.map((r) => ({ ...r }))), { newline: '\n' }));
      return 0;
    default: {
      if (rows.length === 0) {
        process.stdout.write(`${month} 没有 ${def.zh} 的数据。\nNo ${def.en} values for ${month}.\n`);
        return 0;
      }
      const head = lang === 'zh'
        ? ['分组', '家数', '名次', '经销商', '名称', def.zh, '百分位', 'P25', '中位数', 'P75', '与中位数差', '与前 25% 差']
        : ['Group', 'Size', 'Rank', 'Dealer', 'Name', def.en, 'Percentile', 'P25', 'Median', 'P75', 'Gap to median', 'Gap to top quartile'];
      const body = rows.map((r: BenchmarkRow) => [r.group, r.groupSize, r.rank ?? '', r.dealer, r.name ?? '', fmt(r.value), pct(r.percentile), fmt(r.p25), fmt(r.median), fmt(r.p75), fmt(r.gapToMedian), fmt(r.gapToTopQuartile)]);
      if (values.format === 'md') {
        const line = (cells: unknown[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
        process.stdout.write(`${[line(head), line(head.map(() => '---')), ...body.map(line)].join('\n')}\n`);
      } else {
        process.stdout.write(`${renderTable(head, body)}\n`);
      }
      return 0;
    }
  }
}
