// A comparison may score a KPI a network added as a file (it is in the catalogue the moment
// the files are read), taking its default target from the file; gone with its file, it is refused.

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { reloadCatalogue, SHIPPED_KPIS_DIR } from '@fixops/metrics';
import { loadComparison } from './load.js';

const FILE = `id: first_service_share
name: { zh: 首保占比, en: First-service share }
unit: ratio
better: higher
description: { zh: 首保工单占对外工单的比例, en: Share of first free services among external ROs }
target: { op: '>=', value: 0.2 }
value:
  ratio:
    numerator: { count: { table: repair_orders, where: [{ column: repair_type_raw, equals: 首保 }] } }
    denominator: { count: { table: repair_orders, where: [{ column: repair_type, not_equals: internal }] } }
`;

const dir = mkdtempSync(join(tmpdir(), 'fixops-kpis-'));
afterAll(() => {
  reloadCatalogue(SHIPPED_KPIS_DIR);
  rmSync(dir, { recursive: true, force: true });
});

const spec = stringify({ id: 'fs', title: { zh: '首保', en: 'First service' }, dealers: { all: true }, kpis: [{ kpi: 'first_service_share', weight: 600 }, { kpi: 'booking_rate', weight: 400 }] });

describe('a comparison of a KPI added as a file', () => {
  it('loads, with the target of the file', () => {
    cpSync(SHIPPED_KPIS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'first_service_share.yaml'), FILE);
    expect(reloadCatalogue(dir).ok).toBe(true);
    const r = loadComparison(spec);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.kpis.map((k) => k.kpi)).toEqual(['first_service_share', 'booking_rate']);
  });

  it('is refused once the file is gone', () => {
    rmSync(join(dir, 'first_service_share.yaml'));
    expect(reloadCatalogue(dir).ok).toBe(true);
    const r = loadComparison(spec);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('compare_unknown_kpi');
  });
});
