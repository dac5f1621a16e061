// Staff and supplier scorecards. Staff: a dealer's people and their scorecards — admin and
// consultants enter them, a dealer user reads its own dealer's (another dealer's answer
// exactly as for any dealer it may not see). Suppliers are the network's purchasing data about
// third parties (prices, deductions): admin and consultants only, a dealer user gets 403.
// Every write goes through the write queue and into the audit log (packages/scorecards).

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { WeightedTemplate } from '@fixops/checklist';
import {
  addStaff, addSupplier, advisorKpis, defaultTemplateFor, findTemplate, getStaff, getStaffScorecard, getSupplier, listStaff, listSuppliers,
  rateSupplier, saveStaffScorecard, scoreStaffSheet, STAFF_ROLES, STAFF_TEMPLATES, SUPPLIER_TEMPLATE,
} from '@fixops/scorecards';
import type { Result } from '@fixops/shared';
import { canSee, requireRole, userOf } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import { fromFixopsError, notFound, orHttp } from '../errors.js';
import {
  DealerParams, IdParams, NewStaff, NewStaffScorecard, NewSupplier, NewSupplierRating, responses, StaffDetail, StaffDetailQuery, StaffList,
  StaffMember, StaffParams, StaffScorecard, StaffScorecardCreated, Supplier, SupplierDetail, SupplierList,
} from '@fixops/contracts';
import { knownDealer } from './dealers.js';

/** HTTP status of this resource's refusals: unknown people and suppliers 404, duplicates 409, bad sheets 422. */
const STATUS: Record<string, number> = {
  unknown_staff: 404, unknown_supplier: 404, staff_exists: 409, supplier_exists: 409, rating_exists: 409,
  scorecard_incomplete: 422, not_staff_template: 400, unknown_role: 400, unknown_class: 400,
};
function must<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw fromFixopsError(r.error, STATUS[r.error.code] ?? (r.error.code.startsWith('score_') ? 422 : undefined));
}

const named = <T extends { zh: string; en: string }>(id: string, x: T) => ({ id, zh: x.zh, en: x.en });

async function supplierTemplate(): Promise<WeightedTemplate> {
  const t = orHttp(await findTemplate(SUPPLIER_TEMPLATE), 500);
  if (t.kind !== 'weighted') throw new Error(`${SUPPLIER_TEMPLATE} is not a weighted template`);
  return t;
}

function rulesOf(t: WeightedTemplate) {
  return {
    classes: t.weights.classes.map((c) => ({ id: c.id, zh: c.zh, en: c.en, weights: c.weights })),
    dimensions: t.dimensions.map((d) => ({ id: d.id, zh: d.zh, en: d.en, max: d.max })),
    grades: t.grades.map((g) => ({ grade: g.grade, min: g.min, zh: g.zh, en: g.en })),
    rules: t.periodRules.flatMap((r) => (r.note ? [r.note] : [])),
  };
}

async function staffTemplates() {
  const out = [];
  for (const id of STAFF_TEMPLATES) {
    const t = await findTemplate(id);
    if (t.ok) out.push(named(id, t.value));
  }
  return out;
}

const scorecards: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/dealers/:code/staff', {
    schema: { tags: ['scorecards'], summary: 'A dealer\'s staff: repair-order advisors and people added by hand, with their latest scorecard', params: DealerParams, response: responses(StaffList, [403, 404]) },
  }, async (req) => {
    await knownDealer(app, req, req.params.code);
    const people = await app.store.read((c) => listStaff(c, req.params.code));
    return { dealer: req.params.code, people, roles: Object.entries(STAFF_ROLES).map(([id, r]) => named(id, r)), templates: await staffTemplates() };
  });

  app.post('/dealers/:code/staff', {
    schema: { tags: ['scorecards'], summary: 'Add a person to a dealer\'s staff (admin, consultant)', params: DealerParams, body: NewStaff, response: responses(StaffMember, [400, 403, 404, 409], 201) },
  }, async (req, reply) => {
    const user = requireRole(req, 'admin', 'consultant');
    await knownDealer(app, req, req.params.code);
    const added = must(await app.store.write({ kind: 'assessment', label: `staff ${req.params.code}`, user: user.name },
      (c) => addStaff(c, { dealer: req.params.code, name: req.body.name, role: req.body.role }, actorOf(req))));
    void reply.status(201);
    return added;
  });

  app.get('/dealers/:code/staff/:name', {
    schema: {
      tags: ['scorecards'], summary: 'One person: every scorecard newest first with its change, and an advisor\'s KPIs for a month',
      params: StaffParams, querystring: StaffDetailQuery, response: responses(StaffDetail, [400, 403, 404]),
    },
  }, async (req) => {
    const { code, name } = req.params;
    await knownDealer(app, req, code);
    return app.store.read(async (c) => {
      const person = must(await getStaff(c, code, name));
      const kpiMonth = req.query.month ?? person.history[0]?.month ?? person.lastMonth;
      const kpis = kpiMonth ? await advisorKpis(c, code, name, kpiMonth) : null;
      return { ...person, defaultTemplate: defaultTemplateFor(person.role), templates: await staffTemplates(), kpiMonth: kpiMonth ?? null, kpis };
    });
  });

  app.post('/dealers/:code/staff/:name/scorecards', {
    schema: {
      tags: ['scorecards'], summary: 'Score a person for a month on a staff template (admin, consultant); every item or module must be scored',
      params: StaffParams, body: NewStaffScorecard, response: responses(StaffScorecardCreated, [400, 403, 404, 422], 201),
    },
  }, async (req, reply) => {
    const user = requireRole(req, 'admin', 'consultant');
    const { code, name } = req.params;
    await knownDealer(app, req, code);
    const person = must(await app.store.read((c) => getStaff(c, code, name)));
    const template = orHttp(await findTemplate(req.body.template ?? defaultTemplateFor(person.role)));
    const card = must(scoreStaffSheet(template, req.body.scores));
    const id = must(await app.store.write({ kind: 'assessment', label: `staff scorecard ${code} ${name}`, user: user.name }, (c) => saveStaffScorecard(c, {
      dealer: code, name, month: req.body.month, assessor: req.body.assessor ?? user.name, notes: req.body.notes, scores: req.body.scores, scorecard: card,
    }, actorOf(req))));
    void reply.status(201);
    return { id, scorecard: card };
  });

  app.get('/staff-scorecards/:id', {
    schema: { tags: ['scorecards'], summary: 'One staff scorecard with its scores', params: IdParams, response: responses(StaffScorecard, [400, 404]) },
  }, async (req) => {
    const s = await app.store.read((c) => getStaffScorecard(c, req.params.id));
    // Another dealer's scorecard answers exactly as a missing one.
    if (!s || !canSee(userOf(req), s.dealer)) throw notFound(`没有编号为 ${req.params.id} 的人员考核`, `No staff scorecard with id ${req.params.id}`, { id: req.params.id });
    return s;
  });

  app.get('/suppliers', {
    schema: { tags: ['scorecards'], summary: 'The network\'s suppliers with their latest grade and status (admin, consultant)', response: responses(SupplierList, [403]) },
  }, async (req) => {
    requireRole(req, 'admin', 'consultant');
    const t = await supplierTemplate();
    return { suppliers: await app.store.read((c) => listSuppliers(c, t)), rules: rulesOf(t) };
  });

  app.post('/suppliers', {
    schema: { tags: ['scorecards'], summary: 'Add a supplier with its class (admin, consultant)', body: NewSupplier, response: responses(Supplier, [400, 403, 409], 201) },
  }, async (req, reply) => {
    const user = requireRole(req, 'admin', 'consultant');
    const t = await supplierTemplate();
    const added = must(await app.store.write({ kind: 'assessment', label: 'supplier', user: user.name }, (c) => addSupplier(c, t, req.body, actorOf(req))));
    void reply.status(201);
    return added;
  });

  app.get('/suppliers/:id', {
    schema: { tags: ['scorecards'], summary: 'One supplier: every monthly rating newest first, with the status as of each month', params: IdParams, response: responses(SupplierDetail, [400, 403, 404]) },
  }, async (req) => {
    requireRole(req, 'admin', 'consultant');
    const t = await supplierTemplate();
    const s = must(await app.store.read((c) => getSupplier(c, t, req.params.id)));
    return { ...s, rules: rulesOf(t) };
  });

  app.post('/suppliers/:id/ratings', {
    schema: {
      tags: ['scorecards'], summary: 'Rate a supplier for a month: quality, delivery, service, price (0–100); once a month (admin, consultant)',
      params: IdParams, body: NewSupplierRating, response: responses(SupplierDetail, [400, 403, 404, 409, 422], 201),
    },
  }, async (req, reply) => {
    const user = requireRole(req, 'admin', 'consultant');
    const t = await supplierTemplate();
    const { month, quality, delivery, service, price, rater, notes } = req.body;
    const s = must(await app.store.write({ kind: 'assessment', label: `supplier rating ${req.params.id} ${month}`, user: user.name }, (c) => rateSupplier(c, t, {
      supplier: req.params.id, month, dimensions: { quality, delivery, service, price }, rater: rater ?? user.name, notes,
    }, actorOf(req))));
    void reply.status(201);
    return { ...s, rules: rulesOf(t) };
  });
  done();
};

export default scorecards;
