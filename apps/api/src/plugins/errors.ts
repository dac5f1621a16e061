// The one error handler: every failure answers `{ error: { code, message, details } }` in the
// request's language. 5xx hide their internals and carry the request id (header and body).

import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { pick } from '@fixops/shared';
import { ApiError, requestLang } from '../errors.js';

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

export default fp(async (app) => {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const e = toApiError(error);
    const lang = requestLang(req.headers['accept-language']);
    let details = e.details;
    if (e.statusCode >= 500) {
      req.log.error({ err: error, reqId: req.id }, 'request failed');
      details = { requestId: req.id };
    }
    if (e.statusCode === 413 || e.statusCode === 415) void req.raw.resume?.();
    void reply.status(e.statusCode).header('x-request-id', req.id).type('application/json; charset=utf-8')
      .send({ error: { code: e.code, message: pick(lang, e.text), details: details ?? {} } });
  });
  app.setNotFoundHandler((req, reply) => {
    const lang = requestLang(req.headers['accept-language']);
    void reply.status(404).send({ error: { code: 'not_found', message: lang === 'en' ? `No route ${req.method} ${req.url.split('?')[0]}` : `没有这个地址：${req.method} ${req.url.split('?')[0]}`, details: {} } });
  });
}, { name: 'errors' });
