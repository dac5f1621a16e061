// The data of the committed workbook fixtures (test-fixtures/*.xlsx, *.xls, written by
// LibreOffice from makeWorkbooks.ts) and of the CSV that holds the same rows: one place, so a
// test can load both and compare. Cells are typed as a spreadsheet holds them.

export type Cell = { s: string } | { n: number } | { d: string } | { f: string; n: number } | null;

export const TITLE_ROWS: Cell[][] = [
  [{ s: '维修工单明细表' }], // merged over the header's width
  [{ s: '经销商：SH001' }, null, null, { s: '导出时间：2025-04-01 08:00' }],
  [],
];

export const HEADER = ['经销商代码', '工单号', 'VIN', '进厂时间', '维修类型', '总金额（元）', '预计交车时间', '实际交车时间', '服务顾问', '客户姓名'];

const pad = (n: number) => String(n).padStart(2, '0');

/** 30 good repair orders in March 2025, then an exact duplicate of the first and a bad date. */
export function dataRows(): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i < 30; i++) {
    const day = 1 + (i % 28);
    const open = `2025-03-${pad(day)}T${pad(8 + (i % 9))}:${pad((i * 7) % 60)}:00`;
    rows.push([
      { s: 'SH001' }, { s: `RO2503${String(i).padStart(4, '0')}` }, { s: `LSVAB${String(1000 + i)}` }, { d: open },
      { s: i % 3 === 0 ? '保养' : i % 3 === 1 ? '机修' : '钣喷' }, { n: 100 + i * 12.5 },
      i % 2 === 0 ? { d: `2025-03-${pad(day)}T18:00:00` } : null, i % 4 === 0 ? { d: `2025-03-${pad(day)}T17:30:00` } : null,
      { s: i % 2 === 0 ? '王伟' : '李娜' }, { s: '张三' },
    ]);
  }
  rows.push(rows[0]!);
  rows.push([{ s: 'SH001' }, { s: 'RO2503BAD' }, { s: 'LSVBAD' }, { s: '下周二' }, { s: '保养' }, { n: 50 }, null, null, { s: '王伟' }, null]);
  return rows;
}

/** The totals row: 合计 and the sum of the amounts (a formula in the workbook). */
export function totalsRow(first: number, last: number): Cell[] {
  const sum = dataRows().reduce((t, r) => t + ((r[5] as { n: number } | null)?.n ?? 0), 0);
  return [{ s: '合计' }, null, null, null, null, { f: `SUM([.F${first}:.F${last}])`, n: sum }];
}

/** A cell as a CSV export writes it. */
export function cellCsv(c: Cell): string {
  if (c === null) return '';
  if ('s' in c) return c.s;
  if ('d' in c) return c.d.replace('T', ' ').slice(0, 16);
  return String(c.n);
}
