// Never lose a month, as a user runs it: `fixops ingest` holds a 60-row partial export of a
// dealer-month holding hundreds of rows (exit 1, needs_confirmation, rows now → rows after),
// applies it with --confirm, and `fixops loads undo ID` restores KPIs and flags exactly
// (md5 over kpi_values and kpi_flags equal to before the load). Also: undo of a load that only
// added a month removes it; a second undo is refused.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNetwork } from '@fixops/demo';
import { openDatabase, queryJson } from '@fixops/db';
import { ingestFile, type KindId } from '@fixops/ingest';
import { recomputeAfterLoad } from '@fixops/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, tempDir } from './test-helpers/run.js';

afterAll(cleanup);

let dir: string;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'net.duckdb');
  const { manifestPath } = await writeNetwork(join(dir, 'net'), { dealers: 4, months: 6 });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: { name: string; kind: KindId; dealer?: string }[] };
  const d = await openDatabase(db);
  try {
    for (const f of manifest.files) {
      const s = await ingestFile(d.connection, join(dir, 'net', f.name), {
        kind: f.kind, dealer: f.dealer, afterStore: async (c, change) => void (await recomputeAfterLoad(c, change)),
      });
      expect(s.status).toBe('loaded');
    }
  } finally {
    d.close();
  }
}, 120_000);

async function query<T>(sql: string): Promise<T[]> {
  const d = await openDatabase(db);
  try {
    return await queryJson<T>(d.connection, sql);
  } finally {
    d.close();
  }
}

/** md5 of every KPI value and every flag, ordered: equal means both tables are identical. */
async function kpiChecksum(): Promise<string> {
  const [r] = await query<{ v: string; f: string }>(`
    SELECT (SELECT md5(string_agg(concat_ws('|', dealer_code, month, kpi, coalesce(value::VARCHAR, 'null')), ';' ORDER BY dealer_code, month, kpi)) FROM kpi_values) AS v,
           (SELECT md5(string_agg(concat_ws('|', dealer_code, month, kpi, kind, coalesce(value::VARCHAR, 'null'), coalesce(reference::VARCHAR, 'null')), ';'
              ORDER BY dealer_code, month, kpi, kind, value, reference::VARCHAR)) FROM kpi_flags) AS f`);
  return `${r!.v}/${r!.f}`;
}

function roExport(name: string, dealer: string, month: string, n: number): string {
  const lines = Array.from({ length: n }, (_, i) => `${dealer},${name}${i},L${name}${String(i).padStart(10, '0')},${month}-${String(1 + (i % 27)).padStart(2, '0')} 10:00,${i % 4 ? '保养' : '钣喷'},${400 + i}`);
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, `经销商代码,工单号,VIN,进厂时间,维修类型,总金额\n${lines.join('\n')}\n`);
  return path;
}

describe('fixops ingest --confirm and fixops loads undo', () => {
  it('holds a partial export, applies it with --confirm, and the undo restores KPIs and flags exactly', async () => {
    const [big] = await query<{ dealer: string; month: string; n: number }>(`
      SELECT dealer_code AS dealer, strftime(month, '%Y-%m') AS month, count(*)::INTEGER AS n FROM repair_orders GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT 1`);
    expect(big!.n).toBeGreaterThan(150);
    const before = await kpiChecksum();
    const partial = roExport('PART', big!.dealer, big!.month, 60);

    const held = fixops(['ingest', '--db', db, '--json', partial]);
    expect(held.code).toBe(1);
    const [summary] = JSON.parse(held.stdout);
    expect(summary).toMatchObject({ status: 'needs_confirmation', rowsLoaded: 0, slices: [{ dealer: big!.dealer, month: big!.month, rowsNow: big!.n, rowsAfter: 60 }] });
    expect(await kpiChecksum()).toBe(before);

    const human = fixops(['ingest', '--db', db, partial]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('待确认 needs confirmation');
    expect(human.stdout).toContain(`${big!.n} → 60`);
    expect(human.stdout).toContain('--confirm');

    const applied = fixops(['ingest', '--db', db, '--json', '--confirm', partial]);
    expect(applied.code).toBe(0);
    const [loaded] = JSON.parse(applied.stdout);
    expect(loaded).toMatchObject({ status: 'loaded', rowsLoaded: 60 });
    expect(await kpiChecksum()).not.toBe(before);

    const undo = fixops(['loads', 'undo', String(loaded.loadId), '--db', db]);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain(`Undid load ${loaded.loadId}`);
    expect(undo.stdout).toContain(`60 → ${big!.n}`);
    expect(await kpiChecksum()).toBe(before);

    const again = fixops(['loads', 'undo', String(loaded.loadId), '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('already undone');
    const log = JSON.parse(fixops(['loads', '--db', db, '--json']).stdout) as { id: number; status: string; undoes: number | null; undoneBy: number | null }[];
    expect(log[0]).toMatchObject({ status: 'undo', undoes: loaded.loadId });
    expect(log.find((l) => l.id === loaded.loadId)).toMatchObject({ undoneBy: log[0]!.id });
  }, 120_000);

  it('undo of a load that opened a new month removes the month, its KPIs and flags', async () => {
    const [last] = await query<{ dealer: string; next: string }>(`
      SELECT dealer_code AS dealer, strftime(max(month) + INTERVAL 1 MONTH, '%Y-%m') AS next FROM repair_orders GROUP BY ALL ORDER BY 1 LIMIT 1`);
    const before = await kpiChecksum();
    const added = fixops(['ingest', '--db', db, '--json', roExport('NEXT', last!.dealer, last!.next, 80)]);
    expect(added.code).toBe(0);
    const [s] = JSON.parse(added.stdout);
    expect(s.slices).toEqual([{ kind: 'repair_orders', dealer: last!.dealer, month: last!.next, rowsNow: 0, rowsAfter: 80 }]);
    expect(await kpiChecksum()).not.toBe(before);
    const undo = fixops(['loads', 'undo', String(s.loadId), '--db', db, '--json']);
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ rowsRemoved: 80, rowsRestored: 0, months: [last!.next] });
    expect(await kpiChecksum()).toBe(before);
    expect(await query(`SELECT 1 FROM kpi_values WHERE dealer_code = '${last!.dealer}' AND month = DATE '${last!.next}-01'`)).toEqual([]);
  }, 120_000);

  it('undo of a customer snapshot takes back the visit events it added, KPIs and flags included', async () => {
    const [d] = await query<{ dealer: string; month: string }>(`
      SELECT dealer_code AS dealer, strftime(min(month), '%Y-%m') AS month FROM repair_orders GROUP BY ALL ORDER BY 1 LIMIT 1`);
    const before = await kpiChecksum();
    const path = join(dir, 'customers.csv');
    const rows = Array.from({ length: 60 }, (_, i) => `${d!.dealer},LCUST${String(i).padStart(12, '0')},${d!.month}-${String(1 + (i % 27)).padStart(2, '0')}`);
    writeFileSync(path, `经销商代码,VIN,最近进厂时间\n${rows.join('\n')}\n`);
    const added = fixops(['ingest', '--db', db, '--json', path]);
    expect(added.code).toBe(0);
    const [s] = JSON.parse(added.stdout);
    expect(s).toMatchObject({ kind: 'customers', status: 'loaded', rowsLoaded: 60 });
    expect(await kpiChecksum()).not.toBe(before);
    const undo = fixops(['loads', 'undo', String(s.loadId), '--db', db, '--json']);
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ kind: 'customers', rowsRemoved: 60 });
    expect(await kpiChecksum()).toBe(before);
  }, 120_000);
});
