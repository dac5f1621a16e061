// An in-memory DuckDB with the ingest's SQL macros, for tests that check values against them.
// Opened before a file's tests and closed after them.

import { afterAll, beforeAll } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { MACROS_SQL } from '../sql/macros.js';

/** Registers the open/close hooks; call the returned function inside a test for the connection. */
export function useMacrosDb(): () => DuckDBConnection {
  let instance: DuckDBInstance | undefined;
  let c: DuckDBConnection | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    c = await instance.connect();
    await c.run(MACROS_SQL);
  });
  afterAll(() => {
    c?.closeSync();
    instance?.closeSync();
  });
  return () => {
    if (!c) throw new Error('useMacrosDb: the connection is opened in beforeAll');
    return c;
  };
}
