import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, setupTestEnv, type TestEnv } from '../test-helpers/setup.js';
import { openStore } from './db.js';
import { sendMemoJson } from './memoJson.js';

describe('sendMemoJson', () => {
  it('remembers the text the route\'s response schema made: fields outside the schema are never sent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fixops-memo-'));
    const store = await openStore(join(dir, 'x.duckdb'));
    const app = Fastify();
    let computed = 0;
    app.get('/rows', { schema: { response: { 200: Type.Array(Type.Object({ a: Type.Integer(), b: Type.String() })) } } }, async (_req, reply) => {
      await sendMemoJson(store, reply, 'rows', async (c) => {
        computed++;
        const [row] = (await c.runAndReadAll('SELECT 41 + 1 AS n')).getRowObjectsJson() as { n: number }[];
        return [{ a: Number(row!.n), b: 'x', secret: 'token-hash' }];
      });
      return reply;
    });
    try {
      const first = await app.inject({ url: '/rows' });
      const second = await app.inject({ url: '/rows' });
      expect(computed).toBe(1);
      expect(first.body).toBe('[{"a":42,"b":"x"}]');
      expect(second.body).toBe(first.body);
      expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(second.body).not.toContain('secret');
    } finally {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('GET /api/dealers/:code/kpis (remembered)', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await setupTestEnv();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('answers from memory exactly what a fresh, schema-serialised answer says', async () => {
    const url = `/api/dealers/${env.own}/kpis?from=${env.months[0]}&to=${env.months.at(-1)}`;
    const admin = bearer(env.tokens.admin);
    const fresh = await env.app.inject({ url, headers: admin });
    const cached = await env.app.inject({ url, headers: admin });
    expect(fresh.statusCode).toBe(200);
    expect(cached.body).toBe(fresh.body);
    const rows = fresh.json<Record<string, unknown>[]>();
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(Object.keys(r).sort()).toEqual(['dealer', 'kpi', 'month', 'status', 'value']);
    // A write forgets the text; the recomputed answer is the same.
    await env.app.inject({ method: 'PUT', url: '/api/settings', headers: admin, payload: { key: 'target.booking_rate', value: null } });
    expect((await env.app.inject({ url, headers: admin })).body).toBe(fresh.body);
  });
});
