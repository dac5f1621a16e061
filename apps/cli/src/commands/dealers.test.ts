// `fixops dealers` and `fixops dealers set` through the built binary on the demo network: the
// list and its filters, an edit printed before → after and audited, bad values refused (exit 2),
// an unknown dealer (exit 1), a new peer group recomputes and prints the flags that changed;
// `fixops settings set` prints the flags it added and removed too.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, demoCopy, fixops, parseJson, tempDir } from '../test-helpers/run.js';

afterAll(cleanup);

interface Dealer { code: string; name: string | null; region: string | null; city: string | null; peerGroup: string }
let db: string;
beforeAll(async () => {
  db = join(tempDir(), 'demo.duckdb');
  await demoCopy(db);
}, 600_000);

const list = (...args: string[]) => parseJson<Dealer[]>(fixops(['dealers', '--json', '--db', db, ...args]).stdout);

describe('fixops dealers', () => {
  it('lists the master data, filtered by region and peer group', () => {
    const all = list();
    expect(all.length).toBe(12);
    expect(all.find((d) => d.code === 'SZ009')).toMatchObject({ region: '华南', peerGroup: 'metro', city: '深圳' });
    const south = list('--region', '华南');
    expect(south.map((d) => d.code)).toEqual(all.filter((d) => d.region === '华南').map((d) => d.code));
    expect(list('--region', '华南', '--group', 'city').every((d) => d.region === '华南' && d.peerGroup === 'city')).toBe(true);
    const table = fixops(['dealers', '--db', db]).stdout;
    expect(table).toContain('同组 Peer group');
    expect(table).toContain('SZ009');
  });

  it('edits a dealer, prints before → after, and the audit log has it', () => {
    const r = fixops(['dealers', 'set', 'SZ009', '--region', ' 西南 ', '--city', '成都', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Dealer updated: SZ009');
    expect(r.stdout).toContain('region: 华南 → 西南');
    expect(r.stdout).toContain('city: 深圳 → 成都');
    expect(r.stdout).not.toContain('recomputed');
    expect(list('--region', '西南').map((d) => d.code)).toEqual(['SZ009']);
    const audit = parseJson<{ action: string; target: string; via: string; detail: Record<string, unknown> }[]>(fixops(['audit', '--action', 'dealer.edit', '--json', '--db', db]).stdout);
    expect(audit[0]).toMatchObject({ action: 'dealer.edit', target: 'SZ009', via: 'cli', detail: { before: { region: '华南', city: '深圳' }, after: { region: '西南', city: '成都' } } });
  });

  it('refuses bad values (exit 2, zh and en), an unknown dealer (exit 1) and a set without fields', () => {
    const empty = fixops(['dealers', 'set', 'SZ009', '--name', '   ', '--db', db]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('不能为空');
    expect(empty.stderr).toContain('must not be empty');
    const group = fixops(['dealers', 'set', 'SZ009', '--peer-group', 'Big City', '--db', db]);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('not a group in use');
    const unknown = fixops(['dealers', 'set', 'ZZ999', '--name', 'x', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('ZZ999');
    expect(fixops(['dealers', 'set', 'SZ009', '--db', db]).code).toBe(2);
  });

  it('names the region in English and the peer group in both languages, checked and audited', () => {
    const r = fixops(['dealers', 'set', 'SZ009', '--region-en', ' South-west ', '--group-zh', '一线城市', '--group-en', 'Tier-1 city', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    // SZ009 is in 西南 (edited above): its seeded English name is replaced.
    expect(r.stdout).toContain('regionEn: Southwest China → South-west');
    expect(r.stdout).toContain('groupZh: 大城市 → 一线城市');
    expect(r.stdout).toContain('groupEn: Metro → Tier-1 city');
    const audit = parseJson<{ target: string; detail: Record<string, unknown> }[]>(fixops(['audit', '--action', 'dealer.edit', '--json', '--db', db]).stdout);
    expect(audit[0]).toMatchObject({ target: 'SZ009', detail: { region: '西南', peerGroup: 'metro', changed: ['regionEn', 'groupZh', 'groupEn'], after: { regionEn: 'South-west' } } });
    const bad = fixops(['dealers', 'set', 'SZ009', '--group-en', 'a\tb', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('control characters');
    // Back to the seeded names, so the next tests see the demo's groups as before.
    expect(fixops(['dealers', 'set', 'SZ009', '--group-zh', '大城市', '--group-en', 'Metro', '--db', db]).code).toBe(0);
  });

  it('a new peer group recomputes and prints the flags added and removed', () => {
    const r = fixops(['dealers', 'set', 'SZ009', '--peer-group', 'city', '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const edit = JSON.parse(r.stdout) as { changed: string[]; recompute: { flags: { before: number; after: number; addedTotal: number; removedTotal: number; added: { kind: string }[]; removed: { kind: string }[] } } };
    expect(edit.changed).toEqual(['peerGroup']);
    const f = edit.recompute.flags;
    expect(f.after).toBe(f.before + f.addedTotal - f.removedTotal);
    expect(f.addedTotal + f.removedTotal).toBeGreaterThan(0);
    // Only peer flags move when a dealer changes group.
    expect([...f.added, ...f.removed].every((c) => c.kind === 'peer')).toBe(true);
    const back = fixops(['dealers', 'set', 'SZ009', '--peer-group', 'metro', '--db', db]);
    expect(back.stdout).toContain('recomputed');
    expect(back.stdout).toMatch(/预警 Flags: \d+ → \d+（新增 added \d+，消除 removed \d+）/);
  });
});

describe('fixops settings set', () => {
  it('prints the flags a change added and removed, in words', () => {
    const set = fixops(['settings', 'set', 'target.booking_rate', '0.99', '--db', db]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/预警 Flags: \d+ → \d+（新增 added [1-9]\d*，消除 removed 0）/);
    expect(set.stdout).toMatch(/\n {2}\+ \S+ \d{4}-\d{2} · .* · 未达目标：/);
    expect(set.stdout).toMatch(/\n {4}\S+ \d{4}-\d{2} · .* · off target: /);
    const reset = parseJson<{ reset: boolean; flags: { addedTotal: number; removedTotal: number } }>(fixops(['settings', 'reset', 'target.booking_rate', '--json', '--db', db]).stdout);
    expect(reset.reset).toBe(true);
    expect(reset.flags.removedTotal).toBeGreaterThan(0);
  });
});
