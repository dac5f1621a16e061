// GET /api/templates/:id: one checklist template in full, for the assessment form. Any
// signed-in user may read it (templates are not dealer data).

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { findTemplate } from '@fixops/assessment';
import { orHttp } from '../errors.js';
import { responses } from '@fixops/contracts';
import { FullTemplate, TemplateParams } from '@fixops/contracts';

const templates: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/templates/:id', {
    schema: { tags: ['assessments'], summary: 'One checklist template in full (sections, modules, items)', params: TemplateParams, response: responses(FullTemplate, [400, 404]) },
  }, async (req) => orHttp(await findTemplate(req.params.id)));
  done();
};

export default templates;
