// The OpenAPI document (built from the routes' TypeBox schemas) at /api/openapi.json and a
// browsable page at /api/docs. Registered before the routes so it sees all of them. KPI ids are
// documented as an enum of the catalogue loaded at start (kpiEnum.ts).

import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorBody } from '@fixops/contracts';
import { KPI_IDS } from '@fixops/metrics';
import { VERSION } from '../version.js';
import { documentKpiIds } from './kpiEnum.js';

export default fp(async (app) => {
  app.addSchema(ErrorBody);
  // the catalogue of this start: the shipped KPI files and those a network added
  const kpiIds = [...KPI_IDS];
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Fixops API', description: '售后评估平台 after-sales assessment: uploads, KPIs, flags, benchmarks, assessments, reports', version: VERSION },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'fixops tokens create NAME' },
          session: { type: 'apiKey', in: 'cookie', name: 'fixops_session', description: 'set by POST /api/login' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transformObject: (d) => documentKpiIds('openapiObject' in d ? d.openapiObject : d.swaggerObject, kpiIds),
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  // swagger-ui's own policy, but never framed (it says frame-ancestors 'self').
  await app.register(swaggerUi, {
    routePrefix: '/api/docs', staticCSP: true,
    transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}, { name: 'swagger' });
