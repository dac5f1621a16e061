// Dealers master data over the API: only admins read and edit it (403 for others); the edit is
// checked (400 with a zh/en message, 404 for an unknown dealer), audited with before/after,
// visible at once in /api/dealers; a peer-group change and a target change answer the flags
// they added and removed, in words.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import type { DealerEdited, DealerMasterList, SettingChanged } from '@fixops/contracts';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const patch = (token: string, code: string, payload: object, lang = 'zh') => env.app.inject({
  method: 'PATCH', url: `/api/dealers/${code}`, headers: { ...bearer(token), 'accept-language': lang }, payload,
});

describe('dealers master data', () => {
  it('names the region and peer group in both languages from the master: /api/overview gives the English region name after an edit', async () => {
    type Row = { code: string; region: string | null; group: string; regionName: { zh: string; en: string } | null; groupName: { zh: string; en: string } };
    const overview = async () => (await env.app.inject({ url: '/api/overview', headers: bearer(env.tokens.admin) })).json<Row[]>();
    const row = (await overview()).find((d) => d.code === env.own)!;
    expect(row.region).not.toBeNull();
    // Before: the seeded names (the stored value where none is seeded).
    expect(row.regionName!.zh).toBe(row.region);
    expect(row.groupName.zh.length).toBeGreaterThan(0);
    const r = await patch(env.tokens.admin, env.own, { regionEn: ' Own Region ', groupEn: 'Own Group', groupZh: '本组' });
    expect(r.statusCode).toBe(200);
    expect(r.json<Static<typeof DealerEdited>>().changed).toEqual(['regionEn', 'groupZh', 'groupEn']);
    const after = await overview();
    expect(after.find((d) => d.code === env.own)).toMatchObject({ regionName: { zh: row.region, en: 'Own Region' }, groupName: { zh: '本组', en: 'Own Group' } });
    // Every dealer of the same region and group shows the same names.
    for (const d of after.filter((x) => x.region === row.region)) expect(d.regionName).toEqual({ zh: row.region, en: 'Own Region' });
    for (const d of after.filter((x) => x.group === row.group)) expect(d.groupName).toEqual({ zh: '本组', en: 'Own Group' });
    const one = (await env.app.inject({ url: `/api/dealers/${env.own}`, headers: bearer(env.tokens.dealer) })).json<Row>();
    expect(one.regionName).toEqual({ zh: row.region, en: 'Own Region' });
    const page = (await env.app.inject({ url: `/api/dealers/${env.own}/dashboard`, headers: bearer(env.tokens.dealer) })).json<{ dealer: Row }>();
    expect(page.dealer).toMatchObject({ regionName: { zh: row.region, en: 'Own Region' }, groupName: { zh: '本组', en: 'Own Group' } });
    const master = (await env.app.inject({ url: '/api/dealer-master', headers: bearer(env.tokens.admin) })).json<Static<typeof DealerMasterList>>();
    expect(master.regionNames).toContainEqual({ region: row.region, en: 'Own Region' });
    expect(master.groupNames).toContainEqual({ id: row.group, zh: '本组', en: 'Own Group' });
    const bad = await patch(env.tokens.admin, env.own, { regionEn: 'a\nb' }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('region English name');
  });

  it('is read and edited by admins only', async () => {
    for (const who of ['consultant', 'dealer'] as const) {
      expect((await env.app.inject({ url: '/api/dealer-master', headers: bearer(env.tokens[who]) })).statusCode).toBe(403);
      expect((await patch(env.tokens[who], env.own, { region: 'x' })).statusCode).toBe(403);
    }
    const list = await env.app.inject({ url: '/api/dealer-master', headers: bearer(env.tokens.admin) });
    expect(list.statusCode).toBe(200);
    const body = list.json<Static<typeof DealerMasterList>>();
    expect(body.dealers.map((d) => d.code)).toEqual([...env.dealers].sort());
    expect(body.peerGroups.length).toBeGreaterThan(0);
  });

  it('checks the values: 400 in the caller\'s language, 404 for an unknown dealer', async () => {
    const empty = await patch(env.tokens.admin, env.own, { name: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'invalid_dealer_field', message: expect.stringContaining('不能为空') as string });
    const en = await patch(env.tokens.admin, env.own, { peerGroup: 'Tier 2' }, 'en');
    expect(en.statusCode).toBe(400);
    expect(en.json<{ error: { message: string } }>().error.message).toContain('not a group in use');
    expect((await patch(env.tokens.admin, env.own, { colour: 'red' })).statusCode).toBe(400);
    expect((await patch(env.tokens.admin, 'ZZ999', { name: 'x' })).statusCode).toBe(404);
  });

  it('stores an edit, shows it in /api/dealers and audits before and after', async () => {
    const r = await patch(env.tokens.admin, env.own, { region: ' 西南 ', city: '成都' });
    expect(r.statusCode).toBe(200);
    const edited = r.json<Static<typeof DealerEdited>>();
    expect(edited.changed).toEqual(['region', 'city']);
    expect(edited.dealer).toMatchObject({ code: env.own, region: '西南', city: '成都' });
    expect(edited.recompute).toBeNull();
    const one = (await env.app.inject({ url: `/api/dealers/${env.own}`, headers: bearer(env.tokens.dealer) })).json<{ region: string; city: string }>();
    expect(one).toMatchObject({ region: '西南', city: '成都' });
    const audit = (await env.app.inject({ url: '/api/audit?action=dealer.edit', headers: bearer(env.tokens.admin) })).json<{ entries: { user: string; via: string; target: string; detail: Record<string, unknown> }[] }>();
    expect(audit.entries[0]).toMatchObject({
      user: 'admin', via: 'api', target: env.own,
      detail: { changed: ['region', 'city'], before: { region: edited.before.region, city: edited.before.city }, after: { region: '西南', city: '成都' } },
    });
  });

  it('a peer-group change recomputes and answers the flags added and removed', async () => {
    const r = await patch(env.tokens.admin, env.other, { peerGroup: 'solo' });
    expect(r.statusCode).toBe(200);
    const edited = r.json<Static<typeof DealerEdited>>();
    expect(edited.changed).toEqual(['peerGroup']);
    expect(edited.recompute!.dealerMonths).toBeGreaterThan(0);
    const flags = edited.recompute!.flags;
    expect(flags.after).toBe(flags.before + flags.addedTotal - flags.removedTotal);
    const now = (await env.app.inject({ url: '/api/dealers', headers: bearer(env.tokens.admin) })).json<{ code: string; group: string }[]>();
    expect(now.find((d) => d.code === env.other)!.group).toBe('solo');
  });
});

describe('settings change', () => {
  it('answers the flags a target change added, in words, and removes them again on reset', async () => {
    const put = (value: number | null) => env.app.inject({ method: 'PUT', url: '/api/settings', headers: bearer(env.tokens.admin), payload: { key: 'target.booking_rate', value } });
    const set = (await put(0.99)).json<Static<typeof SettingChanged>>();
    expect(set.flags.addedTotal).toBeGreaterThan(0);
    expect(set.flags.after - set.flags.before).toBe(set.flags.addedTotal - set.flags.removedTotal);
    expect(set.flags.added[0]).toMatchObject({ kpi: 'booking_rate', kind: 'target', zh: expect.stringContaining('未达目标') as string, en: expect.stringContaining('off target') as string });
    const reset = (await put(null)).json<Static<typeof SettingChanged>>();
    expect(reset.flags.removedTotal).toBe(set.flags.addedTotal);
  });
});
