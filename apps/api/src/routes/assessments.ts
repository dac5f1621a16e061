// Checklist templates, on-site assessments (create, save a draft again, finish: admin and
// consultants), a dealer's assessments, one assessment, and the dealer report as HTML or
// Markdown, or its model as JSON. A visit is a draft until every line is scored or it is finished.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { buildReport, findTemplate, getAssessment, listAssessments, recordVisit, renderMarkdown } from '@fixops/assessment';
import { renderReportHtml } from '@fixops/report-ui';
import { actionsMarkdown, listActions, withEffects } from '@fixops/actions';
import { listTemplates } from '@fixops/checklist';
import { checkDealer } from '@fixops/metrics';
import type { FixopsError } from '@fixops/shared';
import { canSee, requireRole, userOf } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import { ApiError, fromFixopsError, notFound, orHttp, requestLang } from '../errors.js';
import { DealerParams, IdParams, responses } from '@fixops/contracts';
import { Assessment, AssessmentList, Created, NewAssessment, ReportModel, ReportModelQuery, ReportQuery, Templates, UpdateAssessment } from '@fixops/contracts';
import { knownDealer } from './dealers.js';

/** YYYY-MM-DD naming a day that exists (2025-02-30 does not; Date.parse would roll it over). */
export function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

function checkDate(date: string): void {
  if (!isCalendarDate(date)) {
    throw new ApiError(400, 'invalid_request', { zh: `日期“${date}”无效（YYYY-MM-DD）`, en: `Invalid date "${date}" (YYYY-MM-DD)` }, { field: 'date' });
  }
}

/** Refused scores are 422 (every issue in details), a complete visit 409, an unknown one 404, a bad month 400. */
function visitError(e: FixopsError): ApiError {
  const status = e.code === 'assessment_complete' ? 409 : e.code === 'assessment_not_found' ? 404 : e.code === 'invalid_month' || e.code === 'assessment_template' ? 400 : 422;
  return fromFixopsError(e, status);
}

const assessments: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/templates', {
    schema: { tags: ['assessments'], summary: 'Checklist templates', response: responses(Templates) },
  }, async () => orHttp(await listTemplates(), 500).map(({ file: _file, ...t }) => t));

  app.post('/assessments', {
    schema: {
      tags: ['assessments'], summary: 'Score and store an on-site assessment (admin, consultant): a draft until every line is scored, or finished with `finish`',
      body: NewAssessment, response: responses(Created, [400, 403, 404, 422], 201),
    },
  }, async (req, reply) => {
    const user = requireRole(req, 'admin', 'consultant');
    const { dealer, date, assessor, notes, scores, month, finish } = req.body;
    checkDate(date);
    const template = orHttp(await findTemplate(req.body.template ?? 'dealer-aftersales'));
    orHttp(await app.store.read((c) => checkDealer(c, dealer)));
    const saved = await app.store.write({ kind: 'assessment', label: `assessment ${dealer} ${date}`, user: user.name }, (c) => recordVisit(c, template, {
      dealer, date, assessor: assessor ?? user.name, notes, scores, month, finish,
    }, actorOf(req)));
    if (!saved.ok) throw visitError(saved.error);
    void reply.status(201);
    return saved.value;
  });

  app.put('/assessments/:id', {
    schema: {
      tags: ['assessments'], summary: 'Save a draft assessment again with its scores as they are now, or finish it with `finish` (admin, consultant); a complete one is 409',
      params: IdParams, body: UpdateAssessment, response: responses(Created, [400, 403, 404, 409, 422]),
    },
  }, async (req) => {
    const user = requireRole(req, 'admin', 'consultant');
    const { date, assessor, notes, scores, month, finish } = req.body;
    checkDate(date);
    const id = req.params.id;
    const before = await app.store.read((c) => getAssessment(c, id));
    if (!before) throw notFound(`没有编号为 ${id} 的评估`, `No assessment with id ${id}`, { id });
    const template = orHttp(await findTemplate(before.templateId));
    const saved = await app.store.write({ kind: 'assessment', label: `assessment #${id} ${before.dealer} ${date}`, user: user.name }, (c) => recordVisit(c, template, {
      id, dealer: before.dealer, date, assessor: assessor ?? before.assessor ?? user.name, notes, scores, month, finish,
    }, actorOf(req)));
    if (!saved.ok) throw visitError(saved.error);
    return saved.value;
  });

  app.get('/dealers/:code/assessments', {
    schema: { tags: ['assessments'], summary: 'A dealer\'s assessments, newest first', params: DealerParams, response: responses(AssessmentList, [403, 404]) },
  }, async (req) => {
    await knownDealer(app, req, req.params.code);
    return app.store.read((c) => listAssessments(c, { dealer: req.params.code }));
  });

  app.get('/assessments/:id', {
    schema: { tags: ['assessments'], summary: 'One assessment with its scores and scorecard', params: IdParams, response: responses(Assessment, [400, 404]) },
  }, async (req) => {
    const user = userOf(req);
    const a = await app.store.read((c) => getAssessment(c, req.params.id));
    // Another dealer's assessment answers exactly as a missing one: a dealer learns nothing about which ids exist.
    if (!a || !canSee(user, a.dealer)) throw notFound(`没有编号为 ${req.params.id} 的评估`, `No assessment with id ${req.params.id}`, { id: req.params.id });
    return a;
  });

  app.get('/dealers/:code/report', {
    schema: {
      tags: ['assessments'], summary: 'The dealer assessment report (HTML or Markdown)', params: DealerParams, querystring: ReportQuery,
      produces: ['text/html', 'text/markdown'], response: responses({ type: 'string' } as never, [400, 403, 404]),
    },
  }, async (req, reply) => {
    await knownDealer(app, req, req.params.code);
    const lang = req.query.lang ?? requestLang(req.headers['accept-language']);
    const model = await app.store.read((c) => buildReport(c, { dealer: req.params.code, month: req.query.month }));
    // the dealer's action plan (整改跟踪) as it stands today
    const actions = await app.store.read(async (c) => withEffects(c, await listActions(c, { dealer: req.params.code })));
    if (req.query.format === 'md') return reply.type('text/markdown; charset=utf-8').send(`${renderMarkdown(model, lang)}\n${actionsMarkdown(actions, lang)}`);
    return reply.type('text/html; charset=utf-8').send(renderReportHtml(model, lang, actions));
  });

  app.get('/dealers/:code/report/model', {
    schema: {
      tags: ['assessments'], summary: 'The dealer assessment report\'s model as JSON (what the dashboard\'s report components draw)',
      params: DealerParams, querystring: ReportModelQuery, response: responses(ReportModel, [400, 403, 404]),
    },
  }, async (req) => {
    await knownDealer(app, req, req.params.code);
    return app.store.read((c) => buildReport(c, { dealer: req.params.code, month: req.query.month }));
  });
  done();
};

export default assessments;
