import { afterAll, describe, expect, it } from 'vitest';
import { addUser, listUsers, setUserDisabled } from './users.js';
import { createToken, tokenAccess } from './tokens.js';
import { openSession, sessionAccess } from './sessions.js';
import { cleanup, tempDb } from './test-helpers/tempDb.js';

afterAll(cleanup);

describe('users', () => {
  it('adds users with a role, a dealer only for dealer users, names unique', async () => {
    const db = await tempDb();
    const c = db.connection;
    expect((await addUser(c, { name: 'alice', role: 'admin' })).ok).toBe(true);
    expect((await addUser(c, { name: 'bob', role: 'dealer', dealer: 'SH001' })).ok).toBe(true);
    const codes = await Promise.all([
      addUser(c, { name: 'x', role: 'dealer' }), addUser(c, { name: 'x', role: 'admin', dealer: 'SH001' }),
      addUser(c, { name: 'x y', role: 'admin' }), addUser(c, { name: 'x', role: 'boss' }), addUser(c, { name: 'alice', role: 'admin' }),
    ].map(async (p) => { const r = await p; return r.ok ? 'ok' : r.error.code; }));
    expect(codes).toEqual(['dealer_required', 'dealer_not_allowed', 'invalid_user_name', 'invalid_role', 'user_exists']);
    expect((await listUsers(c)).map((u) => [u.name, u.role, u.dealer, u.disabled])).toEqual([['alice', 'admin', null, false], ['bob', 'dealer', 'SH001', false]]);
    db.close();
  });

  it('a disabled user is refused at once, its sessions end; enabling lets its tokens in again, not its sessions', async () => {
    const db = await tempDb();
    const c = db.connection;
    await addUser(c, { name: 'alice', role: 'admin' });
    await addUser(c, { name: 'bob', role: 'consultant' });
    const t = await createToken(c, 'bob');
    if (!t.ok) throw new Error('token');
    const sid = await openSession(c, t.value.id);
    expect((await sessionAccess(c, sid))?.user.name).toBe('bob');
    const off = await setUserDisabled(c, 'bob', true);
    expect(off.ok && off.value.disabled).toBe(true);
    expect(await tokenAccess(c, t.value.token)).toBeUndefined();
    expect(await sessionAccess(c, sid)).toBeUndefined();
    expect((await createToken(c, 'bob')).ok).toBe(false);
    await setUserDisabled(c, 'bob', false);
    expect((await tokenAccess(c, t.value.token))?.user.name).toBe('bob');
    expect(await sessionAccess(c, sid)).toBeUndefined();
    db.close();
  });

  it('refuses to disable the last enabled admin and an unknown user', async () => {
    const db = await tempDb();
    const c = db.connection;
    await addUser(c, { name: 'alice', role: 'admin' });
    await addUser(c, { name: 'root', role: 'admin' });
    expect((await setUserDisabled(c, 'alice', true)).ok).toBe(true);
    const last = await setUserDisabled(c, 'root', true);
    expect(last.ok ? '' : last.error.code).toBe('last_admin');
    const nobody = await setUserDisabled(c, 'nobody', true);
    expect(nobody.ok ? '' : nobody.error.code).toBe('unknown_user');
    db.close();
  });
});
