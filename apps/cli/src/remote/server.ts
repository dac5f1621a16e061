// The server side of the local channel: a command line received on the socket runs in-process
// through the CLI's own command code, against the server's open database — reads on a pooled
// connection, writes through the write queue (serialised with uploads; the read cache is
// cleared after them; loads under the API's memory and thread limits) — and its output streams
// back as it is written, then its exit code.
// One remote command runs at a time, in the caller's working directory and with FIXOPS_DB set to
// the database the caller named (so a command that prints its database path prints the same).

import type { Socket } from 'node:net';
import type { Database } from '@fixops/db';
import type { DuckDBConnection } from '@duckdb/node-api';
import { settingOrFail } from '@fixops/config';
import { withLoadLimits } from '@fixops/usecases';
import { lineReader, type RemoteFrame, type RemoteRequest } from './protocol.js';
import { routeOutputToScopes, runInScope, type CommandScope } from './scope.js';

/** What the server lends a remote command (a subset of the API's store). */
export interface ServerStore {
  db: Database;
  read<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T>;
  write<T>(entry: { kind: 'load' | 'settings' | 'assessment' | 'token' | 'account'; label: string; user: string }, work: (c: DuckDBConnection) => Promise<T>): Promise<T>;
}

export interface ServerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Commands that only read: they run on a pooled connection, beside uploads. */
const READ_ONLY = new Set(['kpis', 'flags', 'benchmark', 'compare', 'breakdown', 'rows', 'rejects', 'report', 'assessments', 'export', 'coverage', 'audit']);
/** Commands that read with no action word (`users`, `users list --json`) and write with one. */
const LIST_OR_WRITE = new Set(['users', 'tokens', 'settings', 'loads', 'staff', 'suppliers', 'actions', 'dealers']);
/** Options of these commands that take no value, so the word after them is an action. */
const FLAGS = new Set(['--json', '--csv', '--verbose', '--force', '--help']);

/** The first word that is neither an option nor an option's value. */
function actionOf(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) return a;
    if (!a.includes('=') && !FLAGS.has(a)) i++;
  }
  return undefined;
}

/** Read or write, and under which queue kind; anything not known to be read-only writes. */
export function accessOf(argv: string[]): { write: false } | { write: true; kind: 'load' | 'settings' | 'assessment' | 'account' } {
  const [command = '', ...rest] = argv;
  if (READ_ONLY.has(command)) return { write: false };
  if (LIST_OR_WRITE.has(command)) {
    const action = actionOf(rest);
    if (action === undefined || action === 'list') return { write: false };
  }
  if (command === 'ingest' || command === 'demo' || command === 'loads') return { write: true, kind: 'load' };
  if (command === 'assess' || command === 'actions') return { write: true, kind: 'assessment' };
  if (command === 'users' || command === 'tokens') return { write: true, kind: 'account' };
  return { write: true, kind: 'settings' };
}

const toFrame = (stream: 'stdout' | 'stderr', chunk: string | Uint8Array): RemoteFrame =>
  typeof chunk === 'string' ? { stream, text: chunk } : { stream, base64: Buffer.from(chunk).toString('base64') };

/**
 * Handles one connection: reads the request, runs `run(argv)` (the CLI's dispatcher) in a scope
 * bound to the server's store, streams the output and the exit code, and closes.
 */
export function remoteCommandHandler(run: (argv: string[]) => Promise<number>): (conn: Socket, ctx: { store: ServerStore; log: ServerLog }) => void {
  routeOutputToScopes();
  let tail: Promise<unknown> = Promise.resolve();
  return (conn, { store, log }) => {
    let started = false;
    const send = (frame: RemoteFrame) => {
      if (!conn.destroyed) conn.write(`${JSON.stringify(frame)}\n`);
    };
    conn.on('error', () => undefined);
    conn.on('data', lineReader((value) => {
      if (started) return;
      started = true;
      const request = value as RemoteRequest;
      if (!Array.isArray(request.argv) || !request.argv.every((a) => typeof a === 'string') || typeof request.cwd !== 'string') {
        send({ stream: 'stderr', text: 'fixops: 无效的请求 / invalid request\n' });
        send({ exit: 2 });
        conn.end();
        return;
      }
      const job = tail.then(() => execute(request, run, store, log, send)).then((code) => {
        send({ exit: code });
        conn.end();
      });
      tail = job.catch(() => undefined);
    }));
  };
}

async function execute(request: RemoteRequest, run: (argv: string[]) => Promise<number>, store: ServerStore, log: ServerLog, send: (f: RemoteFrame) => void): Promise<number> {
  const started = Date.now();
  const access = accessOf(request.argv);
  const label = `fixops ${request.argv.join(' ')}`;
  log.info({ argv: request.argv, cwd: request.cwd, write: access.write }, 'remote command');
  const lend = (c: DuckDBConnection): Database => ({ ...store.db, connection: c, migrated: [], close: () => undefined });
  const scope: CommandScope = {
    stderrTTY: request.stderrTTY === true,
    write: (stream, chunk) => send(toFrame(stream, chunk)),
    file: (path, bytes) => send({ file: path, base64: Buffer.from(bytes).toString('base64') }),
    withDatabase: (work) => (access.write
      ? store.write({ kind: access.kind, label, user: process.env.USER ?? 'cli' }, (c) => (access.kind === 'load'
        // A load runs under the same memory and thread budget as an upload through the API.
        ? withLoadLimits(c, { memory: settingOrFail('loadMemory'), threads: settingOrFail('loadThreads') }, store.db.memoryLimit, () => work(lend(c)))
        : work(lend(c))))
      : store.read((c) => work(lend(c)))),
  };
  const home = process.cwd();
  const dbEnv = process.env.FIXOPS_DB;
  try {
    process.chdir(request.cwd);
    if (typeof request.db === 'string') process.env.FIXOPS_DB = request.db;
  } catch {
    send({ stream: 'stderr', text: `fixops: 找不到工作目录 / working directory not found: ${request.cwd}\n` });
    return 1;
  }
  try {
    const code = await runInScope(scope, () => run(request.argv));
    log.info({ argv: request.argv, code, ms: Date.now() - started }, 'remote command done');
    return code;
  } catch (e) {
    log.warn({ argv: request.argv, err: String(e) }, 'remote command failed');
    send({ stream: 'stderr', text: `fixops: ${String((e as Error).message ?? e)}\n` });
    return 1;
  } finally {
    process.chdir(home);
    if (dbEnv === undefined) delete process.env.FIXOPS_DB;
    else process.env.FIXOPS_DB = dbEnv;
  }
}
