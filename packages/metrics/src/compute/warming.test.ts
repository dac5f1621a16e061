// kpis.md's history coverage on the demo network (6 dealers, 24 months, 2024-01 .. 2025-12): the customer
// windows that reach back before a dealer's data are warming up, not a real change. BJ002's
// churn used to read 0.3–0.8 % through 2024, then 1.9–2.5 %, with a trend flag calling it "far
// above median"; now 2024 is 数据积累中 and nothing flags the jump.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@fixops/db';
import { demoDatabase } from '../test-helpers/network.js';
import { readFlags, readKpis } from '../read.js';

let db: Database;
beforeAll(async () => {
  ({ db } = await demoDatabase({ dealers: 6 }));
});
afterAll(() => db.close());

describe('warming up on the demo network', () => {
  it('BJ002: churn is warming up through 2024 (base_customers until 2024-11), then known', async () => {
    const churn = await readKpis(db.connection, { dealer: 'BJ002', kpi: 'churn_rate' });
    expect(churn).toHaveLength(24);
    for (const v of churn) {
      if (v.month <= '2024-12') expect([v.month, v.value, v.status]).toEqual([v.month, null, 'warming_up']);
      else expect([v.month, v.status]).toEqual([v.month, 'ok']);
    }
    const base = await readKpis(db.connection, { dealer: 'BJ002', kpi: 'base_customers' });
    expect(base.filter((v) => v.status === 'warming_up').map((v) => v.month)).toEqual(base.map((v) => v.month).filter((m) => m <= '2024-11'));
    expect(base.filter((v) => v.month >= '2024-12').every((v) => v.value !== null && v.value > 0)).toBe(true);
  });

  it('no flag of any kind on a warming-up KPI; BJ002\'s jump is not flagged as a trend', async () => {
    const flags = await readFlags(db.connection, {});
    const warmingKeys = new Set((await readKpis(db.connection, {})).filter((v) => v.status === 'warming_up').map((v) => `${v.dealer}|${v.month}|${v.kpi}`));
    expect(warmingKeys.size).toBeGreaterThan(0);
    expect(flags.filter((f) => warmingKeys.has(`${f.dealer}|${f.month}|${f.kpi}`))).toEqual([]);
    expect(flags.filter((f) => f.dealer === 'BJ002' && f.kpi === 'churn_rate' && f.kind === 'trend')).toEqual([]);
    // once known, churn is flagged like any KPI (2025-12: 3.2 % against the 3 % target)
    expect(flags.filter((f) => f.dealer === 'BJ002' && f.kpi === 'churn_rate' && f.kind === 'target').map((f) => f.month)).toContain('2025-12');
  });

  it('statuses: ok with a value, not_tracked and warming_up without; data_completeness leaves warming KPIs out', async () => {
    const all = await readKpis(db.connection, { dealer: 'BJ002', from: '2024-06', to: '2024-06' });
    expect(all.every((v) => (v.value === null) === (v.status !== 'ok'))).toBe(true);
    expect(all.filter((v) => v.status === 'warming_up').map((v) => v.kpi)).toEqual(['base_customers', 'churn_rate']);
    const counted = all.filter((v) => v.kpi !== 'data_completeness' && v.status !== 'warming_up');
    const completeness = all.find((v) => v.kpi === 'data_completeness')!.value;
    expect(counted).toHaveLength(17);
    expect(completeness).toBeCloseTo(counted.filter((v) => v.value !== null).length / 17, 12);
  });
});
