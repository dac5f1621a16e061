// Issue 12's ingest holes, each reproduced on real files and real DuckDB files: another
// dealer's rejected rows, master data from a non-admin, uploads that stall everyone (limits,
// early refusal, the reject cap, streamed downloads), personal data in rejected rows, internal
// failures missing from the log, and temp folders left by killed loads.

import { mkdirSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queryJson } from '@fixops/db';
import { cleanupTempDirs, count, csv, RO_HEADER_ZH, roRow, tempDatabase, tempDir, writeFixture } from '../test-helpers/fixtures.js';
import { ingestFile } from './ingestFile.js';
import { getLoad, listLoads, listRejects, rejectsCsv, streamRejects } from './history.js';
import { removeStaleTempDirs, TEMP_PREFIX } from './tempDirs.js';

afterEach(cleanupTempDirs);

function rows(n: number, dealer: string, prefix = 'RO'): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => roRow(dealer, `${prefix}${String(i).padStart(7, '0')}`, `2025-03-${String(1 + (i % 28)).padStart(2, '0')} 09:00`));
}

describe('hole 1: a dealer never sees another dealer\'s rejected rows', () => {
  it('keeps the dealer each rejected row names, and a dealer\'s view holds only its own', async () => {
    const db = await tempDatabase();
    const data = rows(40, 'SZ009');
    data.push(['SZ009', 'BAD1', 'LSVOWN', 'not a date', '保养', '1', '', '', '自己', '']);
    data.push(['SH001', 'BAD2', 'LSVSECRETVIN', 'not a date', '保养', '98765.43', '', '', '别家顾问', '']);
    // no dealer code at all: in this single-dealer load it is SZ009's
    data.push(['', 'BAD3', 'LSVNOCODE', '2025-03-07', '保养', '1', '', '', '', '']);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...data])), { maxRejectRate: 0.5 });
    expect(s).toMatchObject({ status: 'loaded', dealers: ['SZ009'], rowsRejected: 3, rejectsStored: 3 });

    const all = await listRejects(db.connection, s.loadId!);
    expect(all).toHaveLength(3);
    const own = await listRejects(db.connection, s.loadId!, { viewer: 'SZ009' });
    expect(own.map((r) => r.row)).toEqual([42, 44]);
    const text = JSON.stringify(own);
    for (const secret of ['SH001', 'LSVSECRETVIN', '98765.43', '别家顾问']) expect(text).not.toContain(secret);

    let csvText = '';
    for await (const piece of rejectsCsv(db.connection, s.loadId!, { viewer: 'SZ009' })) csvText += piece;
    expect(csvText).toContain('LSVOWN');
    for (const secret of ['SH001', 'LSVSECRETVIN', '98765.43', '别家顾问']) expect(csvText).not.toContain(secret);

    // counts as the dealer may see them
    expect(await getLoad(db.connection, s.loadId!, { viewer: 'SZ009' })).toMatchObject({ rowsRejected: 2, rejectsStored: 2 });
    expect((await listLoads(db.connection, { viewer: 'SZ009' }))[0]).toMatchObject({ rowsRejected: 2 });
    expect(await getLoad(db.connection, s.loadId!)).toMatchObject({ rowsRejected: 3, rejectsStored: 3 });
    db.close();
  });

  it('in a multi-dealer load, a rejected row that names no dealer is shown to no dealer', async () => {
    const db = await tempDatabase();
    const data = [...rows(20, 'SZ009', 'A'), ...rows(20, 'SH001', 'B')];
    data.push(['', 'NOCODE', 'LSVX', '2025-03-07', '保养', '1', '', '', '', '']);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...data])));
    expect(s).toMatchObject({ status: 'loaded', dealers: ['SH001', 'SZ009'], rowsRejected: 1 });
    expect(await listRejects(db.connection, s.loadId!, { viewer: 'SZ009' })).toEqual([]);
    expect(await listRejects(db.connection, s.loadId!, { viewer: 'SH001' })).toEqual([]);
    expect(await listRejects(db.connection, s.loadId!)).toHaveLength(1);
    db.close();
  });
});

describe('hole 2: master data is not changed by someone who may not', () => {
  it('refuses a dealers file when master data is not allowed, before anything is staged', async () => {
    const db = await tempDatabase();
    const before = await count(db, 'SELECT count(*) AS n FROM dealers');
    const file = writeFixture(tempDir(), 'dealers.csv', csv([['经销商代码', '经销商名称', '区域', '分组', '城市'], ['SZ009', '改名', '华北', 'metro', '北京']]));
    const s = await ingestFile(db.connection, file, { masterData: false, dealer: 'SZ009' });
    expect(s).toMatchObject({ status: 'refused', kind: 'dealers', error: { code: 'master_data_admin_only' } });
    expect(s.phases.read).toBeUndefined();
    expect(await count(db, 'SELECT count(*) AS n FROM dealers')).toBe(before);
    // an admin's (or the CLI's) upload still loads it
    expect(await ingestFile(db.connection, file)).toMatchObject({ status: 'loaded', kind: 'dealers' });
    db.close();
  });
});

describe('hole 5: one upload cannot stall everyone', () => {
  it('refuses a dealer\'s upload of another dealer\'s rows from its first records, without staging', async () => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...rows(5000, 'SH001')])), { dealer: 'SZ009', refuseForeignRows: true });
    expect(s).toMatchObject({ status: 'refused', error: { code: 'foreign_dealer_rows', details: { dealers: ['SH001'] } } });
    expect(s.phases.read).toBeUndefined(); // never staged
    expect(await count(db, 'SELECT count(*) AS n FROM rejected_rows')).toBe(0);
    db.close();
  });

  it('refuses a foreign row far into the file right after staging, before validation', async () => {
    const db = await tempDatabase();
    const data = rows(3000, 'SZ009');
    data.push(roRow('SH001', 'LATE', '2025-03-07'));
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...data])), { dealer: 'SZ009', refuseForeignRows: true });
    expect(s).toMatchObject({ status: 'refused', error: { code: 'foreign_dealer_rows', details: { dealers: ['SH001'], line: 3002 } } });
    expect(s.phases.validate).toBeUndefined();
    db.close();
  });

  it('does not take a totals row for another dealer\'s (small file, and past the first records)', async () => {
    const db = await tempDatabase();
    for (const n of [10, 3000]) {
      const text = `${csv([RO_HEADER_ZH, ...rows(n, 'SZ009', `T${n}-`)]).trimEnd()}\r\n合计,,,,,"1,000.00",,,,\r\n`;
      const s = await ingestFile(db.connection, writeFixture(tempDir(), `ro${n}.csv`, text), { dealer: 'SZ009', refuseForeignRows: true });
      expect(s).toMatchObject({ status: 'loaded', rowsLoaded: n, rowsSkipped: 1 });
    }
    db.close();
  });

  it('refuses a 10,000-column file with a clear too_many_columns, not an out-of-memory text', async () => {
    const db = await tempDatabase();
    const header = [...RO_HEADER_ZH, ...Array.from({ length: 10_000 - RO_HEADER_ZH.length }, (_, i) => `x${i}`)];
    const row = [...roRow('SH001', 'R1', '2025-03-07'), ...Array.from({ length: 10_000 - RO_HEADER_ZH.length }, () => '1')];
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'wide.csv', csv([header, row])));
    expect(s).toMatchObject({ status: 'refused', error: { code: 'too_many_columns', details: { limit: 'columnsPerFile', value: 200 } } });
    expect(s.error!.message.zh).toContain('200');
    expect(s.error!.message.en).toContain('200 columns');
    db.close();
  });

  it('refuses more rows than the limit, naming it', async () => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...rows(30, 'SH001')])), { limits: { rowsPerFile: 20 } });
    expect(s).toMatchObject({ status: 'refused', error: { code: 'too_many_rows', details: { limit: 'rowsPerFile', value: 20, rows: 30 } } });
    expect(s.error!.message.en).toContain('20 rows per file');
    expect(await count(db, 'SELECT count(*) AS n FROM repair_orders')).toBe(0);
    db.close();
  });

  it('stops reading a transcoded file at the row limit, before staging', async () => {
    const db = await tempDatabase();
    const text = csv([RO_HEADER_ZH, ...rows(60_000, 'SH001')]);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'gb.csv', text, 'gb18030'), { worker: false, limits: { rowsPerFile: 1000 } });
    expect(s).toMatchObject({ status: 'refused', encoding: 'gb18030', error: { code: 'too_many_rows', details: { value: 1000 } } });
    expect(s.error!.details!.rows as number).toBeLessThan(60_000);
    db.close();
  });

  it('refuses a cell longer than the limit, naming file, line and column', async () => {
    const db = await tempDatabase();
    const data = rows(10, 'SH001');
    data[6]![8] = '长'.repeat(5000);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'long.csv', csv([RO_HEADER_ZH, ...data])));
    expect(s).toMatchObject({ status: 'refused', error: { code: 'field_too_long', details: { file: 'long.csv', row: 8, column: '服务顾问', chars: 5000, value: 4096 } } });
    expect(s.error!.message.zh).toContain('第 8 行');
    expect(s.error!.message.en).toContain('4096 characters per cell');
    db.close();
  });

  it('refuses a file over the byte limit', async () => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...rows(50, 'SH001')])), { limits: { bytesPerFile: 1000 } });
    expect(s).toMatchObject({ status: 'refused', error: { code: 'too_large', details: { limit: 'bytesPerFile', value: 1000 } } });
    db.close();
  });

  it('stores only the first rejected rows, still counting them all, and streams them in chunks', async () => {
    const db = await tempDatabase();
    const data = rows(100, 'SH001');
    for (let i = 0; i < 5000; i++) data.push(['SH001', `BAD${i}`, 'LSV', 'not a date', '保养', '1', '', '', '', '']);
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...data])), { maxRejectRate: 1, limits: { rejectsStored: 3000 } });
    expect(s).toMatchObject({ status: 'loaded', rowsLoaded: 100, rowsRejected: 5000, rejectsStored: 3000 });
    expect(await count(db, 'SELECT count(*) AS n FROM rejected_rows WHERE row_no > 0')).toBe(3000);
    // beside them, the file's header (row 0) for the fixable download
    expect(await count(db, 'SELECT count(*) AS n FROM rejected_rows WHERE row_no = 0')).toBe(1);
    expect(await getLoad(db.connection, s.loadId!)).toMatchObject({ rowsRejected: 5000, rejectsStored: 3000 });
    const chunks: number[] = [];
    for await (const chunk of streamRejects(db.connection, s.loadId!)) chunks.push(chunk.length);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(3000);
    db.close();
  });
});

describe('hole 6: personal data never stored, even from a hostile file', () => {
  const header = [...RO_HEADER_ZH, '客户姓名', '手机号', '备注'];
  const secrets = ['张三丰', '13800138000', '李四光', '13900139000', '王五郎', '13700137000', '赵六', '13600136000', '13500135000'];

  it('masks by header name and keeps no raw text of a row whose field count differs', async () => {
    const db = await tempDatabase();
    const good = rows(60, 'SH001').map((r) => [...r, '某人', '13511112222', '']);
    const lines = [csv([header, ...good]).trimEnd()];
    // an extra unquoted separator inside a value shifts the phone number into 备注
    lines.push('SH001,X1,LSVX1,2025-03-07,保养,1,234.50,,,王伟,,张三丰,13800138000,');
    // quotes with the separator inside, a bad date: masked in place
    lines.push('SH001,X2,LSVX2,not a date,保养,1,,,"王,伟",,"李四光","13900139000","备注,有逗号"');
    // a short row: a separator missing, the phone lands in the name column, a required column is empty
    lines.push('SH001,X3,,2025-03-07,保养,1,,,,,王五郎13700137000');
    // a short row: separators missing early, the phone number lands in the date column
    lines.push('SH001,X5,LSVX5,13500135000,保养,1');
    // a short row with quotes and a line break, dealer column missing a value
    lines.push('SH001,X4,LSVX4,bad,保养,1,,,,"赵六\n娘",13600136000');
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'hostile.csv', `${lines.join('\n')}\n`), { maxRejectRate: 1 });
    expect(s).toMatchObject({ status: 'loaded', rowsRejected: 5, columns: { dropped: ['客户姓名', '手机号'] } });
    expect(s.errors.map((e) => [e.code, e.value])).toEqual([['too_many_fields', '14'], ['bad_timestamp', 'not a date'], ['too_few_fields', '11'], ['too_few_fields', '6'], ['too_few_fields', '11']]);
    const rejects = await listRejects(db.connection, s.loadId!);
    expect(rejects.map((r) => r.rawText)).toEqual(['', 'SH001,X2,LSVX2,not a date,保养,1,,,"王,伟",,***,***,"备注,有逗号"', '', '', '']);
    expect(rejects[0]!.reason).toContain('未保存原始内容');
    expect(rejects[0]!.reason).toContain('raw text not kept');

    // every table of the database file, every column
    const tables = await queryJson<{ schema: string; name: string }>(db.connection,
      "SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE'");
    expect(tables.length).toBeGreaterThan(5);
    let everything = '';
    for (const t of tables) everything += JSON.stringify(await queryJson(db.connection, `SELECT * FROM "${t.schema}"."${t.name}"`));
    for (const secret of [...secrets, '13511112222']) expect(everything).not.toContain(secret);
    db.close();
  });
});

describe('hole 7: failures are logged, leftovers removed', () => {
  it('logs an internal failure as refused with code internal_error and changes nothing', async () => {
    const db = await tempDatabase();
    const s = await ingestFile(db.connection, writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...rows(10, 'SH001')])), {
      afterStore: () => Promise.reject(new Error('boom inside the load')),
    });
    expect(s).toMatchObject({ status: 'refused', rowsLoaded: 0, error: { code: 'internal_error' } });
    expect(s.error!.message.en).not.toContain('boom');
    const log = await listLoads(db.connection);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ id: s.loadId, status: 'refused', error: { code: 'internal_error' } });
    expect(await count(db, 'SELECT count(*) AS n FROM repair_orders')).toBe(0);
    db.close();
  });

  it('removes only our own temp folders older than the process, never those of a running process', async () => {
    const dir = tempDir();
    const old = new Date(Date.now() - 3600_000);
    const dead = `${TEMP_PREFIX.ingest}99999999-abc`; // no such process
    const running = `${TEMP_PREFIX.upload}${process.ppid}-abc`; // our parent: alive
    const names = [dead, `${TEMP_PREFIX.upload}old`, running, 'someone-else-old', `${TEMP_PREFIX.upload}new`];
    for (const name of names) mkdirSync(join(dir, name));
    for (const name of names.slice(0, 4)) utimesSync(join(dir, name), old, old);
    const removed = await removeStaleTempDirs({ dir, olderThan: new Date(Date.now() - 60_000) });
    expect(removed.sort()).toEqual([join(dir, dead), join(dir, `${TEMP_PREFIX.upload}old`)]);
    expect(readdirSync(dir).sort()).toEqual([`${TEMP_PREFIX.upload}new`, running, 'someone-else-old'].sort());
  });
});
