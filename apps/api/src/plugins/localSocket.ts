// The local channel for the `fixops` command beside a running server: a Unix socket (mode 0600,
// so only the server's own user — the machine's operator — can connect) on which each
// connection is handed to the CLI's command runner. A socket left by a killed server is
// replaced; the socket is removed on a clean shutdown, and when the process exits otherwise.
// Without a usable path the server still serves, and the CLI then meets DuckDB's lock as before.

import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import fp from 'fastify-plugin';
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from './db.js';

export interface LocalCommandsOptions {
  socketPath: string;
  handle(conn: Socket, ctx: { store: Store; log: FastifyBaseLogger }): void;
}

/** Whether something answers on the socket at `path`. */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/** Removes a stale socket; says why the path cannot be used otherwise (null when it can). */
async function clearPath(path: string): Promise<string | null> {
  let isSocket: boolean;
  try {
    isSocket = lstatSync(path).isSocket();
  } catch {
    return null;
  }
  if (!isSocket) return 'a file that is not a socket is in the way';
  if (await answers(path)) return 'another server answers on it';
  unlinkSync(path);
  return null;
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // The socket is created by the synchronous part of listen(): a 0177 umask makes it 0600 from the start.
    const umask = process.umask(0o177);
    try {
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    } finally {
      process.umask(umask);
    }
  });
}

export default fp<LocalCommandsOptions>(async (app, opts) => {
  const path = opts.socketPath;
  if (Buffer.byteLength(path) > 100) {
    app.log.warn({ socket: path }, 'local command socket not started: the path is too long for a Unix socket');
    return;
  }
  const blocked = await clearPath(path);
  if (blocked) {
    app.log.warn({ socket: path, reason: blocked }, 'local command socket not started');
    return;
  }
  const server = createServer((conn) => opts.handle(conn, { store: app.store, log: app.log }));
  try {
    await listen(server, path);
    chmodSync(path, 0o600);
  } catch (e) {
    app.log.warn({ socket: path, err: e }, 'local command socket not started');
    return;
  }
  const { ino } = lstatSync(path);
  app.log.info({ socket: path }, 'local command socket listening');
  /** Removes the socket if it is still ours (a later server may have replaced it). */
  const removeOwn = () => {
    try {
      if (lstatSync(path).ino === ino) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  // A process that ends without closing the app (process.exit, a second Ctrl-C) still removes it.
  process.once('exit', removeOwn);
  app.addHook('onClose', (_instance, done) => {
    process.off('exit', removeOwn);
    server.close();
    removeOwn();
    done();
  });
}, { name: 'localSocket', dependencies: ['db'] });
