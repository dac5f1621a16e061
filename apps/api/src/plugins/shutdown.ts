// Graceful shutdown: once closing starts, every answer says `Connection: close`, so a
// request still running (an upload, say) gets its answer and its keep-alive socket does not
// hold the server open; the db plugin then lets the write queue drain before closing DuckDB.

import fp from 'fastify-plugin';

export default fp(async (app) => {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
}, { name: 'shutdown' });
