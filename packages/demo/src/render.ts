// Writes one dealer's simulated data as DMS exports in its style: headers, value formats, and the planted mess.
import { ChunkWriter } from './chunks.js';
import { quoteField } from './csv.js';
import { pickBookingDefects, pickRoDefects, type Defect } from './defects.js';
import { formatMoney, plainAmount, type MoneyFormat } from './money.js';
import type { People } from './personal.js';
import { deriveSeed, Rng } from './prng.js';
import type { DealerData, SimAccident, SimBooking, SimCustomer, SimRO } from './simulate.js';
import { DEALER_HEADERS, hasDealerColumn, type Column, type Field, type RecordKind, type Style } from './styles.js';
import { badTimestamp, formatDate, formatTimestamp } from './timefmt.js';
import type { DemoDealer, DemoFile, DemoFileInfo } from './types.js';
import { BAD_STATUS, CHANNELS, INSURERS, say, type Vocab } from './vocab.js';
import type { DealerProfile } from './profile.js';

export interface DealerContext {
  seed: number;
  dealer: DemoDealer;
  style: Style;
  vocab: Vocab;
  money: MoneyFormat;
  data: DealerData;
  people: People;
  /** The network's single exact-duplicate row goes into this dealer's RO file. */
  duplicateRow: boolean;
}

export type Sink = (chunk: Buffer) => void;

type Getter<T> = (row: T) => string;

const MONEY_FIELDS: ReadonlySet<Field> = new Set(['total', 'labor', 'parts', 'care', 'estimate', 'repair_amount', 'assessed']);
const KEY_FIELDS: ReadonlySet<Field> = new Set(['ro_no', 'booking_no', 'customer_id']);

const REMARKS = [
  '客户要求洗车',
  '更换机油、机滤',
  '左前门异响, 需复查',
  '客户反映：\n1. 空调不制冷\n2. 方向盘抖动',
  '客户说"很急"，请优先安排',
  '已告知下次保养里程, 建议更换刹车片',
  '旧件客户带走',
  '等待配件到货\n预计3天',
  '胎压报警，检查四轮, 右后轮补胎',
];

export function fileName(dealer: DemoDealer, kind: RecordKind, months: readonly string[]): string {
  return months.length > 0 ? `${dealer.code}_${kind}_${months[0]}_${months[months.length - 1]}.csv` : `${dealer.code}_${kind}.csv`;
}

interface TableOptions<T> {
  rows: readonly T[];
  columns: readonly Column[];
  getters: ReadonlyArray<Getter<T>>;
  defects?: Map<number, Defect>;
  defectValue?: (defect: Defect) => [Field, string];
  duplicateAt?: number;
  blankRate?: number;
  totals?: boolean;
  rng: Rng;
}

interface TableCounts {
  rows: number;
  badRows: number;
  duplicateRows: number;
  totalsRows: number;
  blankLines: number;
}

/** The shared row loop: header, rows (with planted defects), duplicate, blank lines, totals row. */
function writeTable<T>(w: ChunkWriter, style: Style, o: TableOptions<T>): TableCounts {
  const sep = style.separator;
  const quote = style.id !== 'plain'; // plain values never contain separators, quotes or line breaks
  const fields = o.columns.map(([f]) => f);
  w.line(o.columns.map(([, h]) => h).join(sep));
  const counts: TableCounts = { rows: 0, badRows: 0, duplicateRows: 0, totalsRows: 0, blankLines: 0 };
  const values: string[] = new Array<string>(fields.length);
  const n = o.rows.length;
  const getters = o.getters;
  const width = getters.length;
  const first = getters[0] as Getter<T>;
  for (let i = 0; i < n; i++) {
    const row = o.rows[i] as T;
    let text: string;
    const defect = o.defects?.get(i);
    if (quote || defect) {
      for (let c = 0; c < width; c++) values[c] = (getters[c] as Getter<T>)(row);
      if (defect && o.defectValue) {
        const [field, bad] = o.defectValue(defect);
        const c = fields.indexOf(field);
        if (c >= 0) {
          values[c] = bad;
          counts.badRows++;
        }
      }
      text = quote ? values.map((v) => quoteField(v, sep)).join(sep) : values.join(sep);
    } else {
      // hot path of scale mode: plain concatenation, no per-row arrays
      text = first(row);
      for (let c = 1; c < width; c++) text += sep + (getters[c] as Getter<T>)(row);
    }
    w.line(text);
    counts.rows++;
    if (i === o.duplicateAt) {
      w.line(text);
      counts.rows++;
      counts.duplicateRows++;
    }
    if (o.blankRate && i < n - 1 && o.rng.chance(o.blankRate)) {
      w.line('');
      counts.blankLines++;
    }
  }
  if (o.totals) {
    const sums = fields.map(() => 0);
    for (const row of o.rows) {
      for (let c = 0; c < fields.length; c++) {
        if (!MONEY_FIELDS.has(fields[c] as Field)) continue;
        const v = parseCents((o.getters[c] as Getter<T>)(row));
        if (v !== null) sums[c] = (sums[c] as number) + v;
      }
    }
    const cells = fields.map((f, c) =>
      c === 0 ? '合计' : MONEY_FIELDS.has(f) ? plainAmount(sums[c] as number) : KEY_FIELDS.has(f) ? String(n) : '',
    );
    w.line(cells.map((v) => quoteField(v, sep)).join(sep));
    counts.totalsRows++;
  }
  if (o.blankRate) {
    w.line('');
    counts.blankLines++;
  }
  return counts;
}

/** Reads back an amount this module wrote (any money format) for the totals row. */
function parseCents(text: string): number | null {
  const t = text.replace(/[,元￥¥]/g, '');
  if (t === '') return null;
  return Math.round(Number(t) * 100);
}

/** Months a dealer's export of this kind covers (accident exports may start late; customers are a snapshot). */
export function fileMonths(ctx: DealerContext, kind: RecordKind): string[] {
  if (kind === 'customers') return [];
  return ctx.data.months.slice(kind === 'accident_repairs' ? ctx.data.profile.accidentFileFrom : 0);
}

export function dealerFileName(ctx: DealerContext, kind: RecordKind): string {
  return fileName(ctx.dealer, kind, fileMonths(ctx, kind));
}

function fileInfo(ctx: DealerContext, kind: RecordKind, counts: TableCounts): DemoFileInfo {
  const { dealer, style } = ctx;
  return {
    name: dealerFileName(ctx, kind),
    kind,
    // no dealer column: the loader must be told the dealer
    ...(hasDealerColumn(style, kind) ? {} : { dealer: dealer.code }),
    encoding: style.encoding,
    separator: style.separator,
    ...counts,
    months: fileMonths(ctx, kind),
  };
}

/** One dealer's export of one kind: its columns, blank lines and totals row as its DMS writes them. */
function renderTable<T>(ctx: DealerContext, kind: RecordKind, sink: Sink | undefined, o: Omit<TableOptions<T>, 'columns' | 'blankRate' | 'totals'>): DemoFile {
  const { style } = ctx;
  const w = new ChunkWriter(style.encoding, style.eol, sink);
  const counts = writeTable(w, style, { ...o, columns: style.columns[kind], blankRate: style.blankLines ? 0.004 : 0, totals: style.totalsRow });
  return { ...fileInfo(ctx, kind, counts), bytes: w.finish() };
}

function fmt(ctx: DealerContext) {
  const { style, money } = ctx;
  return {
    time: (t: number | null): string => (t === null ? '' : formatTimestamp(style.time, t)),
    date: (t: number | null): string => (t === null ? '' : formatDate(style.date, t)),
    money: (c: number | null): string => (c === null ? '' : formatMoney(money, c)),
  };
}

function customerGetter(ctx: DealerContext, field: Field): Getter<SimCustomer> | undefined {
  const { people, style } = ctx;
  switch (field) {
    case 'customer_name':
      return (c) => people.of(c.no).name;
    case 'phone':
      return (c) => people.of(c.no).phone;
    case 'address':
      return (c) => people.of(c.no).address;
    case 'id_card':
      return (c) => people.of(c.no).idCard;
    case 'plate':
      return (c) => people.of(c.no).plate;
    case 'vin':
      return (c) => c.vin;
    case 'model':
      return (c) => ctx.data.profile.brand.models[c.model] as string;
    case 'customer_id':
      return (c) => style.ids.customer(c.no, ctx.dealer.code);
    case 'dealer':
      return () => ctx.dealer.code;
    default:
      return undefined;
  }
}

/** RO and booking numbers in the style's own format, from month index and running number. */
function numbering(ctx: DealerContext): { roNo: (ro: SimRO) => string; bookingNo: (month: number, seq: number) => string } {
  const { ids } = ctx.style;
  const code = ctx.dealer.code;
  const yms = ctx.data.months.map((m) => m.replace('-', ''));
  return {
    roNo: (ro) => ids.ro(yms[ro.month] as string, ro.seq, code),
    bookingNo: (month, seq) => ids.booking(yms[month] as string, seq, code),
  };
}

function advisorName(profile: DealerProfile, i: number): string {
  return (profile.advisors[i] as { name: string }).name;
}

export function renderRepairOrders(ctx: DealerContext, sink?: Sink): DemoFile {
  const { style, vocab, data } = ctx;
  const rng = new Rng(deriveSeed(ctx.seed, 'render', ctx.dealer.code, 'repair_orders'));
  const { roNo, bookingNo } = numbering(ctx);
  const f = fmt(ctx);
  const careZero = style.careZero;
  const remarks = new Map<SimRO, string>();
  if (style.remarks) {
    for (const ro of data.ros) {
      if (ro.type === 'accident' && rng.chance(0.3)) remarks.set(ro, `保险报案号：${rng.pick(['RDAA', 'PDAA', 'ACPI'])}${rng.int(10_000_000, 99_999_999)}`);
      else if (rng.chance(0.05)) remarks.set(ro, rng.pick(REMARKS));
    }
  }
  const getters = style.columns.repair_orders.map(([field]): Getter<SimRO> => {
    const viaCustomer = customerGetter(ctx, field);
    if (viaCustomer) return (ro) => viaCustomer(ro.customer);
    switch (field) {
      case 'ro_no':
        return (ro) => roNo(ro);
      case 'open_time':
        return (ro) => f.time(ro.open);
      case 'repair_type':
        return (ro) => say(rng, vocab.repair[ro.type]);
      case 'total':
        return (ro) => f.money(ro.total);
      case 'labor':
        return (ro) => f.money(ro.labor);
      case 'parts':
        return (ro) => f.money(ro.parts);
      case 'care':
        return (ro) => (ro.care > 0 || careZero ? f.money(ro.care) : '');
      case 'estimate':
        return (ro) => f.money(ro.estimate);
      case 'promised':
        return (ro) => f.time(ro.promised);
      case 'delivered':
        return (ro) => f.time(ro.delivered);
      case 'advisor':
        return (ro) => advisorName(data.profile, ro.advisor);
      case 'booking_no':
        return (ro) => (ro.bookingSeq > 0 ? bookingNo(ro.month, ro.bookingSeq) : '');
      case 'mileage':
        return (ro) => String(ro.mileage);
      case 'remark':
        return (ro) => remarks.get(ro) ?? '';
      default:
        throw new Error(`repair_orders cannot write ${field}`);
    }
  });

  let duplicateAt: number | undefined;
  if (style.defects && ctx.duplicateRow) {
    duplicateAt = data.ros.findIndex((ro, i) => i > data.ros.length / 3 && !remarks.has(ro));
  }
  const defects = style.defects ? pickRoDefects(rng, data.ros.length, new Set(duplicateAt === undefined ? [] : [duplicateAt])) : undefined;
  const year = Number(data.months[data.months.length - 1]?.slice(0, 4));
  return renderTable(ctx, 'repair_orders', sink, {
    rows: data.ros,
    getters,
    ...(defects ? { defects } : {}),
    defectValue: (d): [Field, string] =>
      d === 'bad_date' ? ['open_time', badTimestamp(style.time, year)] : d === 'bad_amount' ? ['total', 'abc'] : ['vin', ''],
    ...(duplicateAt !== undefined && duplicateAt >= 0 ? { duplicateAt } : {}),
    rng,
  });
}

export function renderBookings(ctx: DealerContext, sink?: Sink): DemoFile {
  const { style, vocab, data } = ctx;
  const rng = new Rng(deriveSeed(ctx.seed, 'render', ctx.dealer.code, 'bookings'));
  const { bookingNo } = numbering(ctx);
  const f = fmt(ctx);
  const channels = CHANNELS[style.lang];
  const getters = style.columns.bookings.map(([field]): Getter<SimBooking> => {
    const viaCustomer = customerGetter(ctx, field);
    if (viaCustomer) return (b) => viaCustomer(b.customer);
    switch (field) {
      case 'booking_no':
        return (b) => bookingNo(b.month, b.seq);
      case 'appointment':
        return (b) => f.time(b.appointment);
      case 'created':
        return (b) => f.time(b.created);
      case 'status':
        return (b) => say(rng, vocab.status[b.status]);
      case 'channel':
        return (b) => channels[b.channel] as string;
      case 'advisor':
        return (b) => advisorName(data.profile, b.advisor);
      default:
        throw new Error(`bookings cannot write ${field}`);
    }
  });
  // every other dealer's DMS lets an unknown status through
  const index = Number(ctx.dealer.code.slice(-3)) - 1;
  const defects = style.defects && index % 2 === 0 ? pickBookingDefects(rng, data.bookings.length) : undefined;
  return renderTable(ctx, 'bookings', sink, {
    rows: data.bookings,
    getters,
    ...(defects ? { defects } : {}),
    defectValue: (): [Field, string] => ['status', BAD_STATUS[style.lang]],
    rng,
  });
}

export function renderAccidents(ctx: DealerContext, sink?: Sink): DemoFile {
  const { style, data } = ctx;
  const rng = new Rng(deriveSeed(ctx.seed, 'render', ctx.dealer.code, 'accident_repairs'));
  const { roNo } = numbering(ctx);
  const f = fmt(ctx);
  const insurers = INSURERS[style.lang];
  const getters = style.columns.accident_repairs.map(([field]): Getter<SimAccident> => {
    const viaCustomer = customerGetter(ctx, field);
    if (viaCustomer) return (a) => viaCustomer(a.ro.customer);
    switch (field) {
      case 'ro_no':
        return (a) => roNo(a.ro);
      case 'open_time':
        return (a) => f.time(a.ro.open);
      case 'repair_amount':
        return (a) => f.money(a.amount);
      case 'assessed':
        return (a) => f.money(a.assessed);
      case 'insurer':
        return (a) => (a.insurer < 0 ? '' : (insurers[a.insurer] as string));
      default:
        throw new Error(`accident_repairs cannot write ${field}`);
    }
  });
  return renderTable(ctx, 'accident_repairs', sink, { rows: data.accidents, getters, rng });
}

export function renderCustomers(ctx: DealerContext, sink?: Sink): DemoFile {
  const { style, data } = ctx;
  const rng = new Rng(deriveSeed(ctx.seed, 'render', ctx.dealer.code, 'customers'));
  const f = fmt(ctx);
  // Style B's DMS keeps visit dates only; the others keep the full timestamp.
  const lastVisit = style.id === 'B' ? f.date : f.time;
  const getters = style.columns.customers.map(([field]): Getter<SimCustomer> => {
    const viaCustomer = customerGetter(ctx, field);
    if (viaCustomer) return viaCustomer;
    switch (field) {
      case 'last_visit':
        return (c) => lastVisit(c.lastVisit);
      case 'purchase':
        return (c) => f.date(c.purchase);
      default:
        throw new Error(`customers cannot write ${field}`);
    }
  });
  return renderTable(ctx, 'customers', sink, { rows: data.customers, getters, rng });
}

export const DEALERS_FILE = 'dealers.csv';

/** The dealers master file: UTF-8, comma, Chinese headers. */
export function renderDealers(dealers: readonly DemoDealer[], sink?: Sink): DemoFile {
  const w = new ChunkWriter('utf-8', '\n', sink);
  w.line(DEALER_HEADERS.join(','));
  for (const d of dealers) w.line([d.code, d.name, d.region, d.group, d.city].map((v) => quoteField(v, ',')).join(','));
  return {
    name: DEALERS_FILE,
    kind: 'dealers',
    encoding: 'utf-8',
    separator: ',',
    rows: dealers.length,
    badRows: 0,
    duplicateRows: 0,
    totalsRows: 0,
    blankLines: 0,
    months: [],
    bytes: w.finish(),
  };
}
