// The load log (with the write queue), one load, and its rejected rows as a CSV download
// (UTF-8 with BOM, so Excel opens Chinese text). A dealer user sees only its own loads.

import Papa from 'papaparse';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { countLoads, getLoad, listLoads, listRejects, type LoadRecord } from '@fixops/ingest';
import type { User } from '../auth/users.js';
import { dealerScope, userOf } from '../auth/access.js';
import { forbidden, notFound } from '../errors.js';
import { IdParams, responses } from '@fixops/contracts';
import { knownDealer } from './dealers.js';
import { LoadList, LoadListQuery, LoadRecord as LoadSchema } from '@fixops/contracts';

/** Loads of the user's own dealer only, or uploaded by the user. */
function visible(user: User, l: LoadRecord): boolean {
  if (user.role !== 'dealer') return true;
  return l.uploadedBy === user.name || (l.dealers.length > 0 && l.dealers.every((d) => d === user.dealer));
}

const loads: FastifyPluginAsyncTypebox = async (app) => {
  const loadFor = async (req: Parameters<typeof userOf>[0], id: number) => {
    const user = userOf(req);
    const load = await app.store.read((c) => getLoad(c, id));
    if (!load) throw notFound(`没有编号为 ${id} 的导入`, `No load with id ${id}`, { id });
    if (!visible(user, load)) throw forbidden(`load ${id}`);
    return load;
  };

  app.get('/loads', {
    schema: {
      tags: ['uploads'], summary: 'The load log, newest first, filtered (dealer, kind, status, month, user) and paged (limit, offset; total counts every match), and the write queue',
      querystring: LoadListQuery, response: responses(LoadList, [400, 403]),
    },
  }, async (req) => {
    const user = userOf(req);
    const { kind, status, month, user: uploadedBy } = req.query;
    const scoped = dealerScope(req, req.query.dealer); // 403 when a dealer asks for another dealer
    const dealer = user.role === 'dealer' ? req.query.dealer : scoped;
    if (req.query.dealer !== undefined && user.role !== 'dealer') await knownDealer(app, req, req.query.dealer);
    const filter = {
      dealer, kind, status, month, user: uploadedBy,
      ...(user.role === 'dealer' ? { visibleTo: { user: user.name, dealer: user.dealer ?? null } } : {}),
    };
    const limit = req.query.limit ?? 200;
    const offset = req.query.offset ?? 0;
    const [list, total] = await app.store.read(async (c) => [await listLoads(c, { ...filter, limit, offset }), await countLoads(c, filter)] as const);
    const queue = app.store.queue().filter((q) => q.kind !== 'token' && (user.role !== 'dealer' || q.user === user.name));
    return { queue, loads: list.filter((l) => visible(user, l)), total };
  });

  app.get('/loads/:id', {
    schema: { tags: ['uploads'], summary: 'One load', params: IdParams, response: responses(LoadSchema, [400, 403, 404]) },
  }, async (req) => loadFor(req, req.params.id));

  app.get('/loads/:id/rejects.csv', {
    schema: {
      tags: ['uploads'], summary: 'Rejected rows of a load as CSV (UTF-8 with BOM)', params: IdParams,
      produces: ['text/csv'], response: responses({ type: 'string', description: 'CSV: row, column, value, reason, raw_text' } as never, [400, 403, 404]),
    },
  }, async (req, reply) => {
    const load = await loadFor(req, req.params.id);
    const rejects = await app.store.read((c) => listRejects(c, load.id));
    const csv = Papa.unparse({ fields: ['row', 'column', 'value', 'reason', 'raw_text'], data: rejects.map((r) => [r.row, r.column, r.value, r.reason, r.rawText]) });
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="load-${load.id}-rejects.csv"`)
      .send(`\uFEFF${csv}\r\n`);
  });
};

export default loads;
