// One access-log line per finished request, at a level that follows what happened: errors and
// refusals (status ≥ 400) and slow requests (≥ 1 s) at info, everything else at debug. Fastify's
// own two lines per request (incoming, completed) are off: at thousands of reads a second they
// cost more CPU than the reads (FIXOPS_LOG_LEVEL=debug brings every request back).

import fp from 'fastify-plugin';

export const SLOW_MS = 1000;

export default fp((app, _opts, done) => {
  app.addHook('onResponse', (req, reply, next) => {
    const ms = reply.elapsedTime;
    const line = { method: req.method, url: req.url, statusCode: reply.statusCode, ms: Math.round(ms * 10) / 10 };
    if (reply.statusCode >= 400 || ms >= SLOW_MS) req.log.info(line, 'request');
    else req.log.debug(line, 'request');
    next();
  });
  done();
}, { name: 'access-log' });
