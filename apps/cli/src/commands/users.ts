// `fixops users [--json]` · `fixops users add NAME --role admin|consultant|dealer [--dealer CODE]`
// Who may use the HTTP API; tokens are made with `fixops tokens create NAME`.

import { addUser, listUsers, ROLES } from '@fixops/api';
import { DB_OPTION, JSON_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { renderTable } from '../output/table.js';
import { orUsage } from '../select.js';

export async function usersCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, ...JSON_OPTION, role: { type: 'string' }, dealer: { type: 'string' } }, true);
  const [action, name] = positionals;
  if (action === undefined) {
    const users = await withDatabase(values.db, (db) => listUsers(db.connection));
    if (values.json) process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
    else if (users.length === 0) process.stdout.write('还没有用户。用 fixops users add NAME --role admin 创建。\nNo users yet. Create one with fixops users add NAME --role admin.\n');
    else process.stdout.write(`${renderTable(['用户 User', '角色 Role', '经销商 Dealer', '创建 Created'], users.map((u) => [u.name, u.role, u.dealer ?? '', u.createdAt]))}\n`);
    return 0;
  }
  if (action !== 'add' || name === undefined || positionals.length !== 2) {
    throw new UsageError(`usage: fixops users add NAME --role ${ROLES.join('|')} [--dealer CODE] [--db FILE] · fixops users [--json]`);
  }
  if (values.role === undefined) throw new UsageError(`fixops users add: --role is required (${ROLES.join(', ')})`);
  const user = await withDatabase(values.db, async (db) => orUsage(await addUser(db.connection, { name, role: values.role!, dealer: values.dealer })));
  if (values.json) process.stdout.write(`${JSON.stringify(user, null, 2)}\n`);
  else process.stdout.write(`用户已创建 User created: ${user.name} (${user.role}${user.dealer ? ` · ${user.dealer}` : ''})\n下一步 Next: fixops tokens create ${user.name}\n`);
  return 0;
}
