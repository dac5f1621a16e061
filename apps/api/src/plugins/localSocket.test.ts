// The local command socket: 0600 from the start, handed each connection with the store,
// replaces a stale socket, leaves a file that is not a socket alone, and is removed on close.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Reads everything the server sends on the socket until it closes. */
const ask = (path: string) => new Promise<string>((resolve, reject) => {
  let text = '';
  const c = connect(path);
  c.on('data', (d) => (text += d.toString()));
  c.on('end', () => resolve(text));
  c.on('error', reject);
});

const echoStore = (conn: Socket, ctx: { store: { db: { path: string } } }) => conn.end(`db ${ctx.store.db.path}\n`);

describe('localSocket', () => {
  it('listens with mode 0600, lends the store, replaces a stale socket and removes it on close', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fixops-sock-'));
    const dbPath = join(dir, 'a.duckdb');
    const socketPath = `${dbPath}.sock`;
    spawnSync(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(socketPath)}, () => process.kill(process.pid, 'SIGKILL'))`]);
    expect(statSync(socketPath).isSocket()).toBe(true);
    const app = await buildApp({ dbPath, localCommands: { socketPath, handle: echoStore } });
    try {
      expect(statSync(socketPath).mode & 0o777).toBe(0o600);
      expect(await ask(socketPath)).toBe(`db ${dbPath}\n`);
    } finally {
      await app.close();
    }
    expect(existsSync(socketPath)).toBe(false);
  });

  it('leaves a file that is not a socket alone and serves without it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fixops-sock-'));
    const dbPath = join(dir, 'a.duckdb');
    const socketPath = `${dbPath}.sock`;
    writeFileSync(socketPath, 'mine');
    const app = await buildApp({ dbPath, localCommands: { socketPath, handle: echoStore } });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
    expect(readFileSync(socketPath, 'utf8')).toBe('mine');
  });
});
