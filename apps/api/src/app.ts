// Builds the Fastify application: external plugins (helmet, cookie, multipart, rate limit, swagger),
// the app's own (db, auth, errors), and one route file per resource under /api.

import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ApiError } from './errors.js';
import db from './plugins/db.js';
import auth from './plugins/auth.js';
import errors, { frameworkErrors } from './plugins/errors.js';
import swagger from './plugins/swagger.js';
import security from './plugins/security.js';
import shutdown from './plugins/shutdown.js';
import localSocket, { type LocalCommandsOptions } from './plugins/localSocket.js';
import health from './routes/health.js';
import login from './routes/auth.js';
import users from './routes/users.js';
import tokens from './routes/tokens.js';
import type { LoginLimitOptions } from '@fixops/accounts';
import dealers from './routes/dealers.js';
import kpis from './routes/kpis.js';
import flags from './routes/flags.js';
import settings from './routes/settings.js';
import uploads from './routes/uploads.js';
import accessLog from './plugins/accessLog.js';
import loads from './routes/loads.js';
import assessments from './routes/assessments.js';
import templates from './routes/templates.js';
import dashboard from './routes/dashboard.js';
import coverage from './routes/coverage.js';
import audit from './routes/audit.js';
import scorecards from './routes/scorecards.js';
import actions from './routes/actions.js';
import kpiRows from './routes/kpi-rows.js';
import comparisons from './routes/comparisons.js';
import web, { type NodeHandler } from './web.js';
import { configuredLimits, resolveLimits, type IngestLimits } from '@fixops/ingest';

export interface AppOptions {
  dbPath: string;
  /** Largest upload file, bytes (default 200 MB; FIXOPS_MAX_UPLOAD_MB overrides). */
  maxUploadBytes?: number;
  /** Upload limits: files per request, rows, columns, field length, rejected rows stored (default: the FIXOPS_* limit settings, see configuredLimits). */
  uploadLimits?: Partial<IngestLimits>;
  /** Login attempts per client per minute (default 10). */
  loginRateLimit?: number;
  /** Failed logins per account (default 5 per 15 minutes). */
  accountLoginLimit?: LoginLimitOptions;
  logger?: FastifyServerOptions['logger'];
  /** A Node request handler (the dashboard) for every path outside /api. */
  web?: NodeHandler;
  /** Where the dashboard reads finds a visit's template for its pass lines (default: the shipped templates). */
  templatesDir?: string;
  /** The folder of comparison files (default: FIXOPS_COMPARISONS_DIR, else data/comparisons). */
  comparisonsDir?: string;
  /** The `fixops` command's local socket (see plugins/localSocket.ts); none when absent. */
  localCommands?: LocalCommandsOptions;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  // The FIXOPS_* limit settings, as the CLI reads them; options given here win (tests).
  const limits = resolveLimits({ ...configuredLimits(), ...opts.uploadLimits, ...(opts.maxUploadBytes !== undefined ? { bytesPerFile: opts.maxUploadBytes } : {}) });
  const maxUploadBytes = limits.bytesPerFile;
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1048576,
    frameworkErrors,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(errors);
  await app.register(security);
  await app.register(accessLog);
  await app.register(shutdown);
  await app.register(db, { dbPath: opts.dbPath });
  if (opts.localCommands) await app.register(localSocket, opts.localCommands);
  await app.register(auth);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new ApiError(429, 'too_many_requests', {
      zh: `尝试次数过多，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`, en: `Too many attempts, try again in ${Math.ceil(ctx.ttl / 1000)} s`,
    }, { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) }),
  });
  await app.register(multipart, { limits: { fileSize: maxUploadBytes } });
  await app.register(swagger);

  await app.register(async (api) => {
    await api.register(health);
    await api.register(login, { loginRateLimit: opts.loginRateLimit, accountLoginLimit: opts.accountLoginLimit });
    await api.register(users);
    await api.register(tokens);
    await api.register(dealers);
    await api.register(kpis);
    await api.register(flags);
    await api.register(settings);
    await api.register(uploads, { maxUploadBytes, limits });
    await api.register(loads);
    await api.register(assessments);
    await api.register(templates);
    await api.register(dashboard, opts.templatesDir !== undefined ? { templatesDir: opts.templatesDir } : {});
    await api.register(coverage);
    await api.register(audit);
    await api.register(scorecards);
    await api.register(actions);
    await api.register(kpiRows);
    await api.register(comparisons, opts.comparisonsDir !== undefined ? { comparisonsDir: opts.comparisonsDir } : {});
  }, { prefix: '/api' });
  if (opts.web) await app.register(web, { handler: opts.web });
  return app;
}
