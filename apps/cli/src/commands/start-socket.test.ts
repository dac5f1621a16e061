// `fixops start` removes its `<db>.sock` on SIGTERM/SIGINT however early or often the signal
// comes: as soon as the socket exists (before the server has installed anything else), after
// it has started, and when a second signal cuts the shutdown short.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixopsAsync, tempDir } from '../test-helpers/run.js';

afterAll(cleanup);

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
  else child.on('exit', (code) => resolve(code));
});

/** Resolves once `check()` holds, polling every few milliseconds. */
async function until(check: () => boolean, ms = 200_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function start(db: string) {
  const child = fixopsAsync(['start', '--db', db, '--port', '0']);
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.resume();
  return { child, started: () => stdout.includes('Ctrl-C') };
}

describe('fixops start and its socket', () => {
  it('leaves no socket behind after SIGTERM, SIGINT or two quick signals', async () => {
    const db = join(tempDir(), 'sock.duckdb');
    const sock = `${db}.sock`;
    // The first start loads the demo; a signal the moment the socket appears.
    const early = start(db);
    await until(() => existsSync(sock) || early.child.exitCode !== null);
    early.child.kill('SIGTERM');
    await exited(early.child);
    expect(existsSync(sock)).toBe(false);

    for (const signals of [['SIGTERM'], ['SIGINT'], ['SIGTERM', 'SIGTERM']] as const) {
      const run = start(db);
      await until(() => run.started() || run.child.exitCode !== null);
      expect(existsSync(sock)).toBe(true);
      for (const s of signals) run.child.kill(s);
      const code = await exited(run.child);
      if (signals.length === 1) expect(code).toBe(0);
      expect(existsSync(sock), signals.join('+')).toBe(false);
    }
  }, 300_000);
});
