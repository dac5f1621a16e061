// `fixops compare` end to end through the built binary, on the demo network and on an unseen
// one (the demo generator with seed 7): both example comparisons run, and every composite, band,
// rank and change is recomputed here from `fixops kpis --json` with the hand formula of
// packages/compare/README.md, independently of @fixops/compare.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadTemplateFile, TEMPLATES_DIR, type PointsTemplate } from '@fixops/checklist';
import { kpiDefinition } from '@fixops/metrics';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchBrowser, RESULTS_DIR } from './test-helpers/browser.js';
import { cleanup, demoCopy, fixops, tempDir } from './test-helpers/run.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'comparisons');
const EAST = join(EXAMPLES, 'east-region-service-scorecard.yaml');
const METRO = join(EXAMPLES, 'metro-customer-retention.yaml');

interface Spec {
  dealers: { all?: true; codes?: string[]; regions?: string[]; groups?: string[]; exclude?: string[] };
  compareWith?: string;
  kpis: { kpi: string; weight: number; target?: number; floor?: number }[];
  checklist?: { weight: number; target?: number; floor?: number };
  bands?: { min: number; en: string }[];
}
interface Row { dealer: string; score: number; composite: number; rank: number; band: { en: string }; change: { score: number; rank: number } | null }
interface Output { month: string; previousMonth: string; rows: Row[]; missing: { dealer: string }[] }

const DEFAULT_BANDS = [{ min: 900, en: 'Excellent' }, { min: 800, en: 'Good' }, { min: 650, en: 'Pass' }, { min: 0, en: 'Needs improvement' }];

function json<T>(args: string[]): T {
  const r = fixops(args);
  expect(r.code, `fixops ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as T;
}

async function dealersOf(db: string): Promise<{ code: string; region: string; group: string }[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await instance.connect();
  const rows = (await c.runAndReadAll('SELECT dealer_code AS code, region, peer_group AS "group" FROM dealers')).getRowObjectsJson() as { code: string; region: string; group: string }[];
  c.closeSync();
  instance.closeSync();
  return rows;
}

/** The hand formula, written again from the README: composites of every dealer with values in `month`. */
function handScores(spec: Spec, settings: Record<string, number>, kpis: { dealer: string; kpi: string; value: number | null }[], dealers: string[], checklist: Record<string, number>): Map<string, number> {
  const values = new Map<string, Map<string, number | null>>();
  for (const k of kpis) if (dealers.includes(k.dealer)) (values.get(k.dealer) ?? values.set(k.dealer, new Map()).get(k.dealer)!).set(k.kpi, k.value);
  const out = new Map<string, number>();
  for (const [dealer, v] of values) {
    let sum = 0;
    for (const k of spec.kpis) {
      const higher = kpiDefinition(k.kpi)!.better === 'higher';
      const target = k.target ?? settings[`target.${k.kpi}`]!;
      const floor = k.floor ?? (higher ? 0 : 2 * target);
      const value = v.get(k.kpi);
      if (value === null || value === undefined) continue; // no data: 0 points
      sum += k.weight * Math.min(1, Math.max(0, (value - floor) / (target - floor)));
    }
    if (spec.checklist && checklist[dealer] !== undefined) {
      const { weight, target = 1, floor = 0 } = spec.checklist;
      sum += weight * Math.min(1, Math.max(0, (checklist[dealer] - floor) / (target - floor)));
    }
    out.set(dealer, sum);
  }
  return out;
}

const round1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;
const previousOf = (month: string, spec: Spec) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 - (spec.compareWith === 'previous_year' ? 12 : 1);
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** `checklist`: score rates of visits dated 2025-12-10. */
async function checkByHand(db: string, file: string, checklist: Record<string, number> = {}): Promise<Output> {
  const spec = parse(readFileSync(file, 'utf8')) as Spec;
  const out = json<Output>(['compare', file, '--db', db, '--format', 'json']);
  const settings = Object.fromEntries(json<{ key: string; value: number }[]>(['settings', '--json', '--db', db]).map((s) => [s.key, s.value]));
  const all = await dealersOf(db);
  const chosen = all.filter((d) => spec.dealers.all
    || spec.dealers.codes?.includes(d.code)
    || (!spec.dealers.codes && (spec.dealers.regions || spec.dealers.groups) && (!spec.dealers.regions || spec.dealers.regions.includes(d.region)) && (!spec.dealers.groups || spec.dealers.groups.includes(d.group))))
    .filter((d) => !spec.dealers.exclude?.includes(d.code)).map((d) => d.code);
  expect(chosen.length).toBeGreaterThan(1);
  const scoresOf = (month: string) => {
    // The checklist counts from the month of the visit on (all visits here are dated 2025-12-10).
    const composites = handScores(spec, settings, json(['kpis', '--month', month, '--json', '--db', db]), chosen, month >= '2025-12' ? checklist : {});
    const scores = new Map([...composites].map(([d, c]) => [d, round1(c)]));
    const ranks = new Map([...scores].map(([d, s]) => [d, 1 + [...scores.values()].filter((o) => o > s).length]));
    return { composites, scores, ranks };
  };
  const now = scoresOf(out.month);
  const before = scoresOf(previousOf(out.month, spec));
  expect(out.previousMonth).toBe(previousOf(out.month, spec));
  expect(out.rows.map((r) => r.dealer).sort()).toEqual([...now.scores.keys()].sort());
  expect([...out.rows.map((r) => r.dealer), ...out.missing.map((m) => m.dealer)].sort()).toEqual([...chosen].sort());
  for (const r of out.rows) {
    expect(r.composite, r.dealer).toBeCloseTo(now.composites.get(r.dealer)!, 6);
    expect(r.score, r.dealer).toBe(now.scores.get(r.dealer));
    expect(r.rank, r.dealer).toBe(now.ranks.get(r.dealer));
    expect(r.band.en, r.dealer).toBe((spec.bands ?? DEFAULT_BANDS).find((b) => r.score >= b.min)!.en);
    const earlier = before.scores.get(r.dealer);
    expect(r.change, r.dealer).toEqual(earlier === undefined ? null : { score: round1(r.score - earlier), rank: before.ranks.get(r.dealer)! - r.rank });
  }
  // best first
  expect(out.rows.map((r) => r.rank)).toEqual([...out.rows.map((r) => r.rank)].sort((a, b) => a - b));
  return out;
}

let dir: string;
let demoDb: string;
let unseenDb: string;
let browser: Browser;
const checklistRates: Record<string, number> = {};

beforeAll(async () => {
  dir = tempDir();
  demoDb = join(dir, 'demo.duckdb');
  unseenDb = join(dir, 'seed7.duckdb');
  for (const [db, extra] of [[demoDb, []], [unseenDb, ['--seed', '7']]] as const) {
    await demoCopy(db, [...extra]);
  }
  // Complete on-site assessments (every module scored) for two East dealers, in December 2025.
  const template = await loadTemplateFile(join(TEMPLATES_DIR, 'dealer-aftersales.yaml'));
  if (!template.ok) throw new Error(template.error.message.en);
  const modules = (template.value as PointsTemplate).sections.flatMap((s) => s.modules);
  for (const [dealer, share] of [['SH001', 0.8], ['NB010', 0.62]] as const) {
    const scores = join(dir, `${dealer}.json`);
    writeFileSync(scores, JSON.stringify(Object.fromEntries(modules.map((m) => [m.id, Math.round(m.max * share)]))));
    expect(fixops(['assess', '--db', demoDb, '--dealer', dealer, '--date', '2025-12-10', '--scores', scores]).code).toBe(0);
    const visit = json<{ visits: { total: number; max: number; complete: boolean }[] }>(['assessments', '--db', demoDb, '--dealer', dealer, '--json']).visits[0]!;
    expect(visit.complete).toBe(true);
    checklistRates[dealer] = visit.total / visit.max;
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  cleanup();
});

describe('fixops compare on the demo network', () => {
  it('the East region scorecard: every composite, band, rank and change recomputed by hand', async () => {
    const out = await checkByHand(demoDb, EAST, checklistRates);
    expect(out.month).toBe('2025-12');
    expect(out.rows.map((r) => r.dealer).sort()).toEqual(['HZ007', 'NB010', 'SH001', 'SU004']);
  });

  it('the metro customer-retention review, against the same month a year before', async () => {
    const out = await checkByHand(demoDb, METRO);
    expect(out.previousMonth).toBe('2024-12');
    expect(out.rows).toHaveLength(6);
  });

  it('prints a bilingual table by default, and md / csv / html on request', () => {
    const table = fixops(['compare', EAST, '--db', demoDb]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('华东大区售后服务月度评分卡 / East region after-sales service scorecard · 2025-12');
    expect(table.stdout).toContain('名次 Rank');
    const md = fixops(['compare', 'metro-customer-retention', '--db', demoDb, '--format', 'md', '--month', '2025-06'], { FIXOPS_COMPARISONS_DIR: EXAMPLES });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('# 一线城市组客户保有回顾 · 2025-06');
    expect(md.stdout).toContain('对比期：2024-06（去年同月）');
    const csv = fixops(['compare', EAST, '--db', demoDb, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toMatch(/^month,rank,dealer,name,region,group,score,composite,band/);
    expect(csv.stdout.trim().split('\n')).toHaveLength(1 + 4);
    const en = fixops(['compare', EAST, '--db', demoDb, '--format', 'md', '--lang', 'en']);
    expect(en.stdout).toContain('## Three biggest gaps to the group median');
  });

  it('writes printable HTML: charts, and no table row or chart cut by an A4 page break', async () => {
    const out = join(dir, 'east.html');
    const r = fixops(['compare', EAST, '--db', demoDb, '--format', 'html', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(out);
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`file://${out}`);
    await page.screenshot({ path: join(RESULTS_DIR, 'compare-east.png'), fullPage: true });
    expect(await page.locator('figure svg').count()).toBeGreaterThanOrEqual(1 + 3);
    expect(await page.locator('figure svg').first().locator('rect').count()).toBe(4);
    await page.emulateMedia({ media: 'print' });
    const unbreakable = await page.evaluate(() => [...document.querySelectorAll('tr, figure, .dealer')].every((el) => {
      const s = getComputedStyle(el);
      return s.breakInside === 'avoid' || s.breakInside === 'avoid-page';
    }));
    expect(unbreakable).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(RESULTS_DIR, 'compare-east.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
    const chartWidth = await page.evaluate(() => document.querySelector('figure svg')!.getBoundingClientRect().width);
    expect(chartWidth).toBeLessThanOrEqual(720);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a bad file (exit 1, the file and path named), a month without data (exit 1), and bad usage (exit 2)', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(EAST, 'utf8').replace('kpi: booking_rate, weight: 150', 'kpi: bookng_rate, weight: 150'));
    const r = fixops(['compare', bad, '--db', demoDb]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}：kpis[1].kpi：没有 KPI“bookng_rate”。最接近的：booking_rate`);
    expect(r.stderr).toContain(`${bad}: kpis[1].kpi: unknown KPI "bookng_rate". Closest: booking_rate`);
    const weights = join(dir, 'weights.yaml');
    writeFileSync(weights, readFileSync(EAST, 'utf8').replace('weight: 200, floor: 0.5', 'weight: 150, floor: 0.5'));
    expect(fixops(['compare', weights, '--db', demoDb]).stderr).toContain('Weights must add up to 1000 points, not 950 (50 short)');
    const region = join(dir, 'region.yaml');
    writeFileSync(region, readFileSync(EAST, 'utf8').replace('regions: [华东]', 'regions: [华中]'));
    const r2 = fixops(['compare', region, '--db', demoDb]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('dealers.regions: unknown region "华中". Valid: 华东, 华北, 华南');
    const old = fixops(['compare', EAST, '--db', demoDb, '--month', '2019-01']);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('No KPI values for the selected dealers in 2019-01 (latest month with values: 2025-12)');
    expect(fixops(['compare', join(dir, 'missing.yaml'), '--db', demoDb]).code).toBe(1);
    expect(fixops(['compare', '--db', demoDb]).code).toBe(2);
    expect(fixops(['compare', EAST, '--db', demoDb, '--format', 'pdf']).code).toBe(2);
    expect(fixops(['compare', EAST, '--db', demoDb, '--month', '2025-13']).code).toBe(2);
  });
});

describe('fixops compare on an unseen network (demo generator, seed 7)', () => {
  it('runs both example comparisons, reproducible by hand', async () => {
    const east = await checkByHand(unseenDb, EAST);
    const metro = await checkByHand(unseenDb, METRO);
    expect(east.rows.length + metro.rows.length).toBeGreaterThan(0);
  });
});
