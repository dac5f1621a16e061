// `fixops benchmark --month YYYY-MM --kpi ID [--group NAME] [--format table|csv|json|md|xlsx] [--out FILE] [--lang zh|en]`
// With --out the answer goes to the file (a CSV file starts with a BOM so Excel reads Chinese;
// the CSV on stdout has none, for pipes); xlsx needs --out.

import { benchmark, checkGroup, checkKpi, checkMonth, valueText, kpiDefinition, type BenchmarkRow } from '@fixops/metrics';
import { csvText, recordRows } from '@fixops/shared';
import { DB_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { langOption, orUsage } from '../select.js';
import { writeOutFile } from '../output/file.js';
import { chooseFormat, writeWorkbook } from '../output/xlsx.js';

const FORMATS = ['table', 'csv', 'json', 'md', 'xlsx'];

export async function benchmarkCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, month: { type: 'string' }, kpi: { type: 'string' }, group: { type: 'string' }, format: { type: 'string', default: 'table' }, lang: { type: 'string' }, out: { type: 'string' },
  });
  const lang = langOption(values.lang);
  if (values.month === undefined || values.kpi === undefined) throw new UsageError('fixops benchmark: --month YYYY-MM and --kpi ID are required');
  const format = chooseFormat('benchmark', values, FORMATS);
  const month = orUsage(checkMonth(values.month));
  const kpi = orUsage(checkKpi(values.kpi));
  const rows = await withDatabase(values.db, async (db) => {
    if (values.group !== undefined) orUsage(await checkGroup(db.connection, values.group));
    return benchmark(db.connection, { month, kpi, group: values.group });
  });
  const def = kpiDefinition(kpi)!;
  const fmt = (v: number | null) => valueText(v, def.unit, lang);
  const pct = (v: number | null) => (v === null ? '' : `${v.toFixed(0)}`);
  if (format === 'xlsx') return writeWorkbook(values.out!, (await import('@fixops/usecases/sheets')).benchmarkSheet(rows, { month, kpi, group: values.group }), lang);
  const text = benchmarkText(format, rows);
  if (values.out === undefined) process.stdout.write(text);
  else {
    await writeOutFile(values.out, format === 'csv' ? `\uFEFF${text}` : text);
    process.stderr.write(`对标结果已写入 Benchmark written: ${values.out}\n`);
  }
  return 0;

  function benchmarkText(format: string, rows: BenchmarkRow[]): string {
    switch (format) {
      case 'json':
        return `${JSON.stringify(rows, null, 2)}\n`;
      case 'csv':
        return rows.length === 0 ? '\n' : csvText(recordRows(rows.map((r) => ({ ...r }))), { newline: '\n' });
      default: {
        if (rows.length === 0) return `${month} 没有 ${def.zh} 的数据。\nNo ${def.en} values for ${month}.\n`;
        const head = lang === 'zh'
          ? ['分组', '家数', '名次', '经销商', '名称', def.zh, '百分位', 'P25', '中位数', 'P75', '与中位数差', '与前 25% 差']
          : ['Group', 'Size', 'Rank', 'Dealer', 'Name', def.en, 'Percentile', 'P25', 'Median', 'P75', 'Gap to median', 'Gap to top quartile'];
        const body = rows.map((r: BenchmarkRow) => [r.group, r.groupSize, r.rank ?? '', r.dealer, r.name ?? '', fmt(r.value), pct(r.percentile), fmt(r.p25), fmt(r.median), fmt(r.p75), fmt(r.gapToMedian), fmt(r.gapToTopQuartile)]);
        if (format === 'md') {
          const line = (cells: unknown[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
          return `${[line(head), line(head.map(() => '---')), ...body.map(line)].join('\n')}\n`;
        }
        return `${renderTable(head, body)}\n`;
      }
    }
  }
}
