// A Node handler mounted for every path outside /api: it gets the raw request (body unread,
// no auth), while /api keeps its own answers (an unknown /api path stays the API's JSON 404).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { API_APP, startServer } from './server.js';

let dir: string;
let app: FastifyInstance;
let url: string;
const seen: { method: string; url: string; body: string; proto: string | undefined }[] = [];

function handler(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, body: Buffer.concat(chunks).toString('utf8'), proto: req.headers['x-forwarded-proto'] as string | undefined });
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<p>page ${req.url}</p>`);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixops-web-mount-'));
  ({ app, url } = await startServer({ dbPath: join(dir, 'f.duckdb'), port: 0, logger: false, web: handler }));
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the dashboard mount', () => {
  it('serves pages through the handler without a token, with the body unread and the protocol said', async () => {
    const page = await fetch(`${url}/dealers/SH001?month=2025-12`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<p>page /dealers/SH001?month=2025-12</p>');
    const root = await fetch(`${url}/`);
    expect(await root.text()).toBe('<p>page /</p>');
    const form = await fetch(`${url}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=abc&next=%2F' });
    expect(form.status).toBe(200);
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/login', body: 'token=abc&next=%2F', proto: 'http' });
    const multi = new FormData();
    multi.set('file', new Blob(['a,b\n1,2\n']), 'x.csv');
    await fetch(`${url}/uploads`, { method: 'POST', body: multi });
    expect(seen.at(-1)!.body).toContain('a,b\n1,2\n');
  });

  it('keeps /api answering as the API', async () => {
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const unknown = await fetch(`${url}/api/nowhere`);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const posted = await fetch(`${url}/api/nowhere`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(posted.status).toBe(401);
    expect(seen.some((s) => s.url.startsWith('/api'))).toBe(false);
  });

  it('registers the running app for in-process callers, and forgets it once closed', async () => {
    expect((globalThis as Record<symbol, unknown>)[API_APP]).toBe(app);
    const other = await buildApp({ dbPath: join(dir, 'g.duckdb') });
    await other.close();
    expect((globalThis as Record<symbol, unknown>)[API_APP]).toBe(app);
  });
});

describe('without a mounted handler', () => {
  it('answers pages as unknown API paths (401 first)', async () => {
    const bare = await buildApp({ dbPath: join(dir, 'h.duckdb') });
    const r = await bare.inject({ method: 'GET', url: '/dealers/SH001' });
    expect(r.statusCode).toBe(401);
    await bare.close();
  });
});
