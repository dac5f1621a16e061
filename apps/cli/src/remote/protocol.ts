// The local channel between the `fixops` command and a server that holds the database: a Unix
// socket beside the database file, one command per connection, newline-delimited JSON frames.
// Kept free of heavy imports (no DuckDB), so the client side adds nothing to the CLI's start-up time.

import { resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { settingOrFail } from '@fixops/config';

/** What the CLI sends first: the command line and where it was typed. */
export interface RemoteRequest {
  argv: string[];
  /** The caller's working directory: relative paths in argv are resolved against it. */
  cwd: string;
  /** The database the caller resolved (--db, FIXOPS_DB or the default), absolute: FIXOPS_DB during the command. */
  db: string;
  /** Whether the caller's stderr is a terminal (progress lines depend on it). */
  stderrTTY: boolean;
}

/**
 * What the server sends back: output as it is written, files the command writes (--out: the
 * CLI writes them, relative to its own working directory), then the exit code.
 */
export type RemoteFrame = { stream: 'stdout' | 'stderr'; text: string } | { stream: 'stdout' | 'stderr'; base64: string } | { file: string; base64: string } | { exit: number };

/** The socket that a server holding `dbPath` listens on. */
export function socketPathFor(dbPath: string): string {
  return `${dbPath}.sock`;
}

/** The database a command line names: `--db`, then FIXOPS_DB, then data/fixops.duckdb (as @fixops/db's resolveDbPath, without loading DuckDB). */
export function dbPathOf(argv: string[]): string {
  let explicit: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--db' && i + 1 < argv.length) explicit = argv[++i];
    else if (a.startsWith('--db=')) explicit = a.slice(5);
  }
  return resolve(explicit ?? settingOrFail('db'));
}

/** Splits a byte stream into complete JSON lines. */
export function lineReader(onLine: (value: unknown) => void): (chunk: Buffer) => void {
  let buffered = '';
  // A character split between two chunks is decoded once both halves are in.
  const decoder = new StringDecoder('utf8');
  return (chunk) => {
    buffered += decoder.write(chunk);
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line.trim() !== '') onLine(JSON.parse(line));
      nl = buffered.indexOf('\n');
    }
  };
}
