// The rejected rows given back with the file's own columns: fixed in a spreadsheet (here: the
// bad cells corrected in the downloaded CSV) and uploaded again, they load without a reject.

import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { queryJson } from '@fixops/db';
import { cleanupTempDirs, csv, RO_HEADER_ZH, roRow, tempDatabase, tempDir, writeFixture } from '../test-helpers/fixtures.js';
import { ingestFile } from './ingestFile.js';
import { listRejects, rejectsCsv } from './history.js';
import { fixableRejectsCsv } from './fixable.js';
import { reasonIn } from '../rules/reasons.js';

afterEach(cleanupTempDirs);

async function text(gen: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const piece of gen) out += piece;
  return out;
}

const HEADER = [...RO_HEADER_ZH, '客户姓名'];
const good = (i: number) => [...roRow('SH001', `G${i}`, `2025-03-${String(1 + (i % 28)).padStart(2, '0')} 09:00`), `张${i}`];

describe('rejected rows to fix and upload again', () => {
  it('has line, reason (in the reader\'s language) and the file\'s own columns; fixed, it loads cleanly', async () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => good(i)),
      [...roRow('SH001', 'B1', '2025-13-45 09:00'), '李四'],
      [...roRow('SH001', 'B2', '2025-03-05', '保养', '12元5角'), '王五'],
      [...roRow('SH001', 'B3', '2025-03-06', '保养', '-35'), '赵六'].map((v, i) => (i === 1 ? '' : v)),
      [...roRow('SH001', 'B4', '2025-03-07', '保养', '=1+2'), '钱七'],
    ];
    const title = '维修工单明细表\r\n导出时间：2025-04-01\r\n';
    const db = await tempDatabase();
    const first = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', title + csv([HEADER, ...rows])), { maxRejectRate: 1 });
    expect(first).toMatchObject({ status: 'loaded', rowsLoaded: 30, rowsRejected: 4 });
    // the header kept for the download is not a rejected row
    expect((await listRejects(db.connection, first.loadId!)).map((r) => r.row)).toEqual([34, 35, 36, 37]);
    expect((await text(rejectsCsv(db.connection, first.loadId!))).trim().split(/\r\n/)).toHaveLength(5);

    const zh = await text(fixableRejectsCsv(db.connection, first.loadId!, { lang: 'zh' }));
    const parsed = Papa.parse<string[]>(zh.trim(), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['行号', '原因', ...HEADER]);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(['34', '35', '36', '37']);
    expect(parsed[1]![1]).toBe('无法识别的时间“2025-13-45 09:00”');
    expect(parsed[1]!.slice(2, 7)).toEqual(['SH001', 'B1', 'lsvabb1', '2025-13-45 09:00', '保养']);
    // personal data stays masked; a plain negative number is a number; a formula is inert
    expect(parsed[1]![HEADER.length + 1]).toBe('***');
    expect(parsed[3]![7]).toBe('-35');
    expect(parsed[4]![7]).toBe("'=1+2");
    const en = await text(fixableRejectsCsv(db.connection, first.loadId!, { lang: 'en' }));
    expect(en.split(/\r\n/)[0]).toBe(['Line', 'Reason', ...HEADER].join(','));
    expect(en).toContain('unreadable timestamp ""2025-13-45 09:00""');
    expect(en).not.toContain('无法识别');

    // fixed as a person would in Excel: the bad cells corrected, the extra columns left in place
    const fixed = parsed.map((r, i) => {
      if (i === 0) return r;
      const out = [...r];
      if (out[5] === '2025-13-45 09:00') out[5] = '2025-03-15 09:00';
      if (out[7] === '12元5角' || out[7] === "'=1+2") out[7] = '12.50';
      if (out[3] === '') out[3] = 'B3';
      return out;
    });
    const again = await ingestFile(db.connection, writeFixture(tempDir(), 'ro-fixed.csv', Papa.unparse(fixed)));
    // B3 has a negative amount: money may be negative (credit notes), so the fixed RO number is all it needed
    expect(again).toMatchObject({ status: 'loaded', rowsRejected: 0, rowsLoaded: 4 });
    expect(await queryJson(db.connection, "SELECT ro_no FROM repair_orders WHERE ro_no LIKE 'B%' ORDER BY 1")).toEqual([{ ro_no: 'B1' }, { ro_no: 'B2' }, { ro_no: 'B3' }, { ro_no: 'B4' }]);
    // a corrections file adds to the month: the 30 rows loaded the first time stay
    expect(await queryJson(db.connection, "SELECT count(*)::INTEGER AS n FROM repair_orders WHERE ro_no LIKE 'G%'")).toEqual([{ n: 30 }]);
    expect(again.slices).toEqual([{ kind: 'repair_orders', dealer: 'SH001', month: '2025-03', rowsNow: 30, rowsAfter: 34 }]);
    // uploaded once more, the same corrections replace themselves by RO number: nothing doubles
    const twice = await ingestFile(db.connection, writeFixture(tempDir(), 'ro-fixed-again.csv', Papa.unparse(fixed)));
    expect(twice).toMatchObject({ status: 'loaded', rowsLoaded: 4, slices: [{ rowsNow: 34, rowsAfter: 34 }] });
    expect(await queryJson(db.connection, 'SELECT count(*)::INTEGER AS n FROM repair_orders')).toEqual([{ n: 34 }]);
    // an ordinary export still replaces its months whole
    const plain = await ingestFile(db.connection, writeFixture(tempDir(), 'ro-plain.csv', csv([HEADER, good(99)])), { maxDropRate: 1 });
    expect(plain).toMatchObject({ status: 'loaded', slices: [{ rowsNow: 34, rowsAfter: 1 }] });
    db.close();
  });

  it('picks the reader\'s language from a stored reason, a value holding " / " kept whole', () => {
    expect(reasonIn('无法识别的金额“1 / 2” / unreadable amount "1 / 2"', 'zh')).toBe('无法识别的金额“1 / 2”');
    expect(reasonIn('无法识别的金额“1 / 2” / unreadable amount "1 / 2"', 'en')).toBe('unreadable amount "1 / 2"');
    expect(reasonIn('RO', 'en')).toBe('RO');
  });
});
