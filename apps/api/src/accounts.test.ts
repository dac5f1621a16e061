// Users, tokens and sessions over real HTTP on a real DuckDB file: the admin routes, revoking
// and disabling taking effect at once (sessions included), expiry, sessions surviving a
// restart and being swept, last use, and the per-account login limit.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addUser, createToken } from '@fixops/accounts';
import { openDatabase, queryJson } from '@fixops/db';
import { buildApp, type AppOptions } from './app.js';

let dir: string;
let dbPath: string;
let adminToken: string;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixops-accounts-api-'));
  dbPath = join(dir, 'a.duckdb');
  const db = await openDatabase(dbPath);
  try {
    await addUser(db.connection, { name: 'admin', role: 'admin' });
    const t = await createToken(db.connection, 'admin');
    if (!t.ok) throw new Error('token');
    adminToken = t.value.token;
  } finally {
    db.close();
  }
});

afterAll(async () => {
  for (const a of apps.splice(0)) await a.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(opts: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ dbPath, loginRateLimit: 1000, ...opts });
  await app.ready();
  apps.push(app);
  return app;
}

async function stop(app: FastifyInstance): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.close();
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const cookieOf = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;

async function login(app: FastifyInstance, token: string, user?: string) {
  return app.inject({ method: 'POST', url: '/api/login', payload: user === undefined ? { token } : { token, user } });
}

/** Adds a user and a token through the admin API; answers the token. */
async function userWithToken(app: FastifyInstance, name: string, role = 'consultant', dealer?: string): Promise<{ token: string; id: number }> {
  const u = await app.inject({ method: 'POST', url: '/api/users', headers: bearer(adminToken), payload: { name, role, ...(dealer ? { dealer } : {}) } });
  expect(u.statusCode, u.body).toBe(201);
  const t = await app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(adminToken), payload: { user: name } });
  expect(t.statusCode, t.body).toBe(201);
  return t.json<{ token: string; id: number }>();
}

describe('admin routes for users and tokens', () => {
  it('adds and lists users, creates a token shown once, lists tokens without secrets; admin only', async () => {
    const app = await start();
    const { token, id } = await userWithToken(app, 'li');
    const users = (await app.inject({ url: '/api/users', headers: bearer(adminToken) })).json<{ name: string; role: string; disabled: boolean }[]>();
    expect(users.map((u) => [u.name, u.role, u.disabled])).toEqual([['admin', 'admin', false], ['li', 'consultant', false]]);
    expect((await app.inject({ url: '/api/me', headers: bearer(token) })).json()).toEqual({ name: 'li', role: 'consultant', dealer: null });

    const list = await app.inject({ url: '/api/tokens', headers: bearer(adminToken) });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toMatch(/[0-9a-f]{64}/);
    const mine = (list.json<{ id: number; user: string; status: string; expiresAt: string; createdAt: string }[]>()).find((t) => t.id === id)!;
    expect(mine.user).toBe('li');
    expect(mine.status).toBe('active');
    expect(Math.round((Date.parse(mine.expiresAt) - Date.parse(mine.createdAt)) / 86_400_000)).toBe(90);
    const week = await app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(adminToken), payload: { user: 'li', expiresDays: 7 } });
    expect(week.headers['cache-control']).toBe('no-store');
    expect(Math.round((Date.parse((week.json<{ expiresAt: string }>()).expiresAt) - Date.now()) / 86_400_000)).toBe(7);
    expect(((await app.inject({ url: '/api/tokens?user=li', headers: bearer(adminToken) })).json<unknown[]>())).toHaveLength(2);
    expect((await app.inject({ url: '/api/tokens?user=nobody', headers: bearer(adminToken) })).statusCode).toBe(404);

    for (const [method, url, payload] of [['GET', '/api/users'], ['POST', '/api/users', { name: 'x', role: 'admin' }], ['GET', '/api/tokens'],
      ['POST', '/api/tokens', { user: 'li' }], ['DELETE', `/api/tokens/${id}`], ['POST', '/api/users/admin/disable']] as const) {
      expect((await app.inject({ method, url, headers: bearer(token), payload })).statusCode, `${method} ${url}`).toBe(403);
      expect((await app.inject({ method, url, payload })).statusCode, `${method} ${url}`).toBe(401);
    }
    const dup = await app.inject({ method: 'POST', url: '/api/users', headers: { ...bearer(adminToken), 'accept-language': 'en' }, payload: { name: 'li', role: 'admin' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ error: { code: 'user_exists', message: 'User "li" already exists' } });
    const bad = await app.inject({ method: 'POST', url: '/api/users', headers: bearer(adminToken), payload: { name: 'd1', role: 'dealer' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'dealer_required' } });
    expect((await app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(adminToken), payload: { user: 'nobody' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(adminToken), payload: { user: 'li', expiresDays: 0 } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'DELETE', url: '/api/tokens/9999', headers: bearer(adminToken) })).statusCode).toBe(404);
    await stop(app);
  });
});

describe('revoking, disabling and expiry take effect at once, sessions included', () => {
  it('a revoked token and its sessions stop working on the next request', async () => {
    const app = await start();
    const { token, id } = await userWithToken(app, 'wang');
    const other = (await app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(adminToken), payload: { user: 'wang' } })).json<{ token: string }>();
    const res = await login(app, token);
    expect(res.statusCode).toBe(200);
    const cookie = cookieOf(res.headers['set-cookie']);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    const revoked = await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bearer(adminToken) });
    expect(revoked.json()).toMatchObject({ id, status: 'revoked' });
    expect((await app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await login(app, token)).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/me', headers: bearer(other.token) })).statusCode).toBe(200);
    await stop(app);
  });

  it('a disabled user is refused at once (token and session); enabling lets its token in again', async () => {
    const app = await start();
    const { token } = await userWithToken(app, 'zhao', 'dealer', 'SH001');
    const cookie = cookieOf((await login(app, token)).headers['set-cookie']);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).json()).toEqual({ name: 'zhao', role: 'dealer', dealer: 'SH001' });
    const off = await app.inject({ method: 'POST', url: '/api/users/zhao/disable', headers: bearer(adminToken) });
    expect(off.json()).toMatchObject({ name: 'zhao', disabled: true });
    expect((await app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(adminToken), payload: { user: 'zhao' } })).statusCode).toBe(409);
    const on = await app.inject({ method: 'POST', url: '/api/users/zhao/enable', headers: bearer(adminToken) });
    expect(on.json()).toMatchObject({ name: 'zhao', disabled: false });
    expect((await app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/users/nobody/disable', headers: bearer(adminToken) })).statusCode).toBe(404);
    const last = await app.inject({ method: 'POST', url: '/api/users/admin/disable', headers: bearer(adminToken) });
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ error: { code: 'last_admin' } });
    await stop(app);
  });

  it('an expired token is refused, though the answer for it was remembered before', async () => {
    const app = await start();
    const { token, id } = await userWithToken(app, 'sun');
    expect((await app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);
    await app.store.write({ kind: 'account', label: 'test: expire in 1.5 s', user: 'test' }, (c) =>
      c.run("UPDATE tokens SET expires_at = current_timestamp::TIMESTAMP + INTERVAL 1500 MILLISECOND WHERE id = $id", { id }));
    expect((await app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(401);
    await stop(app);
  });
});

describe('sessions in the database', () => {
  it('survive a restart, are stored hashed, and expired ones are swept at start', async () => {
    let app = await start();
    const { token } = await userWithToken(app, 'zhou');
    const cookie = cookieOf((await login(app, token)).headers['set-cookie']);
    const stale = cookieOf((await login(app, token)).headers['set-cookie']);
    await app.store.write({ kind: 'account', label: 'test: age one session', user: 'test' }, async (c) => {
      const rows = await queryJson<{ hash: string }>(c, 'SELECT hash FROM sessions');
      expect(rows.map((r) => r.hash).join()).not.toContain(cookie.split('=')[1]);
      const { sha256 } = await import('@fixops/accounts');
      await c.run("UPDATE sessions SET expires_at = current_timestamp::TIMESTAMP - INTERVAL 1 MINUTE WHERE hash = $h", { h: sha256(stale.split('=')[1]!) });
    });
    await stop(app);
    app = await start();
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).json()).toMatchObject({ name: 'zhou' });
    expect((await app.inject({ url: '/api/me', headers: { cookie: stale } })).statusCode).toBe(401);
    const left = await app.store.read((c) => queryJson<{ n: number }>(c, "SELECT count(*)::INTEGER AS n FROM sessions s JOIN tokens t ON t.id = s.token_id WHERE t.user_name = 'zhou'"));
    expect(left[0]!.n).toBe(1);
    const out = await app.inject({ method: 'POST', url: '/api/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    await stop(app);
  });

  it('records a token\'s last use, at most once a minute', async () => {
    const app = await start();
    const { token, id } = await userWithToken(app, 'wu');
    const lastUsed = async () => ((await app.inject({ url: `/api/tokens?user=wu`, headers: bearer(adminToken) })).json<{ id: number; lastUsedAt: string | null }[]>()).find((t) => t.id === id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    for (let i = 0; i < 5; i++) await app.inject({ url: '/api/me', headers: bearer(token) });
    let seen: string | null = null;
    for (let i = 0; i < 50 && seen === null; i++) {
      seen = await lastUsed();
      if (seen === null) await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await new Promise((r) => setTimeout(r, 1100));
    for (let i = 0; i < 5; i++) await app.inject({ url: '/api/me', headers: bearer(token) });
    await new Promise((r) => setTimeout(r, 100));
    expect(await lastUsed()).toBe(seen);
    await stop(app);
  });
});

describe('login limit per account', () => {
  it('after too many failed logins for one account, refuses it (429, zh/en) even with a good token; others unaffected', async () => {
    const app = await start({ accountLoginLimit: { max: 3, windowMs: 60_000 } });
    const { token } = await userWithToken(app, 'qian');
    const zhang = await userWithToken(app, 'zhang');
    for (let i = 0; i < 3; i++) expect((await login(app, `wrong-${i}`, 'qian')).statusCode).toBe(401);
    const zh = await login(app, token, 'qian');
    expect(zh.statusCode).toBe(429);
    expect(zh.headers['retry-after']).toMatch(/^\d+$/);
    expect(zh.json()).toMatchObject({ error: { code: 'account_login_limited', details: { account: 'qian' } } });
    expect((zh.json<{ error: { message: string } }>()).error.message).toMatch(/账户“qian”登录失败次数过多，请 \d+ 秒后再试/);
    const en = await app.inject({ method: 'POST', url: '/api/login', headers: { 'accept-language': 'en' }, payload: { token } });
    expect(en.statusCode).toBe(429);
    expect((en.json<{ error: { message: string } }>()).error.message).toMatch(/Too many failed logins for account "qian"/);
    expect((await login(app, zhang.token)).statusCode).toBe(200);
    expect((await login(app, token, 'zhang')).statusCode).toBe(401);
    await stop(app);
  });
});
