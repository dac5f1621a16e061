// The load log as history: refused loads keep the dealers and months they named, every load
// leaves one audit row, and the log pages and filters.

import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '@fixops/db';
import { cleanupTempDirs, csv, RO_HEADER_ZH, roRow, tempDatabase, tempDir, writeFixture } from '../test-helpers/fixtures.js';
import { ingestFile } from './ingestFile.js';
import { countLoads, listLoads } from './history.js';

afterEach(cleanupTempDirs);

const rows = (dealer: string, month: string, n: number) =>
  Array.from({ length: n }, (_, i) => roRow(dealer, `R${dealer}${month}${i}`, `${month}-0${1 + (i % 9)} 09:00`));

describe('load log', () => {
  it('a refused load keeps the dealers and months it named; each load leaves one audit row', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    // 3 of 10 rows have a bad amount: over the 5% limit, refused
    const bad = [...rows('SZ009', '2025-04', 7), ...rows('SZ009', '2025-05', 3).map((r) => { r[5] = 'abc'; return r; })];
    const refused = await ingestFile(db.connection, writeFixture(dir, 'bad.csv', csv([RO_HEADER_ZH, ...bad])), { uploadedBy: 'li', actor: { user: 'li', via: 'api', ip: '10.0.0.7' } });
    expect(refused.status).toBe('refused');
    const loaded = await ingestFile(db.connection, writeFixture(dir, 'ok.csv', csv([RO_HEADER_ZH, ...rows('SH001', '2025-03', 4)])));
    expect(loaded.status).toBe('loaded');
    const log = await listLoads(db.connection);
    expect(log.map((l) => [l.status, l.dealers, l.months])).toEqual([['loaded', ['SH001'], ['2025-03']], ['refused', ['SZ009'], ['2025-04']]]);
    const audit = await listAudit(db.connection, { action: 'load' });
    expect(audit.total).toBe(2);
    expect(audit.entries[1]).toMatchObject({
      user: 'li', via: 'api', ip: '10.0.0.7', action: 'load', target: String(refused.loadId),
      detail: { loadId: refused.loadId, file: 'bad.csv', status: 'refused', error: 'too_many_rejected', dealers: ['SZ009'], rowsLoaded: 0, rowsRejected: 3 },
    });
    expect(audit.entries[0]).toMatchObject({ via: 'cli', action: 'load', detail: { file: 'ok.csv', status: 'loaded', kind: 'repair_orders', rowsLoaded: 4 } });
    db.close();
  });

  it('filters by dealer, kind, status, month and user, and pages', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    for (const [i, [dealer, month, by]] of ([['SH001', '2025-01', 'li'], ['SH001', '2025-02', 'li'], ['SH002', '2025-01', 'wang'], ['SH002', '2025-02', 'li']] as const).entries()) {
      await ingestFile(db.connection, writeFixture(dir, `f${i}.csv`, csv([RO_HEADER_ZH, ...rows(dealer, month, 2)])), { uploadedBy: by });
    }
    await ingestFile(db.connection, writeFixture(dir, 'empty.csv', csv([RO_HEADER_ZH])), { uploadedBy: 'wang' });
    const files = async (f: Parameters<typeof listLoads>[1]) => (await listLoads(db.connection, f)).map((l) => l.file);
    expect(await files({})).toEqual(['empty.csv', 'f3.csv', 'f2.csv', 'f1.csv', 'f0.csv']);
    expect(await files({ dealer: 'SH001' })).toEqual(['f1.csv', 'f0.csv']);
    expect(await files({ month: '2025-01' })).toEqual(['f2.csv', 'f0.csv']);
    expect(await files({ user: 'wang' })).toEqual(['empty.csv', 'f2.csv']);
    expect(await files({ status: 'refused' })).toEqual(['empty.csv']);
    expect(await files({ kind: 'repair_orders', status: 'loaded', user: 'li', dealer: 'SH002' })).toEqual(['f3.csv']);
    expect(await files({ limit: 2, offset: 2 })).toEqual(['f2.csv', 'f1.csv']);
    expect(await files({ visibleTo: { user: 'wang', dealer: 'SH001' } })).toEqual(['empty.csv', 'f2.csv', 'f1.csv', 'f0.csv']);
    expect(await files({ visibleTo: { user: 'nobody', dealer: 'SH002' }, limit: 1, offset: 1 })).toEqual(['f2.csv']);
    expect(await countLoads(db.connection, { visibleTo: { user: 'nobody', dealer: 'SH002' } })).toBe(2);
    expect(await countLoads(db.connection)).toBe(5);
    expect(await countLoads(db.connection, { user: 'li' })).toBe(3);
    expect(await countLoads(db.connection, { kind: 'bookings' })).toBe(0);
    db.close();
  });
});
