// Files a command writes with --out (a workbook, a CSV, a scorecard). The CLI process always
// writes them: on its own it writes here; when the command ran inside a server (sent over the
// local socket) the bytes come back to the CLI in a frame and the CLI writes them, so the server
// never writes to a path named over the socket. A file appears whole or not at all (written
// beside the target, then renamed).

import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { currentScope } from '../remote/scope.js';

const partial = (path: string) => `${path}.${process.pid}.part`;

/** Writes `data` to `path` (in the caller's process). */
export async function writeOutFile(path: string, data: string | Uint8Array): Promise<void> {
  const scope = currentScope();
  if (scope) {
    scope.file(path, typeof data === 'string' ? Buffer.from(data) : data);
    return;
  }
  const tmp = partial(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Streams what `write` produces into `path`; inside a server the bytes are gathered and sent
 * back whole (`write` gets a stream either way and resolves when it has ended it).
 */
export async function streamOutFile(path: string, write: (out: Writable) => Promise<unknown>): Promise<void> {
  const scope = currentScope();
  if (scope) {
    const { PassThrough } = await import('node:stream');
    const body = new PassThrough();
    const chunks: Buffer[] = [];
    body.on('data', (c: Buffer) => chunks.push(c));
    await write(body);
    scope.file(path, Buffer.concat(chunks));
    return;
  }
  const tmp = partial(path);
  const out = createWriteStream(tmp);
  try {
    const closed = once(out, 'close');
    closed.catch(() => undefined); // an error is thrown by `write`; this only waits for the close
    await once(out, 'open'); // a missing folder fails here, before anything is written
    await write(out);
    await closed;
    await rename(tmp, path);
  } catch (e) {
    out.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}
