// Uploads over a real listening server: multipart with several files, GB18030, refused files
// (422 with the summary), the size limit (413), non-text files (415), a dealer user's upload
// holding another dealer's rows (refused whole, 403), the load log and the rejects CSV.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffEncoding } from '@fixops/ingest';
import type { FixopsException } from '@fixops/shared';
import { bearer, setupTestEnv, type TestEnv, type UploadAnswer } from './test-helpers/setup.js';

const LIMIT = 1024 * 1024;
let env: TestEnv;
let base: string;

beforeAll(async () => {
  env = await setupTestEnv({ maxUploadBytes: LIMIT });
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await env?.close();
});

const file = (name: string) => readFile(join(env.dataDir, name));
const roFile = (dealer: string) => env.files.find((f) => f.kind === 'repair_orders' && f.name.startsWith(dealer))!.name;

async function upload(token: string, files: { name: string; data: Buffer; type?: string }[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new Blob([f.data], { type: f.type ?? 'text/csv' }), f.name);
  const r = await fetch(`${base}/api/uploads`, { method: 'POST', headers: bearer(token), body: form });
  return { status: r.status, body: (await r.json()) as UploadAnswer, headers: r.headers };
}

async function loadsOf(token: string) {
  const r = await fetch(`${base}/api/loads`, { headers: bearer(token) });
  return (await r.json()) as { queue: unknown[]; loads: { id: number; file: string; status: string; dealers: string[]; uploadedBy: string }[] };
}

describe('POST /api/uploads', () => {
  it('loads several files in one request, GB18030 included, answering one summary per file', async () => {
    const gb = roFile(env.own);
    const other = env.files.find((f) => f.kind === 'bookings' && f.name.startsWith(env.other))!.name;
    const r = await upload(env.tokens.consultant, [{ name: gb, data: await file(gb) }, { name: other, data: await file(other) }]);
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(2);
    expect(r.body[0]).toMatchObject({ file: gb, status: 'loaded', kind: 'repair_orders', encoding: 'gb18030', dealers: [env.own] });
    expect(r.body[0]!.rowsLoaded).toBeGreaterThan(100);
    expect(r.body[1]).toMatchObject({ status: 'loaded', kind: 'bookings' });
    const log = await loadsOf(env.tokens.admin);
    expect(log.loads[0]).toMatchObject({ file: other, status: 'loaded', uploadedBy: 'consultant' });
    expect(log.queue).toEqual([]);
  });

  it('refuses a bad CSV with 422 and the load summary; its rejected rows download as CSV with a BOM', async () => {
    const name = roFile(env.dealers[3]!);
    const lines = (await file(name)).toString('utf8').split('\n');
    const bad = lines.map((l, i) => (i > 0 && i % 6 === 0 ? l.replace(/2025/g, 'XXXX') : l)).join('\n');
    const r = await upload(env.tokens.admin, [{ name: 'bad.csv', data: Buffer.from(bad, 'utf8') }], { dealer: '' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('load_refused');
    const summary = r.body.error.details.files[0]!;
    expect(summary).toMatchObject({ file: 'bad.csv', status: 'refused' });
    expect(summary.rowsRejected).toBeGreaterThan(10);
    const csv = await fetch(`${base}/api/loads/${summary.loadId}/rejects.csv`, { headers: bearer(env.tokens.consultant) });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('row,column,value,reason,raw_text');
    expect(text.split('\r\n').filter((l) => l.trim() !== '').length).toBe(summary.rowsRejected + 1);

    const nonsense = await upload(env.tokens.admin, [{ name: 'x.csv', data: Buffer.from('foo,bar\n1,2\n') }]);
    expect(nonsense.status).toBe(422);
    expect(nonsense.body.error.details.files[0]!.status).toBe('refused');
  });

  it('neutralises formula cells in the rejected-rows CSV (issue 12.3)', async () => {
    const d = env.dealers[2]!;
    const good = Array.from({ length: 5 }, (_, i) => `${d},FG${i},lsvg${i},2025-03-0${i + 1} 10:00,保养,${100 + i}`);
    const hostile = [
      [`${d},F1,lsv1,"=HYPERLINK(""http://x"",""y"")",保养,1`, '=HYPERLINK("http://x","y")'],
      [`${d},F2,lsv2,2025-03-01,保养,"+cmd|' /C calc'!A0"`, "+cmd|' /C calc'!A0"],
      [`${d},F3,lsv3,@SUM(1+1),保养,1`, '@SUM(1+1)'],
      [`${d},F4,lsv4,2025-03-01,保养,-2+3`, '-2+3'],
    ];
    const text = `经销商代码,工单号,VIN,进厂时间,维修类型,总金额\n${good.join('\n')}\n${hostile.map(([l]) => l).join('\n')}\n`;
    const r = await upload(env.tokens.admin, [{ name: 'formulas.csv', data: Buffer.from(text, 'utf8') }]);
    expect(r.status).toBe(422);
    const summary = r.body.error.details.files[0]!;
    const csv = await fetch(`${base}/api/loads/${summary.loadId}/rejects.csv`, { headers: bearer(env.tokens.admin) });
    expect(csv.status).toBe(200);
    const body = (await csv.text()).replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(body.trim(), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['row', 'column', 'value', 'reason', 'raw_text']);
    expect(rows.slice(1).map((x) => x[2])).toEqual(hostile.map(([, v]) => `'${v}`));
    for (const cell of rows.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('refuses a UTF-16LE file without a BOM as ingest does, with the same clear reason', async () => {
    const text = '经销商代码,工单号,VIN,进厂时间,维修类型,总金额\nSH001,R1,lsv1,2025-03-01 10:00,保养,100\n';
    const bytes = Buffer.from(text, 'utf16le');
    const r = await upload(env.tokens.admin, [{ name: 'u16.csv', data: bytes }]);
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('not_a_csv');
    expect(r.body.error.details).toMatchObject({ file: 'u16.csv', reason: 'utf16_without_bom' });
    const ingest = (() => {
      try {
        sniffEncoding(bytes, 'u16.csv');
      } catch (e) {
        return (e as FixopsException).error;
      }
      return undefined;
    })();
    expect(ingest?.code).toBe('utf16_without_bom');
    expect(r.body.error.message).toBe(ingest?.message.zh);
    expect(r.body.error.message).toContain('BOM');
  });

  it('answers 413 over the size limit, 415 for files that are not CSV, 400 without files', async () => {
    const big = Buffer.alloc(LIMIT + 200_000, 'a,b,c\n');
    const r = await upload(env.tokens.admin, [{ name: 'big.csv', data: big }]);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('too_large');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect((await upload(env.tokens.admin, [{ name: 'chart.png', data: png, type: 'image/png' }])).status).toBe(415);
    const disguised = await upload(env.tokens.admin, [{ name: 'export.csv', data: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]) }]);
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.code).toBe('not_a_csv');
    const json = await fetch(`${base}/api/uploads`, { method: 'POST', headers: { ...bearer(env.tokens.admin), 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    const empty = await upload(env.tokens.admin, [], { dealer: env.own });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.field).toBe('files');
    const unauth = await fetch(`${base}/api/uploads`, { method: 'POST', body: new FormData() });
    expect(unauth.status).toBe(401);
  });

  it('lets a dealer user upload its own exports only: another dealer\'s rows refuse the file whole', async () => {
    const own = roFile(env.own);
    const ok = await upload(env.tokens.dealer, [{ name: own, data: await file(own) }]);
    expect(ok.status).toBe(200);
    expect(ok.body[0]).toMatchObject({ status: 'loaded', dealers: [env.own] });

    const kpisBefore = await (await fetch(`${base}/api/dealers/${env.own}/kpis`, { headers: bearer(env.tokens.admin) })).text();
    // Three rows of the dealer's own export relabelled as another dealer's: under 5%, still refused whole.
    let text = (await file(own)).toString('latin1');
    for (let i = 0; i < 3; i++) text = text.replace(`\n${env.own},`, `\n${env.other},`);
    const mixed = await upload(env.tokens.dealer, [{ name: 'mixed.csv', data: Buffer.from(text, 'latin1') }]);
    expect(mixed.status).toBe(403);
    expect(mixed.body.error.code).toBe('foreign_dealer_rows');
    expect(mixed.body.error.details.files[0]).toMatchObject({ status: 'refused', rowsLoaded: 0 });
    const foreign = roFile(env.other);
    const theirs = await upload(env.tokens.dealer, [{ name: foreign, data: await file(foreign) }]);
    expect(theirs.status).toBe(403);
    expect((await upload(env.tokens.dealer, [{ name: own, data: await file(own) }], { dealer: env.other })).status).toBe(403);
    const kpisAfter = await (await fetch(`${base}/api/dealers/${env.own}/kpis`, { headers: bearer(env.tokens.admin) })).text();
    expect(kpisAfter).toBe(kpisBefore);

    const log = await loadsOf(env.tokens.dealer);
    expect(log.loads.length).toBeGreaterThan(0);
    expect(log.loads.every((l) => l.uploadedBy === 'dealer' || l.dealers.every((d) => d === env.own))).toBe(true);
    const others = (await loadsOf(env.tokens.admin)).loads.filter((l) => l.dealers.includes(env.other));
    const r = await fetch(`${base}/api/loads/${others[0]!.id}`, { headers: bearer(env.tokens.dealer) });
    expect(r.status).toBe(404); // another dealer's load looks missing (issue 12)
    expect((await fetch(`${base}/api/loads/${others[0]!.id}/rejects.csv`, { headers: bearer(env.tokens.dealer) })).status).toBe(404);
    expect((await fetch(`${base}/api/loads/999999`, { headers: bearer(env.tokens.admin) })).status).toBe(404);
  });

  it('lets reads run during a load and see the state before or after it, never half; shutdown finishes the running load', async () => {
    const name = roFile(env.dealers[4]!);
    const dealer = env.dealers[4]!;
    const text = (await file(name)).toString('utf8');
    // The same export with every amount changed: the dealer's KPIs differ after the load.
    const changed = Buffer.from(text.replace(/(\d+)\.(\d\d)\b/g, (_m, a: string, b: string) => `${Number(a) + 7}.${b}`), 'utf8');
    const read = async () => (await fetch(`${base}/api/dealers/${dealer}/kpis`, { headers: bearer(env.tokens.consultant) })).text();
    const before = await read();
    const seen = new Set<string>();
    let done = false;
    const pending = upload(env.tokens.consultant, [{ name, data: changed }]).finally(() => {
      done = true;
    });
    while (!done) seen.add(await read());
    const r = await pending;
    expect(r.status).toBe(200);
    const after = await read();
    expect(after).not.toBe(before);
    for (const s of seen) expect(s === before || s === after).toBe(true);

    // Shutdown while a load runs: the load finishes and answers, then the server closes.
    const last = upload(env.tokens.consultant, [{ name, data: await file(name) }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = env.app.close();
    const answer = await last;
    await closing;
    expect(answer.status).toBe(200);
    expect(answer.body[0]).toMatchObject({ status: 'loaded' });
  });
});

