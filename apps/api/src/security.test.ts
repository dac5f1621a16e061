// A dealer token can never read another dealer's anything: every route of the OpenAPI
// document, with the other dealer's code, ids and files in every parameter.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, setupTestEnv, type TestEnv } from './test-helpers/setup.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTestEnv();
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
    const dealers = (await env.app.inject({ url: '/api/dealers', headers: admin })).json() as { code: string; name: string | null }[];
    const secrets = dealers.filter((d) => d.code !== env.own).flatMap((d) => [d.code, d.name ?? '']).filter((s) => s !== '');
    // Things that belong to the other dealer: an assessment and a load.
    const template = (await env.app.inject({ url: '/api/templates', headers: admin })).json() as { id: string }[];
    expect(template.length).toBeGreaterThan(0);
    const created = await env.app.inject({ method: 'POST', url: '/api/assessments', headers: admin, payload: { dealer: env.other, date: `${month}-10`, scores: [] } });
    expect(created.statusCode).toBe(201);
    const assessmentId = created.json().id as number;
    const loads = (await env.app.inject({ url: '/api/loads', headers: admin })).json() as { loads: { id: number; dealers: string[] }[] };
    const loadId = loads.loads.find((l) => l.dealers.length === 1 && l.dealers[0] === env.other)!.id;
    const otherFile = env.files.find((f) => f.kind === 'repair_orders' && f.name.startsWith(env.other))!.name;
    const otherBytes = await readFile(join(env.dataDir, otherFile));

    const doc = (await env.app.inject({ url: '/api/openapi.json', headers: bearer(env.tokens.dealer) })).json() as { paths: Record<string, Record<string, Operation>> };
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
          const request: Parameters<typeof env.app.inject>[0] = { method: method.toUpperCase() as 'GET', url: qs ? `${url}?${qs}` : url, headers: bearer(env.tokens.dealer) };
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
    const after = (await env.app.inject({ url: '/api/assessments/' + assessmentId, headers: admin })).json();
    expect(after).toMatchObject({ dealer: env.other });
    const settings = (await env.app.inject({ url: '/api/settings', headers: admin })).json() as { key: string; value: number }[];
    expect(settings.find((s) => s.key === 'target.booking_rate')!.value).toBe(0.3);
  });
});
