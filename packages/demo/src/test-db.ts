// Test speed: a demo database (or any folder a test builds from the demo network) is built ONCE
// per package test run and each test file gets its own copy of it, instead of loading the demo
// network again in every file. A copy is a real DuckDB file in the test's own temp dir, so a test
// that writes changes only its copy and no test depends on another's order.
//
// Usage (the package's vitest.config.ts lists the global setup, which makes and removes the cache):
//   globalSetup: [createRequire(import.meta.url).resolve('@fixops/demo/test-db-setup')]
// then in a test file or helper:
//   import { cachedDemoDb } from '@fixops/demo/test-db';
//   const meta = await cachedDemoDb('metrics:demo:{}', join(dir, 'demo.duckdb'), async (path) => { …load into path…; return meta; });
// `key` names what `build` makes (include every option that changes the content); `build` must
// close the database (DuckDB checkpoints on close) and returns JSON metadata every copy gets back
// (e.g. tokens). Without the global setup (no FIXOPS_TEST_DB_CACHE), `build` runs on the copy's
// own path each time, exactly as before.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The environment variable naming the run's cache folder (set by the global setup). */
export const TEST_DB_CACHE_ENV = 'FIXOPS_TEST_DB_CACHE';

const META = 'meta.json';
const DB = 'db.duckdb';
const WAIT_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exists = (p: string) => stat(p).then(() => true, () => false);

/** The built folder for `key` in the cache, building it first if no other test file has. */
async function template<T>(cache: string, key: string, build: (dir: string) => Promise<T>): Promise<string> {
  const id = createHash('sha256').update(key).digest('hex').slice(0, 16);
  const done = join(cache, id);
  const lock = join(cache, `${id}.lock`);
  const started = Date.now();
  for (;;) {
    if (await exists(join(done, META))) return done;
    let mine = false;
    try {
      await mkdir(lock);
      mine = true;
    } catch {
      // another test file (in a parallel worker) is building it: wait for its result
    }
    if (mine) {
      try {
        if (await exists(join(done, META))) return done;
        const work = join(cache, `${id}.building-${process.pid}`);
        await rm(work, { recursive: true, force: true });
        await mkdir(work, { recursive: true });
        const meta = await build(work);
        await writeFile(join(work, META), JSON.stringify({ key, meta: meta ?? null }));
        await rename(work, done);
        return done;
      } finally {
        await rmdir(lock).catch(() => undefined);
      }
    }
    if (Date.now() - started > WAIT_MS) throw new Error(`test database "${key}" was not built within ${WAIT_MS / 60_000} minutes`);
    await sleep(200);
  }
}

async function metaOf<T>(dir: string): Promise<T> {
  return (JSON.parse(await readFile(join(dir, META), 'utf8')) as { meta: T }).meta;
}

/**
 * A folder built once per run by `build(dir)` (e.g. a database plus the demo files it was loaded
 * from), copied into `dest` (created if needed; the names inside stay the same). Returns what
 * `build` returned.
 */
export async function cachedDemoDir<T>(key: string, dest: string, build: (dir: string) => Promise<T>): Promise<T> {
  const cache = process.env[TEST_DB_CACHE_ENV];
  await mkdir(dest, { recursive: true });
  if (!cache) return build(dest);
  const dir = await template(cache, key, build);
  await cp(dir, dest, { recursive: true, filter: (src) => src !== join(dir, META) });
  return metaOf<T>(dir);
}

/**
 * One DuckDB file built once per run by `build(path)`, copied to `dest` (with its .wal if the
 * build left one). Returns what `build` returned.
 */
export async function cachedDemoDb<T>(key: string, dest: string, build: (path: string) => Promise<T>): Promise<T> {
  const cache = process.env[TEST_DB_CACHE_ENV];
  if (!cache) return build(dest);
  const dir = await template(cache, key, (d) => build(join(d, DB)));
  await copyFile(join(dir, DB), dest);
  if (existsSync(join(dir, `${DB}.wal`))) await copyFile(join(dir, `${DB}.wal`), `${dest}.wal`);
  return metaOf<T>(dir);
}
