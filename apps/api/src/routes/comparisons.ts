// Comparisons (data/comparisons/*.yaml, or FIXOPS_COMPARISONS_DIR): the list, one scored for a
// month as JSON or as a download (printable HTML, formula-safe CSV, xlsx), and a new one written
// in the browser (admin, consultant). A dealer user sees only comparisons holding its dealer,
// with every other dealer as an anonymous peer in the JSON and in every download; the use-cases
// (packages/usecases/src/comparisons*.ts) do the work.

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { comparisonDownload, comparisonsDir, listComparisons, readComparison, saveComparison, type ComparisonViewer } from '@fixops/usecases';
import { ComparisonList, ComparisonParams, ComparisonQuery, ComparisonSaved, ComparisonScorecard, NewComparison, responses } from '@fixops/contracts';
import type { Result } from '@fixops/shared';
import { requireRole, userOf } from '../auth/access.js';
import { actorOf } from '../auth/actor.js';
import type { User } from '../auth/users.js';
import { contentDisposition } from '../download.js';
import { fromFixopsError, requestLang } from '../errors.js';

export interface ComparisonsOptions {
  /** The folder of comparison files (default: FIXOPS_COMPARISONS_DIR, else data/comparisons), read at each request. */
  comparisonsDir?: string;
}

/** Unknown comparisons and months without values 404, an existing id 409, a file the checks refuse 422. */
function must<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const code = r.error.code;
  throw fromFixopsError(r.error, code === 'comparison_not_found' || code === 'compare_no_data' ? 404 : code === 'comparison_exists' ? 409 : code.startsWith('compare') ? 422 : undefined);
}

const viewerOf = (user: User): ComparisonViewer => (user.role === 'dealer' ? { role: 'dealer', dealer: user.dealer ?? null } : { role: user.role === 'admin' ? 'admin' : 'consultant' });

/** The printable page may use its own inline styles and SVG, nothing else. */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const comparisons: FastifyPluginCallbackTypebox<ComparisonsOptions> = (app, opts, done) => {
  const dir = () => opts.comparisonsDir ?? comparisonsDir();

  app.get('/comparisons', {
    schema: { tags: ['comparisons'], summary: 'The comparison files: title, dealers, KPIs and month (a dealer user: those holding its dealer, without dealer codes)', response: responses(ComparisonList) },
  }, async (req) => {
    const user = userOf(req);
    const list = await app.store.read((c) => listComparisons(c, dir(), viewerOf(user)));
    return { comparisons: list, canWrite: user.role !== 'dealer' };
  });

  app.get('/comparisons/:id', {
    schema: {
      tags: ['comparisons'],
      summary: 'One comparison scored for a month (default: the file\'s): 1000-point scores, bands, ranks, changes, each dealer\'s three biggest gaps; ?format=html|csv|xlsx downloads it. A dealer user sees itself and anonymous peers.',
      params: ComparisonParams, querystring: ComparisonQuery,
      produces: ['application/json', 'text/html', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: responses(ComparisonScorecard, [400, 404, 422]),
    },
  }, async (req, reply) => {
    const user = userOf(req);
    const lang = req.query.lang ?? requestLang(req.headers['accept-language']);
    const view = must(await app.store.read((c) => readComparison(c, dir(), req.params.id, viewerOf(user), { lang, ...(req.query.month !== undefined ? { month: req.query.month } : {}) })));
    const format = req.query.format ?? 'json';
    if (format === 'json') return view;
    const file = await comparisonDownload(view, format, lang);
    if (format === 'html') {
      // Opened in the browser to print (and saved as a file with its name).
      return reply.type(file.contentType).header('content-security-policy', HTML_CSP)
        .header('content-disposition', contentDisposition(file.fileName).replace(/^attachment/, 'inline')).send(file.body);
    }
    return reply.type(file.contentType).header('content-disposition', contentDisposition(file.fileName)).send(file.body);
  });

  app.post('/comparisons', {
    schema: {
      tags: ['comparisons'],
      summary: 'Save a new comparison file (admin, consultant): checked exactly as `fixops compare` checks a file (refusals name the field in details.path and every problem in details.issues), written as <id>.yaml; an existing id only with overwrite: true',
      body: NewComparison, response: responses(ComparisonSaved, [400, 403, 409, 422], 201),
    },
  }, async (req, reply) => {
    const user = requireRole(req, 'admin', 'consultant');
    const saved = must(await app.store.write({ kind: 'settings', label: 'comparison', user: user.name },
      (c) => saveComparison(c, dir(), { comparison: req.body.comparison, overwrite: req.body.overwrite ?? false }, actorOf(req))));
    void reply.status(201);
    return { id: saved.id, file: saved.file, replaced: saved.replaced };
  });
  done();
};

export default comparisons;
