// `fixops tokens create NAME [--expires 90d]` (a new API token, printed once; only its hash is
// stored; default lifetime the tokenExpiryDays setting) · `fixops tokens list [--user NAME]
// [--json]` (never the token) · `fixops tokens revoke ID` (stops the token and its sessions).

import { createToken, listTokens, parseExpiry, revokeToken, type TokenInfo } from '@fixops/accounts';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { printJson, printList } from '../output/print.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';

const USAGE = 'usage: fixops tokens create NAME [--expires 90d] · fixops tokens list [--user NAME] [--json] · fixops tokens revoke ID  [--db FILE]';

const STATUS: Record<TokenInfo['status'], string> = { active: '有效 active', expired: '已过期 expired', revoked: '已吊销 revoked' };

export async function tokensCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, expires: { type: 'string' }, user: { type: 'string' } }, true);
  const [action, arg] = positionals;
  if (action === 'create' && arg !== undefined && positionals.length === 2) {
    const days = values.expires === undefined ? undefined : orUsage(parseExpiry(values.expires));
    const created = await withDatabase(values.db, async (db) => orUsage(await createToken(db.connection, arg, { days })));
    if (values.json) {
      printJson({ id: created.id, token: created.token, user: created.user.name, expiresAt: created.expiresAt });
    } else {
      process.stdout.write(`${created.token}\n`);
    }
    process.stderr.write(`令牌只显示这一次，请妥善保存 / This token is shown once: keep it safe (user ${created.user.name}, ${created.user.role}; ` +
      `编号 id ${created.id}, 到期 expires ${created.expiresAt}).\n` +
      `用法 Use: curl -H "Authorization: Bearer <token>" http://127.0.0.1:3000/api/dealers\n`);
    return 0;
  }
  if (action === 'list' && positionals.length === 1) {
    const tokens = await withDatabase(values.db, (db) => listTokens(db.connection, { user: values.user }));
    return printList(tokens, {
      json: values.json,
      empty: '还没有令牌。用 fixops tokens create NAME 创建。\nNo tokens yet. Create one with fixops tokens create NAME.\n',
      table: (rows) => renderTable(['编号 ID', '用户 User', '创建 Created', '到期 Expires', '最近使用 Last used', '状态 Status'],
        rows.map((t) => [String(t.id), t.user, t.createdAt, t.expiresAt ?? '', t.lastUsedAt ?? '', STATUS[t.status]])),
    });
  }
  if (action === 'revoke' && arg !== undefined && positionals.length === 2) {
    const id = Number(arg);
    if (!/^\d{1,9}$/.test(arg) || id < 1) throw new UsageError(`fixops tokens revoke: ID must be a token id from fixops tokens list, not "${arg}"`);
    const revoked = await withDatabase(values.db, async (db) => orUsage(await revokeToken(db.connection, id)));
    if (values.json) printJson(revoked);
    else process.stdout.write(`令牌已吊销 Token revoked: ${revoked.id} (${revoked.user}) — 它和它的会话立即失效 / it and its sessions stop working at once\n`);
    return 0;
  }
  throw new UsageError(USAGE);
}
