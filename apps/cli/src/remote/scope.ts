// Which database and which output a command uses. On its own the CLI opens the file and writes
// to the process's stdout/stderr; inside a server (a command sent over the local socket) the
// command runs in a scope that lends it the server's open database and captures its output,
// so the same command code serves both without a global "current connection".

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from '@fixops/db';

export interface CommandScope {
  /** Runs `work` against the server's database (through its write queue when the command writes). */
  withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /** Where the command's stdout and stderr go. */
  write(stream: 'stdout' | 'stderr', chunk: string | Uint8Array): void;
  /** A file the command writes (--out): its bytes go back to the CLI, which writes it. */
  file(path: string, bytes: Uint8Array): void;
  stderrTTY: boolean;
}

const storage = new AsyncLocalStorage<CommandScope>();

/** The scope of the command running now, or undefined for a plain CLI run. */
export function currentScope(): CommandScope | undefined {
  return storage.getStore();
}

export function runInScope<T>(scope: CommandScope, work: () => Promise<T>): Promise<T> {
  return storage.run(scope, work);
}

let routed = false;

/**
 * Makes process.stdout/stderr writes made inside a scope go to that scope (once per process).
 * Writes outside any scope — the server's own log and messages — are untouched.
 */
export function routeOutputToScopes(): void {
  if (routed) return;
  routed = true;
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
      const scope = storage.getStore();
      if (!scope) return original(chunk, encoding, callback);
      scope.write(name, chunk);
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    });
  }
  const own = process.stderr.isTTY;
  Object.defineProperty(process.stderr, 'isTTY', {
    configurable: true,
    get: () => {
      const scope = storage.getStore();
      return scope ? scope.stderrTTY : own;
    },
  });
}
