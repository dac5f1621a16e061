// One embedded DuckDB file per process. Opening it applies any pending migrations.

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { migrate } from './migrate.js';

export const DEFAULT_DB_PATH = 'data/fixops.duckdb';

export interface Database {
  path: string;
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

/** `--db` wins, then FIXOPS_DB, then data/fixops.duckdb. */
export function resolveDbPath(explicit?: string): string {
  return resolve(explicit ?? process.env.FIXOPS_DB ?? DEFAULT_DB_PATH);
}

export async function openDatabase(path: string): Promise<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    await migrate(connection);
  } catch (e) {
    connection.closeSync();
    instance.closeSync();
    throw e;
  }
  return {
    path,
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
