// The one error handler: every failure answers `{ error: { code, message, details } }` in the
// request's language. 5xx hide their internals and carry the request id (header and body).

import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { pick } from '@fixops/shared';
import { ApiError, requestLang } from '../errors.js';
import { BARE_HEADERS } from './security.js';

function validationMessage(e: FastifyError): ApiError {
  const v = e.validation?.[0];
  const context = e.validationContext ?? 'body';
  const missing = (v?.params as { missingProperty?: string } | undefined)?.missingProperty;
  const path = (v?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const field = missing ?? (path || context);
  const reason = v?.message ?? 'invalid';
  return new ApiError(400, 'invalid_request', {
    zh: `请求参数无效：${field}（${context}）${reason}`,
    en: `Invalid request: ${field} (${context}) ${reason}`,
  }, { field, in: context, reason });
}

const GENERIC: Record<number, [string, string, string]> = {
  400: ['bad_request', '请求无效', 'Bad request'],
  404: ['not_found', '没有这个地址', 'Not found'],
  405: ['method_not_allowed', '不支持该方法', 'Method not allowed'],
  406: ['not_acceptable', '无法提供该格式', 'Not acceptable'],
  413: ['too_large', '上传内容超过大小限制', 'The upload is larger than the size limit'],
  415: ['unsupported_media_type', '不支持的内容类型', 'Unsupported media type'],
  429: ['too_many_requests', '请求过于频繁，请稍后再试', 'Too many requests, try again later'],
};

export function toApiError(e: FastifyError | ApiError): ApiError {
  if (e instanceof ApiError) return e;
  if (e.validation) return validationMessage(e);
  const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
  if (status === 500) return new ApiError(500, 'internal', { zh: '服务器内部错误', en: 'Internal server error' });
  const [code, zh, en] = GENERIC[status] ?? ['bad_request', '请求无效', 'Bad request'];
  return new ApiError(status, code, { zh, en }, e.code ? { reason: e.code } : undefined);
}

/** Sends an ApiError in our shape and the request's language (also for errors raised outside a route). */
function sendError(e: ApiError, req: FastifyRequest, reply: FastifyReply, details?: Record<string, unknown>): void {
  const lang = requestLang(req.headers['accept-language']);
  void reply.status(e.statusCode).header('x-request-id', req.id).type('application/json; charset=utf-8')
    .send({ error: { code: e.code, message: pick(lang, e.text), details: details ?? e.details ?? {} } });
}

/**
 * Fastify's `frameworkErrors` option: a URL the router cannot decode (`/api/dealers/%E0%A4%A`)
 * would otherwise get Fastify's own error body. Ours, in the request's language.
 */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const e = error.code === 'FST_ERR_BAD_URL'
    ? new ApiError(400, 'bad_url', { zh: '地址无效：含有无法解码的字符', en: 'Invalid URL: it holds characters that cannot be decoded' })
    : toApiError(error);
  void reply.headers(BARE_HEADERS);
  sendError(e, req, reply, e.statusCode >= 500 ? { requestId: req.id } : undefined);
}

/**
 * The validator coerces query text to numbers, and "Infinity" or "1e400" become Infinity, which
 * passes `maximum` there; a number that is not finite is never a valid parameter.
 */
function firstNonFinite(value: unknown, path: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (Array.isArray(value)) return value.map((v, i) => firstNonFinite(v, `${path}.${i}`)).find((p) => p !== undefined);
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = firstNonFinite(v, path ? `${path}.${k}` : k);
      if (p !== undefined) return p;
    }
  }
  return undefined;
}

export function nonFiniteError(req: { query?: unknown; params?: unknown }): ApiError | undefined {
  for (const context of ['querystring', 'params'] as const) {
    const field = firstNonFinite(context === 'querystring' ? req.query : req.params, '');
    if (field !== undefined) {
      return new ApiError(400, 'invalid_request', {
        zh: `请求参数无效：${field}（${context}）必须是有限的数字`, en: `Invalid request: ${field} (${context}) must be a finite number`,
      }, { field, in: context, reason: 'must be a finite number' });
    }
  }
  return undefined;
}

export default fp((app, _opts, done) => {
  app.addHook('preHandler', (req, _reply, next) => {
    next(nonFiniteError(req));
  });
  app.addHook('onRequest', (req, reply, next) => {
    reply.header('x-request-id', req.id);
    next();
  });
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const e = toApiError(error);
    let details: Record<string, unknown> | undefined;
    if (e.statusCode >= 500) {
      req.log.error({ err: error, reqId: req.id }, 'request failed');
      details = { requestId: req.id };
    }
    if (e.statusCode === 413 || e.statusCode === 415) void req.raw.resume?.();
    sendError(e, req, reply, details);
  });
  app.setNotFoundHandler((req, reply) => {
    const lang = requestLang(req.headers['accept-language']);
    void reply.status(404).send({ error: { code: 'not_found', message: lang === 'en' ? `No route ${req.method} ${req.url.split('?')[0]}` : `没有这个地址：${req.method} ${req.url.split('?')[0]}`, details: {} } });
  });
  done();
}, { name: 'errors' });
