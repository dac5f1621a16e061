// Small DMS exports written the way Chinese DMS and Excel save them (GB18030), for the
// dashboard's end-to-end tests: a repair-order month for one dealer, and a file no kind fits.

import iconv from 'iconv-lite';

export interface RepairOrdersOptions {
  dealer: string;
  /** YYYY-MM */
  month: string;
  count: number;
  /** How many of the orders came with a booking number (default 0: a booking-rate flag). */
  booked?: number;
  /** Amount of each order, yuan (default 1,000 + 10·i). */
  amount?: (i: number) => number;
  /** Extra rows whose amount cannot be read: rejected with their row number, the file still loads. */
  badRows?: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A repair-orders export: the header words of a Chinese DMS, personal columns included (they are dropped). */
export function repairOrdersCsv(o: RepairOrdersOptions): string {
  const [y, m] = o.month.split('-').map(Number) as [number, number];
  const header = ['服务站代码', '工单号', '车架号', '开单时间', '维修类型', '结算金额', '预计交车时间', '实际交车时间', '服务顾问', '预约单号', '客户姓名', '手机'];
  const types = ['保养', '一般维修', '钣喷', '保养', '索赔'];
  const lines = [header.join(',')];
  for (let i = 0; i < o.count; i++) {
    const day = 1 + (i % 27);
    const open = `${y}-${pad(m)}-${pad(day)} ${pad(8 + (i % 8))}:${pad((i * 7) % 60)}`;
    const promised = `${y}-${pad(m)}-${pad(day)} 17:00`;
    const delivered = `${y}-${pad(m)}-${pad(day)} ${i % 4 === 0 ? '18:30' : '16:30'}`;
    const amount = (o.amount ?? ((k: number) => 1000 + 10 * k))(i).toFixed(2);
    const booking = i < (o.booked ?? 0) ? `YY${y}${pad(m)}${pad(i, 4)}` : '';
    lines.push([o.dealer, `E2E${y}${pad(m)}-${pad(i, 4)}`, `LVSE2E${pad(i, 11)}`, open, types[i % types.length]!, amount, promised, delivered, i % 2 ? '王芳' : '李强', booking, '张三', '13800000000'].join(','));
  }
  for (let j = 0; j < (o.badRows ?? 0); j++) {
    lines.push([o.dealer, `E2E${y}${pad(m)}-BAD${j}`, `LVSE2EBAD${pad(j, 8)}`, `${y}-${pad(m)}-02 09:00`, '保养', '十二元', '', '', '李强', '', '', ''].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const gb18030 = (text: string): Buffer => iconv.encode(text, 'gb18030');

/** A CSV whose headers fit no export kind: the server refuses it with the closest kind and what it lacks. */
export function unknownKindCsv(): string {
  return '日期,金额,备注\r\n2025-01-02,100,测试\r\n';
}
