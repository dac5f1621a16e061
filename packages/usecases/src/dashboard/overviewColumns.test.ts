// The overview's KPI columns follow the catalogue: a KPI a network adds as a file (the shipped
// example 首保占比) appears with its latest value for every dealer, and goes away with its file.

import { cpSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryJson, transaction } from '@fixops/db';
import { EXAMPLE_KPIS_DIR, SHIPPED_KPIS_DIR, recomputeAll, reloadCatalogue } from '@fixops/metrics';
import { OVERVIEW_KPIS } from '@fixops/contracts';
import { loadedNetwork, type LoadedNetwork } from '../test-helpers/network.js';
import { overviewKpis, readOverview } from './overview.js';

let net: LoadedNetwork;
beforeAll(async () => {
  net = await loadedNetwork();
});
afterAll(async () => {
  const back = reloadCatalogue(SHIPPED_KPIS_DIR);
  if (!back.ok) throw new Error(back.error.message.en);
  await net.close();
});

async function useKpis(dir: string): Promise<void> {
  const r = reloadCatalogue(dir);
  if (!r.ok) throw new Error(r.error.message.en);
  await transaction(net.db.connection, () => recomputeAll(net.db.connection));
}

describe('the overview KPI columns', () => {
  it('are the key KPIs, then a KPI added as a file, with its value per dealer; removing the file removes the column', async () => {
    await useKpis(SHIPPED_KPIS_DIR);
    expect(overviewKpis()).toEqual([...OVERVIEW_KPIS]);
    const before = await readOverview(net.db.connection);
    expect(before.every((r) => !('first_service_share' in r.kpis))).toBe(true);

    const dir = join(net.dir, 'kpis');
    cpSync(SHIPPED_KPIS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'first_service_share.yaml'), readFileSync(join(EXAMPLE_KPIS_DIR, 'first_service_share.yaml'), 'utf8'));
    await useKpis(dir);
    expect(overviewKpis()).toEqual([...OVERVIEW_KPIS, 'first_service_share']);
    const rows = await readOverview(net.db.connection);
    const stored = await queryJson<{ dealer: string; value: number | null }>(net.db.connection, `
      SELECT k.dealer_code AS dealer, k.value FROM kpi_values k
      WHERE k.kpi = 'first_service_share' AND k.month = (SELECT max(month) FROM kpi_values x WHERE x.dealer_code = k.dealer_code AND x.kpi = 'ro_count')`);
    expect(stored.length).toBe(rows.length);
    for (const s of stored) expect(rows.find((r) => r.code === s.dealer)!.kpis.first_service_share).toBe(s.value);
    expect(stored.some((s) => (s.value ?? 0) > 0)).toBe(true);

    await useKpis(SHIPPED_KPIS_DIR);
    expect(overviewKpis()).not.toContain('first_service_share');
    expect((await readOverview(net.db.connection)).every((r) => !('first_service_share' in r.kpis))).toBe(true);
  }, 120_000);
});
