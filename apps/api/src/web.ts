// Serves a Node request handler (the dashboard's adapter-node handler) for every path outside
// /api, on the same port as the API. Its requests skip the API's auth and body parsing: the
// handler reads the raw request itself, and the dashboard reaches data through /api.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyPluginCallback } from 'fastify';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void;

export interface WebOptions {
  handler: NodeHandler;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const web: FastifyPluginCallback<WebOptions> = (app, opts, done) => {
  // An unknown /api path stays the API's: 401 without a token (like every API path), else JSON 404.
  app.route({ method: METHODS, url: '/api', schema: { hide: true }, handler: async (_req, reply) => reply.callNotFound() });
  app.route({ method: METHODS, url: '/api/*', schema: { hide: true }, handler: async (_req, reply) => reply.callNotFound() });
  // Leave the body unread for the handler (form posts, uploads to pages): no parser here.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));
  app.route({
    method: METHODS,
    url: '/*',
    config: { public: true },
    logLevel: 'warn',
    schema: { hide: true },
    handler: async (req, reply) => {
      // The handler works out the page origin from these (it would assume https otherwise).
      req.raw.headers['x-forwarded-proto'] ??= req.protocol;
      reply.hijack();
      await new Promise<void>((resolve) => {
        reply.raw.once('close', resolve);
        reply.raw.once('finish', resolve);
        opts.handler(req.raw, reply.raw, (err?: unknown) => {
          if (err) req.log.error({ err }, 'dashboard handler failed');
          if (!reply.raw.headersSent) {
            reply.raw.statusCode = err ? 500 : 404;
            reply.raw.setHeader('content-type', 'text/plain; charset=utf-8');
          }
          reply.raw.end(err ? 'Internal error' : 'Not found');
        });
      });
    },
  });
  done();
};

export default web;
