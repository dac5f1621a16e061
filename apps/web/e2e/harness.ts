// End-to-end harness: a temp DuckDB file with the demo network (a copy of the one loaded once per
// test run for the same network options: @fixops/demo/test-db, the e2e project's global setup),
// users and tokens per role, the real server (API + the built dashboard on one port, as
// `fixops start` runs it), and Debian's Chromium through playwright-core. Each page records
// its console errors and page errors; `screenshot` writes test-results/<name>.png at the repo root.
//
// Usage in a test file:
//   const h = useHarness();            // beforeAll: load + start; afterAll: close
//   it('…', async () => { const { page, errors } = await h.page(); await login(page, h.tokens.admin); … });

import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DuckDBConnection } from '@duckdb/node-api';
import { settingOrFail } from '@fixops/config';
import { openDatabase } from '@fixops/db';
import { addUser, createToken, startServer, type NodeHandler } from '@fixops/api';
import { loadDemoNetwork } from '@fixops/usecases';
import { cachedDemoDb } from '@fixops/demo/test-db';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = resolve(here, '..');
export const REPO_ROOT = resolve(WEB_DIR, '../..');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

export const CHROMIUM_PATH = settingOrFail('chromium');
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The users every harness creates: name → role and dealer. */
export const USERS = {
  admin: { role: 'admin' },
  consultant: { role: 'consultant' },
  sz009: { role: 'dealer', dealer: 'SZ009' },
  sh001: { role: 'dealer', dealer: 'SH001' },
} as const;
export type UserName = keyof typeof USERS;

export interface PageProbe {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
}

export interface Harness {
  url: string;
  dir: string;
  dbPath: string;
  tokens: Record<UserName, string>;
  /** Dealer codes in the database, sorted. */
  dealers: string[];
  /** The latest month with KPIs. */
  latestMonth: string;
  browser: Browser;
  /** A fresh browser context and page (its own cookies) with console errors collected. */
  page(opts?: { locale?: string }): Promise<PageProbe>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Demo network options (default: the full demo, 12 dealers × 24 months). */
  network?: { dealers?: number; months?: number; seed?: number };
  /** Checklist templates (file name → YAML) the server reads instead of the shipped ones. */
  templates?: Record<string, string>;
  /** Runs on the loaded database before the server opens it (e.g. to store a visit); told where `templates` were written. */
  prepare?: (connection: DuckDBConnection, ctx: { templatesDir: string | undefined }) => Promise<void>;
}

/** The dashboard's built Node handler (adapter-node); a clear message when the build is missing. */
export async function webHandler(): Promise<NodeHandler> {
  const file = join(WEB_DIR, 'build', 'handler.js');
  const entry = join(WEB_DIR, 'handler.js');
  try {
    await stat(file);
  } catch {
    throw new Error(`The dashboard is not built (${file} missing): run "pnpm --filter @fixops/web build" first`);
  }
  const mod = (await import(pathToFileURL(entry).href)) as { handler: NodeHandler };
  return mod.handler;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'fixops-web-e2e-'));
  const dbPath = join(dir, 'fixops.duckdb');
  const tokens = {} as Record<UserName, string>;
  let dealers: string[] = [];
  let latestMonth = '';
  let templatesDir: string | undefined;
  if (opts.templates) {
    templatesDir = join(dir, 'templates');
    await mkdir(templatesDir);
    for (const [name, text] of Object.entries(opts.templates)) await writeFile(join(templatesDir, name), text);
  }
  await cachedDemoDb(`web-e2e:loadDemoNetwork:${JSON.stringify(opts.network ?? {})}`, dbPath, async (path) => {
    const demo = await openDatabase(path);
    try {
      await loadDemoNetwork(demo.connection, opts.network ?? {});
    } finally {
      demo.close();
    }
  });
  const db = await openDatabase(dbPath);
  try {
    await opts.prepare?.(db.connection, { templatesDir });
    const reader = await db.connection.runAndReadAll(
      "SELECT (SELECT list(dealer_code ORDER BY dealer_code) FROM dealers) AS dealers, (SELECT strftime(max(month), '%Y-%m') FROM kpi_values) AS latest");
    const row = reader.getRowObjectsJson()[0] as { dealers: string[]; latest: string };
    dealers = row.dealers;
    latestMonth = row.latest;
    for (const [name, u] of Object.entries(USERS) as [UserName, { role: string; dealer?: string }][]) {
      const added = await addUser(db.connection, { name, role: u.role, dealer: u.dealer });
      if (!added.ok) throw new Error(added.error.message.en);
      const t = await createToken(db.connection, name);
      if (!t.ok) throw new Error(t.error.message.en);
      tokens[name] = t.value.token;
    }
  } finally {
    db.close();
  }
  const { app, url } = await startServer({ dbPath, port: 0, host: '127.0.0.1', logger: false, loginRateLimit: 1000, web: await webHandler(), ...(templatesDir !== undefined && { templatesDir }) });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  return {
    url, dir, dbPath, tokens, dealers, latestMonth, browser,
    async page(o = {}) {
      const context = await browser.newContext({ baseURL: url, locale: o.locale ?? 'zh-CN', viewport: { width: 1440, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()} (${page.url()})`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message} (${page.url()})`));
      return { page, context, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers beforeAll/afterAll for one test file and returns the harness (a proxy that is
 * usable once beforeAll has run).
 */
export function useHarness(opts: HarnessOptions = {}): Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(opts);
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  }, 60_000);
  return new Proxy({} as Harness, {
    get(_t, key: keyof Harness) {
      if (!h) throw new Error('harness not started (use it inside tests)');
      return h[key];
    },
  });
}

/** Logs in through the login page with a token and waits for the page after it. */
export async function login(page: Page, token: string, next = '/'): Promise<void> {
  await page.goto(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="token"]').fill(token);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 }),
    page.locator('form button[type="submit"]').click(),
  ]);
}

/** Full-page screenshot at test-results/<name>.png (repo root). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until the page's JS has started (SvelteKit hydrated): charts and sorting work after this. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.hydrated === 'true', undefined, { timeout: 15_000 });
}
