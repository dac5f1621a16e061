import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryJson } from '@fixops/db';
import { listLoads } from '@fixops/ingest';
import { loadedNetwork, SMALL_NETWORK, type LoadedNetwork } from './test-helpers/network.js';

let net: LoadedNetwork;
beforeAll(async () => {
  net = await loadedNetwork();
});
afterAll(async () => {
  await net.close();
});

describe('loadDemoNetwork', () => {
  it('loads every generated file through loadExport: rows, KPIs, and one load-log entry per file by "demo"', async () => {
    const { summaries, totals } = net.demo;
    expect(Number(totals.dealers)).toBe(SMALL_NETWORK.dealers);
    expect(Number(totals.months)).toBe(SMALL_NETWORK.months);
    const [counts] = await queryJson<{ ros: number; kpiDealers: number }>(net.db.connection,
      "SELECT (SELECT count(*)::INTEGER FROM repair_orders) AS ros, (SELECT count(DISTINCT dealer_code)::INTEGER FROM kpi_values WHERE kpi = 'ro_count' AND value > 0) AS \"kpiDealers\"");
    expect(Number(totals.repair_orders)).toBe(counts!.ros);
    expect(counts!.kpiDealers).toBe(SMALL_NETWORK.dealers);
    expect(summaries.filter((s) => s.status === 'loaded').length).toBeGreaterThan(SMALL_NETWORK.dealers);
    const log = await listLoads(net.db.connection);
    expect(log).toHaveLength(summaries.length);
    expect(log.every((l) => l.uploadedBy === 'demo')).toBe(true);
  });
});
