// Starts the API on a port and closes it gracefully on SIGINT/SIGTERM: the running load
// finishes (or DuckDB rolls it back if the process dies), then the database closes.

import type { FastifyInstance } from 'fastify';
import { settingOrFail } from '@fixops/config';
import { removeStaleTempDirs } from '@fixops/ingest';
import { buildApp, type AppOptions } from './app.js';

/** Where the running server's Fastify instance is registered for in-process callers (the dashboard). */
export const API_APP = Symbol.for('fixops.api.app');

export interface ServeOptions extends AppOptions {
  port?: number;
  host?: string;
}

/** Listens; resolves with the app and a promise that settles once it has shut down. */
export async function startServer(opts: ServeOptions): Promise<{ app: FastifyInstance; url: string; closed: Promise<void> }> {
  // Temp folders of loads a killed process left behind (ours only, older than this process).
  const swept = await removeStaleTempDirs();
  const app = await buildApp({ logger: { level: settingOrFail('logLevel') ?? 'info' }, ...opts });
  // The dashboard's server code sends its /api requests to this instance in-process.
  (globalThis as Record<symbol, unknown>)[API_APP] = app;
  app.addHook('onClose', (_instance, next) => {
    if ((globalThis as Record<symbol, unknown>)[API_APP] === app) delete (globalThis as Record<symbol, unknown>)[API_APP];
    next();
  });
  if (swept.length > 0) app.log.info({ removed: swept.length }, 'removed temp folders left by earlier loads');
  const url = await app.listen({ port: opts.port ?? 3000, host: opts.host ?? '127.0.0.1' });
  const closed = new Promise<void>((resolve) => {
    let closing = false;
    const stop = (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down: finishing the running load');
      app.close().then(() => resolve(), (e: unknown) => {
        app.log.error(e);
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return { app, url, closed };
}
