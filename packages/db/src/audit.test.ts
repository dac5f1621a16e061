import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isSince, listAudit, recordAudit } from './audit.js';
import { openDatabase } from './database.js';
import { exportParquet, importParquet } from './parquet.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'fixops-audit-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'a.duckdb'));
}

describe('audit log', () => {
  it('keeps who, from where, what and detail; lists newest first with filters and paging', async () => {
    const db = await tempDb();
    await recordAudit(db.connection, { actor: { user: 'admin', via: 'api', ip: '127.0.0.1' }, action: 'user.add', target: 'li', detail: { role: 'consultant' } });
    await recordAudit(db.connection, { actor: { user: 'ops', via: 'cli' }, action: 'setting.set', target: 'uploadDueDay', detail: { old: 10, new: 12 } });
    await recordAudit(db.connection, { actor: { user: 'admin', via: 'api', ip: '::1' }, action: 'token.create', target: '3', detail: { user: 'li' } });
    const all = await listAudit(db.connection);
    expect(all.total).toBe(3);
    expect(all.entries.map((e) => e.action)).toEqual(['token.create', 'setting.set', 'user.add']);
    expect(all.entries[1]).toMatchObject({ user: 'ops', via: 'cli', ip: null, target: 'uploadDueDay', detail: { old: 10, new: 12 } });
    expect(all.entries[2]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect((await listAudit(db.connection, { user: 'admin' })).entries.map((e) => e.target)).toEqual(['3', 'li']);
    expect((await listAudit(db.connection, { action: 'token' })).entries.map((e) => e.action)).toEqual(['token.create']);
    expect((await listAudit(db.connection, { action: 'tok' })).total).toBe(0);
    const page = await listAudit(db.connection, { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, entries: [{ action: 'setting.set' }] });
    expect((await listAudit(db.connection, { since: '2999-01-01' })).total).toBe(0);
    db.close();
  });
});

/** Every .ts/.svelte source file of the repository, outside dependencies and build output. */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', 'build', '.svelte-kit', '.git', 'data', 'test-results', '.turbo'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|js|svelte|sql)$/.test(name) && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

describe('audit log through Parquet', () => {
  it('is exported and imported whole; new entries number on after it', async () => {
    const a = await tempDb();
    for (const action of ['user.add', 'token.create']) await recordAudit(a.connection, { actor: { user: 'admin', via: 'cli' }, action });
    const dir = mkdtempSync(join(tmpdir(), 'fixops-audit-pq-'));
    dirs.push(dir);
    await exportParquet(a.connection, dir);
    a.close();
    const b = await tempDb();
    await importParquet(b.connection, dir);
    await recordAudit(b.connection, { actor: { user: 'ops', via: 'cli' }, action: 'setting.set' });
    expect((await listAudit(b.connection)).entries.map((e) => [e.id, e.action])).toEqual([[3, 'setting.set'], [2, 'token.create'], [1, 'user.add']]);
    b.close();
  });
});

describe('since', () => {
  it('accepts real days with an optional time, nothing else', () => {
    for (const ok of ['2025-12-01', '2024-02-29', '2025-12-01T10:00', '2025-12-01 10:00:00', '2025-12-01T10:00:00.5Z']) expect(isSince(ok)).toBe(true);
    for (const bad of ['2025-02-30', '2025-13-01', 'yesterday', '2025-12-01T25', '', '2025-12-01; DROP']) expect(isSince(bad)).toBe(false);
  });
});

describe('the audit log is append-only', () => {
  it('no source file updates, deletes, truncates, drops or alters the audit table', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
    const files = sources(join(root, 'packages')).concat(sources(join(root, 'apps')));
    expect(files.length).toBeGreaterThan(50);
    const offending = /(UPDATE\s+audit_log|DELETE\s+FROM\s+audit_log|TRUNCATE\s+(TABLE\s+)?audit_log|DROP\s+TABLE\s+(IF\s+EXISTS\s+)?audit_log|ALTER\s+TABLE\s+audit_log)/i;
    const hits = files.filter((f) => offending.test(readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
    // and the one writer only inserts
    const writer = readFileSync(join(root, 'packages/db/src/audit.ts'), 'utf8');
    expect(writer).toContain('INSERT INTO audit_log');
  });
});
