// The CLI side of the local channel: when a server holds the database (its socket answers),
// the command line goes to that server and its output and exit code are relayed unchanged.
// A socket file nobody answers on (a server that was killed) is ignored: the file is idle.
// A file the command writes (--out) comes back as bytes and is written here, by the caller.

import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { bilingual } from '@fixops/shared';
import { cannotWriteMessage } from '../output/file.js';
import { lineReader, socketPathFor, type RemoteFrame, type RemoteRequest } from './protocol.js';

/** A connected socket when a server answers for `dbPath`, null when the file is idle. */
export function connectToServer(dbPath: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect(socketPathFor(dbPath));
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    // ENOENT: no server; ECONNREFUSED: a stale socket; anything else: treat the file as idle.
    socket.once('error', () => resolve(null));
  });
}

/** Writes a file the command returned (whole, or not at all); the error line when it cannot (as the command says it). */
function writeReturnedFile(command: string, path: string, base64: string): string | null {
  const tmp = `${path}.${process.pid}.part`;
  try {
    writeFileSync(tmp, Buffer.from(base64, 'base64'));
    renameSync(tmp, path);
    return null;
  } catch (e) {
    rmSync(tmp, { force: true });
    return `fixops ${command}: ${bilingual(cannotWriteMessage(path, e))}\n`;
  }
}

/** Sends the command and relays its output; resolves with the server's exit code. */
export function runRemote(socket: Socket, argv: string[], dbPath: string): Promise<number> {
  const request: RemoteRequest = { argv, cwd: process.cwd(), db: dbPath, stderrTTY: Boolean(process.stderr.isTTY) };
  return new Promise((resolve) => {
    let code: number | null = null;
    let failed: string | null = null;
    socket.on('data', lineReader((value) => {
      const frame = value as RemoteFrame;
      if ('exit' in frame) code = frame.exit;
      else if (failed !== null) return; // after a file could not be written, nothing else is relayed
      else if ('file' in frame) failed = writeReturnedFile(argv[0] ?? '', frame.file, frame.base64);
      else {
        const out = frame.stream === 'stderr' ? process.stderr : process.stdout;
        out.write('text' in frame ? frame.text : Buffer.from(frame.base64, 'base64'));
      }
    }));
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      if (failed !== null) {
        process.stderr.write(failed);
        resolve(1);
      } else if (code === null) {
        process.stderr.write('fixops: 服务器在命令完成前断开了连接 / the server closed the connection before the command finished\n');
        resolve(1);
      } else resolve(code);
    };
    socket.once('error', finish);
    socket.once('close', finish);
    socket.write(`${JSON.stringify(request)}\n`);
  });
}
