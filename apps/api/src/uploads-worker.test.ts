// Big uploads over a real listening server: the file is read in ingest's worker thread and
// staged within a lowered DuckDB memory budget and one thread (put back afterwards); shutdown during such a
// load finishes it; a server killed during one leaves the database as it was (DuckDB rolls
// the unfinished transaction back).

import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchRepairOrders } from '@fixops/demo';
import { openDatabase, queryJson } from '@fixops/db';
import { bearer, setupTestEnv, type TestEnv, type UploadAnswer } from './test-helpers/setup.js';

let env: TestEnv;
let big: string;

beforeAll(async () => {
  env = await setupTestEnv();
  big = join(env.dir, 'big.csv');
  // 12 dealers × 24 months, ~3 MB: over the 1 MiB from which ingest reads in a worker thread
  await writeBenchRepairOrders(big, { rows: 20_000, encoding: 'utf-8', seed: 5, dealers: 12 });
});
afterAll(async () => {
  await env?.close();
});

async function upload(base: string, token: string, path: string) {
  const form = new FormData();
  // the bench file replaces demo months with fewer rows: confirmed, as a user would after the 409
  form.append('confirm', 'true');
  form.append('files', new Blob([await readFile(path)], { type: 'text/csv' }), 'big.csv');
  const r = await fetch(`${base}/api/uploads`, { method: 'POST', headers: bearer(token), body: form });
  return { status: r.status, body: (await r.json()) as UploadAnswer };
}

/** Resolves once the write queue shows a load that has started. */
async function loadRunning(base: string, token: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const r = await fetch(`${base}/api/loads`, { headers: bearer(token) });
    const { queue } = (await r.json()) as { queue: { kind: string; startedAt: string | null }[] };
    if (queue.some((q) => q.kind === 'load' && q.startedAt !== null)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no load started');
}

/** DuckDB's memory budget and thread count, as a read sees them. */
const limits = () => env.app.store.read(async (c) => {
  const r = (await c.runAndReadAll("SELECT current_setting('memory_limit') AS m, current_setting('threads')::INTEGER AS t")).getRowObjects()[0]!;
  return `${r.m as string} · ${Number(r.t)} threads`;
});

describe('big uploads', () => {
  it('loads a file read in the worker thread with DuckDB\'s budget and threads lowered, and puts the usual ones back', async () => {
    expect((await stat(big)).size).toBeGreaterThan(1024 * 1024);
    const base = await env.app.listen({ port: 0, host: '127.0.0.1' });
    const usual = await limits();
    const seen = new Set<string>();
    let done = false;
    const pending = upload(base, env.tokens.consultant, big).finally(() => {
      done = true;
    });
    while (!done) {
      seen.add(await limits());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const r = await pending;
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({ status: 'loaded', rowsLoaded: 20_000, encoding: 'utf-8' });
    expect(r.body[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect([...seen]).toContain('61.0 MiB · 1 threads'); // 64MB, as DuckDB prints it
    expect(usual).not.toContain('61.0 MiB');
    expect(await limits()).toBe(usual);

    // Shutdown while such a load runs: it finishes and answers, then the server closes.
    const last = upload(base, env.tokens.consultant, big);
    await loadRunning(base, env.tokens.admin);
    const closing = env.app.close();
    const answer = await last;
    await closing;
    expect(answer.status).toBe(200);
    expect(answer.body[0]).toMatchObject({ status: 'loaded', rowsLoaded: 20_000 });
    const db = await openDatabase(env.dbPath);
    try {
      expect(await queryJson(db.connection, "SELECT count(*)::INTEGER AS n FROM loads WHERE file_name = 'big.csv' AND status = 'loaded'")).toEqual([{ n: 2 }]);
    } finally {
      db.close();
    }
  });

  it('leaves the database as it was when the server is killed during a load', async () => {
    const snapshot = async () => {
      const db = await openDatabase(env.dbPath);
      try {
        return await queryJson(db.connection, `SELECT (SELECT count(*) FROM loads)::INTEGER AS loads, (SELECT count(*) FROM repair_orders)::INTEGER AS ros,
          (SELECT sum(total_amount) FROM repair_orders)::DOUBLE AS amount, (SELECT count(*) FROM kpi_values)::INTEGER AS kpis`);
      } finally {
        db.close();
      }
    };
    const before = await snapshot();
    const script = fileURLToPath(new URL('./test-helpers/serveForTest.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, env.dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => resolve(d.toString().trim()));
        child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
      });
      const pending = upload(base, env.tokens.consultant, big).catch(() => ({ status: 0 }));
      await loadRunning(base, env.tokens.admin);
      await new Promise((resolve) => setTimeout(resolve, 150)); // into the load
      child.kill('SIGKILL');
      expect((await pending).status).toBe(0); // no answer: the process died
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    expect(await snapshot()).toEqual(before);
  });
});
