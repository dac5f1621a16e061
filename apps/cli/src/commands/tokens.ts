// `fixops tokens create NAME [--db FILE]`: a new API token for a user, printed once; only its
// hash is stored.

import { createToken } from '@fixops/api';
import { DB_OPTION, parse, UsageError } from '../args.js';
import { withDatabase } from '../context.js';
import { orUsage } from '../select.js';

export async function tokensCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION }, true);
  const [action, name] = positionals;
  if (action !== 'create' || name === undefined || positionals.length !== 2) throw new UsageError('usage: fixops tokens create NAME [--db FILE]');
  const created = await withDatabase(values.db, async (db) => orUsage(await createToken(db.connection, name)));
  process.stdout.write(`${created.token}\n`);
  process.stderr.write(`令牌只显示这一次，请妥善保存 / This token is shown once: keep it safe (user ${created.user.name}, ${created.user.role}).\n` +
    `用法 Use: curl -H "Authorization: Bearer <token>" http://127.0.0.1:3000/api/dealers\n`);
  return 0;
}
