// The upload limits are FIXOPS_* settings the server reads at start (as the CLI does through
// loadExport): setting one changes the refusal, over real HTTP.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addUser, createToken } from '@fixops/accounts';
import { openDatabase } from '@fixops/db';
import { buildApp } from './app.js';
import { bearer } from './test-helpers/setup.js';

let dir: string;
let app: FastifyInstance;
let base: string;
let token: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixops-api-limits-'));
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
  vi.stubEnv('FIXOPS_MAX_COLUMNS', '5');
  vi.stubEnv('FIXOPS_MAX_UPLOAD_FILES', '2');
  app = await buildApp({ dbPath });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

const SIX = '经销商代码,工单号,VIN,进厂时间,总金额,服务顾问\nSH001,W1,LSVW1,2024-02-01 09:00,500,王伟\n';

interface Refusal { code: string; message: string; details: Record<string, unknown> & { files?: { error: { code: string; message: { en: string }; details: unknown } }[] } }

async function upload(files: { name: string; data: string }[]) {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([f.data], { type: 'text/csv' }), f.name);
  const r = await fetch(`${base}/api/uploads`, { method: 'POST', headers: bearer(token), body: form });
  return { status: r.status, body: (await r.json()) as { error: Refusal } };
}

describe('upload limits from FIXOPS_* settings', () => {
  it('FIXOPS_MAX_COLUMNS=5 refuses a 6-column file with 422 and the clear message', async () => {
    const r = await upload([{ name: 'six.csv', data: SIX }]);
    expect(r.status).toBe(422);
    const error = r.body.error.details.files?.[0]?.error;
    expect(error).toMatchObject({ code: 'too_many_columns', details: { limit: 'columnsPerFile', value: 5, columns: 6 } });
    expect(error?.message.en).toBe('six.csv: too many columns (the limit is 5 columns per file; its header has 6); nothing was loaded.');
  });
  it('FIXOPS_MAX_UPLOAD_FILES=2 refuses three files as a count limit', async () => {
    const r = await upload([1, 2, 3].map((i) => ({ name: `f${i}.csv`, data: SIX })));
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'too_many_files', details: { limit: 'filesPerRequest', value: 2 } });
    expect(r.body.error.message).toContain('最多 2 个文件');
  });
});
