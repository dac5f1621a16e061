import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryJson } from '@fixops/db';
import { addUser } from './users.js';
import { createToken, revokeToken } from './tokens.js';
import { endSession, openSession, sessionAccess, sweepSessions } from './sessions.js';
import { sha256 } from './hash.js';
import { cleanup, tempDb } from './test-helpers/tempDb.js';

afterAll(cleanup);

async function withToken() {
  const db = await tempDb();
  await addUser(db.connection, { name: 'alice', role: 'admin' });
  const t = await createToken(db.connection, 'alice');
  if (!t.ok) throw new Error('token');
  return { db, c: db.connection, token: t.value };
}

describe('sessions', () => {
  it('are stored only as hashes and survive closing and reopening the file', async () => {
    const { db, c, token } = await withToken();
    const sid = await openSession(c, token.id);
    const rows = await queryJson<{ hash: string }>(c, 'SELECT hash FROM sessions');
    expect(rows).toEqual([{ hash: sha256(sid) }]);
    db.close();
    const again = await openDatabase(db.file);
    const access = await sessionAccess(again.connection, sid);
    expect(access?.user.name).toBe('alice');
    expect(access!.expiresInMs).toBeGreaterThan(11 * 3600_000);
    expect(access!.expiresInMs).toBeLessThanOrEqual(12 * 3600_000);
    again.close();
  });

  it('end at their expiry, at logout, and when their token is revoked', async () => {
    const { db, c, token } = await withToken();
    const short = await openSession(c, token.id, 1);
    const out = await openSession(c, token.id);
    const kept = await openSession(c, token.id);
    await new Promise((r) => setTimeout(r, 20));
    expect(await sessionAccess(c, short)).toBeUndefined();
    await endSession(c, out);
    expect(await sessionAccess(c, out)).toBeUndefined();
    expect((await sessionAccess(c, kept))?.tokenId).toBe(token.id);
    await revokeToken(c, token.id);
    expect(await sessionAccess(c, kept)).toBeUndefined();
    expect(await sessionAccess(c, 'made-up')).toBeUndefined();
    db.close();
  });

  it('sweeping deletes expired sessions and those of expired tokens, keeps live ones', async () => {
    const { db, c, token } = await withToken();
    const live = await openSession(c, token.id);
    await openSession(c, token.id, 1);
    const t2 = await createToken(c, 'alice');
    if (!t2.ok) throw new Error('token');
    await openSession(c, t2.value.id);
    await c.run("UPDATE tokens SET expires_at = current_timestamp::TIMESTAMP - INTERVAL 1 SECOND WHERE id = $id", { id: t2.value.id });
    await new Promise((r) => setTimeout(r, 20));
    expect(await sweepSessions(c)).toBe(2);
    expect(await queryJson(c, 'SELECT hash FROM sessions')).toEqual([{ hash: sha256(live) }]);
    expect(await sweepSessions(c)).toBe(0);
    db.close();
  });
});
