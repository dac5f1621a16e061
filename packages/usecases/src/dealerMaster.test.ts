// Dealers master data by hand: checks (trim, empty, lengths, control characters, peer groups),
// before/after in the audit log, a peer-group change recomputes the peer flags with the new
// groups and reports exactly the flags that appeared and went away; a dealers file loaded later
// replaces the hand edit (the file is the master). Settings: the same flag differences.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, openDatabase, queryJson, type AuditActor, type Database } from '@fixops/db';
import { readFlags, type Flag } from '@fixops/metrics';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { loadDemoNetwork } from './demo.js';
import { loadExport } from './loadExport.js';
import { changeSetting } from './changeSetting.js';
import { checkDealerPatch, dealerNames, editDealer, listDealerMaster, peerGroups } from './dealerMaster.js';

const actor: AuditActor = { user: 'root', via: 'api', ip: '127.0.0.1' };
let dir: string;
let db: Database;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixops-dealers-'));
  db = await openDatabase(join(dir, 'fixops.duckdb'));
  // Ten dealers: six "metro", four "city" (peer flags need five in a group).
  await loadDemoNetwork(db.connection, { dealers: 10, months: 3, rosPerMonth: 40 });
}, 240_000);
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const key = (f: Flag) => `${f.dealer} ${f.month} ${f.kpi} ${f.kind}`;

describe('checkDealerPatch', () => {
  const groups = ['city', 'metro', '一级'];
  it('trims, clears region/city with an empty value, keeps existing groups, accepts id-like new groups', () => {
    expect(checkDealerPatch({ name: '  瑞通  ', region: ' ', city: '  上海 ' }, groups)).toEqual({ ok: true, value: { name: '瑞通', region: null, city: '上海' } });
    expect(checkDealerPatch({ peerGroup: ' 一级 ' }, groups)).toEqual({ ok: true, value: { peerGroup: '一级' } });
    expect(checkDealerPatch({ peerGroup: 'tier-2_b' }, groups)).toEqual({ ok: true, value: { peerGroup: 'tier-2_b' } });
  });
  it('refuses an empty name, long values, control characters, odd new groups and an empty patch, in zh and en', () => {
    const code = (p: Parameters<typeof checkDealerPatch>[0]) => {
      const r = checkDealerPatch(p, groups);
      return r.ok ? 'ok' : `${r.error.code}:${(r.error.details?.field as string | undefined) ?? ''}`;
    };
    expect(code({ name: '   ' })).toBe('invalid_dealer_field:name');
    expect(code({ name: 'x'.repeat(101) })).toBe('invalid_dealer_field:name');
    expect(code({ name: 'x'.repeat(100) })).toBe('ok');
    expect(code({ region: 'a\nb' })).toBe('invalid_dealer_field:region');
    expect(code({ city: '城'.repeat(51) })).toBe('invalid_dealer_field:city');
    expect(code({ peerGroup: '' })).toBe('invalid_dealer_field:peerGroup');
    expect(code({ peerGroup: 'Tier 2' })).toBe('invalid_dealer_field:peerGroup');
    expect(code({ peerGroup: '二级' })).toBe('invalid_dealer_field:peerGroup');
    expect(code({ peerGroup: 'a'.repeat(41) })).toBe('invalid_dealer_field:peerGroup');
    expect(code({})).toBe('invalid_request:');
    const r = checkDealerPatch({ peerGroup: 'Tier 2' }, groups);
    expect(!r.ok && r.error.message.zh).toContain('不是已有的同组');
    expect(!r.ok && r.error.message.en).toContain('not a group in use (city, metro, 一级)');
  });
});

describe('editDealer', () => {
  it('answers unknown_dealer for a code that does not exist and changes nothing', async () => {
    const r = await editDealer(db.connection, 'NOPE1', { name: 'x' }, actor);
    expect(!r.ok && r.error.code).toBe('unknown_dealer');
  });

  it('stores name/region/city, audits before and after, and does not recompute', async () => {
    const [first] = await listDealerMaster(db.connection);
    const r = await editDealer(db.connection, first!.code, { name: ' 新名称 ', region: '西南', city: '' }, actor);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.changed).toEqual(['name', 'region', 'city']);
    expect(r.value.recompute).toBeNull();
    const [now] = (await listDealerMaster(db.connection)).filter((d) => d.code === first!.code);
    expect(now).toEqual({ ...first, name: '新名称', region: '西南', city: null });
    const audit = await listAudit(db.connection, { action: 'dealer.edit' });
    const row = audit.entries.find((a) => a.target === first!.code && a.action === 'dealer.edit')!;
    expect(row.user).toBe('root');
    expect(row.detail).toEqual({
      dealer: first!.code, changed: ['name', 'region', 'city'],
      before: { name: first!.name, region: first!.region, city: first!.city }, after: { name: '新名称', region: '西南', city: null },
    });
    // The same values again: nothing changed, nothing audited.
    const again = await editDealer(db.connection, first!.code, { name: '新名称' }, actor);
    expect(again.ok && again.value.changed).toEqual([]);
    expect((await listAudit(db.connection)).entries.filter((a) => a.action === 'dealer.edit' && a.target === first!.code)).toHaveLength(1);
  });

  it('a peer-group change recomputes the peer flags under the new groups and lists the flags added and removed', async () => {
    const master = await listDealerMaster(db.connection);
    const metro = master.filter((d) => d.peerGroup === 'metro');
    expect(metro.length).toBe(6);
    expect(await peerGroups(db.connection)).toEqual(['city', 'metro']);
    const before = await readFlags(db.connection);
    // Before: only "metro" (6) is big enough for peer flags.
    expect(new Set(before.filter((f) => f.kind === 'peer').map((f) => f.reference?.group))).toEqual(new Set(['metro']));
    const moved = metro[0]!.code;
    const r = await editDealer(db.connection, moved, { peerGroup: 'city' }, actor);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.changed).toEqual(['peerGroup']);
    const after = await readFlags(db.connection);
    // After: both groups have five; every peer flag names its dealer's group now.
    const groupOf = new Map((await listDealerMaster(db.connection)).map((d) => [d.code, d.peerGroup]));
    expect(groupOf.get(moved)).toBe('city');
    const peers = after.filter((f) => f.kind === 'peer');
    expect(peers.length).toBeGreaterThan(0);
    for (const f of peers) expect(f.reference?.group).toBe(groupOf.get(f.dealer));
    // The report is exactly the difference of the two flag lists.
    const was = new Set(before.map(key));
    const now = new Set(after.map(key));
    const flags = r.value.recompute!.flags;
    expect(flags.before).toBe(before.length);
    expect(flags.after).toBe(after.length);
    expect(flags.addedTotal).toBe(after.filter((f) => !was.has(key(f))).length);
    expect(flags.removedTotal).toBe(before.filter((f) => !now.has(key(f))).length);
    expect(flags.addedTotal + flags.removedTotal).toBeGreaterThan(0);
    for (const a of flags.added) expect(was.has(`${a.dealer} ${a.month} ${a.kpi} ${a.kind}`)).toBe(false);
    for (const a of flags.removed) expect(now.has(`${a.dealer} ${a.month} ${a.kpi} ${a.kind}`)).toBe(false);
    const sample = [...flags.added, ...flags.removed][0]!;
    expect(sample.zh).toContain(`${sample.dealer} ${sample.month} · `);
    expect(sample.en).toContain(`${sample.dealer} ${sample.month} · `);
    const audit = (await listAudit(db.connection)).entries.find((a) => a.action === 'dealer.edit' && a.target === moved)!;
    expect(audit.detail).toMatchObject({ before: { peerGroup: 'metro' }, after: { peerGroup: 'city' } });
  }, 120_000);

  it('names the region in English and the peer group in both languages, for every dealer of that region or group; audited; no recompute', async () => {
    const master = await listDealerMaster(db.connection);
    const d = master.find((x) => x.region !== null && x.peerGroup === 'city')!;
    const sameRegion = master.filter((x) => x.region === d.region).map((x) => x.code);
    const r = await editDealer(db.connection, d.code, { regionEn: '  Region X ', groupZh: '城市组', groupEn: 'City group' }, actor);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.changed).toEqual(['regionEn', 'groupZh', 'groupEn']);
    expect(r.value.recompute).toBeNull();
    expect(r.value.names.after).toEqual({ regionEn: 'Region X', groupZh: '城市组', groupEn: 'City group' });
    const names = await dealerNames(db.connection);
    expect(names.regions.find((x) => x.region === d.region)).toEqual({ region: d.region, en: 'Region X' });
    expect(names.groups.find((x) => x.id === 'city')).toEqual({ id: 'city', zh: '城市组', en: 'City group' });
    expect(sameRegion.length).toBeGreaterThan(0);
    const audit = (await listAudit(db.connection, { action: 'dealer.edit' })).entries.find((a) => a.target === d.code)!;
    expect(audit.detail).toMatchObject({
      changed: ['regionEn', 'groupZh', 'groupEn'], region: d.region, peerGroup: 'city',
      before: { regionEn: r.value.names.before.regionEn, groupZh: '城市', groupEn: 'City' },
      after: { regionEn: 'Region X', groupZh: '城市组', groupEn: 'City group' },
    });
    // Cleared with '': the region is shown as stored again; the same names again change nothing.
    const cleared = await editDealer(db.connection, d.code, { regionEn: '' }, actor);
    expect(cleared.ok && cleared.value.changed).toEqual(['regionEn']);
    expect((await dealerNames(db.connection)).regions.find((x) => x.region === d.region)).toEqual({ region: d.region, en: null });
    const same = await editDealer(db.connection, d.code, { groupEn: 'City group' }, actor);
    expect(same.ok && same.value.changed).toEqual([]);
  });

  it('checks the names like the other fields, and refuses an English region name for a dealer without a region', async () => {
    const code = (p: Parameters<typeof checkDealerPatch>[0]) => {
      const r = checkDealerPatch(p, ['city']);
      return r.ok ? 'ok' : `${r.error.code}:${(r.error.details?.field as string | undefined) ?? ''}`;
    };
    expect(code({ regionEn: 'a\tb' })).toBe('invalid_dealer_field:regionEn');
    expect(code({ groupZh: '组'.repeat(51) })).toBe('invalid_dealer_field:groupZh');
    expect(code({ groupEn: 'x'.repeat(50) })).toBe('ok');
    const [d] = await listDealerMaster(db.connection);
    const noRegion = await editDealer(db.connection, d!.code, { region: '', regionEn: 'Somewhere' }, actor);
    expect(!noRegion.ok && noRegion.error.code).toBe('invalid_dealer_field');
    expect(!noRegion.ok && noRegion.error.message.en).toContain('region English name needs a region first');
    expect((await listDealerMaster(db.connection)).find((x) => x.code === d!.code)!.region).toBe(d!.region);
  });

  it('a dealers file loaded later replaces the hand edit (the file is the master)', async () => {
    const [d] = await listDealerMaster(db.connection);
    await editDealer(db.connection, d!.code, { region: '手工区域' }, actor);
    const file = join(dir, 'dealers.csv');
    await writeFile(file, `dealer_code,name,region,peer_group,city\n${d!.code},文件名称,文件区域,${d!.peerGroup},文件城市\n`);
    const summary = await loadExport(db.connection, { path: file, uploadedBy: 'root' });
    expect(summary.status).toBe('loaded');
    const [now] = await queryJson<{ region: string; name: string }>(db.connection, 'SELECT region, name FROM dealers WHERE dealer_code = $c', { c: d!.code });
    expect(now).toEqual({ region: '文件区域', name: '文件名称' });
  });
});

describe('changeSetting', () => {
  it('reports the flags a target change adds, and the same ones removed when it is reset', async () => {
    const before = await readFlags(db.connection);
    const set = await changeSetting(db.connection, 'target.booking_rate', 0.99, actor);
    expect(set.value).toBe(0.99);
    const after = await readFlags(db.connection);
    const was = new Set(before.map(key));
    const added = after.filter((f) => !was.has(key(f)));
    expect(added.length).toBeGreaterThan(0);
    expect(set.flags.addedTotal).toBe(added.length);
    expect(set.flags.added.every((a) => a.kpi === 'booking_rate' && a.kind === 'target')).toBe(true);
    expect(set.flags.added[0]!.zh).toContain('未达目标');
    const reset = await changeSetting(db.connection, 'target.booking_rate', null, actor);
    expect(reset.reset).toBe(true);
    expect(reset.flags.removedTotal).toBe(added.length);
    expect(new Set(reset.flags.removed.map((r) => `${r.dealer} ${r.month}`))).toEqual(new Set(set.flags.added.map((a) => `${a.dealer} ${a.month}`)));
  }, 120_000);
});
