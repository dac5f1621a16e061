// One embedded DuckDB file per process. Opening it applies any pending migrations.

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { settingOrFail } from '@fixops/config';
import { migrate } from './migrate.js';

/** FIXOPS_DB's default, from @fixops/config's table. */
export const DEFAULT_DB_PATH: string = settingOrFail('db', {});

export interface Database {
  path: string;
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  /** DuckDB's memory budget as opened (e.g. '512MB'): what a temporary lower budget goes back to. */
  memoryLimit: string;
  /** Migrations applied by this open (empty when the file was up to date). */
  migrated: number[];
  close(): void;
}

/** `--db` wins, then FIXOPS_DB, then data/fixops.duckdb. */
export function resolveDbPath(explicit?: string): string {
  return resolve(explicit ?? settingOrFail('db'));
}

/**
 * DuckDB's memory budget. Bigger work spills to a temp folder beside the file, so a
 * million-row load stays well under 1 GiB of RSS. FIXOPS_DUCKDB_MEMORY overrides it.
 */
export const DEFAULT_MEMORY_LIMIT: string = settingOrFail('duckdbMemory', {});

export interface OpenOptions {
  memoryLimit?: string;
}

export async function openDatabase(path: string, opts: OpenOptions = {}): Promise<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const memoryLimit = opts.memoryLimit ?? settingOrFail('duckdbMemory');
  const instance = await DuckDBInstance.create(path, { memory_limit: memoryLimit });
  const connection = await instance.connect();
  let migrated: number[];
  try {
    migrated = await migrate(connection);
  } catch (e) {
    connection.closeSync();
    instance.closeSync();
    throw e;
  }
  return {
    path,
    instance,
    connection,
    memoryLimit,
    migrated,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
