// The engine against an independent plain-TypeScript reading of kpis.md, on the demo network:
// every KPI value within 1e-9 relative, and exactly the same set of flags.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryJson, type Database } from '@fixops/db';
import { demoDatabase } from '../test-helpers/network.js';
import { readInput, writeSettings } from '../test-helpers/bridge.js';
import { DEFAULT_SETTINGS, referenceKpis } from '../test-helpers/reference/index.js';
import type { RefSettings } from '../test-helpers/reference/types.js';
import { transaction } from '@fixops/db';
import { recomputeAll } from './recompute.js';

let db: Database;
beforeAll(async () => {
  ({ db } = await demoDatabase());
});
afterAll(() => db.close());

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-12) || Math.abs(a - b) < 1e-12;
}

async function compare(settings: RefSettings): Promise<void> {
  const ref = referenceKpis(await readInput(db.connection, settings));
  const engine = await queryJson<{ k: string; value: number | null }>(db.connection,
    "SELECT dealer_code || '|' || strftime(month, '%Y-%m') || '|' || kpi AS k, value FROM kpi_values");
  const got = new Map(engine.map((r) => [r.k, r.value]));
  expect(got.size).toBe(ref.values.length);
  const key = (v: { dealer: string; month: string; kpi: string }) => `${v.dealer}|${v.month}|${v.kpi}`;
  const mismatches = ref.values.filter((v) => !got.has(key(v)) || !close(got.get(key(v))!, v.value))
    .map((v) => ({ key: key(v), reference: v.value, engine: got.get(key(v)) }));
  expect(mismatches.slice(0, 10)).toEqual([]);
  const flags = await queryJson<{ k: string }>(db.connection, "SELECT dealer_code || '|' || strftime(month, '%Y-%m') || '|' || kpi || '|' || kind AS k FROM kpi_flags");
  const engineFlags = new Set(flags.map((f) => f.k));
  const refFlags = new Set(ref.flags.map((f) => `${f.dealer}|${f.month}|${f.kpi}|${f.kind}`));
  expect([...engineFlags].filter((f) => !refFlags.has(f)).slice(0, 10)).toEqual([]);
  expect([...refFlags].filter((f) => !engineFlags.has(f)).slice(0, 10)).toEqual([]);
  expect(engineFlags.size).toBe(refFlags.size);
}

describe('engine = reference implementation of kpis.md', () => {
  it('on the demo network with default settings', async () => {
    await compare(DEFAULT_SETTINGS);
  });

  it('after changing thresholds and targets', async () => {
    const settings: RefSettings = {
      ...DEFAULT_SETTINGS,
      majorAccidentAmount: 5000, timeEstimateToleranceMinutes: 45, costEstimateTolerance: 0.05,
      targets: { ...DEFAULT_SETTINGS.targets, booking_rate: { op: '>=', value: 0.2 }, rework_rate: { op: '<=', value: 0.01 } },
    };
    await writeSettings(db.connection, settings);
    await transaction(db.connection, () => recomputeAll(db.connection));
    await compare(settings);
  });
});
