// A settings change recomputes only what depends on it (settingEffect), and the result is
// exactly a full recompute's: a target re-derives its KPI's target flags, a threshold its KPIs
// and their flags, other settings nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction, type Database } from '@fixops/db';
import { demoDatabase, snapshot } from '../test-helpers/network.js';
import { settingEffect, storeSetting } from '../settings.js';
import { recomputeAfterSetting, recomputeAll } from './recompute.js';
import { forgetGroups } from './groups.js';

let db: Database;
beforeAll(async () => {
  ({ db } = await demoDatabase({ dealers: 6, months: 18 }));
});
afterAll(() => db.close());

async function changeAndCompare(key: string, value: number): Promise<void> {
  const before = await snapshot(db);
  const stats = await transaction(db.connection, async () => {
    await storeSetting(db.connection, key, value);
    return recomputeAfterSetting(db.connection, key);
  });
  expect(stats.mode).toBe('partial');
  const partial = await snapshot(db);
  // from the rows: the per-month groups a threshold change rebuilt are not taken on trust
  await transaction(db.connection, () => forgetGroups(db.connection));
  await transaction(db.connection, () => recomputeAll(db.connection));
  const full = await snapshot(db);
  expect(partial.values).toEqual(full.values);
  expect(partial.flags).toEqual(full.flags);
  // the change did move something (else the comparison proves little)
  if (settingEffect(key).kind !== 'none') expect(JSON.stringify(full)).not.toEqual(JSON.stringify(before));
}

describe('partial recompute after a settings change = full recompute', () => {
  it('says what each setting affects', () => {
    expect(settingEffect('target.booking_rate')).toEqual({ kind: 'target', kpi: 'booking_rate' });
    expect(settingEffect('costEstimateTolerance')).toEqual({ kind: 'threshold', kpis: ['cost_estimate_accuracy'] });
    expect(settingEffect('uploadDueDay')).toEqual({ kind: 'none' });
  });

  it('a target', async () => {
    await changeAndCompare('target.on_time_rate', 0.97);
  });

  it('the major accident threshold', async () => {
    await changeAndCompare('majorAccidentAmount', 3000);
  });

  it('the time estimate tolerance', async () => {
    await changeAndCompare('timeEstimateToleranceMinutes', 5);
  });

  it('the cost estimate tolerance', async () => {
    await changeAndCompare('costEstimateTolerance', 0.02);
  });

  it('a setting no KPI uses', async () => {
    await changeAndCompare('uploadDueDay', 15);
  });
});
