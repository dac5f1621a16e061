// Every formula and null rule of kpis.md on small hand-computed cases: the expected numbers
// are literals in test-helpers/cases (shared with the reference implementation's own test).

import { describe, expect, it } from 'vitest';
import { openDatabase, queryJson, transaction } from '@fixops/db';
import { writeInput } from '../test-helpers/bridge.js';
import { KPI_CASES } from '../test-helpers/cases/kpiCases.js';
import { recomputeAll } from './recompute.js';

describe.each(KPI_CASES)('$name', ({ input, expected }) => {
  it('gives the hand-computed values and flags', async () => {
    const db = await openDatabase(':memory:');
    try {
      await writeInput(db.connection, input);
      await transaction(db.connection, () => recomputeAll(db.connection));
      const values = new Map((await queryJson<{ k: string; value: number | null }>(db.connection,
        "SELECT dealer_code || '|' || strftime(month, '%Y-%m') || '|' || kpi AS k, value FROM kpi_values")).map((r) => [r.k, r.value]));
      for (const [key, want] of Object.entries(expected.values ?? {})) {
        expect(values.has(key), `${key} computed`).toBe(true);
        const got = values.get(key)!;
        if (want === null || want === undefined) expect(got, key).toBeNull();
        else expect(got, key).toBeCloseTo(want, 12);
      }
      const flags = new Set((await queryJson<{ k: string }>(db.connection,
        "SELECT dealer_code || '|' || strftime(month, '%Y-%m') || '|' || kpi || '|' || kind AS k FROM kpi_flags")).map((r) => r.k));
      for (const f of expected.flags?.include ?? []) expect(flags.has(`${f.dealer}|${f.month}|${f.kpi}|${f.kind}`), `flag ${JSON.stringify(f)}`).toBe(true);
      for (const f of expected.flags?.exclude ?? []) expect(flags.has(`${f.dealer}|${f.month}|${f.kpi}|${f.kind}`), `no flag ${JSON.stringify(f)}`).toBe(false);
    } finally {
      db.close();
    }
  });
});
