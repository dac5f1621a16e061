// The browser-safe rules against the ingest itself: value by value against the DuckDB macros,
// and row by row against what a real load rejects (line, column, code).

import { afterEach, describe, expect, it } from 'vitest';
import { useMacrosDb } from '../test-helpers/macrosDb.js';
import { cleanupTempDirs, csv, RO_HEADER_ZH, roRow, tempDatabase, tempDir, writeFixture } from '../test-helpers/fixtures.js';
import { ingestFile } from '../load/ingestFile.js';
import { listRejects } from '../load/history.js';
import { detectKind } from '../detect/kind.js';
import { bilingual } from '@fixops/shared';
import { reasonFor } from './reasons.js';
import { checkRow } from './rows.js';
import { readBookingStatus, readInteger, readMoney, readTimestamp } from './values.js';

const macros = useMacrosDb();
afterEach(cleanupTempDirs);

async function sql(expr: string, value: string): Promise<string | null> {
  const r = await macros().runAndReadAll(`SELECT ${expr}(nullif($v::VARCHAR, ''))::VARCHAR AS x`, { v: value });
  return r.getRowObjectsJson()[0]!.x as string | null;
}

const TIMESTAMPS = ['2025-03-07', '2025-03-07 09:05', '2025-03-07 09:05:33', '2025-03-07T09:05:33.5', '2025/3/7 9:05', '2025/03/07', '2025年3月7日',
  '2025年3月7日 9:05', '20250307', ' 2025-03-07 ', '\u30002025-03-07', '2025-13-01', '2025-02-30', '2025-02-29', '2024-02-29', '2025-03-07 25:00', '2025-03-07 09:60',
  '07/03/2025', '2025.03.07', 'yesterday', '2025-3-7', '2025-03', '1/3', '2025-03-07 9', '2025-03-07 09:05:33.1234567', ''];
const AMOUNTS = ['500', '500.00', '-12', '1,234.50', '1,234.50元', '￥1,234.50', '¥1234.5', ' 1200 ', '1200元', '12 元', '1,23', '1.2.3', 'abc', '1e3', '+5', '.5', '5.',
  '-￥3', '￥-3', '1_000', '１２３', ''];
const INTEGERS = ['12', '12,345', '12345 km', '12345km', '12345公里', '12345.0', '-5', '12.5', 'abc', ' 12 ', '1,2', '+3', ''];

describe('value rules = the DuckDB macros', () => {
  it.each(TIMESTAMPS)('timestamp %j', async (v) => {
    const js = readTimestamp(v);
    const db = await sql('fx_ts', v);
    expect(js !== null, `JS ${JSON.stringify(js)}, DuckDB ${db}`).toBe(db !== null);
    if (js && db) expect(db.startsWith(`${js[0]}-${String(js[1]).padStart(2, '0')}-${String(js[2]).padStart(2, '0')} ${String(js[3]).padStart(2, '0')}:${String(js[4]).padStart(2, '0')}`)).toBe(true);
  });
  it.each(AMOUNTS)('amount %j', async (v) => {
    const db = await sql('fx_money', v);
    expect(readMoney(v)).toBe(db === null ? null : Number(db));
  });
  it.each(INTEGERS)('whole number %j', async (v) => {
    const db = await sql('fx_int', v);
    expect(readInteger(v)).toBe(db === null ? null : Number(db));
  });
  it('booking statuses: synonyms in any case, unknown words null', () => {
    expect(readBookingStatus('已到店')).toBe('arrived');
    expect(readBookingStatus(' No-Show ')).toBe('no_show');
    expect(readBookingStatus('maybe')).toBeNull();
  });
});

describe('checkRow = the rows a real load rejects', () => {
  it('names the same line, column and reason for every bad row, and passes the good ones', async () => {
    const rows = [
      roRow('SH001', 'R1', '2025-03-07 09:05'),
      roRow('SH001', 'R2', '2025-13-45'),
      roRow('SH001', 'R3', '2025-03-08', '保养', '12元5角'),
      roRow('SH001', '', '2025-03-08'),
      roRow('SH001', 'R5', ''),
      roRow('SH001', 'R6', '2025/3/9 10:00', '保养', '￥1,200.00'),
      roRow('', 'R7', '2025-03-09'),
      ...Array.from({ length: 40 }, (_, i) => roRow('SH001', `G${i}`, '2025-03-10')),
    ];
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...rows])), { maxRejectRate: 1 });
    const rejects = (await listRejects(db.connection, s.loadId!)).map((r) => ({ row: r.row, column: r.column, reason: r.reason }));
    db.close();
    const mapping = detectKind(RO_HEADER_ZH, 'ro.csv');
    const mine = rows.flatMap((r, i) => {
      const p = checkRow(mapping, r.map(String), RO_HEADER_ZH.length);
      return p ? [{ row: i + 2, column: p.column, code: p.code, reason: bilingual(reasonFor(p.code, p.value, {})) }] : [];
    });
    expect(mine.map(({ reason: _r, ...x }) => x)).toEqual([
      { row: 3, column: '进厂时间', code: 'bad_timestamp' },
      { row: 4, column: '总金额', code: 'bad_money' },
      { row: 5, column: '工单号', code: 'required' },
      { row: 6, column: '进厂时间', code: 'required' },
      { row: 8, column: '经销商代码', code: 'required' },
    ]);
    expect(rejects).toEqual(mine.map(({ code: _c, ...x }) => x));
  });
  it('an upload that names the dealer: an empty code is fine, another code is a mismatch', () => {
    const mapping = detectKind(RO_HEADER_ZH, 'ro.csv');
    expect(checkRow(mapping, roRow('', 'R1', '2025-03-07').map(String), RO_HEADER_ZH.length, { dealer: 'SH001' })).toBeNull();
    expect(checkRow(mapping, roRow('BJ002', 'R1', '2025-03-07').map(String), RO_HEADER_ZH.length, { dealer: 'SH001' })).toMatchObject({ field: 'dealer_code', code: 'dealer_mismatch', value: 'BJ002' });
    expect(checkRow(mapping, [...roRow('SH001', 'R1', '2025-03-07').map(String), 'extra'], RO_HEADER_ZH.length)).toMatchObject({ code: 'too_many_fields' });
  });
});
