// The rows behind a KPI's number (drill-down): one dealer-month's source records with
// in_numerator / in_denominator, paged as JSON or every row as a CSV or xlsx download (formula-safe,
// headers in the request's language). A dealer user sees only its own dealer's rows.

import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { csvLine, ok } from '@fixops/shared';
import { kpiRows, kpiRowsAll, readSettings, rowsCsvCells, rowsCsvHeader, type KpiRow } from '@fixops/metrics';
import { kpiRowsSheet } from '@fixops/usecases';
import { sendXlsx } from '../download.js';
import { KpiRows, KpiRowsParams, KpiRowsQuery, responses } from '@fixops/contracts';
import { orHttp, requestLang } from '../errors.js';
import { knownDealer } from './dealers.js';

const STATUS: Record<string, number> = { kpi_has_no_rows: 400, kpi_rows_mixed_tables: 400, bad_sort: 400 };

const kpiRowsRoute: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/dealers/:code/kpis/:kpi/rows', {
    schema: {
      tags: ['kpis'],
      summary: 'The rows behind one KPI value of a dealer-month (drill-down): source records marked in_numerator / in_denominator; ?format=csv or xlsx downloads every row',
      params: KpiRowsParams, querystring: KpiRowsQuery, produces: ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: responses(KpiRows, [400, 403, 404]),
    },
  }, async (req, reply) => {
    const { code, kpi } = req.params;
    const { month, limit, offset, only, format, sort, dir } = req.query;
    const order = { ...(sort !== undefined && { sort }), ...(dir !== undefined && { dir }) };
    await knownDealer(app, req, code);
    if (format === 'csv') {
      const lang = req.query.lang ?? requestLang(req.headers['accept-language']);
      // Check first (so a bad KPI is a 4xx, not a broken download), then stream every row.
      const started = await app.store.read(async (c) => kpiRowsAll(c, { dealer: code, month, kpi, only, ...order }, await readSettings(c)));
      const { columns, ratio } = orHttp(started, STATUS[started.ok ? '' : started.error.code]);
      const body = new PassThrough();
      // The read connection is held while the rows flow; a client that goes away ends it.
      app.store.read(async (c) => {
        const all = orHttp(await kpiRowsAll(c, { dealer: code, month, kpi, only, ...order }, await readSettings(c)));
        body.write(`\uFEFF${csvLine(rowsCsvHeader(columns, ratio, lang))}\r\n`);
        for await (const rows of all.chunks) {
          if (body.destroyed) return;
          if (!body.write(rows.map((r) => `${csvLine(rowsCsvCells(r, columns, ratio))}\r\n`).join(''))) await Promise.race([once(body, 'drain'), once(body, 'close')]);
        }
        body.end();
      }).catch((e: unknown) => body.destroy(e as Error));
      const name = `${code}-${month}-${kpi}-rows.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);
    }
    if (format === 'xlsx') {
      const lang = req.query.lang ?? requestLang(req.headers['accept-language']);
      // One dealer-month's rows: collected, then written as one workbook.
      const all = await app.store.read(async (c) => {
        const started = await kpiRowsAll(c, { dealer: code, month, kpi, only, ...order }, await readSettings(c));
        if (!started.ok) return started;
        const rows: KpiRow[] = [];
        for await (const chunk of started.value.chunks) rows.push(...chunk);
        return ok({ ...started.value, rows });
      });
      const { columns, ratio, rows } = orHttp(all, STATUS[all.ok ? '' : all.error.code]);
      return sendXlsx(reply, kpiRowsSheet(rows, { dealer: code, month, kpi, columns, ratio }, lang), lang);
    }
    const r = await app.store.read(async (c) => kpiRows(c, { dealer: code, month, kpi, limit, offset, only, ...order }, await readSettings(c)));
    return orHttp(r, STATUS[r.ok ? '' : r.error.code]);
  });
  done();
};

export default kpiRowsRoute;
