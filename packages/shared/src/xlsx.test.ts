// The workbook writer, read back with exceljs itself: title line, headers by language, types
// and number formats, frozen header, autofilter, widths, formula neutralisation, NULLs.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.js';
import { displayWidth, xlsxBytes, xlsxText, xlsxTitle, type XlsxTable } from './xlsx.js';

const at = new Date(2026, 11, 1, 14, 0); // local time, as the title writes it

function table(rows: XlsxTable['rows']): XlsxTable {
  return {
    title: { zh: '进厂台次等指标', en: 'KPI values' },
    details: ['BJ001', '2025-01 – 2025-12'],
    columns: [
      { zh: '经销商', en: 'Dealer', type: 'text' },
      { zh: '月份', en: 'Month', type: 'month' },
      { zh: '进厂台次', en: 'Car parc visits', type: 'integer' },
      { zh: '一次修复率', en: 'First-time fix rate', type: 'percent' },
      { zh: '单车产值', en: 'Revenue per RO', type: 'money' },
      { zh: '工时', en: 'Hours', type: 'number' },
      { zh: '开单日期', en: 'Opened', type: 'date' },
      { zh: '导入时间', en: 'Loaded at', type: 'datetime' },
    ],
    rows,
  };
}

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

describe('xlsx writer', () => {
  it('writes the title, headers, typed cells with formats, frozen header and autofilter', async () => {
    const bytes = await xlsxBytes(table([
      ['BJ001', '2025-01', 1234, 0.8567, 1234567.891, 2.5, '2025-01-31', '2026-12-01 13:44:42.123'],
      ['SH002', '2025-02', null, null, undefined, Number.NaN, null, null],
    ]), { lang: 'zh', exportedAt: at });
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const ws = await readBack(bytes);
    expect(ws.name).toBe('进厂台次等指标');
    expect(ws.getCell('A1').value).toBe('进厂台次等指标 · BJ001 · 2025-01 – 2025-12 · 导出于 2026-12-01 14:00');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['经销商', '月份', '进厂台次', '一次修复率', '单车产值', '工时', '开单日期', '导入时间']);
    const r3 = ws.getRow(3);
    expect(r3.getCell(1).value).toBe('BJ001');
    expect(r3.getCell(2).value).toBe('2025-01');
    expect(r3.getCell(3).value).toBe(1234);
    expect(r3.getCell(3).numFmt).toBe('#,##0');
    expect(r3.getCell(4).value).toBe(0.8567);
    expect(r3.getCell(4).numFmt).toBe('0.0%');
    expect(r3.getCell(5).value).toBe(1234567.891);
    expect(r3.getCell(5).numFmt).toBe('¥#,##0.00');
    expect(r3.getCell(6).value).toBe(2.5);
    expect(r3.getCell(7).type).toBe(ExcelJS.ValueType.Date);
    expect((r3.getCell(7).value as Date).toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(r3.getCell(7).numFmt).toBe('yyyy-mm-dd');
    expect((r3.getCell(8).value as Date).toISOString()).toBe('2026-12-01T13:44:42.000Z');
    expect(r3.getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    // NULL, undefined and NaN: empty cells.
    const r4 = ws.getRow(4);
    for (const c of [3, 4, 5, 6, 7, 8]) expect(r4.getCell(c).type).toBe(ExcelJS.ValueType.Null);
    expect(ws.rowCount).toBe(4);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:H2');
  });

  it('writes English headers and title with lang en', async () => {
    const ws = await readBack(await xlsxBytes(table([]), { lang: 'en', exportedAt: at }));
    expect(ws.getCell('A1').value).toBe('KPI values · BJ001 · 2025-01 – 2025-12 · exported 2026-12-01 14:00');
    expect(ws.getCell('A2').value).toBe('Dealer');
    expect(ws.getCell('H2').value).toBe('Loaded at');
    expect(ws.name).toBe('KPI values');
  });

  it('neutralises formula starts exactly as the CSV writer does, and keeps numbers numbers', async () => {
    const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', 'ok', '  =not at start'];
    const ws = await readBack(await xlsxBytes({
      title: { zh: '测试', en: 'Test' },
      columns: [{ zh: '值', en: 'Value', type: 'text' }, { zh: '差', en: 'Gap', type: 'number' }],
      rows: evil.map((v) => [v, -0.05]),
    }, { lang: 'zh', exportedAt: at }));
    evil.forEach((v, i) => {
      const cell = ws.getRow(3 + i).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // (XML reads a carriage return in text back as a line feed.)
      const lf = (s: string) => s.replace(/\r/g, '\n');
      expect(cell.value).toBe(lf(xlsxText(v)));
      // The CSV cell of the same text carries the same neutralised text (quoted or not).
      expect(lf(csvCell(v).replace(/^"|"$/g, '').replace(/""/g, '"'))).toBe(cell.value as string);
      expect(ws.getRow(3 + i).getCell(2).value).toBe(-0.05);
    });
    expect(ws.getRow(3).getCell(1).value).toBe('\'=HYPERLINK("http://x","y")');
    expect(ws.getRow(9).getCell(1).value).toBe('ok');
  });

  it('sizes columns to their text, CJK counting double, within bounds', async () => {
    const ws = await readBack(await xlsxBytes({
      title: { zh: 't', en: 't' },
      columns: [{ zh: '名称', en: 'Name', type: 'text' }, { zh: '码', en: 'Code', type: 'text' }, { zh: '说明', en: 'Text', type: 'text' }],
      rows: [['北京朝阳汽车服务有限公司', 'A', 'x'.repeat(500)]],
    }, { lang: 'zh', exportedAt: at }));
    expect(displayWidth('北京朝阳汽车服务有限公司')).toBe(24);
    expect(ws.getColumn(1).width).toBe(25.5);
    expect(ws.getColumn(2).width).toBe(6.5);
    expect(ws.getColumn(3).width).toBe(60.5);
  });

  it('streams rows from an async source and drops characters XML cannot carry', async () => {
    async function* many() {
      for (let i = 0; i < 2000; i++) yield await Promise.resolve([`D${i}`, i, `bad\u0001text\u0000${i}`]);
    }
    const ws = await readBack(await xlsxBytes({
      title: { zh: '多行', en: 'Many' },
      columns: [{ zh: '码', en: 'Code', type: 'text' }, { zh: '数', en: 'N', type: 'integer' }, { zh: '文', en: 'Text', type: 'text' }],
      rows: many(),
    }, { lang: 'zh', exportedAt: at }));
    expect(ws.rowCount).toBe(2002);
    expect(ws.getRow(2002).getCell(1).value).toBe('D1999');
    expect(ws.getRow(2002).getCell(2).value).toBe(1999);
    expect(ws.getRow(2002).getCell(3).value).toBe('badtext1999');
  });

  it('writes a per-cell type over its column type', async () => {
    const ws = await readBack(await xlsxBytes({
      title: { zh: 't', en: 't' },
      columns: [{ zh: '值', en: 'Value', type: 'number' }],
      rows: [[{ value: 0.25, type: 'percent' }], [{ value: 99.5, type: 'money' }], [{ value: null, type: 'money' }]],
    }, { lang: 'zh', exportedAt: at }));
    expect(ws.getCell('A3').numFmt).toBe('0.0%');
    expect(ws.getCell('A4').numFmt).toBe('¥#,##0.00');
    expect(ws.getCell('A4').value).toBe(99.5);
    expect(ws.getCell('A5').type).toBe(ExcelJS.ValueType.Null);
  });

  it('titles say what and when', () => {
    expect(xlsxTitle({ title: { zh: '提示', en: 'Flags' } }, { lang: 'zh', exportedAt: at })).toBe('提示 · 导出于 2026-12-01 14:00');
  });
});
