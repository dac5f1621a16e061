// Behind a TLS proxy the server itself speaks plain HTTP: the session cookie must still be
// Secure when the proxy says the browser came over https (FIXOPS_WEB_PROTOCOL_HEADER).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addUser, createToken } from '@fixops/accounts';
import { openDatabase } from '@fixops/db';
import { buildApp } from './app.js';

let dir: string;
let app: FastifyInstance;
let token: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixops-api-cookie-'));
  const dbPath = join(dir, 'fixops.duckdb');
  const db = await openDatabase(dbPath);
  try {
    const u = await addUser(db.connection, { name: 'admin', role: 'admin' });
    if (!u.ok) throw new Error(u.error.message.en);
    const t = await createToken(db.connection, 'admin');
    if (!t.ok) throw new Error(t.error.message.en);
    token = t.value.token;
  } finally {
    db.close();
  }
  app = await buildApp({ dbPath });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

const login = (headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/login', headers, payload: { token } });
const cookieOf = (r: Awaited<ReturnType<typeof login>>) => String(r.headers['set-cookie']);

describe('the session cookie behind a TLS proxy', () => {
  it('is Secure when the proxy says https, HttpOnly and SameSite=Strict always', async () => {
    const r = await login({ 'x-forwarded-proto': 'https' });
    expect(r.statusCode).toBe(200);
    expect(cookieOf(r)).toMatch(/fixops_session=.*; Secure/);
    expect(cookieOf(r)).toMatch(/HttpOnly/);
    expect(cookieOf(r)).toMatch(/SameSite=Strict/);
  });
  it('is not Secure over plain http (a cookie browsers would then never send back)', async () => {
    const r = await login({ 'x-forwarded-proto': 'http' });
    expect(r.statusCode).toBe(200);
    expect(cookieOf(r)).not.toMatch(/Secure/);
    expect(cookieOf(await login())).not.toMatch(/Secure/);
  });
});
