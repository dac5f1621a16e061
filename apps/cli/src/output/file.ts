// Files a command writes with --out (a workbook, a CSV, a scorecard). The CLI process always
// writes them: on its own it writes here; when the command ran inside a server (sent over the
// local socket) the bytes come back to the CLI in a frame and the CLI writes them, so the server
// never writes to a path named over the socket. A file appears whole or not at all (written
// beside the target, then renamed).

import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { fail, type Message } from '@fixops/shared';
import { currentScope } from '../remote/scope.js';

const partial = (path: string) => `${path}.${process.pid}.part`;

/** Why a file cannot be written, said plainly (no temporary names, no "internal error"). */
export function cannotWriteMessage(path: string, e: unknown): Message {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? { zh: '文件夹不存在', en: 'the folder does not exist' }
    : code === 'EACCES' || code === 'EPERM' ? { zh: '没有写入权限', en: 'permission denied' }
      : code === 'EISDIR' ? { zh: '这是一个文件夹', en: 'it is a folder' }
        : { zh: (e as Error).message, en: (e as Error).message };
  return { zh: `无法写入 ${path}：${why.zh}`, en: `Cannot write ${path}: ${why.en}` };
}

function cannotWrite(path: string, e: unknown): never {
  fail('cannot_write_file', cannotWriteMessage(path, e), { path });
}

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
    cannotWrite(path, e);
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
    if ((e as NodeJS.ErrnoException).code !== undefined) cannotWrite(path, e);
    throw e;
  }
}
