// The KPI catalogue of kpis.md as data: what each KPI is called, its unit, which direction
// is better, and its formula in words. Everything else (SQL, flags, UI) reads from here.

export type KpiId =
  | 'ro_count' | 'accident_ro_count' | 'accident_share' | 'accident_avg_value' | 'major_accident_count'
  | 'revenue' | 'revenue_per_ro' | 'warranty_share' | 'booking_rate' | 'booking_show_rate'
  | 'on_time_rate' | 'promise_coverage' | 'time_estimate_accuracy' | 'cost_estimate_accuracy' | 'care_product_penetration'
  | 'rework_rate' | 'unclassified_rate' | 'base_customers' | 'churn_rate' | 'data_completeness';

/** Units and their formatting live in @fixops/shared. */
export type { Unit } from '@fixops/shared';
import type { Unit } from '@fixops/shared';
export type Direction = 'higher' | 'lower';

export interface KpiDefinition {
  id: KpiId;
  zh: string;
  en: string;
  unit: Unit;
  better: Direction;
  description: { zh: string; en: string };
  formula: { zh: string; en: string };
}

const k = (id: KpiId, zh: string, en: string, unit: Unit, better: Direction, description: [string, string], formula: [string, string]): KpiDefinition => ({
  id, zh, en, unit, better, description: { zh: description[0], en: description[1] }, formula: { zh: formula[0], en: formula[1] },
});

export const KPIS: readonly KpiDefinition[] = [
  k('ro_count', '进厂台次', 'Repair orders', 'count', 'higher',
    ['当月对外维修工单数（不含内部结算）', 'External repair orders opened in the month (internal ones excluded)'],
    ['对外工单数', 'number of external ROs']),
  k('accident_ro_count', '事故车进厂台次', 'Accident repair orders', 'count', 'higher',
    ['维修类型为事故车的工单数', 'Repair orders of type accident'],
    ['事故车工单数', 'ROs with repair_type accident']),
  k('accident_share', '事故车占比', 'Accident share', 'rate', 'higher',
    ['事故车工单占进厂台次的比例', 'Share of accident repair orders among repair orders'],
    ['事故车进厂台次 / 进厂台次', 'accident_ro_count / ro_count']),
  k('accident_avg_value', '事故车单价', 'Average accident repair value', 'money', 'higher',
    ['每单事故维修的平均金额', 'Average amount per accident repair'],
    ['当月事故车产值表的维修金额平均值；若当月无该表数据，则取事故车工单的总金额平均值', 'mean repair_amount of the month\'s accident_repairs rows; without such rows, mean total_amount of its accident ROs']),
  k('major_accident_count', '大事故台次', 'Major accident repairs', 'count', 'higher',
    ['金额达到大事故门槛（默认 10000 元）的事故维修数', 'Accident repairs at or above the major-accident amount (default ¥10,000)'],
    ['事故车单价所用各行中金额 ≥ 门槛的行数', 'rows counted by accident_avg_value whose amount >= majorAccidentAmount']),
  k('revenue', '产值', 'Revenue', 'money', 'higher',
    ['对外工单的结算金额合计', 'Total amount of external repair orders'],
    ['对外工单总金额之和（空值计 0）', 'sum of total_amount over external ROs (null counts 0)']),
  k('revenue_per_ro', '单车产值', 'Revenue per RO', 'money', 'higher',
    ['平均每台次的产值', 'Revenue per repair order'],
    ['产值 / 进厂台次', 'revenue / ro_count']),
  k('warranty_share', '索赔产值占比', 'Warranty share of revenue', 'rate', 'lower',
    ['索赔工单金额占产值的比例', 'Share of revenue from warranty repair orders'],
    ['索赔工单总金额 / 产值', 'sum of total_amount of warranty ROs / revenue']),
  k('booking_rate', '预约率', 'Booking rate', 'rate', 'higher',
    ['带预约单号进厂的工单比例', 'Share of repair orders that came with a booking'],
    ['有预约单号的对外工单 / 进厂台次', 'external ROs with a non-empty booking_no / ro_count']),
  k('booking_show_rate', '预约履约率', 'Booking show rate', 'rate', 'higher',
    ['预约客户按约到店的比例', 'Share of booked customers who showed up'],
    ['已到店预约 / (已到店 + 爽约) 预约', 'bookings arrived / bookings arrived or no_show']),
  k('on_time_rate', '准时交车率', 'On-time delivery rate', 'rate', 'higher',
    ['在承诺时间之前（含）交车的比例', 'Share of vehicles delivered by the promised time'],
    ['实际交车 ≤ 承诺交车的对外工单 / 两个时间都登记的对外工单', 'external ROs with delivered_time <= promised_time / external ROs with both times']),
  k('promise_coverage', '交车时间登记率', 'Promised-time coverage', 'rate', 'higher',
    ['登记了承诺交车时间的工单比例', 'Share of repair orders with a promised delivery time'],
    ['有承诺交车时间的对外工单 / 进厂台次', 'external ROs with promised_time / ro_count']),
  k('time_estimate_accuracy', '估时准确率', 'Time estimate accuracy', 'rate', 'higher',
    ['实际交车与承诺时间相差不超过容差（默认 30 分钟）的比例', 'Share delivered within the tolerance (default 30 minutes) of the promised time'],
    ['|实际 − 承诺| ≤ 容差的对外工单 / 两个时间都登记的对外工单', 'external ROs with both times and |delivered − promised| <= tolerance / external ROs with both times']),
  k('cost_estimate_accuracy', '估价准确率', 'Cost estimate accuracy', 'rate', 'higher',
    ['结算金额与预估金额相差不超过容差（默认 10%）的比例', 'Share of repair orders billed within the tolerance (default 10%) of the estimate'],
    ['|总金额 − 预估| ≤ 容差 × 预估的对外工单 / 预估金额 > 0 的对外工单', 'external ROs with estimate > 0 and |total − estimate| <= tolerance × estimate / external ROs with estimate > 0']),
  k('care_product_penetration', '养护品渗透率', 'Care product penetration', 'rate', 'higher',
    ['保养工单中销售了养护品的比例', 'Share of maintenance repair orders with care products sold'],
    ['养护品金额 > 0 的保养工单 / 保养工单', 'maintenance ROs with care_products_amount > 0 / maintenance ROs']),
  k('rework_rate', '返修率', 'Rework rate', 'rate', 'lower',
    ['返修工单占进厂台次的比例', 'Share of repair orders that are rework'],
    ['返修工单 / 进厂台次', 'rework ROs / ro_count']),
  k('unclassified_rate', '维修类别未分类率', 'Unclassified repair type rate', 'rate', 'lower',
    ['维修类型无法归类的工单比例（含内部工单）', 'Share of repair orders whose repair type cannot be classified (internal included)'],
    ['未分类工单 / 全部工单（含内部）', 'unclassified ROs / all ROs including internal']),
  k('base_customers', '基盘客户数', 'Customer base', 'count', 'higher',
    ['近 12 个月内有到店记录的车辆数', 'Vehicles with a visit in the last 12 months'],
    ['第 m−11 至 m 月有到店事件的不同 VIN 数', 'distinct VINs with a visit event in months m−11 .. m']),
  k('churn_rate', '客户流失率', 'Customer churn rate', 'rate', 'lower',
    ['上一期基盘客户中本期 12 个月内未再到店的比例', 'Share of last period\'s customer base with no visit in the last 12 months'],
    ['m−12..m−1 有事件但 m−11..m 无事件的 VIN / 上月基盘客户数', 'VINs with an event in m−12..m−1 but none in m−11..m / base_customers of m−1']),
  k('data_completeness', 'KPI数据完整率', 'KPI data completeness', 'rate', 'higher',
    ['本目录中（除本项外）能算出的 KPI 比例', 'Share of the catalogue\'s KPIs (this one excluded) that can be computed'],
    ['非空 KPI 数 / 19', 'non-null KPIs / 19']),
];

export const KPI_IDS: readonly KpiId[] = KPIS.map((d) => d.id);
const BY_ID = new Map(KPIS.map((d) => [d.id, d]));

export function kpiDefinition(id: string): KpiDefinition | undefined {
  return BY_ID.get(id as KpiId);
}

export function isKpiId(id: string): id is KpiId {
  return BY_ID.has(id as KpiId);
}
