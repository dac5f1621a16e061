// Logging in with a token, and who the caller is.

import { Type } from 'typebox';
import { Nullable } from './common.js';

export const Login = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 200 }),
  /** Optional: the account the token is for; failed logins are also limited per account. */
  user: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
export const Role = Type.Union([Type.Literal('admin'), Type.Literal('consultant'), Type.Literal('dealer')]);
export const Me = Type.Object({ name: Type.String(), role: Role, dealer: Nullable(Type.String()) });
export const Health = Type.Object({ status: Type.Literal('ok'), version: Type.String(), schema: Type.Integer() });
