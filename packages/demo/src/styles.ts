// The five DMS export styles (A–E) plus the plain scale style: encoding, separator, header aliases, value formats.
import type { Separator } from './csv.js';
import type { DemoEncoding } from './encoding.js';
import type { MoneyFormat } from './money.js';
import type { TimeFormat } from './timefmt.js';
import type { StyleId } from './types.js';
import type { Lang } from './vocab.js';

export type RecordKind = 'repair_orders' | 'bookings' | 'accident_repairs' | 'customers';

/** What a column holds; the renderer knows how to write each. */
export type Field =
  | 'dealer' | 'ro_no' | 'vin' | 'open_time' | 'repair_type' | 'total' | 'promised' | 'delivered' | 'advisor'
  | 'labor' | 'parts' | 'estimate' | 'booking_no' | 'care' | 'mileage' | 'model' | 'plate' | 'remark'
  | 'customer_name' | 'phone' | 'address' | 'id_card'
  | 'appointment' | 'status' | 'created' | 'channel'
  | 'repair_amount' | 'insurer' | 'assessed'
  | 'last_visit' | 'customer_id' | 'purchase';

export type Column = readonly [Field, string];

export interface Ids {
  /** ym = 'YYYYMM' */
  ro(ym: string, seq: number, dealer: string): string;
  booking(ym: string, seq: number, dealer: string): string;
  customer(no: number, dealer: string): string;
}

export interface Style {
  id: StyleId;
  lang: Lang;
  encoding: DemoEncoding;
  separator: Separator;
  eol: '\r\n' | '\n';
  time: TimeFormat;
  /** Format of date-only columns (purchase date). */
  date: TimeFormat;
  /** Each dealer of the style uses one of these (chosen by dealer position). */
  money: readonly MoneyFormat[];
  /** Writes 0 rather than empty for "no care products". */
  careZero: boolean;
  maskPhone: boolean;
  totalsRow: boolean;
  blankLines: boolean;
  remarks: boolean;
  /** Bad rows, odd repair types, a duplicate: false for the clean scale style. */
  defects: boolean;
  columns: Record<RecordKind, readonly Column[]>;
  ids: Ids;
}

const p = (n: number, w: number): string => String(n).padStart(w, '0');

const A: Style = {
  id: 'A', lang: 'zh', encoding: 'utf-8-bom', separator: ',', eol: '\r\n', time: 'iso-sec', date: 'iso-sec',
  money: ['fixed2'], careZero: true, maskPhone: true, totalsRow: false, blankLines: false, remarks: true, defects: true,
  columns: {
    repair_orders: [
      ['dealer', '经销商代码'], ['ro_no', '委托书号'], ['vin', 'VIN码'], ['model', '车型'], ['open_time', '进厂时间'],
      ['repair_type', '维修类型'], ['advisor', '服务顾问'], ['mileage', '进厂里程'], ['labor', '工时费（元）'],
      ['parts', '材料费（元）'], ['care', '养护品金额（元）'], ['total', '结算金额（元）'], ['estimate', '预估金额（元）'],
      ['booking_no', '预约单号'], ['promised', '预计交车时间'], ['delivered', '实际交车时间'], ['remark', '备注'],
    ],
    bookings: [
      ['dealer', '经销商代码'], ['booking_no', '预约单号'], ['appointment', '预约到店时间'], ['status', '预约状态'],
      ['vin', 'VIN码'], ['customer_name', '联系人'], ['phone', '联系电话'], ['channel', '预约渠道'], ['advisor', '服务顾问'],
      ['created', '登记时间'],
    ],
    accident_repairs: [
      ['dealer', '经销商代码'], ['ro_no', '委托书号'], ['vin', 'VIN码'], ['open_time', '进厂时间'], ['insurer', '保险公司'],
      ['assessed', '定损金额（元）'], ['repair_amount', '事故维修金额（元）'],
    ],
    customers: [
      ['dealer', '经销商代码'], ['customer_id', '客户编号'], ['customer_name', '客户姓名'], ['phone', '联系电话'],
      ['vin', 'VIN码'], ['model', '车型'], ['purchase', '购车日期'], ['last_visit', '最近进厂时间'],
    ],
  },
  ids: {
    ro: (ym, seq) => `WT${ym.slice(2)}${p(seq, 4)}`,
    booking: (ym, seq) => `YY${ym}${p(seq, 4)}`,
    customer: (no) => `KH${p(no, 6)}`,
  },
};

const B: Style = {
  id: 'B', lang: 'zh', encoding: 'gb18030', separator: ',', eol: '\r\n', time: 'cn', date: 'cn',
  money: ['grouped-yuan', 'grouped-yen'], careZero: false, maskPhone: false, totalsRow: true, blankLines: false, remarks: false, defects: true,
  columns: {
    repair_orders: [
      ['dealer', '服务站代码'], ['ro_no', '*工单号'], ['vin', '*车架号'], ['plate', '车牌号'], ['open_time', '开单时间'],
      ['repair_type', '维修类别'], ['advisor', '接待员'], ['mileage', '行驶里程'], ['labor', '工时金额'], ['parts', '配件费'],
      ['care', '精品养护金额'], ['total', '合计金额'], ['estimate', '估价金额'], ['booking_no', '预约号'],
      ['promised', '承诺交车时间'], ['delivered', '交车时间'],
    ],
    bookings: [
      ['dealer', '服务站代码'], ['booking_no', '预约号'], ['appointment', '预约进厂时间'], ['status', '状态'], ['vin', '车架号'],
      ['plate', '车牌号'], ['channel', '渠道'], ['advisor', '接待员'], ['created', '创建时间'],
    ],
    accident_repairs: [
      ['dealer', '服务站代码'], ['ro_no', '工单号'], ['vin', '车架号'], ['plate', '车牌号'], ['open_time', '开单时间'],
      ['insurer', '承保公司'], ['assessed', '定损金额'], ['repair_amount', '结算金额'],
    ],
    customers: [
      ['dealer', '服务站代码'], ['customer_id', '客户代码'], ['customer_name', '姓名'], ['phone', '手机'], ['id_card', '身份证'],
      ['vin', '车架号'], ['plate', '车牌号'], ['purchase', '销售日期'], ['last_visit', '最后进厂时间'],
    ],
  },
  ids: {
    ro: (ym, seq) => `GD${ym}-${p(seq, 4)}`,
    booking: (ym, seq) => `YY${ym}${p(seq, 4)}`,
    customer: (no, dealer) => `C${dealer}${p(no, 5)}`,
  },
};

const C: Style = {
  id: 'C', lang: 'en', encoding: 'utf-16le', separator: '\t', eol: '\r\n', time: 'slash', date: 'slash',
  money: ['fixed2'], careZero: false, maskPhone: true, totalsRow: false, blankLines: false, remarks: false, defects: true,
  columns: {
    repair_orders: [
      ['dealer', 'dealer_id'], ['ro_no', 'ro_number'], ['vin', 'vin'], ['open_time', 'opened_at'], ['repair_type', 'ro_type'],
      ['advisor', 'service_advisor'], ['mileage', 'mileage_km'], ['labor', 'labor'], ['parts', 'parts'],
      ['care', 'care_products_amount'], ['total', 'total'], ['estimate', 'estimate'], ['booking_no', 'booking_id'],
      ['promised', 'promised_at'], ['delivered', 'delivered_at'],
    ],
    bookings: [
      ['dealer', 'dealer_id'], ['booking_no', 'booking_id'], ['appointment', 'appointment_time'], ['status', 'status'],
      ['vin', 'vin'], ['channel', 'channel'], ['advisor', 'service_advisor'], ['created', 'created_at'],
    ],
    accident_repairs: [
      ['dealer', 'dealer_id'], ['ro_no', 'ro_number'], ['open_time', 'opened_at'], ['vin', 'vin'], ['insurer', 'insurer'],
      ['assessed', 'assessed_amount'], ['repair_amount', 'repair_amount'],
    ],
    customers: [
      ['dealer', 'dealer_id'], ['customer_id', 'customer_id'], ['customer_name', 'customer_name'], ['phone', 'mobile'],
      ['vin', 'vin'], ['purchase', 'purchase_date'], ['last_visit', 'last_visit'],
    ],
  },
  ids: {
    ro: (ym, seq, dealer) => `RO${dealer}${ym.slice(2)}${p(seq, 4)}`,
    booking: (ym, seq) => `BK-${ym.slice(2)}-${p(seq, 4)}`,
    customer: (no) => `CUST${p(no, 6)}`,
  },
};

const D: Style = {
  id: 'D', lang: 'en', encoding: 'utf-8', separator: ';', eol: '\n', time: 'iso-t', date: 'iso-t',
  money: ['short'], careZero: false, maskPhone: false, totalsRow: false, blankLines: false, remarks: false, defects: true,
  columns: {
    repair_orders: [
      ['dealer', 'Dealer_Code'], ['ro_no', 'Repair_Order'], ['vin', 'VIN'], ['open_time', 'Open_Time'],
      ['repair_type', 'Repair_Type'], ['total', 'Total_Amount'], ['labor', 'Labor_Amount'], ['parts', 'Parts_Amount'],
      ['care', 'Care_Products_Amount'], ['estimate', 'Estimate_Amount'], ['promised', 'Promised_Time'],
      ['delivered', 'Delivered_Time'], ['advisor', 'Advisor'], ['booking_no', 'Booking_No'], ['mileage', 'Mileage'],
    ],
    bookings: [
      ['dealer', 'dealer_code'], ['booking_no', 'booking_no'], ['appointment', 'appointment_time'], ['status', 'status'],
      ['vin', 'vin'], ['created', 'created_time'], ['channel', 'channel'], ['advisor', 'advisor'],
    ],
    accident_repairs: [
      ['dealer', 'dealer_code'], ['ro_no', 'repair_order'], ['open_time', 'open_time'], ['vin', 'vin'],
      ['insurer', 'insurer'], ['assessed', 'assessed_amount'], ['repair_amount', 'repair_amount'],
    ],
    customers: [
      ['dealer', 'dealer_code'], ['vin', 'vin'], ['last_visit', 'last_visit_time'], ['customer_id', 'customer_id'],
      ['purchase', 'purchase_date'], ['customer_name', 'customer_name'], ['phone', 'phone'], ['address', 'address'],
    ],
  },
  ids: {
    ro: (ym, seq) => `${ym.slice(2)}${p(seq, 5)}`,
    booking: (ym, seq) => `B${ym.slice(2)}${p(seq, 5)}`,
    customer: (no) => p(no, 7),
  },
};

const E: Style = {
  id: 'E', lang: 'zh', encoding: 'utf-8', separator: ',', eol: '\n', time: 'iso-min', date: 'compact',
  money: ['yen-short'], careZero: false, maskPhone: false, totalsRow: false, blankLines: true, remarks: false, defects: true,
  columns: {
    repair_orders: [
      ['ro_no', '维修工单号'], ['vin', '底盘号'], ['customer_name', '客户姓名'], ['phone', '手机号'], ['address', '地址'],
      ['open_time', '接车时间'], ['repair_type', '工单类型'], ['total', '工单金额'], ['labor', '工时费'], ['parts', '配件金额'],
      ['care', '养护品金额'], ['estimate', '预估费用'], ['booking_no', '预约单号'], ['advisor', '服务顾问'],
      ['promised', '预交车时间'], ['delivered', '实际交车时间'], ['mileage', '里程'],
    ],
    bookings: [
      ['booking_no', '预约单号'], ['appointment', '预约时间'], ['status', '预约状态'], ['vin', '底盘号'],
      ['customer_name', '客户姓名'], ['phone', '手机号'], ['created', '预约登记时间'], ['channel', '预约渠道'], ['advisor', '服务顾问'],
    ],
    accident_repairs: [
      ['ro_no', '维修工单号'], ['open_time', '接车时间'], ['vin', '底盘号'], ['customer_name', '客户姓名'],
      ['insurer', '保险公司'], ['assessed', '定损金额'], ['repair_amount', '维修金额'],
    ],
    customers: [
      ['customer_id', '客户编号'], ['customer_name', '客户姓名'], ['phone', '手机号'], ['address', '地址'], ['vin', '底盘号'],
      ['purchase', '购车日期'], ['last_visit', '最近到店时间'],
    ],
  },
  ids: {
    ro: (ym, seq) => `WX${ym}${p(seq, 4)}`,
    booking: (ym, seq) => `YY${ym}${p(seq, 4)}`,
    customer: (no) => `KH${p(no, 6)}`,
  },
};

/** The plain scale / bench style: every contract column once, Chinese canonical headers, clean values. */
export const PLAIN_RO_COLUMNS: readonly Column[] = [
  ['dealer', '经销商代码'], ['ro_no', '工单号'], ['vin', 'VIN'], ['open_time', '进厂时间'], ['repair_type', '维修类型'],
  ['total', '总金额'], ['promised', '预计交车时间'], ['delivered', '实际交车时间'], ['advisor', '服务顾问'],
  ['labor', '工时费'], ['parts', '材料费'], ['estimate', '预估金额'], ['booking_no', '预约单号'],
  ['care', '养护品金额'], ['mileage', '进厂里程'],
];

const PLAIN: Style = {
  id: 'plain', lang: 'zh', encoding: 'utf-8', separator: ',', eol: '\n', time: 'iso-sec', date: 'iso-sec',
  money: ['fixed2'], careZero: false, maskPhone: false, totalsRow: false, blankLines: false, remarks: false, defects: false,
  columns: {
    repair_orders: PLAIN_RO_COLUMNS,
    bookings: [
      ['dealer', '经销商代码'], ['booking_no', '预约单号'], ['appointment', '预约时间'], ['status', '预约状态'], ['vin', 'VIN'],
      ['created', '登记时间'], ['channel', '预约渠道'], ['advisor', '服务顾问'],
    ],
    accident_repairs: [
      ['dealer', '经销商代码'], ['ro_no', '工单号'], ['open_time', '进厂时间'], ['repair_amount', '维修金额'], ['vin', 'VIN'],
      ['insurer', '保险公司'], ['assessed', '定损金额'],
    ],
    customers: [
      ['dealer', '经销商代码'], ['vin', 'VIN'], ['last_visit', '最近进厂时间'], ['customer_id', '客户编号'], ['purchase', '购车日期'],
    ],
  },
  ids: {
    ro: (ym, seq, dealer) => `${dealer}-${ym}-${p(seq, 5)}`,
    booking: (ym, seq, dealer) => `${dealer}-B${ym}-${p(seq, 5)}`,
    customer: (no) => `C${p(no, 7)}`,
  },
};

export const STYLES: Record<StyleId, Style> = { A, B, C, D, E, plain: PLAIN };

/** Header of the dealers master file (always UTF-8, comma). */
export const DEALER_HEADERS = ['经销商代码', '经销商名称', '大区', '分组', '城市'] as const;

export function hasDealerColumn(style: Style, kind: RecordKind): boolean {
  return style.columns[kind].some(([f]) => f === 'dealer');
}
