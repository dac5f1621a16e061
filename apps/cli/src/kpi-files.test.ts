// A KPI a network adds as a file (首保占比 in FIXOPS_KPIS_DIR) behaves like a built-in one on the
// command line, over the API, on the dealer page and in the report; removing the file and running
// `fixops recompute` takes it away and the load log says so; a bad file is refused naming the
// file and the field.

import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdvisorRow, BenchmarkRow, Flag, KpiValue } from '@fixops/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fixops, MAIN, parseJson } from './test-helpers/run.js';
import { FIRST_SERVICE, firstServiceDemo } from './test-helpers/first-service.js';

afterAll(cleanup);

let kpisDir: string;
let db: string;
let env: Record<string, string>;
let month: string;
beforeAll(async () => {
  ({ db, kpisDir, env } = await firstServiceDemo());
}, 600_000);

async function serve(): Promise<{ url: string; token: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [MAIN, 'start', '--db', db, '--port', '0'], { env: { ...process.env, TZ: 'UTC', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}\n${stderr}`)), 150_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = /is running: (http:\/\/\S+)/.exec(stdout);
      if (m && stdout.includes('Ctrl-C')) { clearTimeout(timer); resolve(m[1]!); }
    });
    child.on('exit', () => reject(new Error(`exited: ${stdout}\n${stderr}`)));
  });
  const token = /shown only this once[^\n]*\n\s+(\S+)/.exec(stdout)![1]!;
  return { url, token, stop: () => new Promise<void>((resolve) => { child.on('exit', () => resolve()); child.kill('SIGTERM'); }) };
}

describe('a KPI added as a file (首保占比)', () => {
  it('is in fixops kpis --json, flags, benchmark, the advisor breakdown, settings and the report', () => {
    const kpis = parseJson<KpiValue[]>(fixops(['kpis', '--db', db, '--dealer', 'SH001', '--json'], env).stdout);
    const mine = kpis.filter((k) => k.kpi === 'first_service_share');
    expect(mine.length).toBe(kpis.filter((k) => k.kpi === 'ro_count').length);
    expect(mine.some((k) => (k.value ?? 0) > 0)).toBe(true);
    month = mine.at(-1)!.month;

    const flags = parseJson<Flag[]>(fixops(['flags', '--db', db, '--kpi', 'first_service_share', '--kind', 'target', '--json'], env).stdout);
    expect(flags.length).toBeGreaterThan(0);
    expect(flags[0]!.messages.zh).toContain('首保占比');
    expect(flags[0]!.messages.zh).toContain('低于目标 20.0%');

    const bench = fixops(['benchmark', '--db', db, '--month', month, '--kpi', 'first_service_share', '--format', 'json'], env);
    expect(bench.code, bench.stderr).toBe(0);
    const rows = parseJson<BenchmarkRow[]>(bench.stdout);
    expect(rows.some((r) => r.dealer === 'SH001' && r.rank !== null)).toBe(true);

    // per service advisor: the denominator is the advisor's external ROs (ro_count), so the dealer's value is their weighted mean
    const advisors = parseJson<AdvisorRow[]>(fixops(['breakdown', '--db', db, '--dealer', 'SH001', '--month', month, '--by', 'advisor', '--json'], env).stdout);
    const total = advisors.reduce((s, a) => s + a.ro_count, 0);
    const weighted = advisors.reduce((s, a) => s + (a.kpis?.first_service_share ?? 0) * a.ro_count, 0) / total;
    expect(Math.abs(weighted - mine.at(-1)!.value!)).toBeLessThan(1e-12);
    expect(fixops(['breakdown', '--db', db, '--dealer', 'SH001', '--month', month, '--by', 'advisor'], env).stdout).toContain('首保占比');
    // the advisor's own view (fixops staff show) names it too, with the advisor's value
    const named = advisors.find((a) => a.advisor !== null && (a.kpis.first_service_share ?? 0) > 0)!;
    const staff = fixops(['staff', 'show', '--db', db, '--dealer', 'SH001', '--name', named.advisor!, '--month', month], env);
    expect(staff.code, staff.stderr).toBe(0);
    expect(staff.stdout).toMatch(/首保占比 First-service share \d+\.\d%/);

    const settings = parseJson<{ key: string; value: number }[]>(fixops(['settings', '--db', db, '--json'], env).stdout);
    expect(settings.find((s) => s.key === 'target.first_service_share')?.value).toBe(0.2);

    const report = fixops(['report', '--db', db, '--dealer', 'SH001', '--month', month, '--format', 'md'], env);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('首保占比');
  });

  it('is served by the API (catalogue, values, OpenAPI) and shown on the dealer page', async () => {
    const server = await serve();
    try {
      const auth = { authorization: `Bearer ${server.token}` };
      const catalog = (await (await fetch(`${server.url}/api/catalog`, { headers: auth })).json()) as { id: string; custom: boolean; zh: string }[];
      expect(catalog.find((k) => k.id === 'first_service_share')).toMatchObject({ custom: true, zh: '首保占比' });
      expect(catalog.find((k) => k.id === 'ro_count')?.custom).toBe(false);
      const values = (await (await fetch(`${server.url}/api/kpis?month=${month}&kpi=first_service_share`, { headers: auth })).json()) as KpiValue[];
      expect(values.length).toBeGreaterThan(4);
      const flags = await fetch(`${server.url}/api/flags?kpi=first_service_share&month=${month}`, { headers: auth });
      expect(flags.status).toBe(200);
      const doc = (await (await fetch(`${server.url}/api/openapi.json`, { headers: auth })).json()) as { paths: Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }> };
      expect(JSON.stringify(doc)).toContain('"custom"');
      // the KPI ids of the catalogue loaded at start, the added one among them
      expect(doc.paths['/api/dealers/{code}/kpis/{kpi}/rows']!.get.parameters.find((p) => p.name === 'kpi')!.schema.enum).toContain('first_service_share');
      // with the key KPIs of the dealer list, and per service advisor
      const summary = (await (await fetch(`${server.url}/api/dealers/SH001`, { headers: auth })).json()) as { kpis: Record<string, number | null> };
      expect(summary.kpis).toHaveProperty('first_service_share');
      const advisors = (await (await fetch(`${server.url}/api/dealers/SH001/breakdown?month=${month}&by=advisor`, { headers: auth })).json()) as AdvisorRow[];
      expect(advisors.every((a) => 'first_service_share' in a.kpis)).toBe(true);
      const named = advisors.find((a) => a.advisor !== null && (a.kpis.first_service_share ?? 0) > 0)!;
      const posted = await fetch(`${server.url}/login`, {
        method: 'POST', redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept: 'text/html' },
        body: `token=${encodeURIComponent(server.token)}`,
      });
      const cookie = posted.headers.getSetCookie().find((c) => c.startsWith('fixops_session='))!.split(';')[0]!;
      const page = await fetch(`${server.url}/dealers/SH001?month=${month}`, { headers: { cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toMatch(/data-kpi="first_service_share"[^>]*>\s*<h3[^>]*>首保占比<\/h3>/); // its KPI card
      // a column of the service advisors' table
      const table = html.slice(html.indexOf('data-testid="advisors"'));
      expect(table).toMatch(/<th[^>]*data-kpi="first_service_share"[^>]*>首保占比<\/th>/);
      // and a line of an advisor's KPIs on the staff page
      const staff = await fetch(`${server.url}/dealers/SH001/staff/${encodeURIComponent(named.advisor!)}?month=${month}`, { headers: { cookie } });
      expect(staff.status).toBe(200);
      expect(await staff.text()).toMatch(/<tr data-kpi="first_service_share"><td>首保占比<\/td><td class="num">\d+\.\d%<\/td><\/tr>/);
    } finally {
      await server.stop();
    }
  });

  it('goes when its file is removed and fixops recompute runs; the load log names it', () => {
    rmSync(join(kpisDir, 'first_service_share.yaml'));
    const r = fixops(['recompute', '--db', db], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('删除 removed: first_service_share');
    const loads = parseJson<{ status: string; file: string }[]>(fixops(['loads', '--db', db, '--json'], env).stdout);
    expect(loads.find((l) => l.status === 'kpi_catalogue')?.file).toContain('删除 removed: first_service_share');
    const kpis = parseJson<KpiValue[]>(fixops(['kpis', '--db', db, '--dealer', 'SH001', '--json'], env).stdout);
    expect(kpis.some((k) => k.kpi === 'first_service_share')).toBe(false);
  });

  it('a bad file stops every command with the file and the field named', () => {
    writeFileSync(join(kpisDir, 'first_service_share.yaml'), FIRST_SERVICE.replace('column: repair_type_raw', 'column: repair_typ_raw'));
    const r = fixops(['kpis', '--db', db, '--dealer', 'SH001', '--json'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(kpisDir, 'first_service_share.yaml')}：value.ratio.numerator.count.where[1].column：未知列 repair_typ_raw（表 repair_orders），是否为 repair_type_raw？`);
    const again = fixops(['recompute', '--db', db], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('did you mean repair_type_raw?');
  });
});
