// vitest global setup for test-db.ts: one cache folder per package test run, named to the test
// workers through FIXOPS_TEST_DB_CACHE (they inherit the environment), removed at the end.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DB_CACHE_ENV } from './test-db.js';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'fixops-test-dbs-'));
  process.env[TEST_DB_CACHE_ENV] = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
