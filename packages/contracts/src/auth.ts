// Logging in with a token, and who the caller is.

import { Type } from 'typebox';
import { Nullable } from './common.js';

export const Login = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });
export const Me = Type.Object({ name: Type.String(), role: Type.String(), dealer: Nullable(Type.String()) });
export const Health = Type.Object({ status: Type.Literal('ok'), version: Type.String(), schema: Type.Integer() });
