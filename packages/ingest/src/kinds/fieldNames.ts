// What a user calls each column: 工单号 / RO number, never the stored id (`ro_no`, `open_time`).
// The upload page, its preview, the refusal messages and the rejected-rows file name columns by
// these words; ids stay in JSON and logs for scripts. Chinese is the first header alias the
// contract lists; English is written for people.

import type { Message } from '@fixops/shared';

export const FIELD_NAMES: Readonly<Record<string, Message>> = {
  dealer_code: { zh: '经销商代码', en: 'dealer code' },
  ro_no: { zh: '工单号', en: 'RO number' },
  vin: { zh: 'VIN', en: 'VIN' },
  open_time: { zh: '进厂时间', en: 'opened at' },
  repair_type: { zh: '维修类型', en: 'repair type' },
  total_amount: { zh: '总金额', en: 'total amount' },
  promised_time: { zh: '预计交车时间', en: 'promised delivery' },
  delivered_time: { zh: '实际交车时间', en: 'delivered at' },
  advisor: { zh: '服务顾问', en: 'service advisor' },
  labor_amount: { zh: '工时费', en: 'labour amount' },
  parts_amount: { zh: '材料费', en: 'parts amount' },
  estimate_amount: { zh: '预估金额', en: 'estimate' },
  care_products_amount: { zh: '养护品金额', en: 'care products amount' },
  mileage: { zh: '进厂里程', en: 'mileage (km)' },
  booking_no: { zh: '预约单号', en: 'booking number' },
  appointment_time: { zh: '预约时间', en: 'appointment time' },
  status: { zh: '预约状态', en: 'booking status' },
  created_time: { zh: '登记时间', en: 'booked at' },
  channel: { zh: '预约渠道', en: 'booking channel' },
  repair_amount: { zh: '维修金额', en: 'repair amount' },
  insurer: { zh: '保险公司', en: 'insurer' },
  assessed_amount: { zh: '定损金额', en: 'assessed amount' },
  last_visit_time: { zh: '最近进厂时间', en: 'last visit' },
  customer_id: { zh: '客户编号', en: 'customer number' },
  purchase_date: { zh: '购车日期', en: 'purchase date' },
  name: { zh: '经销商名称', en: 'dealer name' },
  region: { zh: '区域', en: 'region' },
  peer_group: { zh: '分组', en: 'peer group' },
  city: { zh: '城市', en: 'city' },
  region_en: { zh: '区域英文名', en: 'region (English)' },
  group_zh: { zh: '分组中文名', en: 'peer group (Chinese)' },
  group_en: { zh: '分组英文名', en: 'peer group (English)' },
};

/** A column's name for people (the id itself for a column not in the catalogue). */
export function fieldName(field: string): Message {
  return FIELD_NAMES[field] ?? { zh: field, en: field };
}
