// `fixops flags [--db FILE] [--dealer CODE] [--month YYYY-MM] [--kind KIND] [--kpi ID] [--json | --format xlsx --out FILE] [--lang zh|en]`

import { checkDealer, checkKpi, checkMonth, kpiDefinition, readFlags } from '@fixops/metrics';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { printList } from '../output/print.js';
import { chooseFormat, writeWorkbook } from '../output/xlsx.js';
import { renderTable } from '../output/table.js';
import { langOption, orUsage } from '../select.js';

const KINDS = ['not_tracked', 'target', 'trend', 'peer'];
const KIND_LABEL: Record<string, string> = { not_tracked: '未统计 not tracked', target: '目标 target', trend: '趋势 trend', peer: '同组 peer' };

export async function flagsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' }, month: { type: 'string' }, kind: { type: 'string' }, kpi: { type: 'string' }, lang: { type: 'string' },
    format: { type: 'string' }, out: { type: 'string' },
  });
  const lang = langOption(values.lang);
  const format = chooseFormat('flags', values, ['table', 'json', 'xlsx']);
  if (values.kind !== undefined && !KINDS.includes(values.kind)) throw new UsageError(`fixops flags: unknown kind "${values.kind}" (choose from ${KINDS.join(', ')})`);
  if (values.month !== undefined) orUsage(checkMonth(values.month));
  if (values.kpi !== undefined) orUsage(checkKpi(values.kpi));
  const flags = await withDatabase(values.db, async (db) => {
    if (values.dealer !== undefined) orUsage(await checkDealer(db.connection, values.dealer));
    return readFlags(db.connection, { dealer: values.dealer, month: values.month, kind: values.kind, kpi: values.kpi, lang });
  });
  if (format === 'xlsx') return writeWorkbook(values.out!, (await import('@fixops/usecases/sheets')).flagsSheet(flags, { dealer: values.dealer, month: values.month, kind: values.kind, kpi: values.kpi, lang }), lang);
  return printList(flags, {
    json: format === 'json',
    empty: '没有符合条件的提示。\nNo flags match.\n',
    table: (rows) => renderTable(
      [lang === 'zh' ? '经销商' : 'Dealer', lang === 'zh' ? '月份' : 'Month', 'KPI', lang === 'zh' ? '类型' : 'Kind', lang === 'zh' ? '说明' : 'Message'],
      rows.map((f) => [f.dealer, f.month, lang === 'zh' ? kpiDefinition(f.kpi)!.zh : kpiDefinition(f.kpi)!.en, KIND_LABEL[f.kind], f.details ? `${f.message}${lang === 'zh' ? `（${f.details.zh}）` : ` (${f.details.en})`}` : f.message]),
    ),
  });
}
