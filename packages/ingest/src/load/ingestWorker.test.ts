// The streaming pass in a worker thread: the same load as in-thread, byte for byte; a refusal
// inside the worker is the same refusal; a worker that dies is a clean refused load.

import { afterEach, describe, expect, it } from 'vitest';
import { queryJson, type Database } from '@fixops/db';
import {
  cleanupTempDirs, csv, RO_HEADER_ZH, roRow, tempDatabase, tempDir, writeFixture, type FixtureEncoding,
} from '../test-helpers/fixtures.js';
import { ingestFile, type IngestOptions } from './ingestFile.js';
import { listLoads } from './history.js';
import type { LoadSummary } from './summary.js';

afterEach(cleanupTempDirs);

/** Rows with every kind of trouble: quoted line breaks, bad values, duplicates, conflicts, blanks, totals. */
function messyRows(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const r = roRow(i % 3 ? 'SH001' : 'BJ002', `R${i}`, `2025-0${1 + (i % 6)}-${day} 09:00`, i % 5 ? '保养' : '钣喷', `${i}.50`);
    if (i % 97 === 0) r[8] = '王\n伟, "老王"';
    if (i % 211 === 0) r[5] = 'abc';
    if (i % 307 === 0) r[3] = '2025-13-45';
    rows.push(r);
    if (i % 401 === 0) rows.push([...r]);
    if (i % 503 === 0) rows.push(r.map((v, k) => (k === 5 ? '9' : v)));
    if (i % 613 === 0) rows.push(['', '', '', '', '', '', '', '', '', '']);
  }
  rows.push(['合计', '', '', '', '', '123', '', '', '', '']);
  return rows;
}

const withoutTimes = (s: LoadSummary) => ({ ...s, ms: 0, phases: {} });

async function dump(db: Database) {
  return {
    ros: await queryJson(db.connection, 'SELECT * EXCLUDE (load_id) FROM repair_orders ORDER BY ALL'),
    rejects: await queryJson(db.connection, 'SELECT * FROM rejected_rows ORDER BY ALL'),
    loads: (await listLoads(db.connection)).map((l) => ({ ...l, ms: 0, startedAt: '' })),
  };
}

async function both(path: string, opts: IngestOptions = {}) {
  const a = await tempDatabase();
  const b = await tempDatabase();
  const inThread = await ingestFile(a.connection, path, { ...opts, worker: false });
  const inWorker = await ingestFile(b.connection, path, { ...opts, worker: true });
  const result = { inThread, inWorker, dbThread: await dump(a), dbWorker: await dump(b) };
  a.close();
  b.close();
  return result;
}

describe('the streaming pass in a worker thread', () => {
  it.each<[FixtureEncoding, number]>([['utf-8', 3000], ['gb18030', 3000], ['utf-16le', 800], ['utf-8-bom', 50]])(
    'loads a %s file exactly as in-thread: summary, stored rows, rejected rows with their lines and raw text', async (enc, n) => {
      const path = writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...messyRows(n)]), enc);
      const { inThread, inWorker, dbThread, dbWorker } = await both(path, { maxRejectRate: 0.5 });
      expect(inThread.status).toBe('loaded');
      expect(inThread.rowsRejected).toBeGreaterThan(0);
      expect(withoutTimes(inWorker)).toEqual(withoutTimes(inThread));
      expect(dbWorker).toEqual(dbThread);
    });

  it('finds a GB18030 file with a plain ASCII start (the fallback transcoding runs in the worker)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => roRow('SH001', `R${i}`, '2025-03-07 09:00', 'maintenance'));
    rows.push(roRow('SH001', 'RZ', '2025-03-09', '钣喷'));
    const header = ['dealer', 'ro_no', 'vin', 'open_time', 'repair_type', 'total', 'promised_time', 'delivered_time', 'advisor', 'booking_no'];
    const path = writeFixture(tempDir(), 'ro.csv', csv([header, ...rows]), 'gb18030');
    const { inThread, inWorker, dbThread, dbWorker } = await both(path);
    expect(inWorker).toMatchObject({ status: 'loaded', encoding: 'gb18030', rowsLoaded: 3001 });
    expect(withoutTimes(inWorker)).toEqual(withoutTimes(inThread));
    expect(dbWorker).toEqual(dbThread);
  });

  it('refuses a bad file with the same error value as in-thread, storing nothing', async () => {
    // said to be UTF-8, but GB18030 bytes after the first 64 KB
    const rows = [...Array.from({ length: 2000 }, (_, i) => roRow('SH001', `R${i}`, '2025-03-07')), roRow('SH001', 'RZ', '2025-03-09', '钣喷')];
    const path = writeFixture(tempDir(), 'ro.csv', csv([['dealer', 'ro_no', 'vin', 'open_time', 'repair_type', 'total', 'promised_time', 'delivered_time', 'advisor', 'booking_no'], ...rows]), 'gb18030');
    const { inThread, inWorker, dbWorker } = await both(path, { encoding: 'utf-8' });
    expect(inWorker).toMatchObject({ status: 'refused', rowsLoaded: 0, error: { code: 'bad_encoding' } });
    expect(inWorker.error).toEqual(inThread.error);
    expect(dbWorker.ros).toEqual([]);
    expect(dbWorker.loads).toMatchObject([{ status: 'refused', error: { code: 'bad_encoding' } }]);
  });

  it('turns a worker that dies (here: out of memory) into a refused load, storing nothing', async () => {
    const db = await tempDatabase();
    const path = writeFixture(tempDir(), 'ro.csv', csv([RO_HEADER_ZH, ...messyRows(3000)]), 'gb18030');
    const s = await ingestFile(db.connection, path, { worker: true, workerLimits: { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 } });
    expect(s).toMatchObject({ status: 'refused', rowsLoaded: 0, error: { code: 'read_failed' } });
    expect(s.error!.message.zh).toContain('读取文件时出错');
    expect(s.error!.details).toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' });
    const after = await dump(db);
    expect(after.ros).toEqual([]);
    expect(after.rejects).toEqual([]);
    expect(after.loads).toMatchObject([{ status: 'refused', error: { code: 'read_failed' } }]);
    // the connection is still usable: the same file loads without the limits
    expect(await ingestFile(db.connection, path, { worker: true, maxRejectRate: 0.5 })).toMatchObject({ status: 'loaded' });
    db.close();
  });
});
