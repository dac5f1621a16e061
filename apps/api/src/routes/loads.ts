// The load log (with the write queue), one load, and its rejected rows as a CSV download
// (UTF-8 with BOM, so Excel opens Chinese text). A dealer user sees only its own loads, and in
// them only its own rejected rows and their count (a load's rejected rows may name another
// dealer). The download is streamed chunk by chunk from DuckDB, never built in memory.
// POST /loads/:id/undo (admin, consultant) puts back what a load replaced and recomputes.
// ?format=xlsx on the log, and /loads/:id/rejects.xlsx: the same rows as workbooks.
// ?layout=file on both downloads: the rejected rows with the file's own columns (line and reason
// first, in the caller's language), to be fixed in Excel and uploaded again.

import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { countLoads, fixableHeader, fixableRejectsCsv, fixableRows, getLoad, listLoads, originalHeader, rejectsCsv, streamRejects, type LoadRecord } from '@fixops/ingest';
import { fixableRejectsSheet, loadsSheet, rejectsSheet } from '@fixops/usecases';
import { sendXlsx } from '../download.js';
import { undoLoad } from '@fixops/usecases';
import type { User } from '../auth/users.js';
import { dealerScope, requireRole, userOf } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import { fromFixopsError, notFound, requestLang } from '../errors.js';
import { IdParams, responses } from '@fixops/contracts';
import { knownDealer } from './dealers.js';
import { LoadList, LoadListQuery, LoadRecord as LoadSchema, RejectsQuery, UndoSummary } from '@fixops/contracts';

/** HTTP status of an undo refusal: a missing load 404, a conflict with the log's state 409, the rest 422. */
const UNDO_STATUS: Record<string, number> = { load_not_found: 404, load_already_undone: 409, undo_blocked: 409, load_not_undoable: 409, undo_unsupported: 422, undo_unavailable: 422 };

/** Loads of the user's own dealer only, or uploaded by the user. */
function visible(user: User, l: LoadRecord): boolean {
  if (user.role !== 'dealer') return true;
  return l.uploadedBy === user.name || (l.dealers.length > 0 && l.dealers.every((d) => d === user.dealer));
}

/** A dealer user's view of counts and rejected rows: its own dealer's only. */
function viewerOf(user: User): { viewer?: string } {
  return user.role === 'dealer' ? { viewer: user.dealer ?? '' } : {};
}

const loads: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const loadFor = async (req: Parameters<typeof userOf>[0], id: number) => {
    const user = userOf(req);
    const load = await app.store.read((c) => getLoad(c, id, viewerOf(user)));
    // Another dealer's load answers exactly as a missing one: a dealer learns nothing about which ids exist.
    if (!load || !visible(user, load)) throw notFound(`没有编号为 ${id} 的导入`, `No load with id ${id}`, { id });
    return load;
  };

  app.get('/loads', {
    schema: {
      tags: ['uploads'], summary: 'The load log, newest first, filtered (dealer, kind, status, month, user) and paged (limit, offset; total counts every match), and the write queue',
      querystring: LoadListQuery, response: responses(LoadList, [400, 403]),
    },
  }, async (req, reply) => {
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
    const [list, total] = await app.store.read(async (c) => [await listLoads(c, { ...filter, limit, offset, ...viewerOf(user) }), await countLoads(c, filter)] as const);
    const queue = app.store.queue().filter((q) => q.kind !== 'token' && (user.role !== 'dealer' || q.user === user.name));
    if (req.query.format === 'xlsx') return sendXlsx(reply, loadsSheet(list.filter((l) => visible(user, l)), { dealer, kind, status, month, user: uploadedBy }), req.query.lang ?? requestLang(req.headers['accept-language']));
    return { queue, loads: list.filter((l) => visible(user, l)), total };
  });

  app.get('/loads/:id', {
    schema: { tags: ['uploads'], summary: 'One load', params: IdParams, response: responses(LoadSchema, [400, 404]) },
  }, async (req) => loadFor(req, req.params.id));

  app.post('/loads/:id/undo', {
    schema: {
      tags: ['uploads'], summary: 'Undo a load: remove the rows it added, restore the rows it replaced, recompute KPIs and flags (admin, consultant)',
      params: IdParams, response: responses(UndoSummary, [400, 403, 404, 409, 422]),
    },
  }, async (req) => {
    const user = requireRole(req, 'admin', 'consultant');
    const id = req.params.id;
    const r = await app.store.write({ kind: 'load', label: `undo load ${id}`, user: user.name }, (c) => undoLoad(c, id, { by: user.name, actor: actorOf(req) }));
    if (!r.ok) throw fromFixopsError(r.error, UNDO_STATUS[r.error.code] ?? 422);
    return r.value;
  });

  app.get('/loads/:id/rejects.csv', {
    schema: {
      tags: ['uploads'], summary: 'Rejected rows of a load as CSV (UTF-8 with BOM)', params: IdParams, querystring: RejectsQuery,
      produces: ['text/csv'], response: responses({ type: 'string', description: 'CSV: row, column, value, reason, raw_text; layout=file: line, reason, the file\'s own columns' } as never, [400, 404]),
    },
  }, async (req, reply) => {
    const load = await loadFor(req, req.params.id);
    const viewer = viewerOf(userOf(req));
    const lang = req.query.lang ?? requestLang(req.headers['accept-language']);
    const body = new PassThrough();
    // The read connection is held while the rows flow; a client that goes away ends it.
    app.store.read(async (c) => {
      body.write('\uFEFF');
      const pieces = req.query.layout === 'file' ? fixableRejectsCsv(c, load.id, { ...viewer, lang }) : rejectsCsv(c, load.id, viewer);
      for await (const piece of pieces) {
        if (body.destroyed) return;
        if (!body.write(piece)) await Promise.race([once(body, 'drain'), once(body, 'close')]);
      }
      body.end();
    }).catch((e: unknown) => body.destroy(e as Error));
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="load-${load.id}-rejects.csv"`)
      .send(body);
  });
  app.get('/loads/:id/rejects.xlsx', {
    schema: {
      tags: ['uploads'], summary: 'Rejected rows of a load as an Excel workbook', params: IdParams, querystring: RejectsQuery,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: responses({ type: 'string', description: 'xlsx: line, column, value, reason, raw text' } as never, [400, 404]),
    },
  }, async (req, reply) => {
    const load = await loadFor(req, req.params.id);
    const viewer = viewerOf(userOf(req));
    const lang = req.query.lang ?? requestLang(req.headers['accept-language']);
    if (req.query.layout === 'file') {
      const { header, rows } = await app.store.read(async (c) => {
        const h = await originalHeader(c, load.id);
        const all = [];
        for await (const chunk of fixableRows(c, load.id, h, { ...viewer, lang })) all.push(chunk);
        return { header: h, rows: all };
      });
      return sendXlsx(reply, fixableRejectsSheet(load, fixableHeader(header, lang).columns, rows), lang);
    }
    // The read connection is held while the workbook is written; rows stream chunk by chunk.
    const rows = await app.store.read(async (c) => {
      const all = [];
      for await (const chunk of streamRejects(c, load.id, viewer)) all.push(chunk);
      return all;
    });
    return sendXlsx(reply, rejectsSheet(load, rows), lang);
  });
  done();
};

export default loads;
