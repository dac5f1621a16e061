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
  // The signal handlers come first: the local socket exists from buildApp on, and a SIGINT/SIGTERM
  // arriving before they were installed used to kill the process with the socket left behind.
  let app: FastifyInstance | undefined;
  let signalled: string | undefined;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => { resolveClosed = resolve; });
  let closing = false;
  const stop = (signal: string) => {
    if (closing) {
      // A second signal while the running load finishes: leave now (the 'exit' hooks still remove the socket).
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    if (!app) {
      signalled = signal;
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing the running load');
    app.close().then(() => resolveClosed(), (e: unknown) => {
      app!.log.error(e);
      resolveClosed();
    });
  };
  const onSigint = () => stop('SIGINT');
  const onSigterm = () => stop('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  void closed.then(() => {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  });
  try {
    // Temp folders of loads a killed process left behind (ours only, older than this process).
    const swept = await removeStaleTempDirs();
    const built = await buildApp({ logger: { level: settingOrFail('logLevel') ?? 'info' }, ...opts });
    app = built;
    // The dashboard's server code sends its /api requests to this instance in-process.
    (globalThis as Record<symbol, unknown>)[API_APP] = built;
    built.addHook('onClose', (_instance, next) => {
      if ((globalThis as Record<symbol, unknown>)[API_APP] === built) delete (globalThis as Record<symbol, unknown>)[API_APP];
      next();
    });
    if (swept.length > 0) built.log.info({ removed: swept.length }, 'removed temp folders left by earlier loads');
    const url = await built.listen({ port: opts.port ?? 3000, host: opts.host ?? '127.0.0.1' });
    if (signalled !== undefined) stop(signalled);
    return { app: built, url, closed };
  } catch (e) {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    if (app) await app.close().catch(() => undefined);
    throw e;
  }
}
