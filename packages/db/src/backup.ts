// A consistent copy of an open database into a new DuckDB file, without closing it: the copy
// is written beside the target under a temporary name and renamed into place once complete,
// so a half-written backup never carries the target's name. The caller makes sure no write
// runs at the same time (the server runs it in its write queue; the CLI holds the file alone).

import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { fail } from '@fixops/shared';
import { queryJson } from './query.js';

export interface BackupResult {
  file: string;
  tables: number;
  bytes: number;
}

const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;
const quoteText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Copies every schema, table, view, sequence and macro of the connection's database into `target`. */
export async function backupDatabase(connection: DuckDBConnection, target: string, opts: { force?: boolean } = {}): Promise<BackupResult> {
  const file = resolve(target);
  if (existsSync(file) && !opts.force) {
    fail('backup_exists', { zh: `备份文件已存在：${target}（用 --force 覆盖）`, en: `The backup file already exists: ${target} (use --force to overwrite)` }, { file });
  }
  if (!existsSync(dirname(file))) {
    fail('backup_folder_missing', { zh: `备份目录不存在：${dirname(file)}`, en: `The backup folder does not exist: ${dirname(file)}` }, { file });
  }
  const name = (await queryJson<{ name: string }>(connection, 'SELECT current_database() AS name'))[0]!.name;
  if (resolve(String((await queryJson<{ path: string | null }>(connection, `SELECT path FROM duckdb_databases() WHERE database_name = ${quoteText(name)}`))[0]?.path ?? '')) === file) {
    fail('backup_is_source', { zh: '备份文件不能是数据库本身', en: 'The backup file cannot be the database itself' }, { file });
  }
  const temp = `${file}.partial-${process.pid}-${Date.now()}`;
  const alias = `fixops_backup_${process.pid}_${Date.now()}`;
  let attached = false;
  try {
    await connection.run(`ATTACH ${quoteText(temp)} AS ${quoteIdent(alias)}`);
    attached = true;
    await connection.run(`COPY FROM DATABASE ${quoteIdent(name)} TO ${quoteIdent(alias)}`);
    const n = (await queryJson<{ n: number }>(connection, `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = ${quoteText(alias)}`))[0]!.n;
    await connection.run(`CHECKPOINT ${quoteIdent(alias)}`);
    await connection.run(`DETACH ${quoteIdent(alias)}`);
    attached = false;
    renameSync(temp, file);
    return { file, tables: Number(n), bytes: statSync(file).size };
  } finally {
    if (attached) await connection.run(`DETACH ${quoteIdent(alias)}`).catch(() => undefined);
    rmSync(temp, { force: true });
    rmSync(`${temp}.wal`, { force: true });
  }
}
