// Runs the built `fixops` command as a user would, in a child process.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedDemoDb } from '@fixops/demo/test-db';

export const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'main.js');

export interface RunResult {
  code: number;
  /** Set when the process was ended by a signal (then code is -1). */
  signal: string | null;
  stdout: string;
  stderr: string;
}

export function fixops(args: string[], env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** What a `--json` command printed, typed as the value the command writes (JSON.parse alone gives `any`). */
export function parseJson<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

export function fixopsAsync(args: string[]) {
  return spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

const dirs: string[] = [];
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fixops-cli-'));
  dirs.push(d);
  return d;
}
export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/**
 * A copy at `db` of the database `fixops demo --db … <args>` makes: the command runs once per
 * test run for the same args (vitest.config's global setup keeps the result) and every caller gets
 * its own copy, so a test may change it. `env` is passed to the command; `envKey` must name what
 * it changes (e.g. 'kpis: shipped + first_service_share'), as it is part of the cache key with the
 * args. A failed `fixops demo` throws with its output.
 */
export async function demoCopy(db: string, args: string[] = [], env: Record<string, string> = {}, envKey = ''): Promise<void> {
  await cachedDemoDb(`cli:fixops demo ${JSON.stringify(args)} ${envKey}`, db, (path) => {
    const r = fixops(['demo', '--db', path, ...args], env);
    if (r.code !== 0) throw new Error(`fixops demo ${args.join(' ')}: exit ${r.code}, signal ${r.signal}: ${r.stderr.slice(-2000)}`);
    return Promise.resolve();
  });
}
