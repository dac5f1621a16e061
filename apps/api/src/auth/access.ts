// Who may see what: admin everything; consultant every dealer; a dealer user only its own
// dealer. Checked before existence, so a dealer learns nothing about other dealers' codes.

import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../errors.js';
import type { Role, User } from './users.js';

export function userOf(req: FastifyRequest): User {
  if (!req.user) throw unauthorized();
  return req.user;
}

export function requireRole(req: FastifyRequest, ...roles: Role[]): User {
  const user = userOf(req);
  if (!roles.includes(user.role)) throw forbidden(`${user.role}`);
  return user;
}

export function canSee(user: User, dealer: string): boolean {
  return user.role !== 'dealer' || user.dealer === dealer;
}

/** Throws 403 when the user may not see this dealer. */
export function requireDealer(req: FastifyRequest, dealer: string): User {
  const user = userOf(req);
  if (!canSee(user, dealer)) throw forbidden(dealer);
  return user;
}

/** The dealer filter a query runs with: a dealer user's own dealer, else what was asked. */
export function dealerScope(req: FastifyRequest, asked: string | undefined): string | undefined {
  const user = userOf(req);
  if (user.role !== 'dealer') return asked;
  if (asked !== undefined && asked !== user.dealer) throw forbidden(asked);
  return user.dealer ?? '\u0000';
}
