// A read answered many times between writes (the dashboard asks for the same KPI ranges again
// and again) is kept as JSON text, so a repeat costs neither a query nor a serialisation. The
// text is made once by the route's own response serialiser (its schema), so the cached answer
// is exactly what a fresh one would be: no field the schema leaves out, ever.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { Store } from './db.js';

/** The parts of a Fastify reply this needs (any route's reply, whatever its type provider). */
export interface JsonReply {
  serialize(payload: unknown): string | ArrayBuffer | Buffer;
  type(contentType: string): unknown;
  send(payload?: unknown): unknown;
}

/** Sends the remembered text for `key`, or computes, serialises through the route schema and remembers it. */
export async function sendMemoJson<T>(store: Store, reply: JsonReply, key: string, work: (c: DuckDBConnection) => Promise<T>): Promise<void> {
  const text = await store.memo(key, async (c) => {
    const out = reply.serialize(await work(c));
    return typeof out === 'string' ? out : Buffer.from(out as ArrayBuffer).toString('utf8');
  });
  reply.type('application/json; charset=utf-8');
  reply.send(text);
}
