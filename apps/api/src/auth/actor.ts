// Who makes a write through the API, for the audit log: the signed-in user and the caller's address.

import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '@fixops/db';
import { userOf } from './access.js';

export function actorOf(req: FastifyRequest): AuditActor {
  return { user: userOf(req).name, via: 'api', ip: req.ip };
}
