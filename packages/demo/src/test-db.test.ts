// cachedDemoDb / cachedDemoDir: built once per key while the run's cache exists, each caller
// getting its own copy (a write to one copy is not seen by the next), the build's metadata back;
// without the cache the build runs on the caller's own path.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedDemoDb, cachedDemoDir, TEST_DB_CACHE_ENV } from './test-db.js';

const root = mkdtempSync(join(tmpdir(), 'fixops-test-db-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let saved: string | undefined;
let n = 0;
const fresh = () => mkdtempSync(join(root, `t${n++}-`));
beforeEach(() => {
  saved = process.env[TEST_DB_CACHE_ENV];
  process.env[TEST_DB_CACHE_ENV] = fresh();
});
afterEach(() => {
  if (saved === undefined) delete process.env[TEST_DB_CACHE_ENV];
  else process.env[TEST_DB_CACHE_ENV] = saved;
});

describe('cachedDemoDb', () => {
  it('builds once per key; every caller gets its own copy and the metadata', async () => {
    let builds = 0;
    const build = async (path: string) => {
      builds++;
      await writeFile(path, 'built');
      await writeFile(`${path}.wal`, 'log');
      return { tokens: ['a'] };
    };
    const a = join(fresh(), 'a.duckdb');
    const b = join(fresh(), 'b.duckdb');
    expect(await cachedDemoDb('k', a, build)).toEqual({ tokens: ['a'] });
    writeFileSync(a, 'changed by test a');
    expect(await cachedDemoDb('k', b, build)).toEqual({ tokens: ['a'] });
    expect(builds).toBe(1);
    expect(readFileSync(b, 'utf8')).toBe('built');
    expect(readFileSync(`${b}.wal`, 'utf8')).toBe('log');
    await cachedDemoDb('other key', join(fresh(), 'c.duckdb'), build);
    expect(builds).toBe(2);
  });

  it('callers at the same time wait for one build', async () => {
    let builds = 0;
    const build = async (path: string) => {
      builds++;
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(path, 'built');
    };
    const paths = [0, 1, 2].map((i) => join(fresh(), `${i}.duckdb`));
    await Promise.all(paths.map((p) => cachedDemoDb('same', p, build)));
    expect(builds).toBe(1);
    for (const p of paths) expect(readFileSync(p, 'utf8')).toBe('built');
  });

  it('a failed build fails its caller and leaves nothing cached', async () => {
    await expect(cachedDemoDb('bad', join(fresh(), 'x.duckdb'), () => Promise.reject(new Error('no demo')))).rejects.toThrow('no demo');
    const p = join(fresh(), 'y.duckdb');
    await cachedDemoDb('bad', p, (path) => writeFile(path, 'second try'));
    expect(readFileSync(p, 'utf8')).toBe('second try');
  });

  it('without the run cache, builds on the caller\'s path every time', async () => {
    delete process.env[TEST_DB_CACHE_ENV];
    let builds = 0;
    const p = join(fresh(), 'z.duckdb');
    await cachedDemoDb('k', p, (path) => { builds++; return writeFile(path, String(builds)); });
    await cachedDemoDb('k', p, (path) => { builds++; return writeFile(path, String(builds)); });
    expect(builds).toBe(2);
    expect(readFileSync(p, 'utf8')).toBe('2');
  });
});

describe('cachedDemoDir', () => {
  it('copies the whole built folder, names kept, into a new or existing folder', async () => {
    let builds = 0;
    const build = async (dir: string) => {
      builds++;
      await writeFile(join(dir, 'fixops.duckdb'), 'db');
      return builds;
    };
    const a = join(fresh(), 'new');
    const b = fresh();
    expect(await cachedDemoDir('d', a, build)).toBe(1);
    expect(await cachedDemoDir('d', b, build)).toBe(1);
    expect(readFileSync(join(a, 'fixops.duckdb'), 'utf8')).toBe('db');
    expect(readFileSync(join(b, 'fixops.duckdb'), 'utf8')).toBe('db');
    expect(existsSync(join(b, 'meta.json'))).toBe(false);
  });
});
