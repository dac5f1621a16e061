// `fixops breakdown --dealer CODE --month YYYY-MM [--by repair_type|advisor] [--json] [--lang zh|en]`

import { advisorKpis, byAdvisor, checkDealer, checkMonth, valueText, readSettings, roMix } from '@fixops/metrics';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { langOption, orUsage } from '../select.js';
import { printJson } from '../output/print.js';

const TYPE_ZH: Record<string, string> = {
  maintenance: '保养', general: '一般维修', accident: '事故车', warranty: '索赔', recall: '召回', rework: '返修', internal: '内部', unclassified: '未分类',
};

export async function breakdownCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, dealer: { type: 'string' }, month: { type: 'string' }, by: { type: 'string', default: 'repair_type' }, lang: { type: 'string' } });
  const lang = langOption(values.lang);
  if (values.dealer === undefined || values.month === undefined) throw new UsageError('fixops breakdown: --dealer CODE and --month YYYY-MM are required');
  if (values.by !== 'repair_type' && values.by !== 'advisor') throw new UsageError(`fixops breakdown: --by must be repair_type or advisor, not "${values.by}"`);
  const month = orUsage(checkMonth(values.month));
  const dealer = values.dealer;
  const result = await withDatabase(values.db, async (db) => {
    orUsage(await checkDealer(db.connection, dealer));
    return values.by === 'advisor' ? byAdvisor(db.connection, dealer, month, await readSettings(db.connection)) : roMix(db.connection, dealer, month);
  });
  if (values.json) {
    printJson(result);
    return 0;
  }
  const rate = (v: number | null) => valueText(v, 'rate', lang);
  const money = (v: number | null) => valueText(v, 'money', lang);
  if (values.by === 'advisor') {
    const rows = result as Awaited<ReturnType<typeof byAdvisor>>;
    // the seed's columns, then every KPI the network added as a file that breaks down per advisor
    const extra = advisorKpis().filter((k) => k.custom);
    process.stdout.write(`${renderTable(
      [...(lang === 'zh' ? ['服务顾问', '进厂台次', '单车产值', '预约率', '准时交车率', '估时准确率', '估价准确率'] : ['Advisor', 'ROs', 'Revenue/RO', 'Booking rate', 'On-time', 'Time estimate', 'Cost estimate']), ...extra.map((k) => k[lang])],
      rows.map((r) => [r.advisor ?? (lang === 'zh' ? '（未填写）' : '(none)'), r.ro_count, money(r.revenue_per_ro), rate(r.booking_rate), rate(r.on_time_rate), rate(r.time_estimate_accuracy), rate(r.cost_estimate_accuracy),
        ...extra.map((k) => valueText(r.kpis[k.id] ?? null, k.unit, lang))]),
    )}\n`);
  } else {
    const rows = result as Awaited<ReturnType<typeof roMix>>;
    process.stdout.write(`${renderTable(
      lang === 'zh' ? ['维修类型', '台次', '占比', '产值'] : ['Repair type', 'ROs', 'Share', 'Revenue'],
      rows.map((r) => [lang === 'zh' ? TYPE_ZH[r.repairType] ?? r.repairType : r.repairType, r.roCount, rate(r.share), money(r.revenue)]),
    )}\n`);
  }
  return 0;
}
