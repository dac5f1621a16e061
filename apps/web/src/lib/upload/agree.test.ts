// The browser preview and the server's load read the same bytes the same way: encoding,
// separator, kind, mapped / ignored / dropped columns, or the same refusal code. The server
// side is @fixops/ingest's real ingestFile on a DuckDB file in a temp dir.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@fixops/db';
import { ingestFile } from '@fixops/ingest';
import { previewBytes } from './preview.js';

let dir: string;
let db: Awaited<ReturnType<typeof openDatabase>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fixops-web-agree-'));
  db = await openDatabase(join(dir, 'fixops.duckdb'));
});
afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

const RO = '服务站代码,工单号,车架号,开单时间,维修类型,结算金额,服务顾问,备注,客户姓名,手机\r\nSH001,R1,LSVAB1234567890AB,2025-01-02 09:00,保养,100.00,李强,,张三,13800000000\r\n';
const CASES: [string, Uint8Array][] = [
  ['gb18030-comma.csv', new Uint8Array(iconv.encode(RO, 'gb18030'))],
  ['utf8bom-semicolon.csv', new Uint8Array(iconv.encode(RO.replace(/,/g, ';'), 'utf-8', { addBOM: true }))],
  ['utf16-tab.tsv', new Uint8Array(iconv.encode(RO.replace(/,/g, '\t'), 'utf-16le', { addBOM: true }))],
  ['bookings.csv', new TextEncoder().encode('经销商代码,预约单号,预约时间,预约状态,渠道\nSH001,B1,2025-01-03 10:00,已到店,电话\n')],
  ['unknown.csv', new Uint8Array(iconv.encode('日期,金额,备注\r\n2025-01-02,100,测试\r\n', 'gb18030'))],
];

describe('preview and load agree', () => {
  for (const [name, bytes] of CASES) {
    it(name, async () => {
      const path = join(dir, name);
      await writeFile(path, bytes);
      const load = await ingestFile(db.connection, path, { fileName: name });
      const p = previewBytes(name, bytes);
      expect(load.kind === null).toBe(name.startsWith('unknown'));
      expect(p.problem?.code ?? null).toBe(load.status === 'refused' && load.kind === null ? load.error?.code ?? null : null);
      if (load.kind === null) return;
      expect(p.kind).toBe(load.kind);
      expect(p.encoding).toBe(load.encoding);
      expect(p.separator).toBe(load.separator);
      expect(Object.fromEntries(p.mapped.map((m) => [m.header, m.field]))).toEqual(load.columns.mapped);
      expect(p.ignored).toEqual(load.columns.ignored);
      expect(p.dropped).toEqual(load.columns.dropped);
    });
  }
});
