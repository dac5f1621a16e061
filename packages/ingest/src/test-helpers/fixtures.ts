// Test fixtures: small export files in any encoding and separator, and real DuckDB files in temp dirs.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { openDatabase, queryJson, type Database } from '@fixops/db';

const dirs: string[] = [];

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fixops-test-'));
  dirs.push(d);
  return d;
}

export function cleanupTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export type FixtureEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le';

export function encode(text: string, encoding: FixtureEncoding): Buffer {
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gb18030': return iconv.encode(text, 'gb18030');
    case 'utf-16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  }
}

/** CSV text with RFC 4180 quoting (papaparse). */
export function csv(rows: (string | number)[][], separator = ',', newline = '\r\n'): string {
  return Papa.unparse(rows.map((r) => r.map(String)), { delimiter: separator, newline }) + newline;
}

export function writeFixture(dir: string, name: string, content: string | Buffer, encoding: FixtureEncoding = 'utf-8'): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? encode(content, encoding) : content);
  return path;
}

export async function tempDatabase(): Promise<Database> {
  return openDatabase(join(tempDir(), 'test.duckdb'));
}

export async function count(db: Database, sql: string): Promise<number> {
  const rows = await queryJson<{ n: string | number }>(db.connection, sql);
  return Number(rows[0]!.n);
}

export const RO_HEADER_ZH = ['经销商代码', '工单号', 'VIN', '进厂时间', '维修类型', '总金额', '预计交车时间', '实际交车时间', '服务顾问', '预约单号'];

/** A clean repair-order row in the RO_HEADER_ZH layout. */
export function roRow(dealer: string, ro: string, open: string, type = '保养', amount: string | number = '500.00'): (string | number)[] {
  return [dealer, ro, `lsvab${ro.toLowerCase()}`, open, type, amount, '', '', '王伟', ''];
}
