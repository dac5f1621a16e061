// An outsider's probe: every route of /api/openapi.json, as an admin and as a dealer user, with
// random and hostile values in its path, query and body (very long strings, unicode, negative
// and huge numbers, Infinity, NaN, arrays, objects, SQL- and HTML-looking text, impossible
// dates). Nothing may answer 5xx. Seeded, so a failure repeats; bounded to a few seconds.

import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '@fixops/demo';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTestEnv();
});
afterAll(async () => {
  await env?.close();
});

interface Schema { type?: string; properties?: Record<string, Schema>; items?: Schema }
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

const TEXT = [
  '', ' ', 'a'.repeat(20_000), '経銷商😀\u202e\u0000x', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '-1', '0', '-99999999999999999999', '1e308', '1e400', '99999999999999999999',
  'Infinity', '-Infinity', 'NaN', '1.5', 'true', 'null', '[]', '{}', "' OR 1=1 --", "'; DROP TABLE kpi_values; --", '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>', '2025-02-30', '2025-13', '0000-00', '9999-12', '2025-00-10', '../../etc/passwd', '%00', '%E0%A4%A', '${jndi:x}', 'SH001',
];
const JSON_VALUES: unknown[] = [
  ...TEXT, -1, 0, -2147483649, 2147483648, Number.MAX_SAFE_INTEGER * 10, 1e308, -1e308, 0.1, null, true, [], [1, 'a', null], {}, { $ne: 1 }, { a: { b: { c: [] } } },
  Array.from({ length: 50 }, (_, i) => i), { id: 'x', score: 'NaN' },
];

function bodyFor(schema: Schema | undefined, pick: <T>(xs: T[]) => T, depth = 0): unknown {
  if (!schema || depth > 3) return pick(JSON_VALUES);
  if (schema.type === 'object' && schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema.properties)) out[k] = pick([true, true, false]) ? bodyFor(v, pick, depth + 1) : pick(JSON_VALUES);
    if (pick([true, false])) out[pick(TEXT).slice(0, 50) || 'extra'] = pick(JSON_VALUES);
    return out;
  }
  if (schema.type === 'array') return pick([[], [bodyFor(schema.items, pick, depth + 1)], pick(JSON_VALUES)]);
  return pick(JSON_VALUES);
}

describe('hostile probe of every OpenAPI route', () => {
  it('never answers 5xx, as admin or as a dealer user', async () => {
    const admin = bearer(env.tokens.admin);
    const doc = (await env.app.inject({ url: '/api/openapi.json', headers: admin })).json<{ paths: Record<string, Record<string, Operation>> }>();
    const month = env.months.at(-1)!;
    const loads = (await env.app.inject({ url: '/api/loads', headers: admin })).json<{ loads: { id: number }[] }>();
    const created = await env.app.inject({ method: 'POST', url: '/api/assessments', headers: admin, payload: { dealer: env.own, date: `${month}-03`, scores: [] } });
    expect(created.statusCode).toBe(201);
    // Valid values, so that one hostile value at a time reaches past the others' checks.
    const valid: Record<string, string> = {
      code: env.own, dealer: env.own, month, from: env.months[0]!, to: month, kpi: 'booking_rate', by: 'advisor', format: 'md', lang: 'en', limit: '5', kind: 'peer',
    };
    const validBody: Record<string, unknown> = { dealer: env.own, date: `${month}-04`, scores: [], key: 'target.booking_rate', value: 0.3, token: 'x' };
    const random = mulberry32(12); // seeded, so a failing probe can be replayed
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    const sample = <T>(xs: T[], k: number): T[] => xs.map((x) => [random(), x] as const).sort((a, b) => a[0] - b[0]).slice(0, k).map(([, x]) => x);
    const failures: string[] = [];
    let probes = 0;
    const started = Date.now();

    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (path === '/api/login' || path === '/api/logout') continue; // rate-limited / would end a session; covered in app.test.ts
        const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const schema = op.requestBody?.content['application/json']?.schema;
        const bodyFields = Object.keys(schema?.properties ?? {});
        const idFor = () => (path.includes('/loads/') ? String(loads.loads[0]!.id) : String(created.json<{ id: number }>().id));
        const send = async (over: { where: 'path' | 'query' | 'body' | 'all'; name?: string; value?: unknown }, token: string) => {
          const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
            const v = over.where === 'all' || (over.where === 'path' && over.name === name) ? String(over.where === 'all' ? pick(TEXT) : over.value) : name === 'id' ? idFor() : valid[name] ?? 'x';
            return encodeURIComponent(v) || 'x';
          });
          const qs: string[] = [];
          for (const name of query) {
            if (over.where === 'all' ? random() < 0.3 : over.where !== 'query' || over.name !== name) {
              if (valid[name] !== undefined && over.where !== 'all') qs.push(`${name}=${encodeURIComponent(valid[name])}`);
              continue;
            }
            const v = over.where === 'all' ? pick(TEXT) : String(over.value);
            qs.push(`${name}=${encodeURIComponent(v)}`);
            if (over.where === 'all' && random() < 0.15) qs.push(`${name}=${encodeURIComponent(pick(TEXT))}`);
          }
          const request: InjectOptions & { url: string; payload?: string } = { method: method.toUpperCase(), url: qs.length ? `${url}?${qs.join('&')}` : url, headers: { ...bearer(token), 'accept-language': 'en' } };
          if (method !== 'get' && method !== 'delete') {
            if (path === '/api/uploads') {
              request.payload = pick(['', 'garbage', '--x\r\n', JSON.stringify(pick(JSON_VALUES))]);
              request.headers = { ...request.headers, 'content-type': pick(['multipart/form-data; boundary=x', 'multipart/form-data', 'application/json', 'text/plain']) };
            } else {
              let body: unknown;
              if (over.where === 'all') body = bodyFor(schema, pick);
              else {
                body = Object.fromEntries(bodyFields.filter((f) => validBody[f] !== undefined).map((f) => [f, validBody[f]]));
                if (over.where === 'body') (body as Record<string, unknown>)[over.name!] = over.value;
              }
              request.payload = JSON.stringify(body);
              request.headers = { ...request.headers, 'content-type': 'application/json' };
            }
          }
          const r = await env.app.inject(request);
          probes++;
          if (r.statusCode >= 500) failures.push(`${request.method} ${String(request.url).slice(0, 200)} ${String(request.payload ?? '').slice(0, 200)} → ${r.statusCode} ${r.body.slice(0, 200)}`);
        };
        const tokens = [env.tokens.admin, env.tokens.dealer];
        let n = 0;
        for (const name of pathParams) for (const v of TEXT) await send({ where: 'path', name, value: v }, tokens[n++ % 2]!);
        for (const name of query) for (const v of TEXT) await send({ where: 'query', name, value: v }, tokens[n++ % 2]!);
        // Bodies: a seeded sample per field (a valid write stores something, which is slower).
        if (path !== '/api/uploads') for (const name of bodyFields) for (const v of sample(JSON_VALUES, 14)) await send({ where: 'body', name, value: v }, tokens[n++ % 2]!);
        for (let i = 0; i < 10; i++) await send({ where: 'all' }, tokens[n++ % 2]!);
      }
    }
    expect(failures).toEqual([]);
    expect(probes).toBeGreaterThan(1000);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((await env.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  }, 120_000);
});
