// One DuckDB instance per process. Reads take a connection of their own from a small pool,
// so they run concurrently and see the state before or after a load, never half of one;
// every write (loads, settings, assessments) goes through one queue on the main connection.

import fp from 'fastify-plugin';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase, transaction, type Database } from '@fixops/db';
import { assertCatalogue, recomputeAll, syncCatalogue } from '@fixops/metrics';

export interface QueueEntry {
  kind: 'load' | 'settings' | 'assessment' | 'token' | 'account';
  label: string;
  user: string;
  queuedAt: string;
  startedAt: string | null;
}

export interface Store {
  db: Database;
  read<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T>;
  write<T>(entry: Omit<QueueEntry, 'queuedAt' | 'startedAt'>, work: (c: DuckDBConnection) => Promise<T>): Promise<T>;
  queue(): QueueEntry[];
  /**
   * A read remembered until the next write: reads are deterministic between writes, and
   * every write goes through the queue, so a cached answer is never stale.
   */
  memo<T>(key: string, work: (c: DuckDBConnection) => Promise<T>): Promise<T>;
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

const MAX_IDLE = 8;
const MAX_MEMO = 2000;

export async function openStore(dbPath: string): Promise<Store & { close(): Promise<void> }> {
  assertCatalogue();
  const db = await openDatabase(dbPath);
  // v2 created the KPI tables: a file that existed before it has data but no KPIs yet; v12
    // (warming up) changes which customer-window values exist.
  if ((db.migrated.includes(2) || db.migrated.includes(12)) && db.migrated[0] !== 1) await transaction(db.connection, () => recomputeAll(db.connection));
  // KPI files added, changed or removed since the stored values were computed: recompute (logged)
  await transaction(db.connection, () => syncCatalogue(db.connection));
  const idle: DuckDBConnection[] = [];
  const entries: QueueEntry[] = [];
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  const memo = new Map<string, Promise<unknown>>();

  async function read<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = idle.pop() ?? (await db.instance.connect());
    try {
      return await work(c);
    } finally {
      if (idle.length < MAX_IDLE && !closed) idle.push(c);
      else c.closeSync();
    }
  }

  return {
    db,
    read,
    memo<T>(key: string, work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
      const hit = memo.get(key);
      if (hit) return hit as Promise<T>;
      if (memo.size >= MAX_MEMO) memo.clear();
      const p = read(work);
      memo.set(key, p);
      p.catch(() => memo.delete(key));
      return p;
    },
    write(entry, work) {
      const e: QueueEntry = { ...entry, queuedAt: new Date().toISOString(), startedAt: null };
      entries.push(e);
      const run = tail.then(async () => {
        e.startedAt = new Date().toISOString();
        try {
          return await work(db.connection);
        } finally {
          entries.splice(entries.indexOf(e), 1);
          if (e.kind !== 'token') memo.clear();
        }
      });
      tail = run.catch(() => undefined);
      return run;
    },
    queue: () => entries.map((e) => ({ ...e })),
    /** Lets the running and queued writes finish, then closes every connection. */
    async close() {
      closed = true;
      await tail;
      for (const c of idle.splice(0)) c.closeSync();
      db.close();
    },
  };
}

export default fp<{ dbPath: string }>(async (app, opts) => {
  const store = await openStore(opts.dbPath);
  app.decorate('store', store);
  app.addHook('onClose', async () => store.close());
}, { name: 'db' });
