// `fixops start`: a new database gets the demo network and user `admin` whose token is printed
// once; API and dashboard answer on one port; a later start prints how to get a token instead.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, fixopsAsync, tempDir } from '../test-helpers/run.js';
import { browserUrl } from './start.js';

afterAll(cleanup);

async function start(db: string): Promise<{ url: string; stdout: () => string; stop: () => Promise<number | null> }> {
  const child = fixopsAsync(['start', '--db', db, '--port', '0']);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}\n${stderr}`)), 150_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = /is running: (http:\/\/\S+)/.exec(stdout);
      if (m && stdout.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', () => reject(new Error(`exited: ${stdout}\n${stderr}`)));
  });
  return {
    url,
    stdout: () => stdout,
    stop: () => {
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('fixops start', () => {
  it('loads the demo into a new database, prints the admin token once, serves API and dashboard on one port', async () => {
    const db = join(tempDir(), 'start.duckdb');
    const first = await start(db);
    let token: string;
    try {
      expect(first.url).toMatch(/^http:\/\/localhost:\d+$/);
      expect(first.stdout()).toContain(`${first.url}/login`);
      token = /shown only this once[^\n]*\n\s+(\S+)/.exec(first.stdout())![1]!;
      const dealers = await fetch(`${first.url}/api/dealers`, { headers: { authorization: `Bearer ${token}` } });
      expect(dealers.status).toBe(200);
      expect(((await dealers.json()) as { code: string }[]).map((d) => d.code)).toContain('SZ009');
      // The dashboard: not logged in → the login page; logged in (form post with the token) → the overview.
      const page = await fetch(`${first.url}/`, { redirect: 'manual' });
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/login');
      const login = await fetch(`${first.url}/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('name="token"');
      const posted = await fetch(`${first.url}/login`, {
        method: 'POST', redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: first.url, accept: 'text/html' },
        body: `token=${encodeURIComponent(token)}`,
      });
      expect(posted.status).toBe(303);
      const cookie = posted.headers.getSetCookie().find((c) => c.startsWith('fixops_session='))!.split(';')[0]!;
      const overview = await fetch(`${first.url}/`, { headers: { cookie } });
      expect(overview.status).toBe(200);
      expect(await overview.text()).toContain('SZ009');
    } finally {
      expect(await first.stop()).toBe(0);
    }
    // A second start keeps the data and the users: no new token, a hint instead.
    const again = await start(db);
    try {
      expect(again.stdout()).not.toContain('shown only this once');
      expect(again.stdout()).toContain('fixops tokens create admin');
      expect((await fetch(`${again.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      expect(await again.stop()).toBe(0);
    }
    const users = fixops(['users', '--json', '--db', db]);
    expect(JSON.parse(users.stdout)).toEqual([expect.objectContaining({ name: 'admin', role: 'admin' })]);
  }, 240_000);

  it('refuses a bad port (exit 2)', () => {
    expect(fixops(['start', '--port', '70000']).code).toBe(2);
  });

  it('says localhost for loopback and any-address hosts', () => {
    expect(browserUrl('127.0.0.1', 3000)).toBe('http://localhost:3000');
    expect(browserUrl('0.0.0.0', 8080)).toBe('http://localhost:8080');
    expect(browserUrl('192.168.1.5', 3000)).toBe('http://192.168.1.5:3000');
    expect(browserUrl('fe80::1', 3000)).toBe('http://[fe80::1]:3000');
  });
});
