import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Check } from 'typebox/value';
import { saveAssessment, findTemplate } from '@fixops/assessment';
import { scoreAssessment, type ScoreEntry, type Template } from '@fixops/checklist';
import { ChecklistModules, DealerPage, Overview, PeerStats } from '@fixops/contracts';
import { queryJson } from '@fixops/db';
import { benchmark } from '@fixops/metrics';
import { loadedNetwork, passRatesTemplatesDir, type LoadedNetwork } from '../test-helpers/network.js';
import { readChecklist } from './checklist.js';
import { readDealerPage } from './dealerPage.js';
import { readOverview } from './overview.js';
import { readPeers } from './peers.js';

let net: LoadedNetwork;
let templatesDir: string;

async function visit(dealer: string, date: string, template: Template, scores: ScoreEntry[]): Promise<number> {
  const card = scoreAssessment(template, scores);
  if (!card.ok) throw new Error(card.error.message.en);
  return saveAssessment(net.db.connection, { dealer, date, scores, scorecard: card.value });
}

beforeAll(async () => {
  net = await loadedNetwork();
  templatesDir = await passRatesTemplatesDir(net.dir);
  const passRates = await findTemplate('pass-rates', templatesDir);
  if (!passRates.ok) throw new Error(passRates.error.message.en);
  // SH001: 30/50 on the 50 % module (passes), 40/50 on the 90 % module (fails).
  await visit('SH001', '2025-12-10', passRates.value, [{ id: 's.half', score: 30 }, { id: 's.most', score: 40 }]);
  const shipped = await findTemplate('dealer-aftersales');
  if (!shipped.ok) throw new Error(shipped.error.message.en);
  await visit('BJ002', '2025-11-02', shipped.value, [{ id: 'front_desk.dms', score: 9 }]);
});
afterAll(async () => {
  await net.close();
});

const c = () => net.db.connection;

describe('readOverview', () => {
  it('gives every dealer its latest month\'s key KPIs, flag counts, a 12-month sparkline and latest visit', async () => {
    const rows = await readOverview(c());
    expect(Check(Overview, rows)).toBe(true);
    expect(rows.map((r) => r.code)).toEqual(['BJ002', 'GZ003', 'SH001']);
    const sh = rows.find((r) => r.code === 'SH001')!;
    expect(sh.latestMonth).toBe('2025-12');
    expect(sh.spark.months).toHaveLength(12);
    expect(sh.spark.months.at(0)).toBe('2025-01');
    expect(sh.spark.months.at(-1)).toBe('2025-12');
    const ros = await queryJson<{ m: string; v: number }>(c(), "SELECT strftime(month, '%Y-%m') AS m, value AS v FROM kpi_values WHERE dealer_code = 'SH001' AND kpi = 'ro_count' ORDER BY 1");
    expect(sh.spark.values.slice(-3)).toEqual(ros.map((r) => r.v));
    expect(sh.spark.values.slice(0, 9).every((v) => v === null)).toBe(true);
    expect(sh.kpis.ro_count).toBe(ros.at(-1)!.v);
    const [flags] = await queryJson<{ n: number }>(c(), "SELECT count(*)::INTEGER AS n FROM kpi_flags WHERE dealer_code = 'SH001' AND month = DATE '2025-12-01'");
    expect(sh.flags.total).toBe(flags!.n);
    expect(sh.flags.not_tracked + sh.flags.target + sh.flags.trend + sh.flags.peer).toBe(sh.flags.total);
    expect(sh.checklist).toMatchObject({ date: '2025-12-10', total: 70, max: 100, rate: 0.7, complete: true });
    expect(rows.find((r) => r.code === 'GZ003')!.checklist).toBeNull();
  });

  it('keeps a dealer to its own row', async () => {
    const rows = await readOverview(c(), { dealer: 'GZ003' });
    expect(rows.map((r) => r.code)).toEqual(['GZ003']);
    expect(await readOverview(c(), { dealer: 'NOPE' })).toEqual([]);
  });

  it('reads one chosen month: that month\'s values, its sparkline ending there, visits up to it', async () => {
    const rows = await readOverview(c(), { month: '2025-11' });
    expect(Check(Overview, rows)).toBe(true);
    const sh = rows.find((r) => r.code === 'SH001')!;
    expect(sh.latestMonth).toBe('2025-11');
    expect(sh.spark.months.at(-1)).toBe('2025-11');
    const [ro] = await queryJson<{ v: number }>(c(), "SELECT value AS v FROM kpi_values WHERE dealer_code = 'SH001' AND kpi = 'ro_count' AND month = DATE '2025-11-01'");
    expect(sh.kpis.ro_count).toBe(ro!.v);
    const [flags] = await queryJson<{ n: number }>(c(), "SELECT count(*)::INTEGER AS n FROM kpi_flags WHERE dealer_code = 'SH001' AND month = DATE '2025-11-01'");
    expect(sh.flags.total).toBe(flags!.n);
    // SH001's December visit is after the month; BJ002's November visit is in it.
    expect(sh.checklist).toBeNull();
    expect(rows.find((r) => r.code === 'BJ002')!.checklist).toMatchObject({ date: '2025-11-02' });
    const none = await readOverview(c(), { month: '2020-01', dealer: 'SH001' });
    expect(none.map((r) => [r.code, r.latestMonth, r.kpis])).toEqual([['SH001', null, {}]]);
  });
});

describe('readPeers', () => {
  it('answers the peer group\'s quartiles per month, the very numbers of the peer benchmark', async () => {
    const peers = await readPeers(c(), { dealer: 'SH001', kpi: 'revenue_per_ro' });
    expect(Check(PeerStats, peers)).toBe(true);
    expect(peers.map((p) => p.month)).toEqual(['2025-10', '2025-11', '2025-12']);
    for (const p of peers) {
      const [b] = await benchmark(c(), { month: p.month, kpi: 'revenue_per_ro', group: p.group });
      expect(p).toEqual({ month: p.month, kpi: 'revenue_per_ro', group: b!.group, groupSize: b!.groupSize, p25: b!.p25, median: b!.median, p75: b!.p75 });
      expect(p.groupSize).toBe(3);
      expect(p.p25!).toBeLessThanOrEqual(p.median!);
      expect(p.median!).toBeLessThanOrEqual(p.p75!);
    }
  });

  it('limits the months and names no dealer', async () => {
    const peers = await readPeers(c(), { dealer: 'SH001', from: '2025-11', to: '2025-11' });
    expect(new Set(peers.map((p) => p.month))).toEqual(new Set(['2025-11']));
    expect(peers.length).toBeGreaterThan(5);
    expect(JSON.stringify(peers)).not.toMatch(/SH001|BJ002|GZ003/);
  });
});

describe('readChecklist', () => {
  it('gives each module the pass rate its template sets (50 % and 90 %), not one rate for all', async () => {
    const list = await readChecklist(c(), 'SH001', { templatesDir });
    expect(Check(ChecklistModules, list)).toBe(true);
    expect(list.visit).toMatchObject({ date: '2025-12-10', total: 70, max: 100, passed: true, complete: true });
    expect(list.modules.map((m) => [m.id, m.rate, m.passRate, m.passed])).toEqual([
      ['s.half', 0.6, 0.5, true],
      ['s.most', 0.8, 0.9, false],
    ]);
  });

  it('falls back to the default line when the visit\'s template is gone, and reads shipped templates by default', async () => {
    const gone = await readChecklist(c(), 'SH001');
    expect(gone.modules.map((m) => m.passRate)).toEqual([0.7, 0.7]);
    const shipped = await readChecklist(c(), 'BJ002');
    expect(shipped.modules.length).toBeGreaterThan(5);
    expect(shipped.modules.find((m) => m.id === 'front_desk.dms')).toMatchObject({ rate: 0.9, passRate: 0.7 });
    expect(shipped.modules.filter((m) => m.id !== 'front_desk.dms').every((m) => m.rate === null && m.passRate === 0.7)).toBe(true);
    expect(await readChecklist(c(), 'GZ003')).toEqual({ visit: null, modules: [] });
  });
});

describe('readDealerPage', () => {
  it('answers the latest month by default with a 12-month window, the same numbers as the separate reads', async () => {
    const page = await readDealerPage(c(), 'SH001', undefined, { templatesDir });
    expect(Check(DealerPage, page)).toBe(true);
    expect(page.dealer).toMatchObject({ code: 'SH001', group: 'metro' });
    expect(page.months).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(page.month).toBe('2025-12');
    expect(page.window).toHaveLength(12);
    expect(page.window.at(-1)).toBe('2025-12');
    const peers = await readPeers(c(), { dealer: 'SH001', kpi: 'revenue' });
    expect(page.peers.filter((p) => p.kpi === 'revenue')).toEqual(peers);
    expect(new Set(page.kpis.map((k) => k.kpi)).has('ro_count')).toBe(true);
    expect(page.mix.length).toBeGreaterThan(0);
    expect(page.advisors.length).toBeGreaterThan(0);
    expect(page.checklist).toEqual(await readChecklist(c(), 'SH001', { templatesDir }));
    expect(page.checklist.modules.map((m) => m.passRate)).toEqual([0.5, 0.9]);
  });

  it('answers an earlier month with its own window and flags up to it', async () => {
    const page = await readDealerPage(c(), 'BJ002', '2025-11');
    expect(Check(DealerPage, page)).toBe(true);
    expect(page.month).toBe('2025-11');
    expect(page.window.at(-1)).toBe('2025-11');
    expect(page.kpis.every((k) => k.month <= '2025-11')).toBe(true);
    expect(page.peers.every((p) => p.month <= '2025-11')).toBe(true);
    expect(page.flags.every((f) => f.month <= '2025-11')).toBe(true);
  });

  it('answers an unknown dealer with an empty page', async () => {
    const page = await readDealerPage(c(), 'NOPE', undefined);
    expect(Check(DealerPage, page)).toBe(true);
    expect(page).toMatchObject({ dealer: { code: 'NOPE', name: null }, months: [], month: null, kpis: [], checklist: { visit: null, modules: [] } });
  });
});
