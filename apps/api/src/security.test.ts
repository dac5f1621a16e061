// A dealer token can never read another dealer's anything: every route of the OpenAPI
// document, with the other dealer's code, ids and files in every parameter. Malformed input
// (random bytes, truncated multipart, huge headers, SQL-looking strings, path traversal)
// answers 4xx, leaves the server up and the data unchanged. A 5xx hides its cause.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryJson } from '@fixops/db';
import { buildApp } from './app.js';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;
let base: string;
beforeAll(async () => {
  env = await setupTestEnv();
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await env?.close();
});

interface Operation { parameters?: { name: string; in: string; required?: boolean }[]; requestBody?: { content: Record<string, unknown> } }

function multipart(fields: Record<string, string>, files: { name: string; data: Buffer }[]) {
  const boundary = '----fixops-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="${f.name}"\r\ncontent-type: text/csv\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('dealer isolation', () => {
  it('never shows another dealer\'s data on any route of the OpenAPI document', async () => {
    const admin = bearer(env.tokens.admin);
    const month = env.months.at(-1)!;
    const dealers = (await env.app.inject({ url: '/api/dealers', headers: admin })).json<{ code: string; name: string | null }[]>();
    const secrets = dealers.filter((d) => d.code !== env.own).flatMap((d) => [d.code, d.name ?? '']).filter((s) => s !== '');
    // Things that belong to the other dealer: an assessment and a load.
    const template = (await env.app.inject({ url: '/api/templates', headers: admin })).json<{ id: string }[]>();
    expect(template.length).toBeGreaterThan(0);
    const created = await env.app.inject({ method: 'POST', url: '/api/assessments', headers: admin, payload: { dealer: env.other, date: `${month}-10`, scores: [] } });
    expect(created.statusCode).toBe(201);
    const assessmentId = created.json<{ id: number }>().id;
    const loads = (await env.app.inject({ url: '/api/loads', headers: admin })).json<{ loads: { id: number; dealers: string[] }[] }>();
    const loadId = loads.loads.find((l) => l.dealers.length === 1 && l.dealers[0] === env.other)!.id;
    const otherFile = env.files.find((f) => f.kind === 'repair_orders' && f.name.startsWith(env.other))!.name;
    const otherBytes = await readFile(join(env.dataDir, otherFile));

    const doc = (await env.app.inject({ url: '/api/openapi.json', headers: bearer(env.tokens.dealer) })).json<{ paths: Record<string, Record<string, Operation>> }>();
    const values: Record<string, string> = { code: env.other, dealer: env.other, month, from: env.months[0]!, to: month, kpi: 'booking_rate', by: 'advisor', format: 'md', lang: 'en' };
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const id = path.includes('/loads/') ? loadId : assessmentId;
        const url = path.replace('{code}', env.other).replace('{id}', String(id));
        const query = (op.parameters ?? []).filter((p) => p.in === 'query' && values[p.name] !== undefined);
        // Once with every query parameter naming the other dealer, once with only the required ones.
        const variants = [query, query.filter((p) => p.required)];
        for (const params of variants) {
          const qs = params.map((p) => `${p.name}=${encodeURIComponent(values[p.name]!)}`).join('&');
          const request: InjectOptions & { url: string; headers: Record<string, string> } = { method: method.toUpperCase(), url: qs ? `${url}?${qs}` : url, headers: bearer(env.tokens.dealer) };
          if (path === '/api/uploads') {
            const m = multipart({ dealer: env.other }, [{ name: otherFile, data: otherBytes }]);
            Object.assign(request, { payload: m.payload, headers: { ...request.headers, ...m.headers } });
          } else if (path === '/api/login') request.payload = { token: env.tokens.dealer };
          else if (path === '/api/assessments' && method === 'post') request.payload = { dealer: env.other, date: `${month}-11`, scores: [] };
          else if (path === '/api/settings' && method === 'put') request.payload = { key: 'target.booking_rate', value: 0.9 };
          const r = await env.app.inject(request);
          checked++;
          const where = `${method.toUpperCase()} ${request.url} → ${r.statusCode}`;
          if (r.statusCode < 300) {
            for (const s of secrets) expect(r.body.includes(s), `${where} shows ${s}`).toBe(false);
          } else {
            expect([400, 403, 404], where).toContain(r.statusCode);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    // The refused upload and the refused assessment changed nothing.
    const after = (await env.app.inject({ url: '/api/assessments/' + assessmentId, headers: admin })).json<unknown>();
    expect(after).toMatchObject({ dealer: env.other });
    const settings = (await env.app.inject({ url: '/api/settings', headers: admin })).json<{ key: string; value: number }[]>();
    expect(settings.find((s) => s.key === 'target.booking_rate')!.value).toBe(0.3);
  });
});

/** Everything but the load log: the data, KPIs, flags, settings, assessments, users. */
async function snapshot(): Promise<string> {
  return env.app.store.read(async (c) => JSON.stringify(await queryJson(c, `
    SELECT (SELECT count(*) FROM repair_orders) AS ro, (SELECT count(*) FROM bookings) AS b, (SELECT count(*) FROM customer_visits) AS v,
           (SELECT count(*) FROM accident_repairs) AS a, (SELECT count(*) FROM dealers) AS d,
           (SELECT sum(hash(dealer_code, month, kpi, value)) FROM kpi_values) AS k, (SELECT count(*) FROM kpi_flags) AS f,
           (SELECT count(*) FROM settings) AS s, (SELECT count(*) FROM assessments) AS asm, (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM tokens) AS t`)));
}

function raw(path: string, headers: Record<string, string>, body: Buffer | undefined, truncate = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: body ? 'POST' : 'GET', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    if (body) req.write(truncate ? body.subarray(0, Math.floor(body.length / 2)) : body);
    req.end();
  });
}

describe('malformed input', () => {
  it('answers 4xx to random bytes, truncated multipart, huge headers, SQL-looking strings and path traversal; stays up; changes no data', async () => {
    const before = await snapshot();
    const admin = bearer(env.tokens.admin);
    const statuses: [string, number][] = [];
    const multi = (name: string, data: Buffer) => {
      const b = '----fuzz';
      return { body: Buffer.concat([Buffer.from(`--${b}\r\ncontent-disposition: form-data; name="files"; filename="${name}"\r\ncontent-type: text/csv\r\n\r\n`), data, Buffer.from(`\r\n--${b}--\r\n`)]), type: `multipart/form-data; boundary=${b}` };
    };
    for (let i = 0; i < 5; i++) {
      const m = multi(`random-${i}.csv`, randomBytes(2000 + i * 1000));
      statuses.push([`random ${i}`, await raw('/api/uploads', { ...admin, 'content-type': m.type }, m.body)]);
    }
    const good = multi('x.csv', Buffer.from('经销商代码,工单号,VIN,进厂时间,维修类型,总金额\nSH001,R1,V1,2025-01-01,保养,1\n'));
    statuses.push(['truncated multipart', await raw('/api/uploads', { ...admin, 'content-type': good.type, 'transfer-encoding': 'chunked' }, good.body, true)]);
    statuses.push(['no boundary', await raw('/api/uploads', { ...admin, 'content-type': 'multipart/form-data' }, Buffer.from('garbage'))]);
    statuses.push(['huge header', await raw('/api/dealers', { ...admin, 'x-fuzz': 'a'.repeat(100_000) }, undefined)]);
    const traversal = multi('../../../../etc/passwd', Buffer.from('root:x:0:0:root:/root:/bin/bash\n'));
    const r = await fetch(`${base}/api/uploads`, { method: 'POST', headers: { ...admin, 'content-type': traversal.type }, body: traversal.body });
    statuses.push(['path traversal', r.status]);
    const refused = (await r.json()) as { error: { details: { files: { file: string }[] } } };
    expect(refused.error.details.files[0]!.file).toBe('passwd');

    const sql = ["' OR 1=1 --", "'; DROP TABLE kpi_values; --", '1; SELECT * FROM users', '%00', '../../etc/passwd', '$(rm -rf /)'];
    const doc = (await env.app.inject({ url: '/api/openapi.json', headers: admin })).json<{ paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> }>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      const op = methods.get;
      if (!op) continue;
      for (const s of sql) {
        const url = path.replace(/\{(\w+)\}/g, () => encodeURIComponent(s));
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => `${p.name}=${encodeURIComponent(s)}`).join('&');
        if (!path.includes('{') && !query) continue;
        const res = await env.app.inject({ url: query ? `${url}?${query}` : url, headers: admin });
        statuses.push([`GET ${url}?${query}`, res.statusCode]);
        expect(res.body).not.toMatch(/Catalog Error|Binder Error|Parser Error|at .*\.js:\d+/);
      }
    }
    for (const [what, status] of statuses) expect(status, what).toBeGreaterThanOrEqual(400);
    for (const [what, status] of statuses) expect(status, what).toBeLessThan(500);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect(await snapshot()).toBe(before);
  });
});

describe('server errors', () => {
  it('hides a 5xx\'s cause and carries the request id in the header and the body', async () => {
    const app = await buildApp({ dbPath: join(env.dir, 'other.duckdb') });
    app.get('/api/boom', { config: { public: true } }, () => {
      throw new Error('Binder Error: SELECT secret FROM users');
    });
    await app.ready();
    try {
      const r = await app.inject({ url: '/api/boom', headers: { 'accept-language': 'en' } });
      expect(r.statusCode).toBe(500);
      const body = r.json<{ error: { code: string; message: string; details: { requestId: string } } }>();
      expect(body.error).toMatchObject({ code: 'internal', message: 'Internal server error' });
      expect(body.error.details.requestId).toBe(r.headers['x-request-id']);
      expect(r.body).not.toMatch(/SELECT|secret|Binder/);
    } finally {
      await app.close();
    }
  });
});
