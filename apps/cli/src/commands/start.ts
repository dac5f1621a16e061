// `fixops start [--db FILE] [--port 3000] [--host 127.0.0.1]`: the product. Opens the database
// (a new one gets the demo network), makes sure there is an admin (a first start creates user
// `admin` and prints its token once), then serves the API and the dashboard on one port until
// SIGINT/SIGTERM.

import { readConfig } from '@fixops/config';
import { queryJson, resolveDbPath } from '@fixops/db';
import { addUser, createToken } from '@fixops/accounts';
import { startServer, type NodeHandler } from '@fixops/api';
import { loadDemoNetwork } from '@fixops/usecases';
import { fail } from '@fixops/shared';
import { DB_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { localCommands } from '../remote/listen.js';

/** The dashboard's request handler (apps/web's adapter-node build), or a clear error without the build. */
export async function loadWebHandler(): Promise<NodeHandler> {
  try {
    const mod = (await import('@fixops/web/handler')) as { handler: NodeHandler };
    return mod.handler;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      fail('web_not_built', {
        zh: '网页界面尚未构建：请先运行 pnpm build（或 pnpm start，它会先构建）',
        en: 'The dashboard is not built: run pnpm build first (or pnpm start, which builds)',
      });
    }
    throw e;
  }
}

/** What a first start set up: whether the demo was loaded, and the admin's token when it was created now. */
export interface Prepared {
  demoLoaded: boolean;
  adminToken: string | null;
  dealers: number;
}

/** Demo network into an empty database; user `admin` with a token when there are no users yet. */
export async function prepareDatabase(dbOption: string | undefined, log: (line: string) => void): Promise<Prepared> {
  return withDatabase(dbOption, async (db) => {
    const count = async (table: string) => Number((await queryJson<{ n: number }>(db.connection, `SELECT count(*)::INTEGER AS n FROM ${table}`))[0]!.n);
    let demoLoaded = false;
    if ((await count('dealers')) === 0) {
      log('数据库为空，导入演示经销商网络（约半分钟）… / Empty database: loading the demo dealer network (about half a minute)…');
      await loadDemoNetwork(db.connection, { onFile: (name) => log(`  导入 Loading ${name}`) });
      demoLoaded = true;
    }
    let adminToken: string | null = null;
    if ((await count('users')) === 0) {
      const user = await addUser(db.connection, { name: 'admin', role: 'admin' });
      if (!user.ok) fail(user.error.code, user.error.message);
      const token = await createToken(db.connection, 'admin');
      if (!token.ok) fail(token.error.code, token.error.message);
      adminToken = token.value.token;
    }
    return { demoLoaded, adminToken, dealers: await count('dealers') };
  });
}

/** The address to open in a browser: localhost for the loopback and any-address hosts. */
export function browserUrl(host: string, port: number): string {
  const h = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

export async function startCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...DB_OPTION, port: { type: 'string', default: '3000' }, host: { type: 'string', default: '127.0.0.1' } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`fixops start: --port must be a port number, not "${values.port}"`);
  // Every FIXOPS_* variable is checked before anything starts: a bad one is named, with its value.
  const config = readConfig();
  if (!config.ok) fail(config.error.code, config.error.message, config.error.details);
  const web = await loadWebHandler();
  const dbPath = resolveDbPath(values.db);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const prepared = await prepareDatabase(values.db, log);
  const { app, closed } = await startServer({ dbPath, port, host: values.host, web, localCommands: localCommands(dbPath), logger: { level: config.value.logLevel ?? 'warn' } }).catch((e: unknown) => {
    if ((e as { code?: string }).code === 'EADDRINUSE') {
      fail('port_in_use', { zh: `端口 ${port} 已被占用：换一个端口，例如 --port ${port + 1}`, en: `Port ${port} is in use: pick another, e.g. --port ${port + 1}` }, { port });
    }
    throw e;
  });
  const address = app.server.address();
  const open = browserUrl(values.host, typeof address === 'object' && address ? address.port : port);
  const lines = [
    '',
    `Fixops 已启动 is running: ${open}`,
    `  数据库 Database: ${dbPath} (${prepared.dealers} 家经销商 dealers${prepared.demoLoaded ? '，演示数据 demo data' : ''})`,
    `  API: ${open}/api (文档 docs ${open}/api/docs)`,
  ];
  if (prepared.adminToken) {
    lines.push(
      '',
      `  登录 Log in: ${open}/login`,
      `  管理员令牌 Admin token (只显示这一次 shown only this once, keep it safe):`,
      `    ${prepared.adminToken}`,
    );
  } else {
    lines.push(`  登录 Log in: ${open}/login — 令牌 token: pnpm -s fixops tokens create admin${values.db ? ` --db ${values.db}` : ''}`);
  }
  lines.push('  Ctrl-C 停止 to stop', '');
  process.stdout.write(`${lines.join('\n')}\n`);
  await closed;
  return 0;
}
