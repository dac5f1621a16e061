// A load sent over the server's socket (`fixops ingest`, `fixops demo`) runs under the same
// DuckDB memory and thread budget as an upload through the API (FIXOPS_LOAD_MEMORY,
// FIXOPS_LOAD_THREADS); a read runs under the usual one; the budget is restored afterwards.

import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase, type Database } from '@fixops/db';
import { lineReader, type RemoteFrame } from './protocol.js';
import { currentScope } from './scope.js';
import { remoteCommandHandler, type ServerStore } from './server.js';

const dir = mkdtempSync(join(tmpdir(), 'fixops-remote-limits-'));
const socketPath = join(dir, 'a.duckdb.sock');
let db: Database;
let server: Server;
const env = { memory: process.env.FIXOPS_LOAD_MEMORY, threads: process.env.FIXOPS_LOAD_THREADS };

async function settings(c: DuckDBConnection): Promise<{ threads: number; memory: string }> {
  const row = (await c.runAndReadAll("SELECT current_setting('threads')::INTEGER AS threads, current_setting('memory_limit') AS memory")).getRowObjects()[0]!;
  return { threads: Number(row.threads), memory: String(row.memory) };
}

/** The dispatcher: whatever the command, it prints the DuckDB budget it runs under. */
const run = async (): Promise<number> => {
  const seen = await currentScope()!.withDatabase((d) => settings(d.connection));
  process.stdout.write(`${JSON.stringify(seen)}\n`);
  return 0;
};

/** Sends one command line over the socket; answers what it printed on stdout. */
function send(argv: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const c = connect(socketPath);
    c.on('error', reject);
    c.on('data', lineReader((v) => {
      const f = v as RemoteFrame;
      if ('exit' in f) resolve(out);
      else if ('stream' in f && f.stream === 'stdout' && 'text' in f) out += f.text;
    }));
    c.write(`${JSON.stringify({ argv, cwd: dir, db: join(dir, 'a.duckdb'), stderrTTY: false })}\n`);
  });
}

beforeAll(async () => {
  process.env.FIXOPS_LOAD_MEMORY = '48MB';
  process.env.FIXOPS_LOAD_THREADS = '1';
  db = await openDatabase(join(dir, 'a.duckdb'), { memoryLimit: '512MB' });
  await db.connection.run('SET threads = 2');
  const store: ServerStore = { db, read: (work) => work(db.connection), write: (_entry, work) => work(db.connection) };
  const handle = remoteCommandHandler(run);
  server = createServer((conn) => handle(conn, { store, log: { info: () => undefined, warn: () => undefined } }));
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  db.close();
  rmSync(dir, { recursive: true, force: true });
  for (const [k, v] of [['FIXOPS_LOAD_MEMORY', env.memory], ['FIXOPS_LOAD_THREADS', env.threads]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('remote loads and the load limits', () => {
  it('runs an ingest under FIXOPS_LOAD_MEMORY / FIXOPS_LOAD_THREADS and a read under the usual budget', async () => {
    const usual = await settings(db.connection);
    expect(usual.threads).toBe(2);
    const ingest = JSON.parse(await send(['ingest', 'x.csv', '--json'])) as { threads: number; memory: string };
    expect(ingest.threads).toBe(1);
    expect(ingest.memory).toMatch(/^4\d(\.\d+)? Mi?B$/);
    expect(await settings(db.connection)).toEqual(usual);
    const demo = JSON.parse(await send(['demo'])) as { threads: number };
    expect(demo.threads).toBe(1);
    const read = JSON.parse(await send(['kpis', '--json'])) as { threads: number; memory: string };
    expect(read).toEqual(usual);
  });
});
