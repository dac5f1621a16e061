// Action plans (整改计划): list with each action's measured effect, open/overdue counts, add
// (admin, consultant), change status or add a note. A dealer user sees only its own dealer's
// actions and may mark them done (or reopen them) and add notes, never verify: verifying is the
// consultant's check at the next visit. Every write goes through the write queue and the audit log.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { actionCounts, addAction, changeAction, getAction, listActions, mayMoveTo, withEffects } from '@fixops/actions';
import { ActionChange, ActionCounts, ActionCreated, ActionList, ActionQuery, ActionWithEffect, IdParams, NewAction, responses } from '@fixops/contracts';
import { dealerScope, requireRole, userOf, canSee } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import { ApiError, notFound, orHttp } from '../errors.js';
import { knownDealer } from './dealers.js';

const missing = (id: number) => notFound(`没有编号为 ${id} 的整改事项`, `No action with id ${id}`, { id });

const actions: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/actions', {
    schema: { tags: ['actions'], summary: 'Actions (open first, then by due date) with their measured effect; a dealer account gets its own', querystring: ActionQuery, response: responses(ActionList, [403, 404]) },
  }, async (req) => {
    if (req.query.dealer !== undefined) await knownDealer(app, req, req.query.dealer);
    const dealer = dealerScope(req, req.query.dealer);
    return app.store.read(async (c) => withEffects(c, await listActions(c, { dealer, status: req.query.status })));
  });

  app.get('/actions/counts', {
    schema: { tags: ['actions'], summary: 'Open and overdue actions per dealer and for the network (a dealer account: its own)', response: responses(ActionCounts, [403]) },
  }, async (req) => {
    const dealer = dealerScope(req, undefined);
    const dealers = await app.store.read((c) => actionCounts(c, { dealer }));
    return { dealers, open: dealers.reduce((n, d) => n + d.open, 0), overdue: dealers.reduce((n, d) => n + d.overdue, 0) };
  });

  app.post('/actions', {
    schema: { tags: ['actions'], summary: 'Add an action against a KPI or a checklist module (admin, consultant)', body: NewAction, response: responses(ActionCreated, [400, 403, 404], 201) },
  }, async (req, reply) => {
    const user = requireRole(req, 'admin', 'consultant');
    const body = req.body;
    const id = await app.store.write({ kind: 'assessment', label: `action ${body.dealer} ${body.target.id}`, user: user.name },
      (c) => addAction(c, body, actorOf(req)));
    void reply.status(201);
    return { id: orHttp(id) };
  });

  app.post('/actions/:id', {
    schema: {
      tags: ['actions'], summary: 'Change an action\'s status and/or add a note (a dealer account: its own actions, done or open, never verified)',
      params: IdParams, body: ActionChange, response: responses(ActionWithEffect, [400, 403, 404]),
    },
  }, async (req) => {
    const user = userOf(req);
    const id = req.params.id;
    const current = await app.store.read((c) => getAction(c, id));
    // Another dealer's action answers exactly as a missing one.
    if (!current || !canSee(user, current.dealer)) throw missing(id);
    const to = req.body.status;
    if (to !== undefined && !mayMoveTo(user.role, current.status, to)) {
      throw new ApiError(403, 'forbidden', {
        zh: '经销商账号可以把整改事项标为已完成并填写备注；“已验证”由顾问在下次现场评估时确认。',
        en: 'A dealer account may mark an action done and add notes; "verified" is set by the consultant at the next visit.',
      }, { status: to });
    }
    const changed = await app.store.write({ kind: 'assessment', label: `action ${id}`, user: user.name },
      (c) => changeAction(c, id, { status: to, note: req.body.note }, actorOf(req)));
    const action = orHttp(changed);
    return (await app.store.read((c) => withEffects(c, [action])))[0]!;
  });
  done();
};

export default actions;
