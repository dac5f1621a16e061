// GET /api/health: no token needed; the version and the schema version.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { schemaVersion } from '@fixops/db';
import { Health } from '@fixops/contracts';
import { VERSION } from '../version.js';

const health: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/health', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'Liveness and version (no token needed)', security: [], response: { 200: Health } },
  }, async () => ({ status: 'ok' as const, version: VERSION, schema: await app.store.read((c) => schemaVersion(c)) }));
  done();
};

export default health;
