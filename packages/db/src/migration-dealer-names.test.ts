// Migration 17 adds the name tables of regions and peer groups, seeded with the names the web
// used to hard-code, on a database that already holds dealers.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { queryJson } from './query.js';

const dir = mkdtempSync(join(tmpdir(), 'fixops-db-dealer-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 17 (names of regions and peer groups)', () => {
  it('creates regions and peer_groups seeded with the former names, keeping the dealers', async () => {
    const instance = await DuckDBInstance.create(join(dir, 'v15.duckdb'));
    const c = await instance.connect();
    await migrate(c, migrations.filter((m) => m.version <= 15));
    await c.run("INSERT INTO dealers (dealer_code, name, region, peer_group) VALUES ('SH001', '上海一店', '华东', 'metro')");
    expect(await migrate(c)).toContain(17);
    const names = await queryJson<{ code: string; region: string; en: string | null; zh: string | null; gen: string | null }>(c, `
      SELECT d.dealer_code AS code, d.region, r.name_en AS en, g.name_zh AS zh, g.name_en AS gen
      FROM dealers d LEFT JOIN regions r ON r.region = d.region LEFT JOIN peer_groups g ON g.id = d.peer_group`);
    expect(names).toEqual([{ code: 'SH001', region: '华东', en: 'East China', zh: '大城市', gen: 'Metro' }]);
    expect(await queryJson(c, 'SELECT count(*)::INTEGER AS n FROM regions')).toEqual([{ n: 8 }]);
    expect(await queryJson(c, 'SELECT id, name_zh AS zh, name_en AS en FROM peer_groups ORDER BY id')).toEqual([
      { id: 'city', zh: '城市', en: 'City' }, { id: 'default', zh: '默认组', en: 'Default' }, { id: 'metro', zh: '大城市', en: 'Metro' },
    ]);
    c.closeSync();
    instance.closeSync();
  });
});
