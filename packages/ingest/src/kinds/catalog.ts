// The five export kinds of dms-exports.md, as data: every alias and rule lives here.

import type { ColumnSpec, KindId, KindSpec } from './types.js';

const dealerCode: ColumnSpec = {
  name: 'dealer_code',
  type: 'dealer',
  required: 'dealer',
  aliases: ['经销商代码', '服务站代码', '店代码', '经销商编码', 'dealer', 'dealer_id', 'dealer_code'],
};
const roNo = (required: 'yes' | 'no'): ColumnSpec => ({
  name: 'ro_no',
  type: 'text',
  required,
  aliases: ['工单号', '维修工单号', '委托书号', '工单编号', 'ro_no', 'ro_number', 'repair_order'],
});
const vin = (required: 'yes' | 'no'): ColumnSpec => ({
  name: 'vin',
  type: 'vin',
  required,
  aliases: ['VIN', '车架号', '底盘号', 'VIN码', 'vin'],
});
const openTime: ColumnSpec = {
  name: 'open_time',
  type: 'timestamp',
  required: 'yes',
  aliases: ['进厂时间', '开单时间', '接车时间', 'open_time', 'opened_at'],
};
const advisor: ColumnSpec = { name: 'advisor', type: 'text', required: 'no', aliases: ['服务顾问', '接待员', 'advisor', 'service_advisor'] };
const bookingNo = (required: 'yes' | 'no'): ColumnSpec => ({
  name: 'booking_no',
  type: 'text',
  required,
  aliases: ['预约单号', '预约号', 'booking_no', 'booking_id'],
});

export const KINDS: Record<KindId, KindSpec> = {
  repair_orders: {
    id: 'repair_orders',
    zh: '维修工单',
    en: 'repair orders',
    key: 'ro_no',
    monthFrom: 'open_time',
    columns: [
      dealerCode,
      roNo('yes'),
      vin('yes'),
      openTime,
      { name: 'repair_type', type: 'repair_type', required: 'yes', emptyAllowed: true, aliases: ['维修类型', '维修类别', '工单类型', 'repair_type', 'ro_type'] },
      { name: 'total_amount', type: 'money', required: 'yes', aliases: ['总金额', '结算金额', '合计金额', '工单金额', 'total_amount', 'total'] },
      { name: 'promised_time', type: 'timestamp', required: 'no', aliases: ['预计交车时间', '承诺交车时间', '预交车时间', 'promised_time', 'promised_at'] },
      { name: 'delivered_time', type: 'timestamp', required: 'no', aliases: ['实际交车时间', '交车时间', 'delivered_time', 'delivered_at'] },
      advisor,
      { name: 'labor_amount', type: 'money', required: 'no', aliases: ['工时费', '工时金额', 'labor_amount', 'labor'] },
      { name: 'parts_amount', type: 'money', required: 'no', aliases: ['材料费', '配件费', '配件金额', 'parts_amount', 'parts'] },
      { name: 'estimate_amount', type: 'money', required: 'no', aliases: ['预估金额', '估价金额', '预估费用', 'estimate_amount', 'estimate'] },
      bookingNo('no'),
      { name: 'care_products_amount', type: 'money', required: 'no', aliases: ['养护品金额', '精品养护金额', 'care_products_amount'] },
      { name: 'mileage', type: 'integer', required: 'no', aliases: ['进厂里程', '里程', '行驶里程', 'mileage', 'mileage_km'] },
    ],
  },
  bookings: {
    id: 'bookings',
    zh: '预约',
    en: 'bookings',
    key: 'booking_no',
    monthFrom: 'appointment_time',
    columns: [
      dealerCode,
      bookingNo('yes'),
      { name: 'appointment_time', type: 'timestamp', required: 'yes', aliases: ['预约时间', '预约进厂时间', '预约到店时间', 'appointment_time'] },
      { name: 'status', type: 'booking_status', required: 'yes', aliases: ['预约状态', '状态', 'status'] },
      vin('no'),
      { name: 'created_time', type: 'timestamp', required: 'no', aliases: ['登记时间', '预约登记时间', '创建时间', 'created_time', 'created_at'] },
      { name: 'channel', type: 'text', required: 'no', aliases: ['预约渠道', '渠道', 'channel'] },
      advisor,
    ],
  },
  accident_repairs: {
    id: 'accident_repairs',
    zh: '事故车产值',
    en: 'accident repairs',
    key: 'ro_no',
    monthFrom: 'open_time',
    columns: [
      dealerCode,
      roNo('yes'),
      openTime,
      { name: 'repair_amount', type: 'money', required: 'yes', aliases: ['维修金额', '结算金额', '事故维修金额', 'repair_amount'] },
      vin('no'),
      { name: 'insurer', type: 'text', required: 'no', aliases: ['保险公司', '承保公司', 'insurer'] },
      { name: 'assessed_amount', type: 'money', required: 'no', aliases: ['定损金额', 'assessed_amount'] },
    ],
  },
  customers: {
    id: 'customers',
    zh: '基盘客户',
    en: 'customers',
    columns: [
      dealerCode,
      vin('yes'),
      { name: 'last_visit_time', type: 'timestamp', required: 'yes', aliases: ['最近进厂时间', '最后进厂时间', '最近到店时间', 'last_visit_time', 'last_visit'] },
      { name: 'customer_id', type: 'text', required: 'no', aliases: ['客户编号', '客户代码', 'customer_id'] },
      { name: 'purchase_date', type: 'timestamp', required: 'no', aliases: ['购车日期', '销售日期', 'purchase_date'] },
    ],
  },
  dealers: {
    id: 'dealers',
    zh: '经销商',
    en: 'dealers',
    key: 'dealer_code',
    columns: [
      { ...dealerCode, required: 'yes' },
      { name: 'name', type: 'text', required: 'no', aliases: ['经销商名称', 'name', 'dealer_name'] },
      { name: 'region', type: 'text', required: 'no', aliases: ['区域', '大区', 'region'] },
      { name: 'peer_group', type: 'text', required: 'no', aliases: ['分组', '级别', '类别', 'group', 'peer_group'] },
      { name: 'city', type: 'text', required: 'no', aliases: ['城市', 'city'] },
      // Names of the region and the peer group for pages in English (and a peer group's Chinese
      // name): stored per region and per group in the master's name tables (migration 17).
      { name: 'region_en', type: 'text', required: 'no', aliases: ['区域英文', '区域英文名', 'region_en', 'region_english'] },
      { name: 'group_zh', type: 'text', required: 'no', aliases: ['分组中文', '分组中文名', 'group_zh'] },
      { name: 'group_en', type: 'text', required: 'no', aliases: ['分组英文', '分组英文名', 'group_en', 'group_english'] },
    ],
  },
};

/** Personal data: never stored, reported as dropped. */
export const PERSONAL_DATA_HEADERS: readonly string[] = [
  '客户姓名', '姓名', '联系人', '电话', '手机', '手机号', '联系电话', '身份证', '地址',
  '车主姓名', '车主电话', '车主手机', '车主', '客户手机', '客户电话', '联系手机', '联系人电话', '手机号码', '电话号码',
  '送修人', '送修人电话', '送修人手机', '身份证号', '身份证号码', '联系地址', '家庭住址', '客户地址', '邮箱', '电子邮箱',
  'customer_name', 'phone', 'mobile', 'address', 'id_card',
  'name_of_customer', 'owner_name', 'contact_name', 'telephone', 'phone_number', 'mobile_phone', 'email', 'id_number',
];

/** repair_type values → canonical type (matched trimmed and lower-cased). */
export const REPAIR_TYPES: Record<string, readonly string[]> = {
  maintenance: ['保养', '首保', '定保', '定期保养', '常规保养', 'maintenance', 'service'],
  general: ['一般维修', '机修', '机电维修', '普通维修', 'general', 'repair', 'mechanical'],
  accident: ['事故车', '事故维修', '钣喷', '钣金', '喷漆', '钣金喷漆', 'accident', 'collision', 'body'],
  warranty: ['索赔', '保修', '三包', 'warranty', 'claim'],
  recall: ['召回', 'recall'],
  rework: ['返修', '返工', 'rework', 'comeback'],
  internal: ['内部', '内部结算', 'PDI', '新车整备', 'internal'],
};

/** Booking status values → canonical status. Anything else rejects the row. */
export const BOOKING_STATUSES: Record<string, readonly string[]> = {
  arrived: ['已到店', '已进厂', '到店', '已完成', 'arrived', 'completed', 'show'],
  no_show: ['未到店', '爽约', '未到', 'no_show', 'no-show', 'missed'],
  cancelled: ['已取消', '取消', 'cancelled', 'canceled'],
  pending: ['待到店', '已预约', '待确认', 'pending', 'booked'],
};

/** First non-empty cell of a totals row. */
export const TOTALS_LABELS: readonly string[] = ['合计', '总计', '小计', 'total', 'sum'];
