// `fixops serve [--db FILE] [--port 3000] [--host 127.0.0.1]`: the HTTP API until SIGINT/SIGTERM.

import { resolveDbPath } from '@fixops/db';
import { startServer } from '@fixops/api';
import { DB_OPTION, parse, UsageError } from '../args.js';
import { localCommands } from '../remote/listen.js';

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...DB_OPTION, port: { type: 'string', default: '3000' }, host: { type: 'string', default: '127.0.0.1' } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`fixops serve: --port must be a port number, not "${values.port}"`);
  const dbPath = resolveDbPath(values.db);
  const { url, closed } = await startServer({ dbPath, port, host: values.host, localCommands: localCommands(dbPath) });
  process.stderr.write(`Fixops API: ${url}/api (docs ${url}/api/docs) · Ctrl-C 停止 to stop\n`);
  await closed;
  return 0;
}
