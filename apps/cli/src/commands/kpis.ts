// `fixops kpis [--db FILE] [--dealer CODE] [--month YYYY-MM | --from YYYY-MM --to YYYY-MM] [--json | --format xlsx --out FILE] [--lang zh|en]`

import { checkDealer, checkMonth, valueText, KPIS, readKpis, type KpiValue } from '@fixops/metrics';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { printList } from '../output/print.js';
import { chooseFormat, writeWorkbook } from '../output/xlsx.js';
import { renderTable } from '../output/table.js';
import { langOption, orUsage } from '../select.js';

export async function kpisCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' }, month: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, lang: { type: 'string' },
    format: { type: 'string' }, out: { type: 'string' },
  });
  const lang = langOption(values.lang);
  const format = chooseFormat('kpis', values, ['table', 'json', 'xlsx']);
  if (values.month !== undefined && (values.from !== undefined || values.to !== undefined)) throw new UsageError('fixops kpis: give --month or --from/--to, not both');
  const from = values.month ?? values.from;
  const to = values.month ?? values.to;
  if (from !== undefined) orUsage(checkMonth(from));
  if (to !== undefined) orUsage(checkMonth(to));
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`fixops kpis: --from ${from} is after --to ${to}`);
  const rows = await withDatabase(values.db, async (db) => {
    if (values.dealer !== undefined) orUsage(await checkDealer(db.connection, values.dealer));
    return readKpis(db.connection, { dealer: values.dealer, from, to });
  });
  if (format === 'xlsx') return writeWorkbook(values.out!, (await import('@fixops/usecases/sheets')).kpisSheet(rows, { dealer: values.dealer, from, to }, lang), lang);
  return printList(rows, {
    json: format === 'json',
    empty: '没有 KPI 数据：先导入维修工单、预约或事故车导出（fixops ingest / fixops demo）。\nNo KPI values: load repair orders, bookings or accident repairs first (fixops ingest / fixops demo).\n',
    table: (list) => renderWide(list, lang),
  });
}

/** One row per dealer-month, one column per KPI. */
function renderWide(rows: readonly KpiValue[], lang: 'zh' | 'en'): string {
  const byKey = new Map<string, Map<string, KpiValue>>();
  for (const r of rows) {
    const key = `${r.dealer}\u0000${r.month}`;
    if (!byKey.has(key)) byKey.set(key, new Map());
    byKey.get(key)!.set(r.kpi, r);
  }
  const head = [lang === 'zh' ? '经销商' : 'Dealer', lang === 'zh' ? '月份' : 'Month', ...KPIS.map((k) => (lang === 'zh' ? k.zh : k.en))];
  const body = [...byKey].map(([key, values]) => {
    const [dealer, month] = key.split('\u0000');
    return [dealer, month, ...KPIS.map((k) => valueText(values.get(k.id)?.value ?? null, k.unit, lang, values.get(k.id)?.status))];
  });
  return renderTable(head, body);
}
