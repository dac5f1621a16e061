import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSample, sniffEncoding } from './encoding.js';
import { previewBytes, previewWorkbookBytes, sampleProblems } from './preview.js';

const RO_HEADER = '经销商代码,工单号,VIN,进厂时间,维修类型,总金额（元）,客户姓名,手机号,备注';
const RO_ROWS = [
  'D001,RO240101,LSVAB1234567890AB,2024-01-03 09:12,保养,1280.50,张三,13800000000,首保',
  'D001,RO240102,LSVAB1234567890AC,2024-01-04 10:00,一般维修,560,李四,13900000000,',
];
const roCsv = (sep = ',') => [RO_HEADER, ...RO_ROWS].map((l) => l.split(',').join(sep)).join('\r\n') + '\r\n';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('encoding sniff (browser)', () => {
  it('tells BOMs, UTF-8 and GB18030 apart', () => {
    expect(sniffEncoding(utf8(roCsv()), 'a.csv')).toEqual({ ok: true, encoding: 'utf-8' });
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b\n')]), 'a.csv')).toEqual({ ok: true, encoding: 'utf-8-bom' });
    expect(sniffEncoding(new Uint8Array(iconv.encode('a,b\n', 'utf-16le', { addBOM: true })), 'a.csv')).toEqual({ ok: true, encoding: 'utf-16le' });
    expect(sniffEncoding(new Uint8Array(iconv.encode(roCsv(), 'gb18030')), 'a.csv')).toEqual({ ok: true, encoding: 'gb18030' });
  });

  it('a UTF-8 sample cut inside a character is still UTF-8', () => {
    const bytes = utf8('工单号,总金额\n');
    expect(sniffEncoding(bytes.subarray(0, 4), 'a.csv')).toEqual({ ok: true, encoding: 'utf-8' });
  });

  it('names spreadsheets, binaries and empty files', () => {
    const xlsx = sniffEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'book.xlsx');
    expect(xlsx.ok || xlsx.code).toBe('xlsx_not_supported');
    expect(!xlsx.ok && xlsx.message.zh).toContain('另存为 CSV');
    const bin = sniffEncoding(new Uint8Array([1, 0, 2, 0, 3]), 'x.csv');
    expect(bin.ok || bin.code).toBe('binary_file');
    const none = sniffEncoding(new Uint8Array(), 'e.csv');
    expect(none.ok || none.code).toBe('empty_file');
  });

  it('decodes GB18030 with TextDecoder and drops BOMs', () => {
    expect(decodeSample(new Uint8Array(iconv.encode('维修类型,总金额', 'gb18030')), 'gb18030')).toBe('维修类型,总金额');
    expect(decodeSample(new Uint8Array(iconv.encode('维修类型', 'utf-16le', { addBOM: true })), 'utf-16le')).toBe('维修类型');
    expect(decodeSample(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('工单号')]), 'utf-8-bom')).toBe('工单号');
  });
});

describe('file preview', () => {
  it('previews a GB18030 repair-orders export: rows, kind, mapped, ignored and dropped columns', () => {
    const bytes = new Uint8Array(iconv.encode(roCsv(), 'gb18030'));
    const p = previewBytes('工单.csv', bytes);
    expect(p.problem).toBeNull();
    expect(p.encoding).toBe('gb18030');
    expect(p.separator).toBe('comma');
    expect(p.kind).toBe('repair_orders');
    expect(p.kindName).toEqual({ zh: '维修工单', en: 'repair orders' });
    expect(p.mapped).toEqual([
      { header: '经销商代码', field: 'dealer_code' }, { header: '工单号', field: 'ro_no' }, { header: 'VIN', field: 'vin' },
      { header: '进厂时间', field: 'open_time' }, { header: '维修类型', field: 'repair_type' }, { header: '总金额（元）', field: 'total_amount' },
    ]);
    expect(p.ignored).toEqual(['备注']);
    expect(p.dropped).toEqual(['客户姓名', '手机号']);
    expect(p.rows).toHaveLength(2);
    expect(p.rows[0]?.[4]).toBe('保养');
  });

  it('guesses semicolon and tab separators', () => {
    expect(previewBytes('a.csv', utf8(roCsv(';'))).separator).toBe('semicolon');
    const tab = previewBytes('a.tsv', utf8(roCsv('\t')));
    expect(tab.separator).toBe('tab');
    expect(tab.kind).toBe('repair_orders');
    expect(tab.rows[1]?.[5]).toBe('560');
  });

  it('shows at most the asked rows and hides a line cut by the sample end', () => {
    const many = [RO_HEADER, ...Array.from({ length: 20 }, (_, i) => `D001,RO${i},LSVAB1234567890AB,2024-01-03,保养,${i},,,`)].join('\n');
    expect(previewBytes('a.csv', utf8(many), { rows: 3 }).rows.map((r) => r[1])).toEqual(['RO0', 'RO1', 'RO2']);
    const cut = utf8(many).subarray(0, utf8(many).length - 5);
    const p = previewBytes('a.csv', cut, { rows: 50, size: utf8(many).length });
    expect(p.rows.at(-1)?.[1]).toBe('RO18');
  });

  it('explains why unknown headers fit no kind, and still shows the rows', () => {
    const p = previewBytes('misc.csv', utf8('日期,金额,备注\n2024-01-01,5,x\n'));
    expect(p.kind).toBeNull();
    expect(p.problem?.code).toBe('unknown_kind');
    expect(p.problem?.message.zh).toContain('无法识别文件类型');
    expect(p.headers).toEqual(['日期', '金额', '备注']);
    expect(p.rows).toEqual([['2024-01-01', '5', 'x']]);
  });

  it('detects bookings and names an xlsx upload', () => {
    expect(previewBytes('b.csv', utf8('预约单号,预约时间,预约状态\nB1,2024-01-02 09:00,已到店\n')).kind).toBe('bookings');
    const x = previewBytes('book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect(x.problem?.code).toBe('xlsx_not_supported');
    expect(x.encoding).toBeNull();
  });

  it('skips title lines above the header, as the server does', () => {
    const titled = `维修工单明细表\r\n经销商：D001,,导出时间：2024-02-01\r\n\r\n${roCsv()}`;
    const p = previewBytes('t.csv', utf8(titled));
    expect(p).toMatchObject({ titleRows: 3, kind: 'repair_orders', sheet: null, workbook: null });
    expect(p.headers[0]).toBe('经销商代码');
    expect(p.rows.map((r) => r[1])).toEqual(['RO240101', 'RO240102']);
  });
});

describe('workbook preview (browser)', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../../../../packages/ingest/test-fixtures', name)));
  it.each(['xlsx', 'xls'] as const)('reads the sheet the server reads from a .%s: title rows skipped, kind, columns', async (ext) => {
    const p = await previewWorkbookBytes(`工单.${ext}`, fixture(`ro-titles.${ext}`), ext, { rows: 3 });
    expect(p).toMatchObject({ workbook: ext, sheet: '工单明细', titleRows: 3, kind: 'repair_orders', encoding: null, problem: null });
    expect(p.dropped).toEqual(['客户姓名']);
    expect(p.mapped.map((m) => m.field)).toContain('open_time');
    expect(p.rows).toHaveLength(3);
    expect(p.rows[0]![3]).toBe('2025-03-01 08:00:00');
  });
  it('names a password-protected workbook', async () => {
    const p = await previewWorkbookBytes('locked.xls', fixture('ro-encrypted.xls'), 'xls');
    expect(p.problem?.code).toBe('workbook_encrypted');
    expect(p.kind).toBeNull();
  });
});

describe('sample rows checked with the ingest\'s rules', () => {
  const text = [
    '维修工单明细表',
    '经销商代码,工单号,VIN,开单时间,维修类型,总金额（元）',
    'D001,RO1,LSV1,2024-01-03 09:12,保养,1280.50',
    'D001,RO2,LSV2,2024-13-45,保养,560',
    'D001,,LSV3,2024-01-05,保养,560',
    'D001,RO4,LSV4,2024-01-06,保养,五百元',
    ',RO5,LSV5,2024-01-07,保养,"￥1,200.00"',
  ].join('\r\n') + '\r\n';

  it('names the line, the column by its field name (the header as written beside it) and the value', () => {
    const p = previewBytes('ro.csv', utf8(text));
    expect(p.titleRows).toBe(1);
    expect(p.mapped.find((m) => m.field === 'open_time')).toEqual({ header: '开单时间', field: 'open_time' });
    const problems = sampleProblems(p);
    expect(problems.map((x) => [x.line, x.column.zh, x.value, x.code])).toEqual([
      [4, '进厂时间（开单时间）', '2024-13-45', 'bad_timestamp'],
      [5, '工单号', null, 'required'],
      [6, '总金额（总金额（元））', '五百元', 'bad_money'],
      [7, '经销商代码', null, 'required'],
    ]);
    expect(problems[0]!.reason).toEqual({ zh: '无法识别的时间“2024-13-45”', en: 'unreadable timestamp "2024-13-45"' });
    expect(problems[1]!.column.en).toBe('RO number (工单号)');
    // no internal ids anywhere a user reads
    for (const x of problems) expect(`${x.column.zh} ${x.column.en} ${x.reason.zh}`).not.toMatch(/open_time|ro_no|total_amount|dealer_code/);
  });

  it('an upload that names the dealer: an empty dealer code is fine, another one is a mismatch', () => {
    const p = previewBytes('ro.csv', utf8(text.replace('D001,RO1,', 'D002,RO1,')));
    const problems = sampleProblems(p, 'D001');
    expect(problems.map((x) => [x.line, x.code])).toEqual([[3, 'dealer_mismatch'], [4, 'bad_timestamp'], [5, 'required'], [6, 'bad_money']]);
  });

  it('nothing to warn about in a clean file, nor in one whose kind is unknown', () => {
    expect(sampleProblems(previewBytes('ro.csv', utf8(roCsv())))).toEqual([]);
    expect(sampleProblems(previewBytes('x.csv', utf8('foo,bar\n1,2\n')))).toEqual([]);
  });
});
