// `fixops users [list] [--json]` · `fixops users add NAME --role admin|consultant|dealer [--dealer CODE]`
// · `fixops users disable NAME` · `fixops users enable NAME`. Who may use the HTTP API; tokens
// are made with `fixops tokens create NAME`. A disabled user's tokens and sessions stop at once.

import { addUser, listUsers, ROLES, setUserDisabled, type User } from '@fixops/accounts';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { printJson, printList } from '../output/print.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';

const USAGE = `usage: fixops users [list] [--json] · fixops users add NAME --role ${ROLES.join('|')} [--dealer CODE] · fixops users disable|enable NAME  [--db FILE]`;

const describe = (u: User) => `${u.name} (${u.role}${u.dealer ? ` · ${u.dealer}` : ''})`;

export async function usersCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, role: { type: 'string' }, dealer: { type: 'string' } }, true);
  const [action = 'list', name] = positionals;
  const print = (user: User, text: string) => (values.json ? printJson(user) : process.stdout.write(text));
  if (action === 'list' && positionals.length <= 1) {
    const users = await withDatabase(values.db, (db) => listUsers(db.connection));
    return printList(users, {
      json: values.json,
      empty: '还没有用户。用 fixops users add NAME --role admin 创建。\nNo users yet. Create one with fixops users add NAME --role admin.\n',
      table: (rows) => renderTable(['用户 User', '角色 Role', '经销商 Dealer', '创建 Created', '状态 Status'],
        rows.map((u) => [u.name, u.role, u.dealer ?? '', u.createdAt, u.disabled ? '已停用 disabled' : '启用 active'])),
    });
  }
  if (name === undefined || positionals.length !== 2) throw new UsageError(USAGE);
  if (action === 'add') {
    if (values.role === undefined) throw new UsageError(`fixops users add: --role is required (${ROLES.join(', ')})`);
    const user = await withDatabase(values.db, async (db) => orUsage(await addUser(db.connection, { name, role: values.role!, dealer: values.dealer })));
    print(user, `用户已创建 User created: ${describe(user)}\n下一步 Next: fixops tokens create ${user.name}\n`);
    return 0;
  }
  if (action === 'disable' || action === 'enable') {
    const user = await withDatabase(values.db, async (db) => orUsage(await setUserDisabled(db.connection, name, action === 'disable')));
    print(user, action === 'disable'
      ? `用户已停用 User disabled: ${describe(user)} — 其令牌和会话立即失效 / its tokens and sessions stop working at once\n`
      : `用户已启用 User enabled: ${describe(user)}\n`);
    return 0;
  }
  throw new UsageError(USAGE);
}
