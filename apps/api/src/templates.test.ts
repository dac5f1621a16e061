// GET /api/templates/:id: the full template for the dashboard's assessment form.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '@fixops/db';
import { buildApp } from './app.js';
import { addUser, createToken } from '@fixops/accounts';

let dir: string;
let app: FastifyInstance;
let token: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixops-api-templates-'));
  const dbPath = join(dir, 'fixops.duckdb');
  const db = await openDatabase(dbPath);
  try {
    const u = await addUser(db.connection, { name: 'consultant', role: 'consultant' });
    if (!u.ok) throw new Error(u.error.message.en);
    const t = await createToken(db.connection, 'consultant');
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

const get = (url: string, auth = true) => app.inject({ method: 'GET', url, headers: auth ? { authorization: `Bearer ${token}` } : {} });

describe('GET /api/templates/:id', () => {
  it('answers the shipped dealer template in full: sections, modules, items, maxima and pass rate', async () => {
    const r = await get('/api/templates/dealer-aftersales');
    expect(r.statusCode).toBe(200);
    const t = r.json<{ id: string; kind: string; max: number; passRate: number; sections: { id: string; max: number; modules: { id: string; max: number; items?: { id: string; max: number; zh: string }[] }[] }[] }>();
    expect([t.id, t.kind, t.max, t.passRate]).toEqual(['dealer-aftersales', 'points', 1000, 0.7]);
    const fd = t.sections.find((s) => s.id === 'front_desk');
    expect(fd?.max).toBe(330);
    expect(fd?.modules.map((m) => m.max)).toEqual([195, 62, 28, 11, 24, 10]);
    const core = fd?.modules[0];
    expect(core?.items?.[0]).toMatchObject({ id: 'front_desk.core_process.appointment_call', max: 20, zh: '主动预约与预约确认电话' });
    expect(core?.items?.reduce((n, i) => n + i.max, 0)).toBe(195);
  });

  it('lists the valid ids for an unknown template, refuses a malformed id, and needs a login', async () => {
    const missing = await get('/api/templates/no-such-template');
    expect(missing.statusCode).toBe(404);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.arrayContaining) as any
    expect(missing.json()).toMatchObject({ error: { code: 'unknown_template', details: { choices: expect.arrayContaining(['dealer-aftersales']) } } });
    expect((await get('/api/templates/..%2Fetc')).statusCode).toBe(400);
    expect((await get('/api/templates/dealer-aftersales', false)).statusCode).toBe(401);
  });
});
