// Never lose a month: a big drop is held until confirmed, replaced rows are kept aside, and an
// undo puts back exactly what a load replaced. Real files, a real DuckDB file.

import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, queryJson, type Database } from '@fixops/db';
import { cleanupTempDirs, count, csv, RO_HEADER_ZH, roRow, tempDatabase, tempDir, writeFixture } from '../test-helpers/fixtures.js';
import { ingestFile } from './ingestFile.js';
import { getLoad, listLoads } from './history.js';
import { DEFAULT_MAX_DROP_RATE } from './slices.js';
import { undoLoad } from './undo.js';

afterEach(cleanupTempDirs);

function rows(n: number, dealer: string, month: string, prefix = 'RO', amount = '500.00'): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => roRow(dealer, `${prefix}${month.replace('-', '')}${String(i).padStart(4, '0')}`, `${month}-${String(1 + (i % 28)).padStart(2, '0')} 09:00`, '保养', amount));
}
const roFile = (dir: string, name: string, r: (string | number)[][]) => writeFixture(dir, name, csv([RO_HEADER_ZH, ...r]));
const hold = { maxDropRate: DEFAULT_MAX_DROP_RATE };

/** Every stored repair order and dealer, as one text: equal means the tables are identical. */
async function checksum(db: Database): Promise<string> {
  const [r] = await queryJson<{ ro: string | null; d: string | null }>(db.connection, `
    SELECT (SELECT md5(string_agg(concat_ws('|', dealer_code, month, ro_no, vin, open_time, total_amount, load_id), ';' ORDER BY dealer_code, ro_no)) FROM repair_orders) AS ro,
           (SELECT md5(string_agg(concat_ws('|', dealer_code, name, peer_group), ';' ORDER BY dealer_code)) FROM dealers) AS d`);
  return `${r!.ro}/${r!.d}`;
}

describe('a load that removes 30 % or more of a stored month is held', () => {
  it('holds a 60-row partial export of a 400-row month: nothing changes but the log, which keeps the counts', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    const full = await ingestFile(db.connection, roFile(dir, 'dec.csv', [...rows(400, 'SZ009', '2025-12'), ...rows(200, 'SZ009', '2025-11')]), hold);
    expect(full).toMatchObject({ status: 'loaded', rowsLoaded: 600 });
    const before = await checksum(db);

    const partial = await ingestFile(db.connection, roFile(dir, 'partial.csv', [...rows(60, 'SZ009', '2025-12', 'P'), ...rows(190, 'SZ009', '2025-11', 'P')]), hold);
    expect(partial).toMatchObject({ status: 'needs_confirmation', rowsLoaded: 0, dealers: ['SZ009'], months: ['2025-11', '2025-12'] });
    expect(partial.slices).toEqual([
      { kind: 'repair_orders', dealer: 'SZ009', month: '2025-11', rowsNow: 200, rowsAfter: 190 },
      { kind: 'repair_orders', dealer: 'SZ009', month: '2025-12', rowsNow: 400, rowsAfter: 60 },
    ]);
    expect(partial.error?.code).toBe('needs_confirmation');
    expect(partial.error?.message.zh).toContain('SZ009 2025-12（维修工单）400 → 60 行');
    expect(partial.error?.message.en).toContain('SZ009 2025-12 (repair_orders) 400 → 60 rows');
    expect(partial.error?.details).toMatchObject({ slices: [{ month: '2025-12', rowsNow: 400, rowsAfter: 60 }] });
    expect(await checksum(db)).toBe(before);
    expect(await count(db, 'SELECT count(*) AS n FROM repair_orders_replaced')).toBe(0);

    const logged = await getLoad(db.connection, partial.loadId!);
    expect(logged).toMatchObject({ status: 'needs_confirmation', rowsLoaded: 0 });
    expect(logged!.slices).toEqual(partial.slices);

    const confirmed = await ingestFile(db.connection, roFile(dir, 'partial.csv', [...rows(60, 'SZ009', '2025-12', 'P'), ...rows(190, 'SZ009', '2025-11', 'P')]), { ...hold, confirm: true });
    expect(confirmed).toMatchObject({ status: 'loaded', rowsLoaded: 250 });
    expect(await count(db, "SELECT count(*) AS n FROM repair_orders WHERE month = DATE '2025-12-01'")).toBe(60);
    expect(await count(db, 'SELECT count(*) AS n FROM repair_orders_replaced')).toBe(600);
    db.close();
  });

  it('loads without asking when no month shrinks by the limit, and never holds without maxDropRate', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    await ingestFile(db.connection, roFile(dir, 'a.csv', rows(100, 'SH001', '2025-03')), hold);
    const small = await ingestFile(db.connection, roFile(dir, 'b.csv', rows(71, 'SH001', '2025-03')), hold);
    expect(small).toMatchObject({ status: 'loaded', slices: [{ rowsNow: 100, rowsAfter: 71 }] });
    // 71 → 50 is 29.6 %, 71 → 49 is 31 %
    expect((await ingestFile(db.connection, roFile(dir, 'c.csv', rows(50, 'SH001', '2025-03')), hold)).status).toBe('loaded');
    expect((await ingestFile(db.connection, roFile(dir, 'd.csv', rows(35, 'SH001', '2025-03')), hold)).status).toBe('needs_confirmation');
    expect((await ingestFile(db.connection, roFile(dir, 'e.csv', rows(35, 'SH001', '2025-03')))).status).toBe('loaded');
    db.close();
  });
});

describe('undo', () => {
  it('puts back exactly what a confirmed partial export replaced, and logs an undo entry', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    await ingestFile(db.connection, roFile(dir, 'dec.csv', [...rows(400, 'SZ009', '2025-12'), ...rows(30, 'SH001', '2025-12')]), hold);
    const before = await checksum(db);
    const partial = await ingestFile(db.connection, roFile(dir, 'partial.csv', rows(60, 'SZ009', '2025-12', 'P', '999.00')), { ...hold, confirm: true });
    expect(partial.status).toBe('loaded');
    expect(await checksum(db)).not.toBe(before);

    // all or nothing: a failure inside the undo (here its recompute) leaves the load in place
    const loaded = await checksum(db);
    await expect(undoLoad(db.connection, partial.loadId!, { afterUndo: () => Promise.reject(new Error('recompute failed')) })).rejects.toThrow('recompute failed');
    expect(await checksum(db)).toBe(loaded);
    expect(await count(db, 'SELECT count(*) AS n FROM repair_orders_replaced')).toBe(400);
    expect((await getLoad(db.connection, partial.loadId!))?.undoneBy).toBeNull();
    expect((await listAudit(db.connection, { action: 'load.undo' })).total).toBe(0);

    // the audit rows of the loads: only the confirmed replacement says it was confirmed
    const loads = await listAudit(db.connection, { action: 'load' });
    expect(loads.entries.map((e) => [e.target, e.detail.confirmed ?? false])).toEqual([[String(partial.loadId), true], [String(partial.loadId! - 1), false]]);

    const changes: unknown[] = [];
    const undone = await undoLoad(db.connection, partial.loadId!, { by: 'li', afterUndo: (_c, change) => {
      changes.push(change);
      return Promise.resolve();
    } });
    expect(undone.ok).toBe(true);
    if (!undone.ok) return;
    expect(undone.value).toMatchObject({ loadId: partial.loadId, kind: 'repair_orders', rowsRemoved: 60, rowsRestored: 400, months: ['2025-12'], dealers: ['SZ009'] });
    expect(undone.value.slices).toEqual([{ kind: 'repair_orders', dealer: 'SZ009', month: '2025-12', rowsNow: 60, rowsAfter: 400 }]);
    expect(changes).toEqual([{ kind: 'repair_orders', dealers: ['SZ009'], pairs: [{ dealer: 'SZ009', month: '2025-12' }] }]);
    expect(await checksum(db)).toBe(before);
    expect(await count(db, 'SELECT count(*) AS n FROM repair_orders_replaced')).toBe(0);

    const log = await listLoads(db.connection);
    expect(log[0]).toMatchObject({ id: undone.value.undoId, status: 'undo', undoes: partial.loadId, uploadedBy: 'li', rowsLoaded: 400, months: ['2025-12'] });
    expect(log.find((l) => l.id === partial.loadId)).toMatchObject({ status: 'loaded', undoneBy: undone.value.undoId });
    const audit = await listAudit(db.connection, { action: 'load.undo' });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      user: 'li', via: 'cli', action: 'load.undo', target: String(partial.loadId),
      detail: { loadId: partial.loadId, undoId: undone.value.undoId, file: 'partial.csv', kind: 'repair_orders', rowsRemoved: 60, rowsRestored: 400, months: ['2025-12'], dealers: ['SZ009'] },
    });

    const again = await undoLoad(db.connection, partial.loadId!);
    expect(again).toMatchObject({ ok: false, error: { code: 'load_already_undone' } });
    if (!again.ok) expect(again.error.message.zh).toContain('已经撤销过');
    const ofUndo = await undoLoad(db.connection, undone.value.undoId);
    expect(ofUndo).toMatchObject({ ok: false, error: { code: 'load_not_undoable' } });
    expect((await listAudit(db.connection, { action: 'load.undo' })).total).toBe(1);
    db.close();
  });

  it('removes the months and dealers a load added where nothing was replaced', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    await ingestFile(db.connection, roFile(dir, 'a.csv', rows(20, 'SH001', '2025-01')), hold);
    const before = await checksum(db);
    const added = await ingestFile(db.connection, roFile(dir, 'b.csv', [...rows(10, 'SH001', '2025-02'), ...rows(5, 'NEW01', '2025-02')]), hold);
    expect(added).toMatchObject({ status: 'loaded', slices: [{ dealer: 'NEW01', rowsNow: 0 }, { dealer: 'SH001', rowsNow: 0 }] });
    const undone = await undoLoad(db.connection, added.loadId!);
    expect(undone).toMatchObject({ ok: true, value: { rowsRemoved: 15, rowsRestored: 0, dealersRemoved: ['NEW01'] } });
    expect(await checksum(db)).toBe(before);
    expect(await count(db, "SELECT count(*) AS n FROM dealers WHERE dealer_code = 'NEW01'")).toBe(0);
    db.close();
  });

  it('is refused while a later load has replaced the same month; undoing that one first unblocks it', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    await ingestFile(db.connection, roFile(dir, 'a.csv', rows(100, 'SH001', '2025-03')), hold);
    const before = await checksum(db);
    const second = await ingestFile(db.connection, roFile(dir, 'b.csv', rows(90, 'SH001', '2025-03', 'B')), hold);
    const afterSecond = await checksum(db);
    const third = await ingestFile(db.connection, roFile(dir, 'c.csv', [...rows(95, 'SH001', '2025-03', 'C'), ...rows(3, 'SH001', '2025-04')]), hold);
    const blocked = await undoLoad(db.connection, second.loadId!);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'undo_blocked', details: { later: [third.loadId] } } });
    if (!blocked.ok) {
      expect(blocked.error.message.zh).toContain(`请先撤销导入 ${third.loadId}`);
      expect(blocked.error.message.en).toContain(`Undo load ${third.loadId} first`);
    }
    expect((await undoLoad(db.connection, third.loadId!)).ok).toBe(true);
    expect(await checksum(db)).toBe(afterSecond);
    expect((await undoLoad(db.connection, second.loadId!)).ok).toBe(true);
    expect(await checksum(db)).toBe(before);
    db.close();
  });

  it('takes back the visit events a customer snapshot added, and refuses dealer master data, refused and held loads', async () => {
    const db = await tempDatabase();
    const dir = tempDir();
    const header = ['经销商代码', 'VIN', '最近进厂时间'];
    await ingestFile(db.connection, writeFixture(dir, 'c1.csv', csv([header, ['SH001', 'v1', '2025-01-05']])));
    const c2 = await ingestFile(db.connection, writeFixture(dir, 'c2.csv', csv([header, ['SH001', 'v1', '2025-01-05'], ['SH001', 'v2', '2025-02-05']])));
    const undone = await undoLoad(db.connection, c2.loadId!);
    expect(undone).toMatchObject({ ok: true, value: { kind: 'customers', rowsRemoved: 1, months: [] } });
    expect(await queryJson(db.connection, 'SELECT vin FROM customer_visits')).toEqual([{ vin: 'V1' }]);

    const master = await ingestFile(db.connection, writeFixture(dir, 'dealers.csv', csv([['经销商代码', '分组'], ['SH001', 'metro']])));
    const m = await undoLoad(db.connection, master.loadId!);
    expect(m).toMatchObject({ ok: false, error: { code: 'undo_unsupported' } });
    if (!m.ok) expect(m.error.message.en).toContain('dealer master data');

    const refused = await ingestFile(db.connection, writeFixture(dir, 'bad.csv', csv([['foo'], ['bar']])));
    expect(refused.status).toBe('refused');
    expect(await undoLoad(db.connection, refused.loadId!)).toMatchObject({ ok: false, error: { code: 'load_not_undoable' } });
    expect(await undoLoad(db.connection, 999)).toMatchObject({ ok: false, error: { code: 'load_not_found' } });

    const early = await ingestFile(db.connection, roFile(dir, 'a.csv', rows(10, 'SH001', '2025-03')), hold);
    // a load made before migration 5 kept no slices and no replaced rows
    await db.connection.run('DELETE FROM load_slices WHERE load_id = $id', { id: early.loadId! });
    const old = await undoLoad(db.connection, early.loadId!);
    expect(old).toMatchObject({ ok: false, error: { code: 'undo_unavailable' } });
    expect(await count(db, 'SELECT count(*) AS n FROM repair_orders')).toBe(10);
    const held = await ingestFile(db.connection, roFile(dir, 'b.csv', rows(2, 'SH001', '2025-03')), hold);
    expect(held.status).toBe('needs_confirmation');
    const h = await undoLoad(db.connection, held.loadId!);
    expect(h).toMatchObject({ ok: false, error: { code: 'load_not_undoable' } });
    if (!h.ok) expect(h.error.message.zh).toContain('等待确认');
    db.close();
  });
});
