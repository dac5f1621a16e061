// Runs a command in a child process and measures wall time and peak RSS (via report-rss.cjs).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = join(dirname(fileURLToPath(import.meta.url)), 'report-rss.cjs');

export interface Measurement {
  ms: number;
  rssMiB: number;
  stdout: string;
}

/** opts.showStderr: the command's progress goes to this process's stderr as it runs (a failure then reports no stderr). */
export function measureNode(args: string[], env: Record<string, string> = {}, opts: { showStderr?: boolean } = {}): Measurement {
  const dir = mkdtempSync(join(tmpdir(), 'fixops-rss-'));
  const rssFile = join(dir, 'rss');
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
      encoding: 'utf8', env: { ...process.env, ...env, FIXOPS_RSS_FILE: rssFile }, maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', opts.showStderr ? 'inherit' : 'pipe'],
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`command failed (${r.status}): ${args.join(' ')}\n${r.stderr ?? ''}`);
    return { ms, rssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024, stdout: r.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function stats(values: number[]): { min: number; median: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { min: s[0]!, median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, max: s.at(-1)! };
}
