// Test-only reader that applies the export contract (dms-exports.md) independently of the generator,
// so tests can check the manifest's counts and the KPIs against what a loader would see.
import { decodeBytes } from '../encoding.js';
import type { DemoFile, ExportKind } from '../types.js';

/** RFC 4180 records with the 1-based line each starts on. A blank line is a record with one empty field. */
export function parseCsv(text: string, sep: string): Array<{ line: number; cells: string[]; raw: string }> {
  const out: Array<{ line: number; cells: string[]; raw: string }> = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const start = i;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (;;) {
      if (i >= n) {
        cells.push(cell);
        break;
      }
      const ch = text[i] as string;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
      } else if (ch === '"' && cell === '') {
        quoted = true;
        i++;
      } else if (ch === sep) {
        cells.push(cell);
        cell = '';
        i++;
      } else if (ch === '\r' && text[i + 1] === '\n') {
        cells.push(cell);
        i += 2;
        line++;
        break;
      } else if (ch === '\n') {
        cells.push(cell);
        i++;
        line++;
        break;
      } else {
        cell += ch;
        i++;
      }
    }
    out.push({ line: startLine, cells, raw: text.slice(start, i).replace(/\r?\n$/, '') });
  }
  return out;
}

const ALIASES: Record<string, Record<string, string[]>> = {
  common: {
    dealer_code: ['经销商代码', '服务站代码', '店代码', '经销商编码', 'dealer', 'dealer_id', 'dealer_code'],
    vin: ['vin', '车架号', '底盘号', 'vin码'],
    advisor: ['服务顾问', '接待员', 'advisor', 'service_advisor'],
    ro_no: ['工单号', '维修工单号', '委托书号', '工单编号', 'ro_no', 'ro_number', 'repair_order'],
    open_time: ['进厂时间', '开单时间', '接车时间', 'open_time', 'opened_at'],
    booking_no: ['预约单号', '预约号', 'booking_no', 'booking_id'],
  },
  repair_orders: {
    repair_type: ['维修类型', '维修类别', '工单类型', 'repair_type', 'ro_type'],
    total_amount: ['总金额', '结算金额', '合计金额', '工单金额', 'total_amount', 'total'],
    promised_time: ['预计交车时间', '承诺交车时间', '预交车时间', 'promised_time', 'promised_at'],
    delivered_time: ['实际交车时间', '交车时间', 'delivered_time', 'delivered_at'],
    labor_amount: ['工时费', '工时金额', 'labor_amount', 'labor'],
    parts_amount: ['材料费', '配件费', '配件金额', 'parts_amount', 'parts'],
    estimate_amount: ['预估金额', '估价金额', '预估费用', 'estimate_amount', 'estimate'],
    care_products_amount: ['养护品金额', '精品养护金额', 'care_products_amount'],
    mileage: ['进厂里程', '里程', '行驶里程', 'mileage', 'mileage_km'],
  },
  bookings: {
    appointment_time: ['预约时间', '预约进厂时间', '预约到店时间', 'appointment_time'],
    status: ['预约状态', '状态', 'status'],
    created_time: ['登记时间', '预约登记时间', '创建时间', 'created_time', 'created_at'],
    channel: ['预约渠道', '渠道', 'channel'],
  },
  accident_repairs: {
    repair_amount: ['维修金额', '结算金额', '事故维修金额', 'repair_amount'],
    insurer: ['保险公司', '承保公司', 'insurer'],
    assessed_amount: ['定损金额', 'assessed_amount'],
  },
  customers: {
    last_visit_time: ['最近进厂时间', '最后进厂时间', '最近到店时间', 'last_visit_time', 'last_visit'],
    customer_id: ['客户编号', '客户代码', 'customer_id'],
    purchase_date: ['购车日期', '销售日期', 'purchase_date'],
  },
  dealers: {
    name: ['经销商名称'],
    region: ['区域', '大区'],
    group: ['分组', '级别', '类别'],
    city: ['城市'],
  },
};

const REQUIRED: Record<ExportKind, string[]> = {
  repair_orders: ['dealer_code', 'ro_no', 'vin', 'open_time', 'repair_type', 'total_amount'],
  bookings: ['dealer_code', 'booking_no', 'appointment_time', 'status'],
  accident_repairs: ['dealer_code', 'ro_no', 'open_time', 'repair_amount'],
  customers: ['dealer_code', 'vin', 'last_visit_time'],
  dealers: ['dealer_code'],
};

const COMMON_BY_KIND: Record<ExportKind, string[]> = {
  repair_orders: ['dealer_code', 'ro_no', 'vin', 'open_time', 'advisor', 'booking_no'],
  bookings: ['dealer_code', 'booking_no', 'vin', 'advisor'],
  accident_repairs: ['dealer_code', 'ro_no', 'open_time', 'vin'],
  customers: ['dealer_code', 'vin'],
  dealers: ['dealer_code'],
};

export const PERSONAL_HEADERS = ['客户姓名', '姓名', '联系人', '电话', '手机', '手机号', '联系电话', '身份证', '地址', 'customer_name', 'phone', 'mobile', 'address', 'id_card'];

export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').replace(/\*/g, '').replace(/（[^）]*）|\([^)]*\)/g, '').trim().toLowerCase();
}

export function mapHeaders(kind: ExportKind, headers: string[]): Array<string | null> {
  const table = new Map<string, string>();
  for (const field of COMMON_BY_KIND[kind]) for (const a of ALIASES.common?.[field] ?? []) table.set(a.toLowerCase(), field);
  for (const [field, aliases] of Object.entries(ALIASES[kind] ?? {})) for (const a of aliases) table.set(a.toLowerCase(), field);
  return headers.map((h) => table.get(normaliseHeader(h)) ?? null);
}

const TS: Array<[RegExp, boolean]> = [
  [/^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/, true],
  [/^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/, true],
  [/^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2})$/, true],
  [/^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, false],
  [/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/, true],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{1,2}):(\d{2})$/, true],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})日$/, false],
  [/^(\d{4})(\d{2})(\d{2})$/, false],
];

/** Minutes since epoch, or null for empty; throws on anything the contract rejects. */
export function parseTimestamp(text: string): number | null {
  if (text === '') return null;
  for (const [re] of TS) {
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d, h = 0, mi = 0] = m.slice(1).map(Number);
    const date = new Date(Date.UTC(y as number, (mo as number) - 1, d));
    if (date.getUTCMonth() !== (mo as number) - 1 || date.getUTCDate() !== d || (h) > 23 || (mi) > 59) break;
    return date.getTime() / 60_000 + (h) * 60 + (mi);
  }
  throw new Error(`bad timestamp ${text}`);
}

export function parseMoney(text: string): number | null {
  if (text === '') return null;
  if (!/^-?[￥¥]?-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?元?$/.test(text)) throw new Error(`bad amount ${text}`);
  return Number(text.replace(/[,元￥¥]/g, ''));
}

const STATUSES: Record<string, string> = {};
for (const [s, words] of Object.entries({
  arrived: ['已到店', '已进厂', '到店', '已完成', 'arrived', 'completed', 'show'],
  no_show: ['未到店', '爽约', '未到', 'no_show', 'no-show', 'missed'],
  cancelled: ['已取消', '取消', 'cancelled', 'canceled'],
  pending: ['待到店', '已预约', '待确认', 'pending', 'booked'],
})) for (const w of words) STATUSES[w] = s;

const TYPES: Record<string, string> = {};
for (const [t, words] of Object.entries({
  maintenance: ['保养', '首保', '定保', '定期保养', '常规保养', 'maintenance', 'service'],
  general: ['一般维修', '机修', '机电维修', '普通维修', 'general', 'repair', 'mechanical'],
  accident: ['事故车', '事故维修', '钣喷', '钣金', '喷漆', '钣金喷漆', 'accident', 'collision', 'body'],
  warranty: ['索赔', '保修', '三包', 'warranty', 'claim'],
  recall: ['召回', 'recall'],
  rework: ['返修', '返工', 'rework', 'comeback'],
  internal: ['内部', '内部结算', 'pdi', '新车整备', 'internal'],
})) for (const w of words) TYPES[w.toLowerCase()] = t;

export function canonicalType(raw: string): string {
  return TYPES[raw.trim().toLowerCase()] ?? 'unclassified';
}

export function canonicalStatus(raw: string): string | undefined {
  return STATUSES[raw.trim().toLowerCase()] ?? STATUSES[raw.trim()];
}

const TIME_FIELDS = new Set(['open_time', 'promised_time', 'delivered_time', 'appointment_time', 'created_time', 'last_visit_time', 'purchase_date']);
const MONEY_FIELDS = new Set(['total_amount', 'labor_amount', 'parts_amount', 'estimate_amount', 'care_products_amount', 'repair_amount', 'assessed_amount']);
const TOTAL_WORDS = new Set(['合计', '总计', '小计', 'total', 'sum']);

export interface ReadResult {
  headers: string[];
  fields: Array<string | null>;
  rows: number;
  rejected: Array<{ line: number; reason: string }>;
  duplicates: number;
  totals: number;
  blanks: number;
  records: Array<Record<string, string>>;
}

/** Reads a generated file the way the contract says a loader must. */
export function readExport(file: Pick<DemoFile, 'bytes' | 'encoding' | 'separator' | 'kind' | 'dealer'>): ReadResult {
  const text = decodeBytes(file.bytes, file.encoding);
  const [head, ...body] = parseCsv(text, file.separator);
  if (!head) throw new Error('empty file');
  const headers = head.cells;
  const fields = mapHeaders(file.kind, headers);
  const result: ReadResult = { headers, fields, rows: 0, rejected: [], duplicates: 0, totals: 0, blanks: 0, records: [] };
  const seen = new Set<string>();
  for (const rec of body) {
    if (rec.cells.every((c) => c.trim() === '')) {
      result.blanks++;
      continue;
    }
    const first = rec.cells.find((c) => c.trim() !== '') ?? '';
    if (TOTAL_WORDS.has(first.trim().toLowerCase()) && rec.cells.every((c) => c === first || c === '' || /^-?[\d.,]+$/.test(c))) {
      result.totals++;
      continue;
    }
    result.rows++;
    if (seen.has(rec.raw)) {
      result.duplicates++;
      continue;
    }
    seen.add(rec.raw);
    const row: Record<string, string> = {};
    fields.forEach((f, i) => {
      if (f) row[f] = (rec.cells[i] ?? '').trim();
    });
    if (file.dealer) row.dealer_code ??= file.dealer;
    try {
      for (const f of REQUIRED[file.kind]) if (f !== 'repair_type' && !row[f]) throw new Error(`missing ${f}`);
      for (const [f, v] of Object.entries(row)) {
        if (TIME_FIELDS.has(f)) parseTimestamp(v);
        if (MONEY_FIELDS.has(f)) parseMoney(v);
      }
      if (row.mileage && !/^\d+$/.test(row.mileage)) throw new Error(`bad mileage ${row.mileage}`);
      if (file.kind === 'bookings' && !canonicalStatus(row.status ?? '')) throw new Error(`bad status ${row.status}`);
      result.records.push(row);
    } catch (e) {
      result.rejected.push({ line: rec.line, reason: (e as Error).message });
    }
  }
  return result;
}
