// Users and tokens as the admin API shows them: a token listing never carries the token or
// its hash; a new token is answered once, when it is created.

import { Type } from 'typebox';
import { Nullable } from './common.js';

const UserName = Type.String({ minLength: 1, maxLength: 64 });
/** A user name in a path or query: the characters a name may have (a new name is checked by the accounts package, in words). */
const UserNameRef = Type.String({ pattern: '^[A-Za-z0-9_.@-]{1,64}$' });
const Timestamp = Type.String({ description: 'UTC, YYYY-MM-DDTHH:MM:SSZ' });

export const Account = Type.Object({
  name: Type.String(),
  role: Type.String({ description: 'admin, consultant or dealer' }),
  dealer: Nullable(Type.String()),
  createdAt: Timestamp,
  disabled: Type.Boolean(),
});
export const AccountList = Type.Array(Account);
export const NewAccount = Type.Object({
  name: UserName,
  role: Type.String({ minLength: 1, maxLength: 32, description: 'admin, consultant or dealer' }),
  dealer: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
});
export const AccountParams = Type.Object({ name: UserNameRef });

export const ApiToken = Type.Object({
  id: Type.Integer(),
  user: Type.String(),
  createdAt: Timestamp,
  expiresAt: Nullable(Timestamp),
  lastUsedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
});
export const ApiTokenList = Type.Array(ApiToken);
export const ApiTokenQuery = Type.Object({ user: Type.Optional(UserNameRef) });
export const NewApiToken = Type.Object({
  user: UserName,
  expiresDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'lifetime in days; default the tokenExpiryDays setting (90)' })),
});
export const CreatedApiToken = Type.Object({
  id: Type.Integer(),
  token: Type.String({ description: 'shown only in this answer; only its SHA-256 is stored' }),
  user: Type.String(),
  expiresAt: Timestamp,
});
