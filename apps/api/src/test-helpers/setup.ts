// A small demo network loaded the way `fixops demo` does, with one user and token per role. Built
// once per test run (the demo files, the database, its users and tokens) and copied into each
// test environment's own temp dir (@fixops/demo/test-db; vitest.config's global setup).

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNetwork } from '@fixops/demo';
import { cachedDemoDir } from '@fixops/demo/test-db';
import { openDatabase, queryJson } from '@fixops/db';
import type { KindId } from '@fixops/ingest';
import { loadExport } from '@fixops/usecases';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../app.js';
import { addUser, createToken } from '@fixops/accounts';
import type { LoadSummaries, LoadSummary, UndoSummary } from '@fixops/contracts';
import type { Static } from 'typebox';

export interface TestEnv {
  dir: string;
  dbPath: string;
  dataDir: string;
  dealers: string[];
  /** The dealer user's dealer, and another one. */
  own: string;
  other: string;
  months: string[];
  tokens: { admin: string; consultant: string; dealer: string; other: string };
  files: { name: string; kind: KindId; dealer?: string }[];
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function setupTestEnv(opts: Partial<AppOptions> = {}): Promise<TestEnv> {
  const dir = await mkdtemp(join(tmpdir(), 'fixops-api-test-'));
  const dataDir = join(dir, 'demo');
  const dbPath = join(dir, 'fixops.duckdb');
  const { dealers, months, tokens, files } = await cachedDemoDir('api:setupTestEnv', dir, (into) => buildDemo(join(into, 'demo'), join(into, 'fixops.duckdb')));
  const app = await buildApp({ dbPath, ...opts });
  await app.ready();
  return {
    dir, dbPath, dataDir, dealers, own: dealers[0]!, other: dealers[1]!, months, tokens, files, app,
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The demo files in `dataDir`, loaded into `dbPath`, with the users and tokens of TestEnv. */
async function buildDemo(dataDir: string, dbPath: string): Promise<Pick<TestEnv, 'dealers' | 'months' | 'tokens' | 'files'>> {
  const { manifestPath } = await writeNetwork(dataDir, { dealers: 6, months: 6 });
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: { name: string; kind: KindId; dealer?: string }[] };
  const db = await openDatabase(dbPath);
  let dealers: string[];
  let months: string[];
  const tokens = { admin: '', consultant: '', dealer: '', other: '' };
  try {
    for (const f of manifest.files) {
      await loadExport(db.connection, { path: join(dataDir, f.name), fileName: f.name, kind: f.kind, dealer: f.dealer, uploadedBy: 'demo' });
    }
    dealers = (await queryJson<{ d: string }>(db.connection, 'SELECT dealer_code AS d FROM dealers ORDER BY 1')).map((r) => r.d);
    months = (await queryJson<{ m: string }>(db.connection, "SELECT DISTINCT strftime(month, '%Y-%m') AS m FROM kpi_values ORDER BY 1")).map((r) => r.m);
    const [own, other] = dealers as [string, string];
    const users = [['admin', 'admin', undefined], ['consultant', 'consultant', undefined], ['dealer', 'dealer', own], ['other', 'dealer', other]] as const;
    for (const [name, role, dealer] of users) {
      const u = await addUser(db.connection, { name, role, dealer });
      if (!u.ok) throw new Error(u.error.message.en);
      const t = await createToken(db.connection, name);
      if (!t.ok) throw new Error(t.error.message.en);
      tokens[name] = t.value.token;
    }
  } finally {
    db.close();
  }
  return { dealers, months, tokens, files: manifest.files };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Our error body as the upload and undo tests read it: details carry the files' summaries, or name what was wrong. */
export interface ErrorAnswer {
  error: { code: string; message: string; details: { files: Static<typeof LoadSummary>[]; [key: string]: unknown } };
}
/** What POST /api/uploads answers: one summary per file (200), or our error body (4xx). */
export type UploadAnswer = Static<typeof LoadSummaries> & ErrorAnswer;
/** What POST /api/loads/:id/undo answers: the undo's summary (200), or our error body (4xx). */
export type UndoAnswer = Static<typeof UndoSummary> & ErrorAnswer;

/** A JSON answer over real HTTP: its status and its body (typed by the caller). */
export interface CallAnswer<T> { status: number; body: T }
export type Call = <T = unknown>(token: string, path: string, init?: { method?: string; body?: unknown }) => Promise<CallAnswer<T>>;

/**
 * A test environment listening on a port, and `call` for JSON requests to it with a token (plus
 * `headers`, e.g. accept-language). Start it in beforeAll and close it in afterAll.
 */
export async function listeningTestEnv(headers: Record<string, string> = {}): Promise<{ env: TestEnv; base: string; call: Call }> {
  const env = await setupTestEnv();
  const base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  const call: Call = async <T = unknown>(token: string, path: string, init: { method?: string; body?: unknown } = {}) => {
    const r = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...bearer(token), ...headers, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    return { status: r.status, body: (await r.json()) as T };
  };
  return { env, base, call };
}
