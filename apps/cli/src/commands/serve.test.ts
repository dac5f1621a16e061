// `fixops serve` starts the HTTP API on a port, answers health without a token and data with
// one, and shuts down cleanly on SIGTERM.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, fixopsAsync, tempDir } from '../test-helpers/run.js';

afterAll(cleanup);

describe('fixops serve', () => {
  it('serves the API until SIGTERM', async () => {
    const db = join(tempDir(), 's.duckdb');
    fixops(['users', 'add', 'alice', '--role', 'consultant', '--db', db]);
    const token = fixops(['tokens', 'create', 'alice', '--db', db]).stdout.trim();
    const child = fixopsAsync(['serve', '--db', db, '--port', '0']);
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${stderr}`)), 30_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /Fixops API: (http:\/\/[^\s/]+)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', () => reject(new Error(`exited: ${stderr}`)));
    });
    child.stdout.resume();
    try {
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect((await fetch(`${url}/api/dealers`)).status).toBe(401);
      const dealers = await fetch(`${url}/api/dealers`, { headers: { authorization: `Bearer ${token}` } });
      expect(dealers.status).toBe(200);
      expect(await dealers.json()).toEqual([]);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('refuses a bad port (exit 2)', () => {
    expect(fixops(['serve', '--port', 'abc']).code).toBe(2);
  });
});
