import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { migrate, migrations } from '@fixops/db';
import { listTokens, tokenAccess } from './tokens.js';
import { listUsers } from './users.js';
import { sha256 } from './hash.js';
import { cleanup, tempDb } from './test-helpers/tempDb.js';

afterAll(cleanup);

describe('upgrading a database made before tokens expired', () => {
  it('keeps its users and tokens working, with 90 days from the upgrade', async () => {
    const file = (await tempDb().then((d) => { d.close(); return d.file; })).replace(/a\.duckdb$/, 'old.duckdb');
    const instance = await DuckDBInstance.create(file);
    const c = await instance.connect();
    await migrate(c, migrations.filter((m) => m.version <= 4));
    await c.run("INSERT INTO users VALUES ('alice', 'admin', NULL, current_timestamp::TIMESTAMP)");
    await c.run("INSERT INTO tokens VALUES (1, 'alice', $h, current_timestamp::TIMESTAMP - INTERVAL 400 DAY, NULL)", { h: sha256('old-token') });
    expect(await migrate(c)).toContain(6);
    expect((await listUsers(c))[0]!.disabled).toBe(false);
    expect((await tokenAccess(c, 'old-token'))?.user.name).toBe('alice');
    const [t] = await listTokens(c);
    expect(Math.round((Date.parse(t!.expiresAt!) - Date.now()) / 86_400_000)).toBe(90);
    c.closeSync();
    instance.closeSync();
  });
});
