// Graceful shutdown: once closing starts, every answer says `Connection: close`, so a
// request still running (an upload, say) gets its answer and its keep-alive socket does not
// hold the server open; the db plugin then lets the write queue drain before closing DuckDB.

import fp from 'fastify-plugin';

export default fp((app, _opts, done) => {
  let closing = false;
  app.addHook('preClose', (next) => {
    closing = true;
    next();
  });
  app.addHook('onSend', (_req, reply, payload, next) => {
    if (closing) void reply.header('connection', 'close');
    next(null, payload);
  });
  done();
}, { name: 'shutdown' });
