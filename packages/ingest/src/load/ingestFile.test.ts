// Every rule of dms-exports.md, end to end: real files in temp dirs, a real DuckDB file.

import { afterEach, describe, expect, it } from 'vitest';
import { queryJson } from '@fixops/db';
import {
  cleanupTempDirs, count, csv, RO_HEADER_ZH, roRow, tempDatabase, tempDir, writeFixture, type FixtureEncoding,
} from '../test-helpers/fixtures.js';
import { ingestFile } from './ingestFile.js';
import { listLoads, listRejects } from './history.js';

afterEach(cleanupTempDirs);

function roFile(rows: (string | number)[][], header = RO_HEADER_ZH, sep = ',') {
  return csv([header, ...rows], sep);
}

function cleanRows(n: number, dealer = 'SH001', month = '2025-03'): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => roRow(dealer, `RO${month.replace('-', '')}${String(i).padStart(4, '0')}`, `${month}-${String(1 + (i % 28)).padStart(2, '0')} 09:00`));
}

describe('encodings and separators', () => {
  const text = roFile([roRow('SH001', 'R1', '2025-03-07 09:05'), roRow('SH001', 'R2', '2025-03-08')]);
  it.each<[FixtureEncoding, string]>([
    ['utf-8', 'utf-8'], ['utf-8-bom', 'utf-8-bom'], ['gb18030', 'gb18030'], ['utf-16le', 'utf-16le'],
  ])('loads %s', async (enc, expected) => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', text, enc));
    expect(s).toMatchObject({ status: 'loaded', kind: 'repair_orders', encoding: expected, separator: 'comma', rowsLoaded: 2, dealers: ['SH001'], months: ['2025-03'] });
    expect(await queryJson(db.connection, 'SELECT ro_no, advisor FROM repair_orders ORDER BY 1')).toEqual([
      { ro_no: 'R1', advisor: '王伟' }, { ro_no: 'R2', advisor: '王伟' },
    ]);
    db.close();
  });

  it.each([[';', 'semicolon'], ['\t', 'tab']])('detects the %s separator', async (sep, name) => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile([roRow('SH001', 'R1', '2025-03-07'), roRow('SH001', 'R2', '2025-03-07')], RO_HEADER_ZH, sep)));
    expect(s).toMatchObject({ status: 'loaded', separator: name, rowsLoaded: 2 });
    db.close();
  });

  it('reads UTF-16LE tab-separated English exports (Excel "Unicode text")', async () => {
    const db = await tempDatabase();
    const header = ['dealer', 'ro_number', 'vin', 'opened_at', 'ro_type', 'total', 'service_advisor'];
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.txt', csv([header, ['BJ002', 'A1', 'lsv9', '2025/3/7 9:05', 'Maintenance', '1,200.00', 'Li Na']], '\t'), 'utf-16le'));
    expect(s).toMatchObject({ status: 'loaded', encoding: 'utf-16le', separator: 'tab', rowsLoaded: 1 });
    expect(await queryJson(db.connection, "SELECT vin, repair_type, total_amount, strftime(open_time, '%Y-%m-%d %H:%M') AS t FROM repair_orders")).toEqual([
      { vin: 'LSV9', repair_type: 'maintenance', total_amount: 1200, t: '2025-03-07 09:05' },
    ]);
    db.close();
  });

  it('finds GB18030 even when the first 64 KB are plain ASCII', async () => {
    const db = await tempDatabase();
    const rows = cleanRows(1200);
    rows.push(['SH001', 'RZ', 'LSVZ', '2025年3月9日', '钣喷', '800元', '', '', '李娜', '']);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile(rows, ['dealer', 'ro_no', 'vin', 'open_time', 'repair_type', 'total', 'promised_time', 'delivered_time', 'advisor', 'booking_no']), 'gb18030'));
    expect(s).toMatchObject({ status: 'loaded', encoding: 'gb18030', rowsLoaded: 1201 });
    expect(await queryJson(db.connection, "SELECT advisor, repair_type FROM repair_orders WHERE ro_no = 'RZ'")).toEqual([{ advisor: '李娜', repair_type: 'accident' }]);
    db.close();
  });

  it('lets the user override the encoding', async () => {
    const db = await tempDatabase();
    const path = writeFixture(tempDir(), 'ro.csv', roFile([roRow('SH001', 'R1', '2025-03-07')]), 'gb18030');
    const s = await ingestFile(db.connection, path, { encoding: 'utf-8' });
    expect(s.status).toBe('refused');
    expect(s.error?.code).toBe('bad_encoding');
    db.close();
  });
});

describe('quoting, blank lines, totals, duplicates', () => {
  it('keeps separators and line breaks inside quoted remarks (RFC 4180)', async () => {
    const db = await tempDatabase();
    const header = [...RO_HEADER_ZH, '备注'];
    const text = roFile([
      [...roRow('SH001', 'R1', '2025-03-07'), '客户说：\n"异响"，检查后\r\n更换刹车片, 已试车'],
      [...roRow('SH001', 'R2', '2025-03-07'), 'ok'],
      [...roRow('SH001', 'R3', '2025-03-07'), ''],
    ], header);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', text));
    expect(s).toMatchObject({ status: 'loaded', rowsLoaded: 3, columns: { ignored: ['备注'] } });
    db.close();
  });

  it('pads short rows, also in files with quoted line breaks', async () => {
    const db = await tempDatabase();
    const header = [...RO_HEADER_ZH, '备注'];
    const text = `${header.join(',')}\n${roRow('SH001', 'R1', '2025-03-07').join(',')},"两行\n备注"\nSH001,R2,LSV2,2025-03-07,保养,300\n`;
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', text));
    expect(s).toMatchObject({ status: 'loaded', rowsLoaded: 2 });
    expect(await queryJson(db.connection, "SELECT total_amount, advisor FROM repair_orders WHERE ro_no = 'R2'")).toEqual([{ total_amount: 300, advisor: null }]);
    db.close();
  });

  it('skips blank lines silently and counts totals rows as skipped', async () => {
    const db = await tempDatabase();
    const text = `${RO_HEADER_ZH.join(',')}\n\n${roRow('SH001', 'R1', '2025-03-07').join(',')}\n\n  \n,,,,,,,,,\n${roRow('SH001', 'R2', '2025-03-07').join(',')}\n合计,,,,,"1,000.00",,,,\nTotal:,,,,,1000,,,,\n`;
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', text));
    expect(s).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsSkipped: 2, rowsRejected: 0 });
    db.close();
  });

  it('does not take a row with text after the label for a totals row', async () => {
    const db = await tempDatabase();
    const text = roFile([...cleanRows(30), ['合计', 'R9', 'LSV', '2025-03-07', '保养', '10', '', '', '', '']]);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', text));
    expect(s).toMatchObject({ status: 'loaded', rowsSkipped: 0, rowsLoaded: 31 });
    db.close();
  });

  it('drops exact duplicate rows and counts them', async () => {
    const db = await tempDatabase();
    const r = roRow('SH001', 'R1', '2025-03-07');
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile([r, r, roRow('SH001', 'R2', '2025-03-07'), r])));
    expect(s).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsDuplicate: 2, rowsRejected: 0 });
    db.close();
  });

  it('rejects both rows when one key has two different rows, naming the key', async () => {
    const db = await tempDatabase();
    const rows = cleanRows(40);
    rows.push(roRow('SH001', 'DUP1', '2025-03-07', '保养', '100'), roRow('SH001', 'DUP1', '2025-03-07', '保养', '120'));
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile(rows)));
    expect(s).toMatchObject({ status: 'loaded', rowsLoaded: 40, rowsRejected: 2 });
    expect(s.errors.map((e) => [e.row, e.code, e.value])).toEqual([[42, 'conflict', 'DUP1'], [43, 'conflict', 'DUP1']]);
    expect(s.errors[0]!.reason).toContain('DUP1');
    expect(await count(db, "SELECT count(*) AS n FROM repair_orders WHERE ro_no = 'DUP1'")).toBe(0);
    db.close();
  });

  it('keys are per dealer: the same RO number at two dealers is fine', async () => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile([roRow('SH001', 'R1', '2025-03-07'), roRow('BJ002', 'R1', '2025-03-07', '机修')])));
    expect(s).toMatchObject({ status: 'loaded', rowsLoaded: 2, dealers: ['BJ002', 'SH001'] });
    db.close();
  });
});

describe('values', () => {
  it('trims text, upper-cases VINs, normalises repair types and keeps the raw value', async () => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile([
      ['  SH001 ', ' R1 ', ' lsvab12 ', '2025/3/7 9:05', ' 首保 ', '￥1,234.50', '2025年3月7日 12:00', '20250307', ' 王伟 ', ''],
      ['SH001', 'R2', 'lsv2', '2025-03-07', '洗车', '1234.5元', '', '', '', 'BK1'],
      ['SH001', 'R3', 'lsv3', '2025-03-07', '', '-120.00', '', '', '', ''],
    ])));
    expect(s.status).toBe('loaded');
    const rows = await queryJson(db.connection, `SELECT dealer_code, ro_no, vin, repair_type, repair_type_raw, total_amount, advisor, booking_no,
      strftime(promised_time, '%Y-%m-%d %H:%M') AS p, strftime(delivered_time, '%Y-%m-%d %H:%M') AS d, strftime(month, '%Y-%m') AS m FROM repair_orders ORDER BY ro_no`);
    expect(rows).toEqual([
      { dealer_code: 'SH001', ro_no: 'R1', vin: 'LSVAB12', repair_type: 'maintenance', repair_type_raw: '首保', total_amount: 1234.5, advisor: '王伟', booking_no: null, p: '2025-03-07 12:00', d: '2025-03-07 00:00', m: '2025-03' },
      { dealer_code: 'SH001', ro_no: 'R2', vin: 'LSV2', repair_type: 'unclassified', repair_type_raw: '洗车', total_amount: 1234.5, advisor: null, booking_no: 'BK1', p: null, d: null, m: '2025-03' },
      { dealer_code: 'SH001', ro_no: 'R3', vin: 'LSV3', repair_type: 'unclassified', repair_type_raw: null, total_amount: -120, advisor: null, booking_no: null, p: null, d: null, m: '2025-03' },
    ]);
    db.close();
  });

  it('rejects rows with unreadable values, naming line, column and value', async () => {
    const db = await tempDatabase();
    const rows = cleanRows(60);
    rows.splice(10, 0, ['SH001', 'BAD1', 'LSV', '2025-13-45', '保养', '100', '', '', '', '']);
    rows.splice(20, 0, ['SH001', 'BAD2', 'LSV', '2025-03-07', '保养', 'abc', '', '', '', '']);
    rows.splice(30, 0, ['SH001', 'BAD3', '', '2025-03-07', '保养', '100', '', '', '', '']);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile(rows)));
    expect(s).toMatchObject({ status: 'loaded', rowsLoaded: 60, rowsRejected: 3 });
    expect(s.errors).toEqual([
      expect.objectContaining({ row: 12, column: '进厂时间', field: 'open_time', value: '2025-13-45', code: 'bad_timestamp' }),
      expect.objectContaining({ row: 22, column: '总金额', field: 'total_amount', value: 'abc', code: 'bad_money' }),
      expect.objectContaining({ row: 32, column: 'VIN', field: 'vin', value: null, code: 'required' }),
    ]);
    const stored = await listRejects(db.connection, s.loadId!);
    expect(stored.map((r) => r.row)).toEqual([12, 22, 32]);
    expect(stored[0]!.rawText).toBe('SH001,BAD1,LSV,2025-13-45,保养,100,,,,');
    expect(stored[1]!.reason).toContain('abc');
    db.close();
  });

  it('rejects bookings with an unknown status, naming the value', async () => {
    const db = await tempDatabase();
    const header = ['经销商代码', '预约单号', '预约时间', '预约状态', 'VIN'];
    const rows: string[][] = Array.from({ length: 25 }, (_, i) => ['SH001', `B${i}`, '2025-03-07 10:00', ['已到店', '爽约', '已取消', '待到店'][i % 4]!, 'lsv']);
    rows.push(['SH001', 'BX', '2025-03-07 10:00', '改期', 'lsv']);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'bk.csv', csv([header, ...rows])));
    expect(s).toMatchObject({ status: 'loaded', kind: 'bookings', rowsLoaded: 25, rowsRejected: 1 });
    expect(s.errors[0]).toMatchObject({ field: 'status', value: '改期', code: 'bad_booking_status' });
    expect(await queryJson(db.connection, 'SELECT status, count(*)::INTEGER AS n FROM bookings GROUP BY 1 ORDER BY 1')).toEqual([
      { status: 'arrived', n: 7 }, { status: 'cancelled', n: 6 }, { status: 'no_show', n: 6 }, { status: 'pending', n: 6 },
    ]);
    db.close();
  });

  it('rejects a row with more fields than the header', async () => {
    const db = await tempDatabase();
    const text = `${RO_HEADER_ZH.join(',')}\n${cleanRows(30).map((r) => r.join(',')).join('\n')}\nSH001,R99,LSV,2025-03-07,保养,1,234.50,,,,\n`;
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', text));
    expect(s).toMatchObject({ status: 'loaded', rowsLoaded: 30, rowsRejected: 1 });
    expect(s.errors[0]).toMatchObject({ row: 32, code: 'too_many_fields', value: '11' });
    db.close();
  });
});

describe('personal data', () => {
  it('never stores personal-data columns, not even in rejected rows', async () => {
    const db = await tempDatabase();
    const header = [...RO_HEADER_ZH, '客户姓名', '手机号', '地址'];
    const rows = cleanRows(30).map((r) => [...r, '张三', '13800138000', '上海市某路1号']);
    rows.push(['SH001', 'BADX', 'LSV', 'not a date', '保养', '1', '', '', '', '', '李四', '13900139000', '北京']);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile(rows, header)));
    expect(s).toMatchObject({ status: 'loaded', rowsRejected: 1, columns: { dropped: ['客户姓名', '手机号', '地址'] } });
    const everything = JSON.stringify(await queryJson(db.connection, 'SELECT * FROM rejected_rows')) + JSON.stringify(await queryJson(db.connection, 'SELECT * FROM repair_orders'));
    for (const secret of ['张三', '13800138000', '李四', '13900139000', '北京']) expect(everything).not.toContain(secret);
    expect((await listRejects(db.connection, s.loadId!))[0]!.rawText).toBe('SH001,BADX,LSV,not a date,保养,1,,,,,***,***,***');
    db.close();
  });
});

describe('dealer code', () => {
  const header = RO_HEADER_ZH.slice(1);
  it('comes from --dealer when the file has no dealer column', async () => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile(cleanRows(3).map((r) => r.slice(1)), header)), { dealer: 'GZ003' });
    expect(s).toMatchObject({ status: 'loaded', dealers: ['GZ003'], rowsLoaded: 3 });
    expect(await queryJson(db.connection, 'SELECT dealer_code, peer_group FROM dealers')).toEqual([{ dealer_code: 'GZ003', peer_group: 'default' }]);
    db.close();
  });

  it('refuses a file without dealer column when no dealer is named', async () => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile(cleanRows(3).map((r) => r.slice(1)), header)));
    expect(s.status).toBe('refused');
    expect(s.error?.code).toBe('missing_column');
    expect(s.error?.message.zh).toContain('经销商代码');
    expect(s.error?.message.en).toContain('--dealer');
    db.close();
  });

  it('rejects rows whose dealer disagrees with --dealer', async () => {
    const db = await tempDatabase();
    const rows = cleanRows(30, 'GZ003');
    rows.push(roRow('SH001', 'OTHER', '2025-03-07'));
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile(rows)), { dealer: 'GZ003' });
    expect(s).toMatchObject({ status: 'loaded', rowsLoaded: 30, rowsRejected: 1, dealers: ['GZ003'] });
    expect(s.errors[0]).toMatchObject({ code: 'dealer_mismatch', value: 'SH001' });
    db.close();
  });
});

describe('a dealer\'s own upload', () => {
  it('is refused whole when any row names another dealer', async () => {
    const db = await tempDatabase();
    const rows = cleanRows(40, 'GZ003');
    rows.push(roRow('SH001', 'OTHER', '2025-03-07'));
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile(rows)), { dealer: 'GZ003', refuseForeignRows: true });
    expect(s).toMatchObject({ status: 'refused', rowsLoaded: 0, error: { code: 'foreign_dealer_rows', details: { rows: 1, dealers: ['SH001'] } } });
    expect(await count(db, 'SELECT count(*) AS n FROM repair_orders')).toBe(0);
    db.close();
  });
});

describe('refusals change nothing', () => {
  it('refuses a file with more than 5% bad rows and keeps what was stored', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    const first = await ingestFile(db.connection, writeFixture(dir, 'a.csv', roFile(cleanRows(20))));
    expect(first.rowsLoaded).toBe(20);
    const rows = cleanRows(18);
    rows.push(['SH001', 'B1', 'LSV', 'bad', '保养', '1', '', '', '', ''], ['SH001', 'B2', 'LSV', '2025-03-07', '保养', 'x', '', '', '', '']);
    const s = await ingestFile(db.connection, writeFixture(dir, 'b.csv', roFile(rows)));
    expect(s).toMatchObject({ status: 'refused', rowsLoaded: 0, rowsRejected: 2, error: { code: 'too_many_rejected' } });
    expect(s.error!.message.zh).toContain('10.0%');
    expect(s.error!.message.en).toContain('unreadable timestamp "bad"');
    expect(await count(db, 'SELECT count(*) AS n FROM repair_orders')).toBe(20);
    const log = await listLoads(db.connection);
    expect(log.map((l) => [l.file, l.status])).toEqual([['b.csv', 'refused'], ['a.csv', 'loaded']]);
    expect((await listRejects(db.connection, s.loadId!)).length).toBe(2);
    db.close();
  });

  it('accepts exactly 5% bad rows, and the limit is configurable', async () => {
    const db = await tempDatabase();
    const rows = cleanRows(19);
    rows.push(['SH001', 'B1', 'LSV', 'bad', '保养', '1', '', '', '', '']);
    const path = writeFixture(tempDir(), 'ro.csv', roFile(rows));
    expect((await ingestFile(db.connection, path, { maxRejectRate: 0.04 })).status).toBe('refused');
    expect((await ingestFile(db.connection, path)).status).toBe('loaded');
    db.close();
  });

  it.each([
    ['empty.csv', Buffer.alloc(0), 'empty_file'],
    ['header-only.csv', Buffer.from(`${RO_HEADER_ZH.join(',')}\n`), 'empty_file'],
    // a workbook is read whatever its name says; eight bytes of one are a damaged workbook
    ['book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'workbook_corrupt'],
    ['blob.csv', Buffer.from([1, 2, 0, 0, 3, 4, 0, 5]), 'binary_file'],
    ['notes.csv', Buffer.from('名称,说明\n甲,乙\n'), 'unknown_kind'],
  ])('refuses %s (%s)', async (name, bytes, code) => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), name, bytes));
    expect(s).toMatchObject({ status: 'refused', rowsLoaded: 0, error: { code } });
    expect(s.error!.message.zh).toContain(name);
    expect(s.error!.message.en).toContain(name);
    expect((await listLoads(db.connection))[0]).toMatchObject({ file: name, status: 'refused', error: { code } });
    db.close();
  });

  it('refuses a kind given with --kind when its required columns are missing, naming the candidates', async () => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'x.csv', csv([['经销商代码', '工单号'], ['SH001', 'R1']])), { kind: 'repair_orders' });
    expect(s.error?.code).toBe('missing_column');
    expect(s.error?.message.zh).toContain('进厂时间 / 开单时间 / 接车时间');
    db.close();
  });
});

describe('replace per (dealer, month, kind)', () => {
  it('a corrected export replaces exactly the dealer-months it contains', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    await ingestFile(db.connection, writeFixture(dir, 'draft.csv', roFile([...cleanRows(10, 'SH001', '2025-03'), ...cleanRows(5, 'SH001', '2025-04'), ...cleanRows(7, 'BJ002', '2025-03')])));
    const fixed = await ingestFile(db.connection, writeFixture(dir, 'fixed.csv', roFile(cleanRows(12, 'SH001', '2025-03'))));
    expect(fixed).toMatchObject({ status: 'loaded', rowsLoaded: 12, months: ['2025-03'], dealers: ['SH001'] });
    expect(await queryJson(db.connection, "SELECT dealer_code AS d, strftime(month, '%Y-%m') AS m, count(*)::INTEGER AS n FROM repair_orders GROUP BY ALL ORDER BY ALL")).toEqual([
      { d: 'BJ002', m: '2025-03', n: 7 }, { d: 'SH001', m: '2025-03', n: 12 }, { d: 'SH001', m: '2025-04', n: 5 },
    ]);
    // loading the same file again does not double count
    await ingestFile(db.connection, writeFixture(dir, 'fixed.csv', roFile(cleanRows(12, 'SH001', '2025-03'))));
    expect(await count(db, "SELECT count(*) AS n FROM repair_orders WHERE dealer_code = 'SH001'")).toBe(17);
    db.close();
  });

  it('replacing repair orders leaves bookings of the same dealer-month alone', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    await ingestFile(db.connection, writeFixture(dir, 'bk.csv', csv([['经销商代码', '预约单号', '预约时间', '预约状态'], ['SH001', 'B1', '2025-03-07', '已到店']])));
    await ingestFile(db.connection, writeFixture(dir, 'ro.csv', roFile(cleanRows(3))));
    await ingestFile(db.connection, writeFixture(dir, 'ro.csv', roFile(cleanRows(2))));
    expect(await count(db, 'SELECT count(*) AS n FROM bookings')).toBe(1);
    expect(await count(db, 'SELECT count(*) AS n FROM repair_orders')).toBe(2);
    db.close();
  });

  it('customer snapshots add visit events and never delete earlier ones', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    const header = ['经销商代码', 'VIN', '最近进厂时间', '客户编号', '客户姓名'];
    await ingestFile(db.connection, writeFixture(dir, 'c1.csv', csv([header, ['SH001', 'v1', '2025-01-05', 'C1', '张三'], ['SH001', 'v2', '2025-02-05', 'C2', '李四']])));
    const s = await ingestFile(db.connection, writeFixture(dir, 'c2.csv', csv([header, ['SH001', 'v1', '2025-03-09', 'C1', '张三'], ['SH001', 'v2', '2025-02-05', 'C2', '李四']])));
    expect(s).toMatchObject({ status: 'loaded', kind: 'customers', months: [] });
    expect(await queryJson(db.connection, "SELECT vin, strftime(last_visit_time, '%Y-%m-%d') AS t FROM customer_visits ORDER BY ALL")).toEqual([
      { vin: 'V1', t: '2025-01-05' }, { vin: 'V1', t: '2025-03-09' }, { vin: 'V2', t: '2025-02-05' },
    ]);
    db.close();
  });

  it('dealer master data sets names, regions and peer groups; unknown dealers are in group default', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    await ingestFile(db.connection, writeFixture(dir, 'ro.csv', roFile([roRow('SH001', 'R1', '2025-03-07'), roRow('XX009', 'R1', '2025-03-07')])));
    const s = await ingestFile(db.connection, writeFixture(dir, 'dealers.csv', csv([['经销商代码', '经销商名称', '大区', '分组', '城市'], ['SH001', '上海甲汽车销售服务有限公司', '华东', 'metro', '上海']]), 'gb18030'));
    expect(s).toMatchObject({ status: 'loaded', kind: 'dealers', rowsLoaded: 1 });
    expect(await queryJson(db.connection, 'SELECT dealer_code, name, region, peer_group, city FROM dealers ORDER BY 1')).toEqual([
      { dealer_code: 'SH001', name: '上海甲汽车销售服务有限公司', region: '华东', peer_group: 'metro', city: '上海' },
      { dealer_code: 'XX009', name: null, region: null, peer_group: 'default', city: null },
    ]);
    db.close();
  });

  it('a dealers file may name regions and peer groups in English (and groups in Chinese); a file without them keeps the stored names', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    const s = await ingestFile(db.connection, writeFixture(dir, 'dealers.csv', csv([
      ['经销商代码', '经销商名称', '区域', '区域英文', '分组', '分组中文', '分组英文'],
      ['SH001', '上海甲', '长三角', 'Yangtze Delta', 'tier1', '一级', 'Tier 1'],
      ['SH002', '上海乙', '华东', '', 'metro', '', 'Big city'],
    ])));
    expect(s.error).toBeUndefined();
    expect(s).toMatchObject({ status: 'loaded', kind: 'dealers', rowsLoaded: 2 });
    expect(await queryJson(db.connection, 'SELECT dealer_code, region, peer_group FROM dealers ORDER BY 1')).toEqual([
      { dealer_code: 'SH001', region: '长三角', peer_group: 'tier1' },
      { dealer_code: 'SH002', region: '华东', peer_group: 'metro' },
    ]);
    const names = () => queryJson(db.connection, `
      SELECT (SELECT name_en FROM regions WHERE region = '长三角') AS delta, (SELECT name_en FROM regions WHERE region = '华东') AS east,
        (SELECT name_zh || '/' || name_en FROM peer_groups WHERE id = 'tier1') AS tier1, (SELECT name_zh || '/' || name_en FROM peer_groups WHERE id = 'metro') AS metro`);
    // 华东 keeps its seeded name (the file leaves it empty); metro keeps its Chinese name.
    expect(await names()).toEqual([{ delta: 'Yangtze Delta', east: 'East China', tier1: '一级/Tier 1', metro: '大城市/Big city' }]);
    const again = await ingestFile(db.connection, writeFixture(dir, 'dealers2.csv', csv([['dealer_code', 'name', 'region', 'group'], ['SH001', '上海甲', '长三角', 'tier1']])));
    expect(again).toMatchObject({ status: 'loaded', kind: 'dealers', rowsLoaded: 1 });
    expect(await names()).toEqual([{ delta: 'Yangtze Delta', east: 'East China', tier1: '一级/Tier 1', metro: '大城市/Big city' }]);
    db.close();
  });
});

describe('the load log', () => {
  it('records file, checksum, kind, dealers, months, counts, columns, detection, uploader and time', async () => {
    const db = await tempDatabase();
    const header = [...RO_HEADER_ZH, '备注', '手机'];
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', roFile(cleanRows(4).map((r) => [...r, '', '138']), header, ';'), 'gb18030'), { uploadedBy: 'li.na' });
    const [log] = await listLoads(db.connection);
    expect(log).toMatchObject({
      id: s.loadId, file: 'ro.csv', kind: 'repair_orders', status: 'loaded', dealers: ['SH001'], months: ['2025-03'],
      rowsLoaded: 4, rowsRejected: 0, rowsSkipped: 0, rowsDuplicate: 0, encoding: 'gb18030', separator: 'semicolon', uploadedBy: 'li.na',
      columns: { ignored: ['备注'], dropped: ['手机'] },
    });
    expect(log!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(log!.columns.mapped['进厂时间']).toBe('open_time');
    expect(log!.ms).toBeGreaterThanOrEqual(0);
    db.close();
  });
});
