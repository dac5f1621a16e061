// Issue 12's upload holes over real HTTP: a dealer's rejected-rows download and load log hold
// only its own rows and counts; master data is the admin's alone (403 before anything is
// read); the limits answer clearly (the 51st file is a count limit; a 10,000-column file is
// too_many_columns, not an out-of-memory text); the rejects download is streamed.

import { existsSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_PREFIX } from '@fixops/ingest';
import { startServer } from './server.js';
import { bearer, setupTestEnv, type TestEnv, type UploadAnswer } from './test-helpers/setup.js';

let env: TestEnv;
let base: string;

beforeAll(async () => {
  env = await setupTestEnv();
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await env?.close();
});

const HEADER = ['经销商代码', '工单号', 'VIN', '进厂时间', '维修类型', '总金额', '服务顾问'];

function roCsv(dealer: string, n: number, extra: string[][] = []): string {
  const rows = Array.from({ length: n }, (_, i) => [dealer, `T12${String(i).padStart(5, '0')}`, `LSVT${i}`, `2024-02-${String(1 + (i % 28)).padStart(2, '0')} 09:00`, '保养', '500', '王伟']);
  return [HEADER, ...rows, ...extra].map((r) => r.join(',')).join('\n') + '\n';
}

async function upload(token: string, files: { name: string; data: string | Buffer }[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new Blob([f.data], { type: 'text/csv' }), f.name);
  const r = await fetch(`${base}/api/uploads`, { method: 'POST', headers: bearer(token), body: form });
  return { status: r.status, body: (await r.json()) as UploadAnswer };
}

describe('hole 1: another dealer\'s rejected rows', () => {
  it('a dealer\'s rejects download and load log hold only its own rows and counts', async () => {
    const secret = ['LSVSECRETOTHERVIN', '98765.43', '别家顾问'];
    const text = roCsv(env.own, 40, [
      [env.other, 'T1299999', secret[0]!, 'not a date', '保养', secret[1]!, secret[2]!],
      [env.own, 'T1299998', 'LSVOWNBAD', 'not a date', '保养', '1', '自己'],
    ]);
    const r = await upload(env.tokens.consultant, [{ name: 'own-with-foreign.csv', data: text }]);
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({ status: 'loaded', dealers: [env.own], rowsRejected: 2, rejectsStored: 2 });
    const id = r.body[0]!.loadId as number;

    const mine = await fetch(`${base}/api/loads/${id}/rejects.csv`, { headers: bearer(env.tokens.dealer) });
    expect(mine.status).toBe(200);
    const mineText = await mine.text();
    expect(mineText).toContain('LSVOWNBAD');
    for (const s of [...secret, env.other]) expect(mineText).not.toContain(s);

    const all = await (await fetch(`${base}/api/loads/${id}/rejects.csv`, { headers: bearer(env.tokens.consultant) })).text();
    expect(all).toContain(secret[0]);

    const one: unknown = await (await fetch(`${base}/api/loads/${id}`, { headers: bearer(env.tokens.dealer) })).json();
    expect(one).toMatchObject({ rowsRejected: 1, rejectsStored: 1 });
    const list = await (await fetch(`${base}/api/loads`, { headers: bearer(env.tokens.dealer) })).json() as { loads: { id: number }[] };
    expect(list.loads.find((l: { id: number }) => l.id === id)).toMatchObject({ rowsRejected: 1 });
    expect(JSON.stringify(list)).not.toContain(secret[0]);
  });
});

describe('hole 2: master data is the admin\'s', () => {
  it('refuses a dealers file from a dealer or consultant with 403; the dealer\'s record is unchanged', async () => {
    const before = await (await fetch(`${base}/api/dealers/${env.own}`, { headers: bearer(env.tokens.admin) })).text();
    const text = `经销商代码,经销商名称,区域,分组,城市\n${env.own},改名了,华北,metro,北京\n`;
    for (const token of [env.tokens.dealer, env.tokens.consultant]) {
      const r = await upload(token, [{ name: 'dealers.csv', data: text }]);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('master_data_admin_only');
    }
    expect(await (await fetch(`${base}/api/dealers/${env.own}`, { headers: bearer(env.tokens.admin) })).text()).toBe(before);
  });
});

describe('hole 5: limits', () => {
  it('answers the 51st file with a count limit (413 too_many_files)', async () => {
    const files = Array.from({ length: 51 }, (_, i) => ({ name: `f${i}.csv`, data: roCsv(env.own, 1) }));
    const r = await upload(env.tokens.admin, files);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('too_many_files');
    expect(r.body.error.message).toContain('最多 50 个文件');
    expect(r.body.error.details).toMatchObject({ limit: 'filesPerRequest', value: 50 });
  });

  it('refuses a 10,000-column file with 422 too_many_columns', async () => {
    const header = [...HEADER, ...Array.from({ length: 10_000 - HEADER.length }, (_, i) => `x${i}`)];
    const row = [env.own, 'W1', 'LSVW1', '2024-02-01', '保养', '1', '王伟', ...Array.from({ length: 10_000 - HEADER.length }, () => '1')];
    const r = await upload(env.tokens.admin, [{ name: 'wide.csv', data: `${header.join(',')}\n${row.join(',')}\n` }]);
    expect(r.status).toBe(422);
    expect(r.body.error.details.files[0]!.error).toMatchObject({ code: 'too_many_columns' });
    expect(JSON.stringify(r.body)).not.toMatch(/out of memory/i);
  });

  it('streams the rejects download (chunked, no length computed up front)', async () => {
    const bad = Array.from({ length: 3000 }, (_, i) => [env.own, `B${i}`, 'LSVB', 'bad', '保养', '1', '']);
    const r = await upload(env.tokens.admin, [{ name: 'many-bad.csv', data: roCsv(env.own, 10, bad) }]);
    expect(r.status).toBe(422);
    const id = r.body.error.details.files[0]!.loadId as number;
    const csv = await fetch(`${base}/api/loads/${id}/rejects.csv`, { headers: bearer(env.tokens.admin) });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('transfer-encoding')).toBe('chunked');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('row,column,value,reason,raw_text\r\n')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(3001);
  });
});

describe('hole 7: temp folders of killed loads', () => {
  it('are removed when the server starts (ours only, of processes no longer running)', async () => {
    const old = new Date(Date.now() - 24 * 3600_000);
    const stale = join(tmpdir(), `${TEMP_PREFIX.upload}99999999-g1stale`);
    const foreign = join(tmpdir(), 'not-fixops-upload-g1stale');
    for (const d of [stale, foreign]) {
      mkdirSync(d, { recursive: true });
      utimesSync(d, old, old);
    }
    const { app } = await startServer({ dbPath: join(env.dir, 'sweep.duckdb'), port: 0, host: '127.0.0.1', logger: false });
    await app.close();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(foreign)).toBe(true);
  });
});
